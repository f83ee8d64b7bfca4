import type { DocumentFormat } from '../../shared/model.js';
import type { ParsedDocument, ParsedTurn } from '../../shared/import/parsedDocument.js';
import { findDateInText } from './normaliseDate.js';
import { parseTimecode } from './parseTimecode.js';
import { SpeakerRegistry, nameKey } from './speakers.js';

/** How to structure a transcript's text. */
export interface TranscriptOptions {
  /** Used when the text has no title line of its own (the file name, say). */
  title?: string;
  format: DocumentFormat;
}

/**
 * Plain-text (and Markdown) transcripts into speakers and turns. Labels come in the shapes broadcasters and
 * parliaments use (`CORBYN:`, `Jeremy Corbyn:`, `MR. SMITH:`, `MODERATOR (JANE DOE):`, a name alone on its line);
 * an unlabelled paragraph continues the last speaker; `(APPLAUSE)` and the like are stage turns; lines before the
 * first speaker are the title, then narration (datelines, venue lines).
 */
export function structureTranscript(text: string, opts: TranscriptOptions): ParsedDocument {
  const lines = classify(text, opts.format === 'markdown');
  const registry = new SpeakerRegistry();
  const turns: ParsedTurn[] = [];
  const prelude: string[] = [];

  let cur: { speaker: string | null; kind: ParsedTurn['kind']; text: string; start?: number } | null = null;
  let lastSpeaker: string | null | undefined;
  // The label as written (MARSH, HELEN MARSH): kept on each turn so the review screen can split merged aliases apart.
  let lastLabel: string | undefined;
  let pendingStart: number | undefined;
  let newParagraph = true;

  const flush = (): void => {
    if (cur && cur.text.trim()) {
      const turn: ParsedTurn = { speaker: cur.speaker, kind: cur.kind, text: cur.text.trim() };
      if (cur.start !== undefined) turn.start = cur.start;
      if (cur.speaker !== null && lastLabel !== undefined) turn.metadata = { label: lastLabel };
      turns.push(turn);
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
    cur = start === undefined ? { speaker, kind: 'speech', text: '' } : { speaker, kind: 'speech', text: '', start };
    newParagraph = false;
  };
  const pushStage = (stage: string, start: number | undefined): void => {
    flush();
    const turn: ParsedTurn = { speaker: null, kind: 'stage', text: stage };
    if (start !== undefined) turn.start = start;
    turns.push(turn);
  };
  // Speech text, with any stage direction inside it (`Thank you. (APPLAUSE)`) split out into its own turn.
  const appendSpeech = (content: string): void => {
    for (const piece of splitInlineStage(content)) {
      if (piece.stage) {
        pushStage(piece.text, takeStart(undefined));
        continue;
      }
      if (!cur) openSpeech(lastSpeaker ?? null, takeStart(undefined));
      const c = cur!;
      c.text += c.text ? (newParagraph ? '\n\n' : ' ') + piece.text : piece.text;
      newParagraph = false;
    }
  };

  for (const line of lines) {
    switch (line.kind) {
      case 'blank':
        newParagraph = true;
        break;
      case 'label': {
        const speaker = registry.resolve(line.label);
        flush();
        lastSpeaker = speaker;
        lastLabel = line.label.trim();
        openSpeech(speaker, takeStart(line.start));
        if (line.rest) appendSpeech(line.rest);
        break;
      }
      case 'stage':
        pushStage(line.text, takeStart(line.start));
        break;
      case 'time':
        flush();
        pendingStart = line.start;
        break;
      case 'text':
        if (lastSpeaker === undefined) {
          // Before anyone speaks: title, dateline and venue lines, each its own line.
          prelude.push(line.text);
          break;
        }
        if (line.start !== undefined || pendingStart !== undefined) openSpeech(lastSpeaker, takeStart(line.start));
        appendSpeech(line.text);
        break;
    }
  }
  flush();

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
    turns: [...narration, ...turns],
    quotes: [],
    warnings: [],
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
  const lines = classify(sample, true);
  let labels = 0;
  let paragraphs = 0;
  let inParagraph = false;
  const who = new Set<string>();
  for (const line of lines) {
    if (line.kind === 'blank') {
      inParagraph = false;
      continue;
    }
    if (line.kind === 'label') {
      labels++;
      who.add(nameKey(line.label).join(' '));
      paragraphs++;
      inParagraph = true;
    } else if (!inParagraph) {
      paragraphs++;
      inParagraph = true;
    }
  }
  if (labels < 2 || (who.size < 2 && labels < 3)) return false;
  return labels / Math.max(1, paragraphs) >= 0.15;
}

// ---------------------------------------------------------------------------------------------------------------

const SAMPLE_CHARS = 100_000;

type Line =
  | { kind: 'blank' }
  | { kind: 'label'; label: string; rest: string; start?: number }
  | { kind: 'stage'; text: string; start?: number }
  | { kind: 'time'; start: number }
  | { kind: 'text'; text: string; start?: number };

const TIME = String.raw`\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
const LEADING_TIME = new RegExp(String.raw`^(?:\[(${TIME})\]|\((${TIME})\)|(\d{1,3}:\d{2}:\d{2}(?:[.,]\d{1,3})?)(?=\s|$))\s*`);
// The label runs to the first colon that does not start a time (`[00:12:31]` may sit between label and colon).
const LABEL_LINE = new RegExp(String.raw`^(.{1,80}?)(?:\s*[\[(](${TIME})[\])])?\s*:(?!\d)\s*(.*)$`);
const STAGE_LINE = /^[[(]([^[\]()]{1,80})[\])]\.?$/;

const STAGE_WORDS =
  'APPLAUSE|LAUGHTER|LAUGHS|CROSSTALK|CROSS-TALK|INAUDIBLE|UNINTELLIGIBLE|BOOING|BOOS|CHEERING|CHEERS|CHEERS AND APPLAUSE|' +
  'APPLAUSE AND CHEERS|SHOUTING|INTERRUPTION|INTERRUPTS|BELL RINGS|BELL|BUZZER|MUSIC|SILENCE|PAUSE|OFF-MIC|OFF MIC|' +
  'COMMERCIAL BREAK|BREAK|END VIDEO CLIP|BEGIN VIDEO CLIP|VIDEO CLIP|GAVEL|SIGHS|SPEAKING FOREIGN LANGUAGE|NO AUDIO';
const INLINE_STAGE = new RegExp(String.raw`\s*([[(](?:${STAGE_WORDS})(?:\s*[,;]\s*(?:${STAGE_WORDS}))*\.?[\])])\s*`, 'gi');
const BARE_STAGE = new RegExp(String.raw`^(?:${STAGE_WORDS})\.?$`);

// Words that begin header lines (`Date:`, `Venue:`, `Transcript:`) or sentences, never a speaker's name.
const NOT_SPEAKERS = new Set(
  (
    'note notes transcript date time venue location place source sources title subject update updated published posted ' +
    'by from to re fwd cc copyright editor editors editor\'s photo image picture video audio watch read related tags tag ' +
    'summary topic topics warning caution disclaimer introduction conclusion part section chapter episode page broadcast ' +
    'recorded held filed dateline correction clarification keywords category language format duration runtime length ' +
    'transcribed participants speakers moderators panelists panellists present attendees opening closing segment round ' +
    'breaking live more exclusive analysis opinion editorial comment comments reply answer he she they it this that these ' +
    'those there we i you and but so yes no well now here example also however meanwhile thus today yesterday tonight ' +
    'tomorrow then when where what why how who which if as at in on of for with about after before during ' +
    'http https www mailto file url link email e-mail tel phone fax address contact'
  ).split(/\s+/),
);
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'la', 'le', 'da', 'di', 'du', 'del', 'bin', 'al', 'y', 'of', 'the', 'and']);

function classify(text: string, markdown: boolean): Line[] {
  const raw = text.split('\n').map((l) => (markdown ? stripMarkdown(l) : l).replace(/\s+/g, ' ').trim());
  const lines: Line[] = raw.map(classifyLine);
  resolveNameLines(lines);
  return lines;
}

function classifyLine(line: string): Line {
  if (!line) return { kind: 'blank' };
  let rest = line;
  let start: number | undefined;
  const ts = LEADING_TIME.exec(rest);
  if (ts) {
    start = parseTimecode(ts[1] ?? ts[2] ?? ts[3] ?? '');
    if (start !== undefined) rest = rest.slice(ts[0].length);
  }
  if (!rest) return start === undefined ? { kind: 'text', text: line } : { kind: 'time', start };
  const withStart = <T extends object>(value: T): T & { start?: number } => (start === undefined ? value : { ...value, start });

  const stage = STAGE_LINE.exec(rest);
  if (stage && parseTimecode(stage[1]!) === undefined) return withStart({ kind: 'stage' as const, text: rest });
  if (BARE_STAGE.test(rest)) return withStart({ kind: 'stage' as const, text: rest });

  const m = LABEL_LINE.exec(rest);
  if (m && isSpeakerLabel(m[1]!)) {
    let body = m[3]!.trim();
    let own = m[2] === undefined ? undefined : parseTimecode(m[2]);
    const inner = LEADING_TIME.exec(body);
    if (inner) {
      const t = parseTimecode(inner[1] ?? inner[2] ?? inner[3] ?? '');
      if (t !== undefined) {
        own ??= t;
        body = body.slice(inner[0].length);
      }
    }
    const at = start ?? own;
    return at === undefined ? { kind: 'label', label: m[1]!.trim(), rest: body } : { kind: 'label', label: m[1]!.trim(), rest: body, start: at };
  }
  return withStart({ kind: 'text' as const, text: rest });
}

/**
 * A name alone on its line (`JEREMY CORBYN`, then the speech below) is a label when it is followed by text and the
 * same name recurs or is also used as a `NAME:` label; once the document is seen to use that layout, a name in
 * capitals that occurs once is a label too. One-off headings in ordinary case stay text.
 */
function resolveNameLines(lines: Line[]): void {
  const colonKeys = new Set(lines.flatMap((l) => (l.kind === 'label' ? [nameKey(l.label).join(' ')] : [])));
  const candidates: number[] = [];
  const counts = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== 'text' || !isSpeakerLabel(line.text) || /[.!?,;]$/.test(line.text.replace(/\b(?:MR|MRS|MS|DR|JR|SR)\.$/i, ''))) continue;
    const next = lines[i + 1];
    if (!next || next.kind !== 'text') continue;
    candidates.push(i);
    const key = nameKey(line.text).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const known = (key: string): boolean => (counts.get(key) ?? 0) >= 2 || colonKeys.has(key);
  const layoutUsed = [...counts.keys()].some(known);
  for (const i of candidates) {
    const line = lines[i] as Extract<Line, { kind: 'text' }>;
    const key = nameKey(line.text).join(' ');
    const capitals = line.text === line.text.toUpperCase();
    if (known(key) || (layoutUsed && capitals)) {
      lines[i] = line.start === undefined ? { kind: 'label', label: line.text, rest: '' } : { kind: 'label', label: line.text, rest: '', start: line.start };
    }
  }
}

/** Whether a string has the shape of a speaker label: one to five capitalised name words, maybe a role or party in brackets. */
export function isSpeakerLabel(label: string): boolean {
  const s = label.trim();
  if (s.length < 2 || s.length > 80) return false;
  const m = /^([^()[\]]+?)(?:\s*[([]([\p{L}\s.'’\-]{1,40})[)\]])?$/u.exec(s);
  if (!m) return false;
  const words = m[1]!.trim().split(' ');
  if (words.length < 1 || words.length > 5) return false;
  const first = words[0]!;
  if (NOT_SPEAKERS.has(first.toLowerCase()) || NOT_SPEAKERS.has(first.toLowerCase().replace(/[.:]$/, ''))) return false;
  if (words.length === 1 && first.replace(/[^\p{L}]/gu, '').length < 2) return false;
  return words.every((w, i) => {
    if (!/^[\p{L}][\p{L}.'’\-]*$/u.test(w)) return false;
    if (/^\p{Lu}/u.test(w)) return true;
    return i > 0 && PARTICLES.has(w.toLowerCase());
  });
}

function splitInlineStage(text: string): Array<{ stage: boolean; text: string }> {
  const out: Array<{ stage: boolean; text: string }> = [];
  let last = 0;
  for (const m of text.matchAll(INLINE_STAGE)) {
    const before = text.slice(last, m.index).trim();
    if (before) out.push({ stage: false, text: before });
    out.push({ stage: true, text: m[1]! });
    last = m.index + m[0].length;
  }
  const after = text.slice(last).trim();
  if (after) out.push({ stage: false, text: after });
  return out;
}

function stripMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s{0,3}>\s?/, '')
    .replace(/^\s{0,3}[-*+]\s+(?=\S)/, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\\([[\]()*_#>\\-])/g, '$1')
    .replace(/^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/, '');
}
