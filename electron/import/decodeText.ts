import { isAscii } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportError } from './importError.js';

/** What a file's bytes decode to, and the encoding that was read. */
export interface DecodedText {
  text: string;
  encoding: string;
}

const SAMPLE_BYTES = 64 * 1024;

/**
 * Bytes to text: a BOM decides when there is one; otherwise strict UTF-8, and only when that fails a legacy
 * single-byte encoding (Windows-1252 unless chardet is fairly sure of another), so a `£` or a curly quote is never
 * turned into U+FFFD. Line endings become `\n`. Binary content is refused rather than decoded into garbage.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(bom.length), bom.encoding);
    return { text: finish(text), encoding: bom.encoding };
  }
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return { text: finish(iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), utf16)), encoding: utf16 };

  if (looksBinary(bytes)) throw new ImportError('This file looks binary, not text, so it cannot be imported as a transcript.', 'unsupported');
  // ASCII, as most transcripts are, is its own UTF-8 decoding: Node copies it into a string (past 1 MB, without even a
  // copy) many times faster than the UTF-8 decoder, which takes ~18 ms for a 5 MB file.
  if (isAscii(bytes)) return { text: finish(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('ascii')), encoding: 'utf-8' };
  try {
    return { text: finish(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: a legacy encoding.
  }
  const encoding = legacyEncoding(bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = iconv.decode(buffer, encoding);
  let used = encoding;
  if (encoding !== 'windows-1252' && /[\uFFFD\u0080-\u009F]/.test(text)) {
    text = iconv.decode(buffer, 'windows-1252');
    used = 'windows-1252';
  }
  return { text: finish(text), encoding: used };
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

// Some tools write UTF-16 without a BOM; ASCII-heavy text then has a NUL in every other byte.
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (n < 4) return undefined;
  // Most files hold no NUL at all, and the engine's own search says so faster than a loop over the bytes.
  if (bytes.subarray(0, n).indexOf(0) === -1) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul === 0) return 'utf-16be';
  return undefined;
}

const CONTROL_BYTE = /[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]/;

/** NUL bytes, or more than a few control bytes besides tab, newline, carriage return and form feed. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  const sample = bytes.subarray(0, n);
  if (sample.indexOf(0) !== -1) return true;
  // Text has no control bytes at all, as a regular expression over the bytes read as Latin-1 finds at native speed;
  // only a file that has some pays for counting them.
  if (!CONTROL_BYTE.test(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).toString('latin1'))) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const byte = bytes[i]!;
    if (byte === 0) return true;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) || byte === 0x7f) control++;
  }
  return n > 0 && control / n > 0.02;
}

function legacyEncoding(bytes: Uint8Array): string {
  const [best] = chardet.analyse(bytes.subarray(0, SAMPLE_BYTES));
  // Latin-1 is what chardet calls Windows-1252 text often enough, and Latin-1 has control codes where 1252 has
  // curly quotes and dashes; short samples give low confidence, and 1252 is the likeliest legacy encoding then.
  if (!best || best.confidence < 40) return 'windows-1252';
  const name = best.name.toLowerCase();
  if (name === 'iso-8859-1' || name === 'ascii' || name.startsWith('utf') || !iconv.encodingExists(name)) return 'windows-1252';
  return name;
}

function finish(text: string): string {
  // Each replace would copy the whole text (50 MB at most); most files need neither.
  let clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (clean.indexOf('\r') !== -1) clean = clean.replace(/\r\n?/g, '\n');
  // A BOM or a NUL pattern can front any bytes; what they decode to must still read as text.
  const sample = clean.slice(0, SAMPLE_BYTES);
  const control = sample.match(/[\u0000-\u0008\u000E-\u001A\u001C-\u001F\u007F\uFFFD]/g)?.length ?? 0;
  if (sample.length > 0 && control / sample.length > 0.02) {
    throw new ImportError('This file looks binary, not text, so it cannot be imported as a transcript.', 'unsupported');
  }
  return clean;
}
