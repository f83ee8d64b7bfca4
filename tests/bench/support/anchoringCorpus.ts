/**
 * Generated debates for the re-anchoring benchmark, with the ground truth of where every quote went. A debate is a
 * list of words, each with a stable id; a text is a rendering of that list (a transcript with speakers, case and
 * punctuation, or live captions: lower case, no punctuation, short lines, some words misheard), and an edit makes a
 * new list in which surviving words keep their ids. An anchor covers old words i..j; its true place in the new text
 * runs from the first to the last of those words that survived, or nowhere if none did.
 */
import { createAnchor } from '../../../shared/anchoring/createAnchor.js';
import type { Anchor } from '../../../shared/model.js';
import { seeded } from './figures.js';

export type Vocabulary = 'rich' | 'repetitive';

interface Word {
  id: number;
  text: string;
  /** Punctuation after the word in a transcript. */
  punct: string;
  capital: boolean;
  /** The speaker whose turn starts at this word. */
  speaker?: string;
}

export interface Rendering {
  text: string;
  /** By word id: where the word starts and ends in `text` (-1: not in this text). Typed arrays, because a
   * million-word debate rendered three times must not leave the re-anchoring timings a heap to collect. */
  starts: Int32Array;
  ends: Int32Array;
}

function spansFor(words: readonly Word[]): { starts: Int32Array; ends: Int32Array } {
  let max = 0;
  for (const w of words) if (w.id > max) max = w.id;
  return { starts: new Int32Array(max + 1).fill(-1), ends: new Int32Array(max + 1).fill(-1) };
}

export interface TruthAnchor {
  anchor: Anchor;
  /** Where the quote really is in the new text; undefined when every word of it was deleted. */
  truth?: [number, number];
  /** The new text holds the very same quote at `truth`. */
  intact: boolean;
}

const SPEAKERS = ['HOLT', 'TRUMP', 'CLINTON', 'RADDATZ', 'COOPER'];
const FUNCTION_WORDS = 'the a of to and in that is we it for on this they are be have not with as you our will was at what by but from my people'.split(' ');
const SYLLABLES = 'ta ri mon ver sel ka do pre lin gra tor mis ent ral cu bo fe nu shi war den tax job plan deal'.split(' ');
const SMALL = 'the government unemployment fell by percent since billion pounds health service schools taxes we will build homes every year my opponent voted against crime police energy prices trade deal jobs created inflation wages families border spending defence target report according to figures'.split(' ');

export class Corpus {
  private readonly random: () => number;
  private nextId = 0;
  private readonly lexicon: string[];
  private readonly stock: string[][];

