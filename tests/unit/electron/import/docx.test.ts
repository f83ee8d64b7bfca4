import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DOCX_LIMITS, extractDocxText } from '../../../../electron/import/docx.js';
import { ImportError } from '../../../../electron/import/importError.js';
import { makeDocx, makeEncryptedDocx, makeLyingZip, makeZipBomb } from './docxFixtures.js';

async function failure(bytes: Uint8Array): Promise<ImportError> {
  const error = await extractDocxText(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('extractDocxText', () => {
  it('gives the paragraphs of a Word file separated by blank lines', async () => {
    const bytes = await makeDocx(['CORBYN: I don’t wish to go to war.', 'SMITH: We would have to come to the aid of a fellow member of NATO.', 'Café £2 — “quoted”']);
    expect(await extractDocxText(bytes)).toBe(
      'CORBYN: I don’t wish to go to war.\n\nSMITH: We would have to come to the aid of a fellow member of NATO.\n\nCafé £2 — “quoted”',
    );
  });

  it('refuses a zip bomb from its central directory, before inflating it', async () => {
    const bomb = makeZipBomb(16);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await failure(bomb);
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/zip bomb/);
  });

  it('refuses an archive whose declared sizes lie about what it inflates to', async () => {
    const error = await failure(makeLyingZip(200_000, 1_000));
    expect(error.code).toBe('parse-failed');
    expect(error.message).toBe('This Word file is damaged or incomplete and could not be opened.');
  });

  it('refuses more parts than the limit', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= DOCX_LIMITS.maxEntries; i++) files[`word/media/p${i}.xml`] = new Uint8Array(1);
    const error = await failure(zipSync(files, { level: 0 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/more than 5,000 parts/);
  });

  it('refuses a truncated Word file with one clear sentence', async () => {
    const bytes = await makeDocx(['Some text that will be cut off.']);
    const error = await failure(bytes.slice(0, Math.floor(bytes.length / 2)));
    expect(error.message).toBe('This Word file is damaged or incomplete and could not be opened.');
    expect(error.message).not.toMatch(/\n|at /);
  });

  it('refuses a password-protected Word file and an old .doc file', async () => {
    expect((await failure(makeEncryptedDocx())).message).toMatch(/password-protected/);
    const doc = makeEncryptedDocx().slice(0, 512);
    expect((await failure(doc)).message).toMatch(/old-style Word \.doc/);
  });

  it('refuses empty input, a zip that is no Word file, and a Word file without text', async () => {
    expect((await failure(new Uint8Array())).message).toBe('The Word file is empty.');
    expect((await failure(zipSync({ 'notes.txt': new TextEncoder().encode('hello') }))).message).toMatch(/not a Word document/);
    expect((await failure(await makeDocx([]))).message).toBe('The Word file has no text to import.');
    expect((await failure(new TextEncoder().encode('just some text, not a zip'))).code).toBe('parse-failed');
  });
});
