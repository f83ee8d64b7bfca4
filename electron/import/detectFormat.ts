import type { DocumentFormat } from '../../shared/model.js';
import { ImportError } from './importError.js';

/**
 * The format of a file, from its content first and its name second: a `.txt` that holds captions is read as
 * captions, and a `.docx` that is not a Word archive is refused rather than fed to the wrong parser.
 */

/** docx or pdf when the bytes say so; undefined for anything that should be decoded as text. */
export function sniffBinaryFormat(fileName: string, bytes: Uint8Array): 'docx' | 'pdf' | undefined {
  const ext = extension(fileName);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // Entry names sit uncompressed in the local headers and the central directory.
    if (indexOfAscii(bytes, 'word/document.xml') >= 0) return 'docx';
    // A Word file cut short (a failed download, a full USB stick) can end before document.xml's header: without the
    // archive's closing directory it is damaged, not some other kind of file.
    if (!hasEndOfCentralDirectory(bytes) && (ext === 'docx' || indexOfAscii(bytes, 'word/') >= 0)) throw truncatedWord(fileName);
    throw new ImportError('This is a ZIP archive but not a Word (.docx) document, so it cannot be imported.', 'unsupported');
  }
  // The first bytes of a zip's signature and nothing more.
  if (ext === 'docx' && bytes.length < 4 && startsWith(bytes, [0x50, 0x4b, 0x03, 0x04].slice(0, bytes.length))) throw truncatedWord(fileName);
  if (indexOfAscii(bytes.subarray(0, 1024), '%PDF-') >= 0) return 'pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Word wraps a password-protected .docx in the same container as an old .doc; the Word reader says which.
    if (ext === 'docx') return 'docx';
    throw new ImportError('This is an old Word (.doc) file; save it as .docx or PDF and import that instead.', 'unsupported');
  }
  if (ext === 'docx') throw new ImportError(`${fileName} is named .docx but is not a Word document (it may be damaged).`, 'parse-failed');
  if (ext === 'pdf') throw new ImportError(`${fileName} is named .pdf but is not a PDF (it may be damaged).`, 'parse-failed');
  return undefined;
}

/** The format of decoded text: captions, JSON and HTML by their signatures, then the extension, then the content. */
export function detectTextFormat(fileName: string, text: string): Exclude<DocumentFormat, 'docx' | 'pdf'> {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  const start = head.trimStart();
  if (/^WEBVTT(?:[ \t\n]|$)/.test(start)) return 'webvtt';
  if (/^\d+[ \t]*\r?\n[ \t]*\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->/.test(start)) return 'srt';
  if (/^(?:\{\s*(?:"|\})|\[\s*(?:\{|"|\]|\[))/.test(start)) return 'json';
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(start)) return 'html';

  switch (extension(fileName)) {
    case 'vtt':
    case 'webvtt':
      return 'webvtt';
    case 'srt':
      return 'srt';
    case 'json':
      return 'json';
    case 'csv':
    case 'tsv':
      return 'csv';
    case 'html':
    case 'htm':
    case 'xhtml':
      return 'html';
    case 'md':
    case 'markdown':
      return 'markdown';
  }
  if (looksLikeTable(start) || looksLikeNumberedLines(start)) return 'csv';
  if (/^\s{0,3}#{1,6}\s+\S/.test(start)) return 'markdown';
  if (/^\s*\*\*[^*\n]{1,60}:?\*\*:?\s/m.test(head)) return 'markdown';
  return 'text';
}

/** Detects a file's format from its bytes alone, decoding only a sample for the text formats. */
export function detectFormat(fileName: string, bytes: Uint8Array): DocumentFormat {
  const binary = sniffBinaryFormat(fileName, bytes);
  if (binary) return binary;
  return detectTextFormat(fileName, new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)));
}

// A CSV is worth trying without a .csv name only when its header names a text column and a speaker column.
function looksLikeTable(start: string): boolean {
  const header = start.split('\n', 1)[0] ?? '';
  for (const delimiter of [',', '\t', ';']) {
    const cells = header.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
    if (cells.length < 2 || cells.length > 40 || cells.some((c) => c.length > 40)) continue;
    const hasText = cells.some((c) => ['text', 'utterance', 'speech', 'content', 'transcript', 'dialogue', 'words'].includes(c));
    const hasSpeaker = cells.some((c) => ['speaker', 'name', 'person', 'who', 'character', 'speaker_name'].includes(c));
    if (hasText && hasSpeaker) return true;
  }
  return false;
}

// `12<TAB>SPEAKER<TAB>text` on most of the first lines: CLEF-style numbered lines, whatever the file is called.
function looksLikeNumberedLines(start: string): boolean {
  const lines = start.split(/\r?\n/).filter((l) => l.trim()).slice(0, 10);
  const hits = lines.filter((l) => /^\s*\d{1,7}\t[^\t]{0,200}\t\S/.test(l)).length;
  return lines.length > 0 && hits >= Math.min(3, lines.length) && hits >= lines.length * 0.8;
}

function truncatedWord(fileName: string): ImportError {
  return new ImportError(`${fileName} is damaged or incomplete: the Word file is cut short and could not be opened.`, 'parse-failed');
}

// The end-of-central-directory record closes every complete zip, within its last 64 KB + 22 bytes.
function hasEndOfCentralDirectory(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 65_557));
  return Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength).lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) >= 0;
}

function extension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function indexOfAscii(bytes: Uint8Array, needle: string): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle, 0, 'latin1');
}
