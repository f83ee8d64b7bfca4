import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
// plugin-ris 0.8.2 declares a peer of core ^0.8 but runs on core 0.9; package.json overrides that peer.
import '@citation-js/plugin-ris';
import { newId, nowIso } from '../../shared/ids.js';
import type { CslItem, Source } from '../../shared/model.js';
import { cslItemProblems } from '../../shared/sources/cslItemCheck.js';
import { findDuplicate, type SourceIdentity } from '../../shared/sources/dedupe.js';
import { sourceKindFromCslType } from '../../shared/sources/sourceKind.js';
import { sourceUrlProblem } from '../../shared/sources/webAddress.js';
import { decodeText } from '../import/decodeText.js';
import { ImportError, isImportError } from '../import/importError.js';

export type CitationFormat = 'csl-json' | 'bibtex' | 'ris';

/** What an import of a reference manager's export found: the new sources, and every entry it left out and why. */
export interface CitationImport {
  /** New sources to add, with fresh ids; duplicates and broken entries are not among them. */
  sources: Source[];
  /** Entries that are already in the library (`existingId`) or earlier in the same file (no `existingId`). */
  duplicates: { entry: string; existingId?: string; reason: string }[];
  /** Entries that could not be read, each with one sentence on why. */
  errors: { entry: string; reason: string }[];
  format: CitationFormat;
}

/** One entry of the file, cut out before parsing so that a broken entry cannot take its neighbours with it. */
interface RawEntry {
  label: string;
  /** The entry as CSL, or why it could not be read. */
  result: { item: CslItem } | { reason: string };
}

const MAX_TEXT_LENGTH = 20_000_000;
const LABEL_LENGTH = 80;

/**
 * Reads CSL-JSON, BibTeX or RIS (as Zotero and other reference managers write them), telling the format from the
 * content. Good entries become sources; broken ones and duplicates (of `existing`, the library, of which only ids
 * and CSL items are read, or of each other) are listed. Throws an ImportError when the file as a whole cannot be read.
 */
export function importCitations(
  text: string,
  existing: readonly SourceIdentity[],
  fileName?: string,
): CitationImport {
  if (text.length > MAX_TEXT_LENGTH) {
    throw new ImportError('The file is too large to be a citation export (over 20 MB of text).', 'too-large');
  }
  const body = text.replace(/^\uFEFF/, '');
  const format = detectFormat(body, fileName);
  const entries = format === 'csl-json' ? readCslJson(body) : format === 'bibtex' ? readBibtex(body) : readRis(body);
  if (entries.length === 0) throw new ImportError(`The file has no ${FORMAT_NAMES[format]} entries in it.`);

  const result: CitationImport = { sources: [], duplicates: [], errors: [], format };
  const labels = new Map<string, string>();
  for (const entry of entries) {
    if ('reason' in entry.result) {
      result.errors.push({ entry: entry.label, reason: entry.result.reason });
      continue;
    }
    const item = entry.result.item;
    const inLibrary = findDuplicate(item, existing);
    if (inLibrary) {
      const reason = `${capitalise(inLibrary.reason)} as "${sourceTitle(inLibrary.source)}" in the library.`;
      result.duplicates.push({ entry: entry.label, existingId: inLibrary.source.id, reason });
      continue;
    }
    const inFile = findDuplicate(item, result.sources);
    if (inFile) {
      const earlier = labels.get(inFile.source.id) ?? 'an earlier entry';
      const reason = `${capitalise(inFile.reason)} as "${earlier}" earlier in the file.`;
      result.duplicates.push({ entry: entry.label, reason });
      continue;
    }
    const source = toSource(item);
    labels.set(source.id, entry.label);
    result.sources.push(source);
  }
  return result;
}

/** importCitations for a file's bytes as they arrive over IPC, decoded as UTF-8, UTF-16 or a legacy encoding. */
export function importCitationFile(
  bytes: Uint8Array,
  fileName: string,
  existing: readonly SourceIdentity[],
): CitationImport {
  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch (error) {
    if (isImportError(error)) {
      throw new ImportError(`${fileName} looks binary, not like a citation export.`, 'unsupported');
    }
    throw error;
  }
  return importCitations(text, existing, fileName);
}

const FORMAT_NAMES: Record<CitationFormat, string> = { 'csl-json': 'CSL-JSON', bibtex: 'BibTeX', ris: 'RIS' };

