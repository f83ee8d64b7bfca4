import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../electron/import/importError.js';
import { MAX_IMPORT_BYTES, parseFile, type ParseStage } from '../../../../electron/import/parseFile.js';
import { bodyLines, makePdf } from './pdfFixtures.js';

const dir = path.join(import.meta.dirname, '../../../fixtures/import');
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(dir, name)));

async function failure(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('parseFile', () => {
  it.each([
    ['labels-colon.txt', 'text', 3],
    ['labels-alone.txt', 'text', 2],
    ['timestamps.txt', 'text', 3],
    ['transcript.md', 'markdown', 3],
    ['captions.srt', 'srt', 3],
    ['captions.vtt', 'webvtt', 3],
    ['rows.csv', 'csv', 3],
    ['rows.json', 'json', 3],
    ['rows-array.json', 'json', 2],
  ])('routes %s as %s and finds its %i speakers', async (name, format, speakers) => {
    const bytes = bytesOf(name);
    const parsed = await parseFile(name, bytes);
    expect(parsed.format).toBe(format);
    expect(parsed.fileName).toBe(name);
    expect(parsed.size).toBe(bytes.byteLength);
    expect(parsed.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(parsed.documents).toHaveLength(1);
    expect(parsed.documents[0]?.speakers).toHaveLength(speakers);
  });

  it('sends the seed article, which has no speaker labels, to the article route with its quotes', async () => {
    const parsed = await parseFile('corbyn-nato-article.txt', bytesOf('seed/corbyn-nato-article.txt'));
    const [doc] = parsed.documents;
    expect(parsed.format).toBe('text');
    const corbyn = doc?.speakers.find((s) => s.name === 'Jeremy Corbyn');
    const smith = doc?.speakers.find((s) => s.name === 'Owen Smith');
    expect(corbyn && smith).toBeTruthy();
    const said = (id: string | undefined): string[] => doc!.quotes.filter((q) => q.speaker === id).map((q) => q.text.slice(0, 30));
    expect(said(corbyn?.id)).toEqual(['You would obviously try to avo', 'That’s in the NATO treaty. I w', 'I don’t wish to go to war. Wha']);
    expect(said(smith?.id)).toEqual(['We would have to come to the a']);
    expect(doc?.turns.some((t) => t.speaker !== null && t.text.includes('Chamberlain?'))).toBe(false);
  });

  it('imports the 2016 debates CSV as four documents by date', async () => {
    const parsed = await parseFile('us2016-general-debates.csv', bytesOf('seed/us2016-general-debates.csv'));
    expect(parsed.format).toBe('csv');
    expect(parsed.documents.map((d) => d.date)).toEqual(['2016-09-26', '2016-10-04', '2016-10-09', '2016-10-19']);
  });

  it('routes HTML to the page reader', async () => {
    const parsed = await parseFile('article.html', bytesOf('article.html'));
    expect(parsed.format).toBe('html');
    const text = parsed.documents[0]!.turns.map((t) => t.text).join('\n');
    expect(text).toContain('two per cent target');
    expect(text).not.toContain('tracking');
  });

  it('reads a Word transcript through the transcript route', async () => {
    const lines = ['Hustings in Leeds', 'MODERATOR (HELEN MARSH): Welcome.', 'CORBYN: Thank you.', '(APPLAUSE)', 'MARSH: Mr Smith?', 'SMITH: Thanks.'];
    const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] })));
    const parsed = await parseFile('hustings.docx', bytes);
    const [doc] = parsed.documents;
    expect(parsed.format).toBe('docx');
    expect(doc?.format).toBe('docx');
    expect(doc?.title).toBe('Hustings in Leeds');
    expect(doc?.speakers.map((s) => s.name)).toEqual(['Helen Marsh', 'Corbyn', 'Smith']);
    expect(doc?.turns.map((t) => t.kind)).toEqual(['speech', 'speech', 'stage', 'speech', 'speech']);
  });

  it('refuses a truncated Word file with one sentence', async () => {
    const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('CORBYN: Hello.')] }] })));
    const error = await failure(parseFile('cut.docx', bytes.subarray(0, Math.floor(bytes.length / 2))));
    expect(error.message).not.toMatch(/\n/);
    expect(error.code).toBe('parse-failed');
  });

  it('says a Word file cut short is damaged, wherever it was cut, never that it is not a Word document', async () => {
    const cutEarly = await failure(parseFile('truncated.docx', bytesOf('truncated.docx')));
    expect(cutEarly.message).toBe('truncated.docx is damaged or incomplete: the Word file is cut short and could not be opened.');
    expect(cutEarly.code).toBe('parse-failed');
    const whole = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('CORBYN: Hello.')] }] })));
    for (const at of [2, 30, 300, Math.floor(whole.length / 2), whole.length - 10]) {
      const error = await failure(parseFile('speech.docx', whole.subarray(0, at)));
      expect(error.message, `cut at ${at}`).toMatch(/damaged or incomplete/);
      expect(error.message, `cut at ${at}`).not.toMatch(/not a Word/);
    }
    // Named otherwise, a cut archive whose entries are Word's is still a damaged Word file.
    expect((await failure(parseFile('download', whole.subarray(0, 300)))).message).toMatch(/damaged or incomplete/);
  });

  it('reads a PDF transcript through the transcript route', async () => {
    const pdf = makePdf([bodyLines(['CORBYN: I do not wish to go to war.', null, 'SMITH: We would come to the aid of an ally.', null, 'CORBYN: That can be done.'])]);
    const parsed = await parseFile('debate.pdf', pdf);
    expect(parsed.format).toBe('pdf');
    const [doc] = parsed.documents;
    expect(doc?.speakers.map((s) => s.name)).toEqual(['Corbyn', 'Smith']);
    expect(doc?.turns.map((t) => t.text)).toEqual(['I do not wish to go to war.', 'We would come to the aid of an ally.', 'That can be done.']);
  });

  it('refuses a broken PDF with one sentence', async () => {
    const error = await failure(parseFile('broken.pdf', new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog')));
    expect(error.code).toBe('parse-failed');
    expect(error.message).not.toMatch(/\n/);
  });

  it('decodes a Windows-1252 transcript without a single U+FFFD', async () => {
    const source = 'MODERATOR (HÉLÈNE MARSH): Welcome.\n\nCORBYN: It costs “£200” — José said so.\n\nMARSH: Thank you.\n';
    const parsed = await parseFile('legacy.txt', new Uint8Array(iconv.encode(source, 'windows-1252')));
    const [doc] = parsed.documents;
    expect(JSON.stringify(doc)).not.toContain('\uFFFD');
    expect(doc?.speakers.map((s) => s.name)).toEqual(['Hélène Marsh', 'Corbyn']);
    expect(doc?.turns[1]?.text).toBe('It costs “£200” — José said so.');
  });

  it('reads a UTF-16 transcript with a BOM', async () => {
    const source = 'CLINTON: How are you, Donald?\nTRUMP: Thank you.\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode(source, 'utf-16le')]);
    const parsed = await parseFile('utf16.txt', bytes);
    expect(parsed.documents[0]?.turns.map((t) => t.text)).toEqual(['How are you, Donald?', 'Thank you.']);
  });

  it('reports progress, ending with done', async () => {
    const seen: Array<[ParseStage, number]> = [];
    await parseFile('captions.srt', bytesOf('captions.srt'), (stage, fraction) => seen.push([stage, fraction]));
    expect(seen[0]).toEqual(['reading', 0]);
    expect(seen.at(-1)).toEqual(['done', 1]);
    expect(seen.map(([, f]) => f)).toEqual([...seen.map(([, f]) => f)].sort((a, b) => a - b));
  });

  it.each([
    ['an empty file', 'empty.txt', new Uint8Array(0), 'parse-failed', /^empty\.txt is empty\.$/],
    ['whitespace only', 'blank.txt', new TextEncoder().encode(' \n\n \t\n'), 'parse-failed', /has no text to import/],
    ['random bytes', 'noise.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256), 'unsupported', /looks binary/],
    ['malformed JSON', 'malformed.json', bytesOf('malformed.json'), 'parse-failed', /JSON file is malformed/],
    ['malformed CSV', 'malformed.csv', bytesOf('malformed.csv'), 'parse-failed', /CSV file is malformed/],
    ['a mislabelled PDF', 'report.pdf', new TextEncoder().encode('not a pdf at all'), 'parse-failed', /not a PDF/],
    ['a zip that is not a Word file', 'data.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'unsupported', /not a Word/],
  ])('refuses %s with one sentence', async (_what, name, bytes, code, message) => {
    const error = await failure(parseFile(name, bytes));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/\n|at .*\.ts:\d+/);
  });

  it('refuses a file over the size limit and names the limit', async () => {
    const error = await failure(parseFile('huge.txt', new Uint8Array(MAX_IMPORT_BYTES + 1)));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('huge.txt is too large to import: the limit is 50 MB and the file is 50.0 MB.');
  });
});
