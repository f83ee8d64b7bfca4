import type { ParsedDocument, ParsedTurn } from '../../shared/import/parsedDocument.js';
import { ImportError } from './importError.js';
import { parseTimecode } from './parseTimecode.js';
import { SpeakerRegistry } from './speakers.js';
import { isSpeakerLabel } from './transcript.js';

/** How to structure a caption file. */
export interface CaptionOptions {
  title?: string;
  format: 'srt' | 'webvtt';
}

interface Cue {
  number: number;
  start: number;
  end: number;
  /** The cue's text lines are `lines[from]` onwards (its block's lines, not copied). */
  lines: string[];
  from: number;
}

/** One stretch of a cue's text, as said by one voice. */
interface Segment {
  /** The label or voice name, when the cue names one. */
  label?: string;
  /** True when the text marks a new speaker (`>>`, a label, a voice) even without naming them. */
  change: boolean;
  stage: boolean;
  text: string;
}

const TIME_LINE = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t].*)?$/;

/**
 * SRT and WebVTT captions into turns: a cue's times become the turn's times, speakers come from WebVTT voices
 * (`<v Name>`, `<v.loud Name>`), `>>` speaker changes and `NAME:` labels, and the cues of one speaker merge into one
 * turn, lines broken across cues joined with a space. Cues that go back in time are kept, with a warning.
 */
export function structureCaptions(text: string, opts: CaptionOptions): ParsedDocument {
  const cues = opts.format === 'webvtt' ? readWebVtt(text) : readSrt(text);
  const spacing = spacingOf(text);
  if (cues.length === 0) throw new ImportError('This caption file has no cues (no lines with times like 00:00:01,000 --> 00:00:02,000).', 'parse-failed');

  const warnings: string[] = [];
  const registry = new SpeakerRegistry();
  const turns: ParsedTurn[] = [];
  let cur: ParsedTurn | null = null;
  let previousStart = -Infinity;

  for (const cue of cues) {
    if (cue.start < previousStart) {
      warnings.push(`Cue ${cue.number} starts at ${formatTime(cue.start)}, before the cue ahead of it; its times are kept as they are.`);
    }
    if (cue.end < cue.start) warnings.push(`Cue ${cue.number} ends (${formatTime(cue.end)}) before it starts (${formatTime(cue.start)}).`);
    previousStart = Math.max(previousStart, cue.start);

    for (const seg of segmentsOf(cue.lines, cue.from, opts.format, spacing)) {
      if (seg.stage) {
        cur = null;
        turns.push({ speaker: null, kind: 'stage', text: seg.text, start: cue.start, end: cue.end });
        continue;
      }
      const speaker: string | null = seg.label ? registry.resolve(seg.label) : seg.change ? null : ((cur as ParsedTurn | null)?.speaker ?? lastSpeech(turns));
      if (cur && !seg.change && cur.speaker === speaker) {
        cur.text = `${cur.text} ${seg.text}`;
        cur.end = Math.max(cur.end ?? cue.end, cue.end);
        continue;
      }
      cur = { speaker, kind: 'speech', text: seg.text, start: cue.start, end: cue.end };
      turns.push(cur);
    }
  }

  return {
    title: opts.title?.trim() || 'Untitled captions',
    format: opts.format,
    speakers: registry.list(),
    // Each segment's text is trimmed, not empty and has its white space collapsed already (segmentsOf), so the
    // turns joined from them with one space are too.
    turns,
    quotes: [],
    warnings,
  };
}

// After a stage direction, unmarked text is still the last speaker's.
function lastSpeech(turns: ParsedTurn[]): string | null {
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i]!.kind === 'speech') return turns[i]!.speaker;
  return null;
}

function readSrt(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const block of blocks(text)) {
    const lines = block.lines;
    let i = 0;
    if (/^\d+$/.test(lines[0]!.trim()) && lines[1]?.includes('-->')) i = 1;
    const timing = lines[i]!;
    if (!timing.includes('-->')) {
      throw new ImportError(`This SRT file is malformed: the block at line ${block.line} has no time line (like 00:00:01,000 --> 00:00:02,000).`, 'parse-failed');
    }
    cues.push(cue(cues.length + 1, timing, lines, i + 1, block.line + i, 'SRT'));
  }
  return cues;
}