  /** `numbers: false` leaves out numbers, the one kind of word that stays rare in a repetitive debate. */
  constructor(
    readonly vocabulary: Vocabulary,
    seed: number,
    private readonly numbers = true,
  ) {
    this.random = seeded(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(this.random() * xs.length)]!;
    if (vocabulary === 'rich') {
      this.lexicon = Array.from({ length: 4000 }, () => {
        let w = '';
        for (let i = 1 + Math.floor(this.random() * 3); i > 0; i--) w += pick(SYLLABLES);
        return w;
      });
    } else {
      this.lexicon = SMALL;
    }
    // Slogans said again and again, word for word: the repetitive debate is a quarter slogans.
    this.stock = Array.from({ length: 40 }, () => Array.from({ length: 5 + Math.floor(this.random() * 8) }, () => pick(this.lexicon)));
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)]!;
  }

  word(text?: string): Word {
    const r = this.random();
    const t = text ?? (this.vocabulary === 'rich' && r < 0.45 ? this.pick(FUNCTION_WORDS) : r < 0.5 && this.numbers ? String(Math.floor(this.random() * 2000)) : this.pick(this.lexicon));
    return { id: this.nextId++, text: t, punct: '', capital: false };
  }

  sentence(): Word[] {
    const words =
      this.vocabulary === 'repetitive' && this.random() < 0.25
        ? this.pick(this.stock).map((t) => this.word(t))
        : Array.from({ length: 6 + Math.floor(this.random() * 18) }, () => this.word());
    words[0]!.capital = true;
    for (let i = 1; i < words.length - 1; i++) if (this.random() < 0.06) words[i]!.punct = ',';
    words[words.length - 1]!.punct = this.pick(['.', '.', '.', '?', '!']);
    return words;
  }

  /** A debate of about `size` words: turns of one to eight sentences. */
  debate(size: number): Word[] {
    const words: Word[] = [];
    while (words.length < size) {
      const turn: Word[] = [];
      for (let n = 1 + Math.floor(this.random() * 8); n > 0; n--) turn.push(...this.sentence());
      turn[0]!.speaker = this.pick(SPEAKERS);
      words.push(...turn);
    }
    return words;
  }

  /** Scattered edits, one per `every` words on average: words changed in place, phrases inserted, sentences cut. */
  scatteredEdits(words: readonly Word[], every: number): Word[] {
    const out: Word[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (this.random() >= 1 / every) {
        out.push(w);
        continue;
      }
      const kind = this.random();
      if (kind < 0.4) {
        out.push({ ...w, text: this.pick(this.lexicon) }); // changed in place: the same word, other text
      } else if (kind < 0.7) {
        out.push(w, this.word('indeed'), this.word('frankly'));
      } else {
        let j = i; // cut to the end of the sentence
        while (j < words.length - 1 && !/[.?!]/.test(words[j]!.punct)) j++;
        if (j - i > 40) out.push(w);
        else i = j;
      }
    }
    return out;
  }

  /** A paragraph inserted near the start: every later word moves. */
  oneEdit(words: readonly Word[]): Word[] {
    const at = words.findIndex((w, i) => i > 300 && w.speaker !== undefined);
    const inserted = [...this.sentence(), ...this.sentence()];
    inserted[0]!.speaker = 'HOLT';
    return [...words.slice(0, at), ...inserted, ...words.slice(at)];
  }

  /** Anchors on old words i..j (3–15 words), and where each really went in `next`. */
  anchors(old: readonly Word[], oldRendering: Rendering, next: Rendering, count: number): TruthAnchor[] {
    const out: TruthAnchor[] = [];
    for (let k = 0; k < count; k++) {
      const i = Math.floor(this.random() * (old.length - 20));
      const j = i + 2 + Math.floor(this.random() * 13);
      const start = oldRendering.starts[old[i]!.id]!;
      const end = oldRendering.ends[old[j]!.id]!;
      const anchor = createAnchor(oldRendering.text, start, end, 1);
      let first = -1;
      let last = -1;
      for (let w = i; w <= j; w++) {
        const id = old[w]!.id;
        if (id >= next.starts.length || next.starts[id] === -1) continue;
        if (first < 0) first = next.starts[id]!;
        last = next.ends[id]!;
      }
      const truth: [number, number] | undefined = first >= 0 ? [first, last] : undefined;
      out.push({ anchor, truth, intact: truth !== undefined && next.text.slice(truth[0], truth[1]) === anchor.quote.exact });
    }
    return out;
  }
}

/** A transcript: "SPEAKER: Words, with punctuation." turns separated by blank lines. */
export function transcript(words: readonly Word[]): Rendering {
  const parts: string[] = [];
  const { starts, ends } = spansFor(words);
  let length = 0;
  const add = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  for (const w of words) {
    if (w.speaker) add(`${length > 0 ? '\n\n' : ''}${w.speaker}: `);
    else if (length > 0) add(' ');
    const text = w.capital ? w.text.charAt(0).toUpperCase() + w.text.slice(1) : w.text;
    starts[w.id] = length;
    ends[w.id] = length + text.length;
    add(text + w.punct);
  }
  return { text: parts.join(''), starts, ends };
}

/** Live captions of the same words: lower case, no punctuation or speakers, seven words a line, 3% misheard. */
export function captions(words: readonly Word[], corpus: Corpus, seed: number): Rendering {
  const random = seeded(seed);
  const parts: string[] = [];
  const { starts, ends } = spansFor(words);
  let length = 0;
  words.forEach((w, i) => {
    if (i > 0) {
      const sep = i % 7 === 0 ? '\n' : ' ';
      parts.push(sep);
      length += sep.length;
    }
    const text = random() < 0.03 ? corpus.word().text.toLowerCase() : w.text.toLowerCase();
    starts[w.id] = length;
    ends[w.id] = length + text.length;
    parts.push(text);
    length += text.length;
  });
  return { text: parts.join(''), starts, ends };
}
