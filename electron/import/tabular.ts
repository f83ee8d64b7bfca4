import Papa from 'papaparse';
import type { ParticipantRole } from '../../shared/model.js';
import { PARTICIPANT_ROLES } from '../../shared/model.js';
import type { ParsedDocument, ParsedTurn } from '../../shared/import/parsedDocument.js';
import { ImportError } from './importError.js';
import { normaliseDate } from './normaliseDate.js';
import { parseTimecode } from './parseTimecode.js';
import { SpeakerRegistry, roleForLabel } from './speakers.js';

/** How to structure rows of a table. */
export interface TabularOptions {
  /** Used when the file does not name itself (the file name without extension, say). */
  title?: string;
}

type Field = 'speaker' | 'text' | 'start' | 'end' | 'date' | 'role' | 'party' | 'kind';

// Header names as people write them, compared without case, spaces, dashes or underscores; earlier wins.
const SYNONYMS: Record<Field, string[]> = {
  speaker: ['speaker', 'speakername', 'name', 'who', 'person', 'participant', 'character', 'author', 'voice'],
  text: ['text', 'utterance', 'speech', 'content', 'transcript', 'dialogue', 'dialog', 'words', 'statement', 'body', 'message', 'caption'],
  start: ['start', 'starttime', 'startseconds', 'begin', 'time', 'timestamp', 'timecode', 'offset', 'seconds'],
  end: ['end', 'endtime', 'endseconds', 'stop', 'finish', 'until'],
  date: ['date', 'debatedate', 'day', 'airdate'],
  role: ['role', 'speakerrole'],
  party: ['party', 'affiliation'],
  kind: ['kind', 'type'],
};

const STAGE_ROW = /^\s*[[(][^[\]()]{1,80}[\])]\.?\s*$/;

/**
 * CSV rows (RFC 4180 quoting and multi-line cells, by papaparse) into documents. Columns are found by their header
 * names in any order; other columns go into each turn's metadata. Several dates in a date column make several
 * documents, one per date, in the order they first appear.
 */
export function structureCsv(text: string, opts: TabularOptions = {}): ParsedDocument[] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const broken = parsed.errors.find((e) => e.type === 'Quotes' || e.code === 'UndetectableDelimiter');
  if (broken) {
    const where = broken.row === undefined ? '' : ` at row ${broken.row + 1}`;
    throw new ImportError(`This CSV file is malformed${where}: ${broken.code === 'MissingQuotes' ? 'a quoted cell is never closed' : broken.message.toLowerCase()}.`, 'parse-failed');
  }
  const [header, ...body] = parsed.data;
  if (!header || body.length === 0) throw new ImportError('This CSV file has no rows below its header.', 'parse-failed');
  const headers = header.map((h) => h.trim());
  const rows = body.map((cells) => {
    // As Object.fromEntries would make it, without a pair array per cell.
    const row: Record<string, string> = {};
    for (let i = 0; i < headers.length; i++) {
      const h = headers[i]!;
      if (h === '__proto__') Object.defineProperty(row, h, { value: cells[i] ?? '', writable: true, enumerable: true, configurable: true });
      else row[h] = cells[i] ?? '';
    }
    return row;
  });
  return structureRows(rows, headers, { title: opts.title?.trim() || 'Untitled table', format: 'csv', warnings: [] });
}

/**
 * JSON rows into documents: an array of row objects, or an object whose `turns` (or `rows`, `utterances`,
 * `segments`) holds them, with an optional `title`, `date` and `speakers` list (the shape the CLI prints).
 */
export function structureJson(text: string, opts: TabularOptions = {}): ParsedDocument[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\s*\(line \d+ column \d+\)/, '') : 'syntax error';
    throw new ImportError(`This JSON file is malformed and cannot be read (${reason}).`, 'parse-failed');
  }
  let title = opts.title?.trim() || 'Untitled JSON';
  let date: string | undefined;
  let rows: unknown;
  let speakerTable = new Map<string, { name: string; role?: string; party?: string }>();
  if (Array.isArray(data)) {
    rows = data;
  } else if (isRecord(data)) {
    rows = data.turns ?? data.rows ?? data.utterances ?? data.segments;
    if (typeof data.title === 'string' && data.title.trim()) title = data.title.trim();
    if (typeof data.date === 'string') date = normaliseDate(data.date);
    if (Array.isArray(data.speakers)) speakerTable = readSpeakerTable(data.speakers);
  }
  if (!Array.isArray(rows)) {
    throw new ImportError('This JSON file holds no transcript rows: expected an array of rows or an object with a "turns" array.', 'parse-failed');
  }
  if (rows.length === 0) throw new ImportError('This JSON file has an empty list of turns.', 'parse-failed');
  const headers: string[] = [];
  const seen = new Set<string>();
  const records = rows.map((row, i) => {
    if (!isRecord(row)) throw new ImportError(`Row ${i + 1} of this JSON file is not an object with named fields.`, 'parse-failed');
    const record: Record<string, string> = {};
    for (const [key, value] of Object.entries(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        headers.push(key);
      }
      record[key] = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
    return record;
  });
  const docs = structureRows(records, headers, { title, format: 'json', warnings: [], speakerTable });
  if (date && docs.length === 1 && !docs[0]!.date) docs[0]!.date = date;
  return docs;
}

interface RowsContext {
  title: string;
  format: 'csv' | 'json';
  warnings: string[];
  speakerTable?: Map<string, { name: string; role?: string; party?: string }>;
}

