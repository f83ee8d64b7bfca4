import type { DocumentFormat } from '../../shared/model.js';
import type { ParsedDocument, ParsedTurn } from '../../shared/import/parsedDocument.js';
import { ImportError } from './importError.js';
import { findDateInText } from './normaliseDate.js';
import { MAX_SPEAKERS, SpeakerRegistry, parseSpeakerLabel } from './speakers.js';
import {
  findMidLineLabels,
  forEachLine,
  inCapitals,
  isSpeakerLabel,
  isStageNote,
  lineCleaner,
  nameWords,
  readLine,
  type KnownLabels,
  type LineInfo,
} from './transcriptLines.js';

export { isSpeakerLabel } from './transcriptLines.js';

/** How to structure a transcript's text. */
export interface TranscriptOptions {
  /** Used when the text has no title line of its own (the file name, say). */
  title?: string;
  format: DocumentFormat;
}

/** Turns one document may have: more than any real transcript of the 50 MB a file may hold, and what review can show. */
export const MAX_TURNS = 300_000;

/**
 * Plain-text (and Markdown) transcripts into speakers and turns. Labels come in the shapes broadcasters and
 * parliaments use (`CORBYN:`, `Jeremy Corbyn:`, `MR. SMITH:`, `MODERATOR (JANE DOE):`, `Speaker 1 (00:12):`, a name
 * alone on its line), also in mid-line where scraped transcripts run speakers together (`… a public use. TRUMP: Real
 * -- a public use?`); `BUSH (?):`, `UNIDENTIFIED MALE:` and `(UNKNOWN):` are speakers marked uncertain. An unlabelled
 * paragraph continues the last speaker; `(APPLAUSE)` and the like are stage turns, wherever they sit on a line; lines
 * before the first speaker are the title, then narration (datelines, venue lines).
 *
 * The text is read twice, line by line and without splitting it into an array: once to learn which labels the
 * document uses, once to build the turns. Time is linear in the text and memory is the turns it makes.
 */
