import type { ParsedDocument, ParsedTurn } from '../../shared/import/parsedDocument.js';
import { ImportError } from './importError.js';
import { SpeakerRegistry } from './speakers.js';

/**
 * Tab-separated numbered lines without a header, as the CLEF CheckThat! lab and many annotation tools give a
 * debate: `line_number<TAB>speaker<TAB>text`, with or without a label column after the text. Each line is one turn
 * (the source gives one sentence per line, and triage must rank the lines as the source has them); the line number
 * and any label are kept in the turn's metadata. Parsed by hand rather than by a CSV reader because quotation marks
 * in these files are text, not quoting.
 */

const LINE = /^\s*(\d{1,7})\t([^\t]{0,200})\t(.*)$/;
const STAGE = /^\s*[[(][^[\]()]{1,80}[\])]\.?\s*$/;

/** Whether text has the numbered-lines shape: most of its first non-blank lines are `N<TAB>speaker<TAB>text`. */
export function isNumberedLines(text: string): boolean {
  const lines = text
    .slice(0, 8192)
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 20);
  if (lines.length === 0) return false;
  const hits = lines.filter((l) => LINE.test(l)).length;
  return hits >= Math.min(3, lines.length) && hits >= lines.length * 0.8;
}

/** Numbered lines into one document; a line that does not fit the shape is reported, not guessed at. */
export function structureNumberedLines(text: string, opts: { title: string }): ParsedDocument {
  const registry = new SpeakerRegistry();
  const turns: ParsedTurn[] = [];
  const warnings: string[] = [];
  let skipped = 0;
  let empty = 0;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (!raw.trim()) continue;
    const m = LINE.exec(raw);
    if (!m) {
      skipped++;
      continue;
    }
    const [, number, label, rest] = m as unknown as [string, string, string, string];
    const cells = rest.split('\t');
    const tail = cells.length > 1 ? cells[cells.length - 1]!.trim() : '';
    const hasLabel = cells.length > 1 && /^-?\d+(?:\.\d+)?$/.test(tail);
    const body = (hasLabel ? cells.slice(0, -1) : cells).join(' ').trim();
    if (!body) {
      empty++;
      continue;
    }
    const metadata: Record<string, string> = { line: number };
    if (hasLabel) metadata.label = tail;
    const speakerLabel = label.trim();
    let turn: ParsedTurn;
    if (STAGE.test(body)) {
      if (speakerLabel) metadata.speaker = speakerLabel;
      turn = { speaker: null, kind: 'stage', text: body };
    } else if (!speakerLabel) {
      turn = { speaker: null, kind: 'narration', text: body };
    } else {
      turn = { speaker: registry.resolve(speakerLabel), kind: 'speech', text: body };
    }
    turn.metadata = metadata;
    turns.push(turn);
  }
  if (turns.length === 0) throw new ImportError('This file has no numbered lines with text.', 'parse-failed');
  if (skipped > 0) warnings.push(`${skipped} line(s) not in the form "number<TAB>speaker<TAB>text" were skipped.`);
  if (empty > 0) warnings.push(`${empty} line(s) without text were skipped.`);
  return { title: opts.title, format: 'csv', speakers: registry.list(), turns, quotes: [], warnings };
}
