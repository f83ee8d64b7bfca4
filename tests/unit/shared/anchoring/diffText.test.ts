import { describe, expect, it } from 'vitest';
import { diffText, PositionMap } from '../../../../shared/anchoring/diffText.js';

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

const WORDS = 'the tax plan jobs deal NATO 2% of GDP we will not and said\n'.split(' ');

function randomText(random: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]!).join(' ');
}

function randomEdit(random: () => number, text: string): string {
  const at = Math.floor(random() * text.length);
  const kind = random();
  if (kind < 0.33) return text.slice(0, at) + randomText(random, 3) + text.slice(at);
  if (kind < 0.66) return text.slice(0, at) + text.slice(at + Math.floor(random() * 40));
  return text.slice(0, at) + randomText(random, 2) + text.slice(at + Math.floor(random() * 20));
}

describe('diffText', () => {
  it('returns ordered, non-overlapping runs that really are equal, over many random edits', () => {
    const random = rng(42);
    for (let round = 0; round < 200; round++) {
      const oldText = randomText(random, 50 + Math.floor(random() * 300));
      let newText = oldText;
      const edits = 1 + Math.floor(random() * 6);
      for (let e = 0; e < edits; e++) newText = randomEdit(random, newText);
      const runs = diffText(oldText, newText);
      let oldAt = 0;
      let newAt = 0;
      let kept = 0;
      for (const run of runs) {
        expect(run.length).toBeGreaterThan(0);
        expect(run.oldStart).toBeGreaterThanOrEqual(oldAt);
        expect(run.newStart).toBeGreaterThanOrEqual(newAt);
        expect(newText.slice(run.newStart, run.newStart + run.length)).toBe(oldText.slice(run.oldStart, run.oldStart + run.length));
        oldAt = run.oldStart + run.length;
        newAt = run.newStart + run.length;
        kept += run.length;
      }
      // A handful of local edits leaves most of the text aligned.
      expect(kept).toBeGreaterThan(Math.min(oldText.length, newText.length) - edits * 60);
    }
  });

  it('covers identical texts with one run and disjoint texts with none', () => {
    expect(diffText('same text', 'same text')).toEqual([{ oldStart: 0, newStart: 0, length: 9 }]);
    expect(diffText('abc', 'xyz')).toEqual([]);
    expect(diffText('', 'new')).toEqual([]);
  });

  it('aligns a moved repeated phrase to its own copy, not the first one', () => {
    const oldText = 'Thank you. Alpha said yes. Thank you. Beta said no.';
    const newText = 'Thank you. Alpha said yes. Beta said no.';
    const map = new PositionMap(diffText(oldText, newText), oldText.length, newText.length);
    const second = oldText.indexOf('Thank you.', 5);
    const mapped = map.mapSpan(second, second + 'Thank you.'.length);
    expect(mapped.intact).toBe(false);
    expect(map.mapSpan(0, 10)).toMatchObject({ start: 0, end: 10, intact: true });
    const beta = oldText.indexOf('Beta');
    expect(map.mapSpan(beta, beta + 4)).toMatchObject({ start: newText.indexOf('Beta'), intact: true });
  });

  describe('restricted to some spans (`only`)', () => {
    const LEXICON = Array.from({ length: 300 }, (_, i) => `w${(i * 7919) % 1000}`);
    /** A transcript of `count` words: sentences with capitals and punctuation, paragraphs with blank lines. */
    function transcriptText(random: () => number, count: number): string[] {
      return Array.from({ length: count }, () => LEXICON[Math.floor(random() * LEXICON.length)]!);
    }
    const render = (words: string[]) => words.map((w, i) => (i % 9 === 0 ? w.toUpperCase() : w) + (i % 9 === 8 ? '.' : '') + (i % 60 === 59 ? '\n\n' : ' ')).join('');
    /** Live captions of the same words: lower case, no punctuation, a line break every 7 words, 1 word in 20 misheard. */
    const captions = (random: () => number, words: string[]) =>
      words.map((w, i) => (random() < 0.05 ? 'uh' : w) + (i % 7 === 6 ? '\n' : ' ')).join('');

    it('places every span it was given exactly where the whole diff places it, over captions replaced by a transcript and over scattered edits', () => {
      const random = rng(7);
      for (let round = 0; round < 12; round++) {
        const words = transcriptText(random, 3000 + Math.floor(random() * 3000));
        let oldText: string;
        let newText: string;
        if (round % 2 === 0) {
          oldText = captions(random, words);
          newText = render(words);
        } else {
          oldText = render(words);
          newText = oldText;
          for (let e = 0; e < 40; e++) newText = randomEdit(random, newText);
        }
        const spans: number[] = [];
        for (let k = 0; k < 25; k++) {
          const start = Math.floor(random() * (oldText.length - 80));
          spans.push(start, start + 1 + Math.floor(random() * 80));
        }
        const whole = new PositionMap(diffText(oldText, newText), oldText.length, newText.length);
        const runs = diffText(oldText, newText, spans);
        const some = new PositionMap(runs, oldText.length, newText.length);
        for (let k = 0; k < spans.length; k += 2) expect(some.mapSpan(spans[k]!, spans[k + 1]!)).toEqual(whole.mapSpan(spans[k]!, spans[k + 1]!));
        // What it did align is really equal.
        for (const run of runs) expect(newText.slice(run.newStart, run.newStart + run.length)).toBe(oldText.slice(run.oldStart, run.oldStart + run.length));
        // …and far from all of it, where the text changed everywhere: the stretches without a span were left out.
        if (round % 2 === 0) expect(runs.length).toBeLessThan(whole.runs.length / 3);
      }
    });

    it('aligns only the shared ends without spans, and everything with spans covering the whole text', () => {
      const random = rng(11);
      const words = transcriptText(random, 2000);
      const oldText = captions(random, words);
      const newText = render(words);
      // No spans: only what the two texts share at their ends (found before any word is looked at).
      for (const run of diffText(oldText, newText, [])) expect(run.oldStart === 0 || run.oldStart + run.length === oldText.length).toBe(true);
      expect(diffText(oldText, newText, [0, oldText.length])).toEqual(diffText(oldText, newText));
      // Spans in any order, overlapping, empty or past the end are taken as the text they cover.
      const length = oldText.length;
      expect(diffText(oldText, newText, [length - 10, length + 50, 100, 200, 150, 300, 40, 40])).toEqual(diffText(oldText, newText, [100, 300, length - 10, length]));
    });
  });
});
