import { createHash } from 'node:crypto';
import type { ParseProgress } from '../../shared/contract.js';
import type { DocumentFormat } from '../../shared/model.js';
import type { ParsedDocument, ParsedImport } from '../../shared/import/parsedDocument.js';
import { structureArticle } from './article.js';
import { structureCaptions } from './captions.js';
import { decodeText } from './decodeText.js';
import { detectTextFormat, sniffBinaryFormat } from './detectFormat.js';
import { ImportError } from './importError.js';
import { isNumberedLines, structureNumberedLines } from './numberedLines.js';
import { structureCsv, structureJson } from './tabular.js';
import { structureIfTranscript } from './transcript.js';

/** Files above this size are refused before any parsing: 50 MB holds any real transcript many times over. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Where a parse is, as the window's progress bar shows it. */
export type ParseStage = ParseProgress['stage'];
export type ProgressCallback = (stage: ParseStage, fraction: number) => void;

const FORMAT_NAMES: Record<DocumentFormat, string> = {
  text: 'text',
  markdown: 'Markdown',
  docx: 'a Word document',
  pdf: 'a PDF',
  html: 'a web page',
  srt: 'SRT captions',
  webvtt: 'WebVTT captions',
  csv: 'CSV',
  json: 'JSON',
};

/**
 * One file, as bytes, into documents of speakers and turns: refuse what is empty or too large, detect the format
 * from the content, decode, structure, and hash the original. Any failure is an ImportError with one sentence for
 * the user, and nothing partial is returned.
 */
export async function parseFile(fileName: string, bytes: Uint8Array, onProgress?: ProgressCallback): Promise<ParsedImport> {
  const progress: ProgressCallback = onProgress ?? (() => {});
  progress('reading', 0);
  checkSize(fileName, bytes.byteLength);
  const hash = createHash('sha256').update(bytes).digest('hex');

  let format: DocumentFormat = 'text';
  try {
    const binary = sniffBinaryFormat(fileName, bytes);
    progress('parsing', 0.1);
    let documents: ParsedDocument[];
    if (binary) {
      format = binary;
      const text = binary === 'docx' ? await (await import('./docx.js')).extractDocxText(bytes) : await (await import('./pdf.js')).extractPdfText(bytes);
      progress('structuring', 0.6);
      documents = [structureText(text, format, fileName)];
    } else {
      const { text } = decodeText(bytes);
      format = detectTextFormat(fileName, text);
      progress('structuring', 0.4);
      documents = await structureDecoded(text, format, fileName);
    }
    for (const doc of documents) {
      if (doc.turns.length === 0) throw new ImportError(`${fileName} has no text to import.`, 'parse-failed');
    }
    progress('done', 1);
    return { fileName, format, hash, size: bytes.byteLength, documents };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    // A library's own message is for developers; the user gets what went wrong in their terms.
    throw new ImportError(`${fileName} could not be read as ${FORMAT_NAMES[format]}; it may be damaged or in a form this app does not read.`, 'parse-failed', {
      cause: error,
    });
  }
}

/** Refuses an empty file, or one above MAX_IMPORT_BYTES, naming the limit. */
export function checkSize(fileName: string, size: number): void {
  if (size === 0) throw new ImportError(`${fileName} is empty.`, 'parse-failed');
  if (size > MAX_IMPORT_BYTES) {
    throw new ImportError(`${fileName} is too large to import: the limit is ${formatMegabytes(MAX_IMPORT_BYTES)} and the file is ${formatMegabytes(size)}.`, 'too-large');
  }
}

/** Text that is not captions or rows: a transcript when it has speaker labels, otherwise an article. */
export function structureText(text: string, format: DocumentFormat, fileName: string): ParsedDocument {
  if (!text.trim()) throw new ImportError(`${fileName} has no text to import.`, 'parse-failed');
  const title = baseName(fileName);
  return structureIfTranscript(text, { title, format }) ?? structureArticle(text, { title, format });
}

async function structureDecoded(text: string, format: DocumentFormat, fileName: string): Promise<ParsedDocument[]> {
  if (!text.trim()) throw new ImportError(`${fileName} has no text to import.`, 'parse-failed');
  const title = baseName(fileName);
  switch (format) {
    case 'srt':
    case 'webvtt':
      return [structureCaptions(text, { title, format })];
    case 'csv':
      // Headerless `N<TAB>speaker<TAB>text` lines (CLEF CheckThat! style) are not a table with named columns.
      if (isNumberedLines(text)) return [structureNumberedLines(text, { title })];
      return structureCsv(text, { title });
    case 'json':
      return structureJson(text, { title });
    case 'html':
      return [(await import('./html.js')).parseHtml(text, fileName)];
    default:
      return [structureText(text, format, fileName)];
  }
}

function baseName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