function structureRows(rows: Array<Record<string, string>>, headers: string[], ctx: RowsContext): ParsedDocument[] {
  const columns = findColumns(headers);
  if (!columns.text) {
    throw new ImportError(
      `This ${ctx.format.toUpperCase()} file has no text column: name one "text", "utterance" or "speech" (columns found: ${headers.slice(0, 8).join(', ') || 'none'}).`,
      'parse-failed',
    );
  }
  const used = new Set(Object.values(columns));
  const extra = headers.filter((h) => !used.has(h));

  // Group by date when the file holds several; rows without a date stay with the group before them.
  const groups = new Map<string, { date?: string; rows: Array<Record<string, string>> }>();
  let key = '';
  let badDates = 0;
  for (const row of rows) {
    const raw = columns.date ? (row[columns.date] ?? '').trim() : '';
    if (raw) {
      const date = normaliseDate(raw);
      if (!date) badDates++;
      key = date ?? raw;
    }
    let group = groups.get(key);
    if (!group) {
      group = { rows: [] };
      const date = normaliseDate(key);
      if (date) group.date = date;
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  if (badDates > 0) ctx.warnings.push(`${badDates} row(s) have a date that could not be read; they are grouped by the date as written.`);

  const several = groups.size > 1;
  return [...groups.entries()].map(([groupKey, group]) => {
    const warnings = [...ctx.warnings];
    const registry = new SpeakerRegistry();
    const turns: ParsedTurn[] = [];
    let skipped = 0;
    group.rows.forEach((row) => {
      const text = (row[columns.text!] ?? '').trim();
      if (!text) {
        skipped++;
        return;
      }
      let label = columns.speaker ? (row[columns.speaker] ?? '').trim() : '';
      let role = columns.role ? toRole(row[columns.role] ?? '') : undefined;
      let party = columns.party ? (row[columns.party] ?? '').trim() || undefined : undefined;
      const known = ctx.speakerTable?.get(label);
      if (known) {
        label = known.name;
        role ??= toRole(known.role ?? '');
        party ??= known.party;
      }
      const kindValue = columns.kind ? (row[columns.kind] ?? '').trim().toLowerCase() : '';
      const metadata: Record<string, string> = {};
      for (const h of extra) if ((row[h] ?? '').trim()) metadata[h] = row[h]!;

      let turn: ParsedTurn;
      if (kindValue === 'stage' || (kindValue !== 'speech' && STAGE_ROW.test(text))) {
        // `Audience: (APPLAUSE)` is a stage direction; who made the noise stays in the metadata.
        if (label) metadata.speaker = label;
        turn = { speaker: null, kind: 'stage', text };
      } else if (kindValue === 'narration') {
        turn = { speaker: null, kind: 'narration', text };
      } else {
        const hint: { role?: ParticipantRole; party?: string } = {};
        if (role) hint.role = role;
        if (party) hint.party = party;
        turn = { speaker: label ? registry.resolve(label, hint) : null, kind: 'speech', text };
      }
      const start = columns.start ? readSeconds(row[columns.start] ?? '') : undefined;
      const end = columns.end ? readSeconds(row[columns.end] ?? '') : undefined;
      if (start !== undefined) turn.start = start;
      if (end !== undefined) turn.end = end;
      if (Object.keys(metadata).length > 0) turn.metadata = metadata;
      turns.push(turn);
    });
    if (skipped > 0) warnings.push(`${skipped} row(s) without text were skipped.`);
    if (turns.length === 0) throw new ImportError(`This ${ctx.format.toUpperCase()} file has no rows with text.`, 'parse-failed');
    const doc: ParsedDocument = {
      title: several ? `${ctx.title} (${group.date ?? groupKey})` : ctx.title,
      format: ctx.format,
      speakers: registry.list(),
      turns,
      quotes: [],
      warnings,
    };
    if (group.date) doc.date = group.date;
    return doc;
  });
}

function findColumns(headers: string[]): Partial<Record<Field, string>> {
  const norm = (h: string): string => h.toLowerCase().replace(/[\s_\-().]+/g, '');
  const taken = new Set<string>();
  const out: Partial<Record<Field, string>> = {};
  for (const field of ['text', 'speaker', 'start', 'end', 'date', 'role', 'party', 'kind'] as Field[]) {
    for (const synonym of SYNONYMS[field]) {
      const header = headers.find((h) => !taken.has(h) && norm(h) === synonym);
      if (header !== undefined) {
        out[field] = header;
        taken.add(header);
        break;
      }
    }
  }
  return out;
}

function readSeconds(value: string): number | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(v)) return Number(v);
  return parseTimecode(v);
}

function toRole(value: string): ParticipantRole | undefined {
  const v = value.trim().toLowerCase();
  return (PARTICIPANT_ROLES as readonly string[]).includes(v) ? (v as ParticipantRole) : roleForLabel(v);
}

function readSpeakerTable(list: unknown[]): Map<string, { name: string; role?: string; party?: string }> {
  const table = new Map<string, { name: string; role?: string; party?: string }>();
  for (const s of list) {
    if (isRecord(s) && typeof s.id === 'string' && typeof s.name === 'string') {
      const entry: { name: string; role?: string; party?: string } = { name: s.name };
      if (typeof s.role === 'string') entry.role = s.role;
      if (typeof s.party === 'string') entry.party = s.party;
      table.set(s.id, entry);
    }
  }
  return table;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
