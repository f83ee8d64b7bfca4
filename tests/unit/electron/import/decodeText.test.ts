import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary } from '../../../../electron/import/decodeText.js';
import { ImportError } from '../../../../electron/import/importError.js';

const SAMPLE = 'CORBYN: “I don’t wish to go to war” — it costs £200, says José Núñez.\r\nSMITH: Ça va.';
const EXPECTED = SAMPLE.replace(/\r\n/g, '\n');

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode(SAMPLE);
    expect(decodeText(bytes)).toEqual({ text: EXPECTED, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])).text).toBe(EXPECTED);
  });

  it('reads UTF-16 LE and BE with a BOM, and LE without one', () => {
    const le = iconv.encode(SAMPLE, 'utf-16le');
    const be = iconv.encode(SAMPLE, 'utf-16be');
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...le]))).toEqual({ text: EXPECTED, encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be]))).toEqual({ text: EXPECTED, encoding: 'utf-16be' });
    expect(decodeText(new Uint8Array(le)).text).toBe(EXPECTED);
  });

  it('reads Windows-1252 curly quotes, pound signs and accents without U+FFFD', () => {
    const bytes = new Uint8Array(iconv.encode(SAMPLE, 'windows-1252'));
    expect(bytes.includes(0x93)).toBe(true); // the file really holds 1252's curly quote byte
    const { text, encoding } = decodeText(bytes);
    expect(text).toBe(EXPECTED);
    expect(text).not.toContain('\uFFFD');
    expect(encoding).toBe('windows-1252');
  });

  it('reads ASCII and UTF-8 alike, past 1 MB too, with CRLF line ends made LF', () => {
    const ascii = 'CORBYN: We would come to the aid of a fellow member of NATO.\r\n'.repeat(20_000);
    expect(decodeText(new TextEncoder().encode(ascii))).toEqual({ text: ascii.replace(/\r\n/g, '\n'), encoding: 'utf-8' });
    // One character past ASCII at the very end decides nothing else.
    expect(decodeText(new TextEncoder().encode(`${ascii}£`))).toEqual({ text: `${ascii.replace(/\r\n/g, '\n')}£`, encoding: 'utf-8' });
  });

  it('reads a short Windows-1252 line too', () => {
    expect(decodeText(new Uint8Array(iconv.encode('It’s £5.', 'windows-1252'))).text).toBe('It’s £5.');
  });

  it('refuses binary content with one sentence', () => {
    const random = new Uint8Array(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256;
    expect(() => decodeText(random)).toThrow(ImportError);
    expect(() => decodeText(random)).toThrow(/looks binary/);
    expect(looksBinary(new Uint8Array([0x41, 0x00, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48]))).toBe(true);
    expect(looksBinary(new TextEncoder().encode('plain text\n\twith tabs'))).toBe(false);
  });

  it('counts control bytes only past 2% of the opening, and never tab, line breaks, form feed or escape', () => {
    const text = (controls: number, byte: number): Uint8Array => {
      const bytes = new TextEncoder().encode('x'.repeat(1000));
      for (let i = 0; i < controls; i++) bytes[i * 10 + 5] = byte;
      return bytes;
    };
    expect(looksBinary(text(20, 0x07))).toBe(false);
    expect(looksBinary(text(21, 0x07))).toBe(true);
    expect(looksBinary(text(21, 0x0b))).toBe(true);
    expect(looksBinary(text(21, 0x7f))).toBe(true);
    for (const byte of [0x09, 0x0a, 0x0c, 0x0d, 0x1b]) expect(looksBinary(text(100, byte))).toBe(false);
  });

  it('refuses binary bytes that happen to start with a UTF-16 BOM', () => {
    const bytes = new Uint8Array(2048);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 2; i < bytes.length; i++) bytes[i] = i % 5;
    expect(() => decodeText(bytes)).toThrow(/looks binary/);
  });
});