function readWebVtt(text: string): Cue[] {
  const all = blocks(text);
  const header = all.shift();
  if (!header || !/^WEBVTT(?:[ \t]|$)/.test(header.lines[0]!.replace(/^\uFEFF/, ''))) {
    throw new ImportError('This WebVTT file is malformed: it does not start with "WEBVTT".', 'parse-failed');
  }
  // A header block may run straight into the first cue when the blank line is missing.
  const headCue = header.lines.findIndex((l) => l.includes('-->'));
  if (headCue > 0) all.unshift({ line: header.line + headCue, lines: header.lines.slice(headCue) });
  const cues: Cue[] = [];
  for (const block of all) {
    const first = block.lines[0]!;
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) continue;
    const i = first.includes('-->') ? 0 : 1;
    const timing = block.lines[i];
    if (timing === undefined || !timing.includes('-->')) {
      throw new ImportError(`This WebVTT file is malformed: the block at line ${block.line} has no time line (like 00:00:01.000 --> 00:00:02.000).`, 'parse-failed');
    }
    cues.push(cue(cues.length + 1, timing, block.lines, i + 1, block.line + i, 'WebVTT'));
  }
  return cues;
}

function cue(number: number, timing: string, lines: string[], from: number, line: number, kind: string): Cue {
  const trimmed = timing.trim();
  let start: number | undefined;
  let end: number | undefined;
  // `00:00:01,000 --> 00:00:04,000`, the usual shape, without the regular expression (parseTimecode refuses anything
  // in either place that is not a time, and the regular expression then decides as before).
  if (trimmed.length === 29 && trimmed.charCodeAt(12) === 32 && trimmed.charCodeAt(16) === 32 && trimmed.startsWith('-->', 13)) {
    start = parseTimecode(trimmed.slice(0, 12));
    end = start === undefined ? undefined : parseTimecode(trimmed.slice(17));
  }
  if (start === undefined || end === undefined) {
    const m = TIME_LINE.exec(trimmed);
    start = m ? parseTimecode(m[1]!) : undefined;
    end = m ? parseTimecode(m[2]!) : undefined;
  }
  if (start === undefined || end === undefined) {
    throw new ImportError(`This ${kind} file is malformed: the time line at line ${line} ("${timing.trim().slice(0, 60)}") cannot be read.`, 'parse-failed');
  }
  return { number, start, end, lines, from };
}

function blocks(text: string): Array<{ line: number; lines: string[] }> {
  const out: Array<{ line: number; lines: string[] }> = [];
  let current: { line: number; lines: string[] } | null = null;
  const all = text.split('\n');
  for (let index = 0; index < all.length; index++) {
    const raw = all[index]!;
    const line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (isBlank(line)) {
      current = null;
      continue;
    }
    if (!current) {
      current = { line: index + 1, lines: [] };
      out.push(current);
    }
    current.lines.push(line);
  }
  return out;
}

// Whether a line is empty or white space only; a line that starts with a visible ASCII character is neither.
function isBlank(line: string): boolean {
  const c = line.charCodeAt(0);
  return line.length === 0 || ((c <= 32 || c >= 127) && line.trim() === '');
}

/** Which white space a caption file holds beyond single spaces, so that most lines need no search for it. */
interface Spacing {
  /** Two spaces in a row somewhere. */
  double: boolean;
  /** White space other than the space and the line break somewhere (tabs, non-breaking spaces, …). */
  other: boolean;
}

const TWO_SPACES = / {2}/;
const OTHER_SPACE = /[^\S \n]/;

function spacingOf(text: string): Spacing {
  // The regular expression engine finds two spaces in a row faster than indexOf, which stops at every space.
  return { double: TWO_SPACES.test(text), other: OTHER_SPACE.test(text) };
}

const SPACE_RUN = /\s+/g;

