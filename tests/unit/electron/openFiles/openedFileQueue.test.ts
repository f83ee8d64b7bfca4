import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_OPENED_BYTES, OpenedFileQueue } from '../../../../electron/openFiles/openedFileQueue.js';

const dirs: string[] = [];
function folder() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-opened-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('files handed over by the OS', () => {
  it('reads each file once and hands it to the window once, in order', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'debate.claimdesk'), 'PK');
    writeFileSync(path.join(dir, 'transcript.txt'), 'MODERATOR: Welcome.');
    const queue = new OpenedFileQueue();
    await queue.add(path.join(dir, 'debate.claimdesk'));
    await queue.add(path.join(dir, 'transcript.txt'));
    expect(queue.size).toBe(2);
    const taken = queue.take();
    expect(taken.files.map((f) => [f.name, f.kind, new TextDecoder().decode(f.bytes)])).toEqual([
      ['debate.claimdesk', 'project', 'PK'],
      ['transcript.txt', 'document', 'MODERATOR: Welcome.'],
    ]);
    expect(taken.failures).toEqual([]);
    expect(queue.take()).toEqual({ files: [], failures: [] });
  });

  it('hands the window the name without the format characters that disguise its extension', async () => {
    const dir = folder();
    const disguised = 'NATO-figures-2024\u202Efdp.txt';
    writeFileSync(path.join(dir, disguised), 'MODERATOR: Welcome.');
    const queue = new OpenedFileQueue();
    await queue.add(path.join(dir, disguised));
    expect(queue.take().files.map((f) => [f.name, f.kind])).toEqual([['NATO-figures-2024fdp.txt', 'document']]);
  });

  it('says in one sentence, naming only the file, why one could not be opened', async () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'folder.claimdesk'));
    const queue = new OpenedFileQueue(async () => new Uint8Array());
    await queue.add(path.join(dir, 'gone.claimdesk'));
    await queue.add(path.join(dir, 'folder.claimdesk'));
    await queue.add(path.join(dir, 'setup.exe'));
    expect(queue.take().failures).toEqual([
      { name: 'gone.claimdesk', message: '“gone.claimdesk” is no longer there.' },
      { name: 'folder.claimdesk', message: '“folder.claimdesk” is not a file.' },
      { name: 'setup.exe', message: '“setup.exe” is not a file Claimdesk opens.' },
    ]);
  });

  it('refuses a document larger than the Import dialog takes, without reading it', async () => {
    const dir = folder();
    const big = path.join(dir, 'huge.txt');
    writeFileSync(big, '');
    // A sparse file: its size is what counts, and nothing is read.
    const { truncateSync } = await import('node:fs');
    truncateSync(big, MAX_OPENED_BYTES.document + 1);
    let reads = 0;
    const queue = new OpenedFileQueue(async () => {
      reads += 1;
      return new Uint8Array();
    });
    const result = await queue.add(big);
    expect(result).toEqual({ name: 'huge.txt', message: '“huge.txt” is too large to open (50 MB).' });
    expect(reads).toBe(0);
  });
});