export function structureTranscript(text: string, opts: TranscriptOptions, known?: Survey): ParsedDocument {
  const markdown = opts.format === 'markdown';
  const survey = known ?? surveyLabels(text, markdown);
  const registry = new SpeakerRegistry();
  const turns: ParsedTurn[] = [];
  const prelude: string[] = [];
  const warnings: string[] = [];
  // One metadata object per label, shared by its turns: a long transcript has few labels and many turns.
  const labelMeta = new Map<string, Record<string, string>>();

  let cur: { speaker: string | null; text: string; start?: number; meta?: Record<string, string> } | null = null;
  let lastSpeaker: string | null | undefined;
  let lastMeta: Record<string, string> | undefined;
  let pendingStart: number | undefined;
  let newParagraph = true;
  let overSpeakers = 0;

  const push = (turn: ParsedTurn): void => {
    if (turns.length >= MAX_TURNS) {
      throw new ImportError(
        `This file has more than ${MAX_TURNS.toLocaleString('en')} turns, more than any transcript this app can review; split it into smaller files.`,
        'too-large',
      );
    }
    turns.push(turn);
  };
  const flush = (): void => {
    if (cur) {
      const body = cur.text.trim();
      if (body) {
        const turn: ParsedTurn = { speaker: cur.speaker, kind: 'speech', text: body };
        if (cur.start !== undefined) turn.start = cur.start;
        if (cur.meta) turn.metadata = cur.meta;
        push(turn);
      }
    }
    cur = null;
  };
  const takeStart = (own: number | undefined): number | undefined => {
    const start = own ?? pendingStart;
    pendingStart = undefined;
    return start;
  };
  const openSpeech = (speaker: string | null, start: number | undefined): void => {
    flush();
    cur = { speaker, text: '' };
    if (start !== undefined) cur.start = start;
    if (speaker !== null && lastMeta) cur.meta = lastMeta;
    newParagraph = false;
  };
  const pushStage = (stage: string, start: number | undefined): void => {
    flush();
    const turn: ParsedTurn = { speaker: null, kind: 'stage', text: stage };
    if (start !== undefined) turn.start = start;
    push(turn);
  };
  // A label the registry can take; past MAX_SPEAKERS, a new name is kept as text (and said so once).
  const speakerFor = (label: string): string | undefined => {
    if (registry.size >= MAX_SPEAKERS && registry.find(label) === undefined) {
      overSpeakers++;
      return undefined;
    }
    return registry.resolve(label);
  };
  const startSpeaker = (label: string, speaker: string, start: number | undefined): void => {
    flush();
    lastSpeaker = speaker;
    const written = label.trim();
    lastMeta = labelMeta.get(written);
    if (!lastMeta) labelMeta.set(written, (lastMeta = { label: written }));
    openSpeech(speaker, takeStart(start));
  };
  // Plain speech text (no labels left in it): stage directions inside it become turns of their own.
  const appendPlain = (piece: string): void => {
    if (!cur) openSpeech(lastSpeaker ?? null, takeStart(undefined));
    const c = cur!;
    c.text = c.text ? c.text + (newParagraph ? '\n\n' : ' ') + piece : piece;
    newParagraph = false;
  };
  const appendText = (content: string): void => {
    // Most speech has no bracket at all.
    if (content.indexOf('(') === -1 && content.indexOf('[') === -1) {
      appendPlain(content);
      return;
    }
    for (const piece of splitStageNotes(content)) {
      if (piece.stage) pushStage(piece.text, takeStart(undefined));
      else appendPlain(piece.text);
    }
  };
  // Speech that may hold further labels in mid-line (`… public use. TRUMP: Real …`).
  const appendSpeech = (content: string): void => {
    const labels = survey.labelled && content.indexOf(':') !== -1 ? findMidLineLabels(content, survey.known) : [];
    let at = 0;
    for (const mid of labels) {
      const speaker = speakerFor(mid.label);
      if (speaker === undefined) continue;
      const before = content.slice(at, mid.from).trim();
      if (before) appendText(before);
      startSpeaker(mid.label, speaker, undefined);
      at = mid.to;
    }
    const rest = at === 0 ? content : content.slice(at).trim();
    if (rest) appendText(rest);
  };

  let index = -1;
  let nameLine = 0;
  const info = newLineInfo();
  const clean = lineCleaner(text, markdown);
  forEachLine(text, (raw) => {
    index++;
    const line = readLine(clean(raw), info);
    if (line.kind === 'blank') {
      newParagraph = true;
      return;
    }
    // A time at the head of the line belongs to what comes first on it.
    let own = line.start;
    for (const stage of line.stages) {
      pushStage(stage, takeStart(own));
      own = undefined;
    }
    switch (line.kind) {
      case 'stage':
        return;
      case 'time':
        flush();
        pendingStart = line.start;
        return;
      case 'label': {
        const speaker = speakerFor(line.label);
        if (speaker === undefined) {
          // Past the speaker limit: the line is text, and not worth searching for further labels.
          if (!cur) openSpeech(lastSpeaker ?? null, takeStart(own));
          appendText(line.rest ? `${line.label}: ${line.rest}` : `${line.label}:`);
          return;
        }
        startSpeaker(line.label, speaker, own);
        if (line.rest) appendSpeech(line.rest);
        return;
      }
      case 'text': {
        // A name alone on its line, above its speech (see surveyLabels).
        while (nameLine < survey.nameLines.length && survey.nameLines[nameLine]! < index) nameLine++;
        if (survey.nameLines[nameLine] === index) {
          const speaker = speakerFor(line.rest);
          if (speaker !== undefined) {
            startSpeaker(line.rest, speaker, own);
            return;
          }
        }
        if (lastSpeaker === undefined) {
          // Before anyone speaks: title, dateline and venue lines, each its own line.
          prelude.push(line.rest);
          return;
        }
        if (own !== undefined || pendingStart !== undefined) openSpeech(lastSpeaker ?? null, takeStart(own));
        appendSpeech(line.rest);
        return;
      }
    }
  });
  flush();
  if (overSpeakers > 0) {
    warnings.push(
      `This file names more than ${MAX_SPEAKERS.toLocaleString('en')} different speakers; ${overSpeakers.toLocaleString('en')} label(s) naming further ones were kept as text.`,
    );
  }

  let title = opts.title?.trim() || 'Untitled transcript';
  const [first] = prelude;
  if (first !== undefined && first.length <= 200 && !/[.!?]["”’]?$/.test(first)) {
    title = first;
    prelude.shift();
  }
  const narration: ParsedTurn[] = prelude.map((p) => ({ speaker: null, kind: 'narration', text: p }));
  const date = [first, ...prelude].map((p) => (p === undefined ? undefined : findDateInText(p))).find((d) => d !== undefined);

  const doc: ParsedDocument = {
    title,
    format: opts.format,
    speakers: registry.list(),
    turns: narration.length > 0 ? [...narration, ...turns] : turns,
    quotes: [],
    warnings,
  };
  if (date) doc.date = date;
  return doc;
}

/**
 * True when the text reads as a transcript: at least two speaker labels naming at least two people (or one
 * person labelled three times), on a fair share of its paragraphs. News articles have none, so they go to the
 * article route.
 */
export function isTranscriptLike(text: string): boolean {
  // The opening of a long file says what it is; reading all of a 1M-word file twice would double the import time.
  const cut = text.length > SAMPLE_CHARS ? text.lastIndexOf('\n', SAMPLE_CHARS) : -1;
  const sample = cut > 0 ? text.slice(0, cut) : text;
  // Markdown emphasis around labels (`**CORBYN:**`) is stripped either way; plain text loses nothing by it.
  return readsAsTranscript(surveyLabels(sample, true).sample);
}

/**
 * The text structured as a transcript when it reads as one (see isTranscriptLike), else undefined: one first
 * reading serves both the question and the structuring, which saves a pass over the opening of every file.
 */
export function structureIfTranscript(text: string, opts: TranscriptOptions): ParsedDocument | undefined {
  const survey = surveyLabels(text, opts.format === 'markdown');
  if (readsAsTranscript(survey.sample)) return structureTranscript(text, opts, survey);
  // Plain text may still carry Markdown emphasis around its labels.
  if (opts.format !== 'markdown' && isTranscriptLike(text)) return structureTranscript(text, opts);
  return undefined;
}

function readsAsTranscript(stats: SampleStats): boolean {
  const { labels, paragraphs, distinct } = stats;
  if (labels < 2 || (distinct < 2 && labels < 3)) return false;
  return labels / Math.max(1, paragraphs) >= 0.15;
}

// ---------------------------------------------------------------------------------------------------------------

const SAMPLE_CHARS = 100_000;
const HEAD_CHARS = 160;

/** Label counts over the opening of a text (its first SAMPLE_CHARS, in whole lines), which say what it is. */
interface SampleStats {
  labels: number;
  /** Distinct labels, counted up to three. */
  distinct: number;
  paragraphs: number;
}

interface Survey {
  known: KnownLabels;
  sample: SampleStats;
  /** Line numbers of names alone on their line that are labels. */
  nameLines: number[];
  /** Whether any line starts with a label, so that mid-line labels are worth looking for. */
  labelled: boolean;
  labels: number;
  /** Distinct labels at the start of lines, counted up to a few. */
  distinct: number;
  paragraphs: number;
}

function newLineInfo(): LineInfo {
  return { kind: 'blank', stages: [], label: '', rest: '', start: undefined };
}

/**
 * The first reading: the labels that start lines (so a name in mid-line can be recognised as one of them), whether
 * they are written in capitals, and which names alone on their line are labels. Such a name is a label when it is
 * followed by text and the same name recurs or is also used as a `NAME:` label; once the document is seen to use
 * that layout, a name in capitals that occurs once is a label too. One-off headings in ordinary case stay text.
 */
function surveyLabels(text: string, markdown: boolean): Survey {
  const keys = new Set<string>();
  const surnames = new Set<string>();
  let labels = 0;
  let capitals = 0;
  let paragraphs = 0;
  let inParagraph = false;
  // Candidates for names alone on their line: line number and key, and how often each key is such a candidate.
  const candidates: Array<{ line: number; key: string; capitals: boolean }> = [];
  const counts = new Map<string, number>();
  let pending: { line: number; key: string; capitals: boolean } | undefined;
  let index = -1;
  const info = newLineInfo();
  const distinct = new Set<string>();
  const learnt = new Set<string>();
  const learn = (label: string): void => {
    // A transcript repeats its few labels thousands of times; past a few thousand distinct ones, more labels say
    // nothing new about the document, and each one costs memory.
    if (learnt.has(label) || learnt.size >= 2 * MAX_SPEAKERS) return;
    learnt.add(label);
    if (distinct.size < 3) distinct.add(nameWords(label).join(' '));
    const words = nameWords(label);
    const parts = parseSpeakerLabel(label);
    const named = parts.name && !parts.uncertain ? nameWords(parts.name) : [];
    for (const w of [words, named]) {
      if (w.length === 0) continue;
      keys.add(w.join(' '));
      surnames.add(w[w.length - 1]!);
    }
  };

  // Where the opening sample ends: the last line break within SAMPLE_CHARS, as isTranscriptLike cuts it.
  const sampleEnd = text.length > SAMPLE_CHARS ? Math.max(0, text.lastIndexOf('\n', SAMPLE_CHARS)) : text.length;
  let offset = 0;
  let sample: SampleStats | undefined;
  let sampleLines = 0;
  const clean = lineCleaner(text, markdown);
  forEachLine(text, (raw) => {
    index++;
    const lineEnd = offset + raw.length;
    offset = lineEnd + 1;
    if (!sample && lineEnd > sampleEnd) {
      sample = { labels, distinct: distinct.size, paragraphs };
      sampleLines = index;
    }
    // Labels, names alone on a line and stage directions in front all sit in a line's first hundred characters; the
    // rest of a long line is for the second reading.
    const long = raw.length > HEAD_CHARS;
    const line = readLine(clean(long ? raw.slice(0, HEAD_CHARS) : raw), info);
    if (pending) {
      if (line.kind === 'text' && line.stages.length === 0) {
        candidates.push(pending);
        counts.set(pending.key, (counts.get(pending.key) ?? 0) + 1);
      }
      pending = undefined;
    }
    if (line.kind === 'blank') {
      inParagraph = false;
      return;
    }
    if (line.kind === 'label') {
      labels++;
      if (inCapitals(line.label)) capitals++;
      learn(line.label);
      paragraphs++;
      inParagraph = true;
      return;
    }
    if (!inParagraph) {
      paragraphs++;
      inParagraph = true;
    }
    if (!long && line.kind === 'text' && line.stages.length === 0 && line.rest.length <= 80 && isNameLine(line.rest)) {
      pending = { line: index, key: nameWords(line.rest).join(' '), capitals: line.rest === line.rest.toUpperCase() };
    }
  });

  const known = (key: string): boolean => (counts.get(key) ?? 0) >= 2 || keys.has(key);
  const layoutUsed = [...counts.keys()].some(known);
  if (!sample) {
    sample = { labels, distinct: distinct.size, paragraphs };
    sampleLines = index + 1;
  }
  const nameLines: number[] = [];
  for (const c of candidates) {
    if (!(known(c.key) || (layoutUsed && c.capitals))) continue;
    nameLines.push(c.line);
    labels++;
    if (c.line < sampleLines) {
      sample.labels++;
      if (sample.distinct < 3 && !distinct.has(c.key)) sample.distinct++;
    }
    if (c.capitals) capitals++;
    if (distinct.size < 3) distinct.add(c.key);
    if (keys.size < 2 * MAX_SPEAKERS) {
      keys.add(c.key);
      surnames.add(c.key.split(' ').pop()!);
    }
  }
  return {
    known: { keys, surnames, capitals: labels > 0 && capitals / labels >= 0.6 },
    sample,
    nameLines,
    labelled: labels > 0,
    labels,
    distinct: distinct.size,
    paragraphs,
  };
}

function isNameLine(text: string): boolean {
  return isSpeakerLabel(text) && !/[.!?,;]$/.test(text.replace(/\b(?:MR|MRS|MS|DR|JR|SR)\.$/i, ''));
}

/**
 * Speech with the stage directions inside it (`Thank you. (APPLAUSE)`, `… (BELL RINGING)`) split out. Only lines
 * with a bracket pay for the search, and each bracket is looked at once.
 */
function splitStageNotes(text: string): Array<{ stage: boolean; text: string }> {
  const paren = new NextIndex(text, '(');
  const square = new NextIndex(text, '[');
  let open: number;
  const out: Array<{ stage: boolean; text: string }> = [];
  // `(Inaudible.) (Off mic.)`: a speech of notes and nothing else.
  const alone = text.length <= 200 && NOTES_ONLY.test(text);
  let last = 0;
  open = firstOf(paren.from(0), square.from(0));
  while (open !== -1) {
    const close = text.indexOf(text.charCodeAt(open) === 40 ? ')' : ']', open + 1);
    if (close === -1) break;
    if (close - open <= 62) {
      const where = alone ? 'alone' : isBlank(text, last, open) || isBlank(text, close + 1, text.length) ? 'edge' : 'mid';
      if (isStageNote(text.slice(open + 1, close), where)) {
        const before = text.slice(last, open).trim();
        if (before) out.push({ stage: false, text: before });
        out.push({ stage: true, text: text.slice(open, close + 1) });
        last = close + 1;
      }
    }
    open = firstOf(paren.from(open + 1), square.from(open + 1));
  }
  const after = last === 0 ? text : text.slice(last).trim();
  if (after) out.push({ stage: false, text: after });
  return out;
}

const NOTES_ONLY = /^(?:\s*[[(][^[\]()]{1,60}[\])]\.?)+\s*$/;

function firstOf(a: number, b: number): number {
  return a === -1 ? b : b === -1 ? a : Math.min(a, b);
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

/** The next occurrence of a character at or after a position, searched again only once the position passes it. */
class NextIndex {
  private found = -2;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  from(position: number): number {
    if (this.found === -1 || this.found >= position) return this.found;
    this.found = this.text.indexOf(this.char, position);
    return this.found;
  }
}