/**
 * A line's runs of white space as one space each. A line is searched only for what the file holds, except that taking
 * out tags and entities can bring two spaces together (`a <i> b`, `&nbsp; `); neither adds any other white space.
 */
function collapseSpaces(line: string, spacing: Spacing, rewritten: boolean): string {
  const untidy = ((rewritten || spacing.double) && line.indexOf('  ') !== -1) || (spacing.other && OTHER_SPACE.test(line));
  return untidy ? line.replace(SPACE_RUN, ' ') : line;
}

const STAGE = /^\s*[[(]([^[\]()]{1,60})[\])]\s*$/;
const INLINE_TAGS = /<\/?(?:i|b|u|c|ruby|rt|lang|font)(?:[.\s][^>]*)?>|<\d{1,3}:\d{2}(?::\d{2})?\.\d{3}>|\{\\[^}]*\}/g;

const VOICE = /<v(?:\.[\w.-]+)?[ \t]+([^>]+)>/;
const VOICE_TAGS = /<v(?:\.[\w.-]+)?[ \t]+[^>]*>|<\/v>/g;
const NAMED = /^([^:]{1,60}?)\s*:\s+(.*)$/;

/**
 * A cue's lines (`lines[from]` onwards) as segments, each with its text trimmed and its white space collapsed. Every
 * regular expression here runs only on a line that holds the character it starts with (`<`, `&`, `:`, a bracket).
 */
function segmentsOf(lines: readonly string[], from: number, format: 'srt' | 'webvtt', spacing: Spacing): Segment[] {
  const segments: Segment[] = [];
  let voice: string | undefined;
  for (let k = from; k < lines.length; k++) {
    let line = lines[k]!;
    let change = false;
    let label: string | undefined;
    let rewritten = false;
    if (format === 'webvtt' || line.includes('<v')) {
      const opens = line.indexOf('<v') !== -1;
      const v = opens ? VOICE.exec(line) : null;
      if (v) {
        if (v[1]!.trim() !== voice) change = true;
        voice = v[1]!.trim();
        label = voice;
      } else if (voice) {
        label = voice;
      }
      const closes = line.indexOf('</v>') !== -1;
      if (closes) voice = undefined;
      if (opens || closes) {
        line = line.replace(VOICE_TAGS, '');
        rewritten = true;
      }
    }
    if (line.indexOf('<') !== -1 || line.indexOf('{') !== -1) {
      line = line.replace(INLINE_TAGS, '');
      rewritten = true;
    }
    if (line.indexOf('&') !== -1) {
      line = decodeEntities(line);
      rewritten = true;
    }
    line = line.trim();
    if (line.startsWith('>>')) {
      change = true;
      label = undefined;
      line = line.replace(/^>>+\s*/, '');
    } else if (line.startsWith('-') && /^-\s*\S/.test(line) && format === 'srt') {
      // SRT writes a speaker change inside one cue as a leading dash.
      change = true;
      line = line.replace(/^-\s*/, '');
    }
    // A label ends at the line's first colon, with white space after it.
    const colon = line.indexOf(':');
    const named = colon > 0 && isSpaceAfter(line, colon) ? NAMED.exec(line) : null;
    if (named && isSpeakerLabel(named[1]!)) {
      label = named[1]!;
      change = false;
      line = named[2]!;
    }
    if (!line) continue;
    // The line is trimmed: a stage direction starts with its bracket.
    const c0 = line.charCodeAt(0);
    if ((c0 === 40 || c0 === 91) && STAGE.test(line)) {
      segments.push({ change: true, stage: true, text: collapseSpaces(line, spacing, rewritten) });
      continue;
    }
    const seg: Segment = { change: change && !label, stage: false, text: collapseSpaces(line, spacing, rewritten) };
    if (label) seg.label = label;
    segments.push(seg);
  }
  return segments;
}

// Whether the character after `at` may be white space (any but ASCII letters, digits and punctuation).
function isSpaceAfter(line: string, at: number): boolean {
  const c = line.charCodeAt(at + 1);
  return c === 32 || (c >= 9 && c <= 13) || c >= 127;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lrm;|&rlm;/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function formatTime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(3).padStart(6, '0')}`;
}
