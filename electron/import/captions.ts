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
  text: string;
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

    for (const seg of segmentsOf(cue.text, opts.format)) {
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
    turns: turns.map((t) => ({ ...t, text: t.text.replace(/\s+/g, ' ').trim() })).filter((t) => t.text),
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
    cues.push(cue(cues.length + 1, timing, lines.slice(i + 1), block.line + i, 'SRT'));
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
    cues.push(cue(cues.length + 1, timing, block.lines.slice(i + 1), block.line + i, 'WebVTT'));
  }
  return cues;
}

function cue(number: number, timing: string, lines: string[], line: number, kind: string): Cue {
  const m = TIME_LINE.exec(timing.trim());
  const start = m ? parseTimecode(m[1]!) : undefined;
  const end = m ? parseTimecode(m[2]!) : undefined;
  if (start === undefined || end === undefined) {
    throw new ImportError(`This ${kind} file is malformed: the time line at line ${line} ("${timing.trim().slice(0, 60)}") cannot be read.`, 'parse-failed');
  }
  return { number, start, end, text: lines.join('\n') };
}

function blocks(text: string): Array<{ line: number; lines: string[] }> {
  const out: Array<{ line: number; lines: string[] }> = [];
  let current: { line: number; lines: string[] } | null = null;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      current = null;
      return;
    }
    if (!current) {
      current = { line: index + 1, lines: [] };
      out.push(current);
    }
    current.lines.push(line);
  });
  return out;
}

const STAGE = /^\s*[[(]([^[\]()]{1,60})[\])]\s*$/;
const INLINE_TAGS = /<\/?(?:i|b|u|c|ruby|rt|lang|font)(?:[.\s][^>]*)?>|<\d{1,3}:\d{2}(?::\d{2})?\.\d{3}>|\{\\[^}]*\}/g;

function segmentsOf(text: string, format: 'srt' | 'webvtt'): Segment[] {
  const segments: Segment[] = [];
  let voice: string | undefined;
  for (const rawLine of text.split('\n')) {
    let line = rawLine;
    let change = false;
    let label: string | undefined;
    if (format === 'webvtt' || line.includes('<v')) {
      const v = /<v(?:\.[\w.-]+)?[ \t]+([^>]+)>/.exec(line);
      if (v) {
        if (v[1]!.trim() !== voice) change = true;
        voice = v[1]!.trim();
        label = voice;
      } else if (voice) {
        label = voice;
      }
      if (/<\/v>/.test(line)) voice = undefined;
      line = line.replace(/<v(?:\.[\w.-]+)?[ \t]+[^>]*>|<\/v>/g, '');
    }
    line = decodeEntities(line.replace(INLINE_TAGS, '')).trim();
    if (line.startsWith('>>')) {
      change = true;
      label = undefined;
      line = line.replace(/^>>+\s*/, '');
    } else if (line.startsWith('-') && /^-\s*\S/.test(line) && format === 'srt') {
      // SRT writes a speaker change inside one cue as a leading dash.
      change = true;
      line = line.replace(/^-\s*/, '');
    }
    const named = /^([^:]{1,60}?)\s*:\s+(.*)$/.exec(line);
    if (named && isSpeakerLabel(named[1]!)) {
      label = named[1]!;
      change = false;
      line = named[2]!;
    }
    if (!line) continue;
    if (STAGE.test(line)) {
      segments.push({ change: true, stage: true, text: line });
      continue;
    }
    const seg: Segment = { change: change && !label, stage: false, text: line };
    if (label) seg.label = label;
    segments.push(seg);
  }
  return segments;
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