function detectFormat(text: string, fileName?: string): CitationFormat {
  const start = text.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  if (/^TY {2}- /m.test(text)) return 'ris';
  if (/^\s*@[A-Za-z]+\s*[{(]/m.test(text)) return 'bibtex';
  const extension = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (extension === 'json') return 'csl-json';
  if (extension === 'bib' || extension === 'bibtex') return 'bibtex';
  if (extension === 'ris') return 'ris';
  throw new ImportError(
    'The file is not CSL-JSON, BibTeX or RIS, so no citations could be read from it.',
    'unsupported',
  );
}

function toSource(item: CslItem): Source {
  const id = newId();
  const now = nowIso();
  const csl: CslItem = { ...item, id };
  return { id, kind: sourceKindFromCslType(item.type), csl, tags: [], attachments: [], createdAt: now, updatedAt: now };
}

function sourceTitle(source: SourceIdentity): string {
  return shorten(typeof source.csl.title === 'string' ? source.csl.title : source.id);
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > LABEL_LENGTH ? `${flat.slice(0, LABEL_LENGTH - 1)}…` : flat;
}

/** The item as the app keeps it: the file's own id survives as the citation key, the app gives a fresh id. */
function finishItem(raw: Record<string, unknown>): { item: CslItem } | { reason: string } {
  const { _graph: _ignored, id, ...rest } = raw;
  if (typeof rest.title !== 'string' || rest.title.trim() === '') return { reason: 'It has no title' };
  // A javascript: or data: URL would become a live link in reports and the OS browser: refuse the entry, say why.
  const urlProblem = sourceUrlProblem(rest.URL);
  if (urlProblem) return { reason: urlProblem.replace(/\.$/, '') };
  const item: CslItem = { ...rest, id: '', type: typeof rest.type === 'string' ? rest.type : 'document' };
  const ownKey = typeof id === 'string' || typeof id === 'number' ? String(id) : '';
  if (item['citation-key'] === undefined && ownKey !== '' && !ownKey.startsWith('temp_id_')) {
    item['citation-key'] = ownKey;
  }
  return { item };
}

// --- CSL-JSON -------------------------------------------------------------------------------------------------

function readCslJson(text: string): RawEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const position = Number((error as Error).message.match(/position (\d+)/)?.[1]);
    const line = text.slice(0, position).split('\n').length;
    const where = Number.isFinite(position) ? ` (the error is on line ${line})` : '';
    throw new ImportError(`The file is not valid JSON${where}, so it cannot be read as CSL-JSON.`);
  }
  const items = Array.isArray(data) ? data : isRecord(data) && 'type' in data ? [data] : undefined;
  if (!items) throw new ImportError('The file is JSON but not CSL-JSON: it should hold a list of citation items.');
  return items.map((value, index) => {
    const title = isRecord(value) && typeof value.title === 'string' ? value.title : '';
    const label = title ? `item ${index + 1}: ${shorten(title)}` : `item ${index + 1}`;
    const problems = cslItemProblems(value);
    if (problems.length > 0) return { label, result: { reason: `${capitalise(problems.join('; '))}.` } };
    const finished = finishItem(value as Record<string, unknown>);
    return { label, result: 'reason' in finished ? { reason: `${finished.reason}.` } : finished };
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// --- citation-js ----------------------------------------------------------------------------------------------

function parseWithCitationJs(text: string, forceType: string): Record<string, unknown>[] {
  return plugins.input.chain(text, {
    forceType,
    generateGraph: false,
    maxChainLength: 10,
    strict: true,
    target: '@csl/list+object',
  }) as unknown as Record<string, unknown>[];
}

function oneItem(text: string, forceType: string, explain: (error: Error) => string): RawEntry['result'] {
  let items: Record<string, unknown>[];
  try {
    items = parseWithCitationJs(text, forceType);
  } catch (error) {
    return { reason: `${explain(error as Error)}.` };
  }
  const [first] = items;
  if (items.length !== 1 || !first) return { reason: 'It could not be read as one citation.' };
  const finished = finishItem(first);
  return 'reason' in finished ? { reason: `${finished.reason}.` } : finished;
}

// --- BibTeX ---------------------------------------------------------------------------------------------------

const TOKEN_NAMES: Record<string, string> = {
  rbrace: '"}"',
  lbrace: '"{"',
  rparen: '")"',
  comma: '","',
  equals: '"="',
  label: 'a citation key',
  identifier: 'a field name',
  EOF: 'the end of the entry',
};

function explainBibtexError(error: Error, firstLine: number): string {
  // The parser's own line numbers are unreliable on multi-line entries, so point at where the entry starts.
  const where = `in the entry starting on line ${firstLine}`;
  const match = error.message.match(/expected "?(\w+)"?, got "?(\w+)"?/);
  if (!match) return `The BibTeX could not be read ${where} (${error.message.split('\n')[0] ?? 'unknown error'})`;
  const [, expected = '', got = ''] = match;
  const hint = expected === 'rbrace' && got === 'identifier' ? ' (a comma may be missing)' : '';
  const found = TOKEN_NAMES[got] ?? `"${got}"`;
  return `The BibTeX is malformed ${where}: expected ${TOKEN_NAMES[expected] ?? expected} but found ${found}${hint}`;
}

function readBibtex(text: string): RawEntry[] {
  const lines = text.split(/\r?\n/);
  const chunks: { firstLine: number; text: string }[] = [];
  lines.forEach((line, index) => {
    if (/^\s*@/.test(line)) chunks.push({ firstLine: index + 1, text: line });
    else if (chunks.length > 0) chunks[chunks.length - 1]!.text += `\n${line}`;
  });
  // @string macros apply to every entry; prefixed on the entry's first line so error line numbers stay right.
  const macros: string[] = [];
  const entries: { firstLine: number; text: string; kind: string }[] = [];
  for (const chunk of chunks) {
    const kind = chunk.text.match(/^\s*@\s*([A-Za-z]+)/)?.[1]?.toLowerCase() ?? '';
    if (kind === 'string') macros.push(chunk.text.replace(/\s+/g, ' '));
    else if (kind !== 'comment' && kind !== 'preamble') entries.push({ ...chunk, kind });
  }
  const prefix = macros.length > 0 ? `${macros.join(' ')} ` : '';
  return entries.map((entry) => {
    const key = entry.text.match(/^\s*@\s*[A-Za-z]+\s*[{(]\s*([^,\s{}()]+)\s*,/)?.[1];
    const label = key ?? `the entry on line ${entry.firstLine}: ${shorten(entry.text.split('\n')[0] ?? '')}`;
    return {
      label,
      result: oneItem(prefix + entry.text, '@biblatex/text', (error) => explainBibtexError(error, entry.firstLine)),
    };
  });
}

// --- RIS ------------------------------------------------------------------------------------------------------

const RIS_TAG = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;

function readRis(text: string): RawEntry[] {
  const entries: RawEntry[] = [];
  let record: { firstLine: number; lines: string[] } | undefined;
  let stray: { firstLine: number; lines: string[] } | undefined;
  const lines = text.split(/\r?\n/);

  const label = (recordLines: string[], firstLine: number): string => {
    for (const line of recordLines) {
      const [, tag, value] = line.match(RIS_TAG) ?? [];
      if ((tag === 'TI' || tag === 'T1') && value?.trim()) return shorten(value);
    }
    return `the record on line ${firstLine}`;
  };
  const closeStray = (): void => {
    if (!stray) return;
    entries.push({
      label: `the text on line ${stray.firstLine}: ${shorten(stray.lines[0] ?? '')}`,
      result: { reason: 'It is not inside a RIS record (a record starts with a "TY  - " line).' },
    });
    stray = undefined;
  };
  const cutShort = (open: { firstLine: number; lines: string[] }): void => {
    entries.push({
      label: label(open.lines, open.firstLine),
      result: { reason: 'The record has no closing "ER  - " line, so it may be cut short.' },
    });
  };

  lines.forEach((line, index) => {
    const tag = line.match(RIS_TAG)?.[1];
    if (tag === 'TY') {
      closeStray();
      if (record) cutShort(record);
      record = { firstLine: index + 1, lines: [line] };
    } else if (record) {
      record.lines.push(line);
      if (tag === 'ER') {
        const result = oneItem(record.lines.join('\n'), '@ris/file', explainRisError);
        entries.push({ label: label(record.lines, record.firstLine), result });
        record = undefined;
      }
    } else if (line.trim() !== '') {
      if (stray) stray.lines.push(line);
      else stray = { firstLine: index + 1, lines: [line] };
    }
  });
  closeStray();
  if (record) cutShort(record);
  return entries;
}

function explainRisError(error: Error): string {
  return `The RIS record could not be read (${error.message.split('\n')[0] ?? 'unknown error'})`;
}
