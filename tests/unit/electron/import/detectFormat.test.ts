import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, detectTextFormat, sniffBinaryFormat } from '../../../../electron/import/detectFormat.js';

const dir = path.join(import.meta.dirname, '../../../fixtures/import');
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(dir, name)));

describe('detectFormat', () => {
  it.each([
    ['captions.srt', 'srt'],
    ['captions.vtt', 'webvtt'],
    ['rows.csv', 'csv'],
    ['rows.json', 'json'],
    ['rows-array.json', 'json'],
    ['transcript.md', 'markdown'],
    ['labels-colon.txt', 'text'],
    ['seed/us2016-general-debates.csv', 'csv'],
  ])('%s is %s', (name, format) => {
    expect(detectFormat(name, bytesOf(name))).toBe(format);
  });

  it('trusts content over the file name', () => {
    expect(detectFormat('upload.txt', bytesOf('captions.vtt'))).toBe('webvtt');
    expect(detectFormat('upload.txt', bytesOf('captions.srt'))).toBe('srt');
    expect(detectFormat('upload', bytesOf('rows.json'))).toBe('json');
    expect(detectFormat('upload', bytesOf('transcript.md'))).toBe('markdown');
    expect(detectFormat('debates', bytesOf('seed/us2016-general-debates.csv'))).toBe('csv');
    expect(detectTextFormat('page.txt', '<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html');
    expect(detectTextFormat('x', '[00:12:31] CORBYN: hello\n[CROSSTALK]')).toBe('text');
  });

  it('recognises PDF and DOCX by their bytes', () => {
    expect(sniffBinaryFormat('a.bin', new TextEncoder().encode('%PDF-1.7\n%...'))).toBe('pdf');
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('....word/document.xml....')]);
    expect(sniffBinaryFormat('a.bin', zip)).toBe('docx');
    expect(sniffBinaryFormat('a.txt', new TextEncoder().encode('hello'))).toBeUndefined();
    // A password-protected .docx sits in the old .doc container; the Word reader explains it.
    expect(sniffBinaryFormat('locked.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('docx');
  });

  it('refuses an archive that is not a Word document, a mislabelled .docx/.pdf and an old .doc', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('....xl/workbook.xml....')]);
    expect(() => sniffBinaryFormat('book.xlsx', zip)).toThrow(/ZIP archive but not a Word/);
    expect(() => sniffBinaryFormat('speech.docx', new TextEncoder().encode('hello'))).toThrow(/not a Word document/);
    expect(() => sniffBinaryFormat('speech.pdf', new TextEncoder().encode('hello'))).toThrow(/not a PDF/);
    expect(() => sniffBinaryFormat('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toThrow(/old Word/);
  });
});
