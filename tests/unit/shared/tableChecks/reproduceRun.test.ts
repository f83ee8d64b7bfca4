import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../electron/handlers/createHandlers.js';
import { readTable } from '../../../../electron/sources/readTable.js';
import { FileVault } from '../../../../electron/vault/fileVault.js';
import { runOn } from '../../../../shared/domain/tableChecks.js';
import type { Attachment, TableComputation } from '../../../../shared/model.js';
import { reproduceRun, tableChangedSince } from '../../../../shared/tableChecks/reproduceRun.js';

const NATO = path.resolve(import.meta.dirname, '../../../../electron/sample/nato-defence-expenditure-pct-gdp-2014-2024.csv');
const COUNT: TableComputation = {
  operation: 'count',
  sheet: 'nato-defence-expenditure-pct-gdp-2014-2024',
  labelColumn: 'Country',
  filter: { column: '2015', operator: '>=', value: '2.0' },
  excludeRows: ['NATO Europe and Canada', 'NATO Total'],
};

async function handlersWithVault() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reproduce-'));
  const vault = new FileVault(path.join(dir, 'vault'));
  const handlers = createHandlers({
    shell: 'preview',
    version: '0.0.0-test',
    userDataPath: dir,
    vault,
    openExternal: async () => undefined,
    parseDocument: async () => {
      throw new Error('not used');
    },
    cancelParse: () => false,
    sampleDir: path.resolve('electron/sample'),
    readTable: (bytes, fileName) => readTable(bytes, fileName),
  });
  const context = { emit: () => undefined };
  return { vault, read: (hash: string, fileName: string) => handlers.sourcesReadTable({ hash, fileName }, context) };
}

describe('reproduceRun', () => {
  it('runs a stored check again on the bytes it names and gives the same answer', async () => {
    const { vault, read: readBack } = await handlersWithVault();
    const { hash } = await vault.put(new Uint8Array(readFileSync(NATO)));
    const read = await readBack(hash, 'nato.csv');
    expect(read.sha256).toBe(hash);
    const sheet = read.sheets[0]!.name;
    const computation = { ...COUNT, sheet };
    const run = runOn({ hash, fileName: 'nato.csv', sheets: read.sheets, edition: 'June 2024' }, computation);
    expect(run.result).toMatchObject({ value: 4, of: 31 });
    const again = reproduceRun(computation, run, await readBack(hash, 'nato.csv'));
    expect(again).toEqual({ outcome: 'reproduced', sentence: `Reproduced: 4 of 31 again on June 2024, from the same bytes (sha256 ${hash.slice(0, 12)}…).` });
  });

  it('notices when the stored file no longer holds the bytes the check ran on, and does not compute on them', async () => {
    const { vault, read: readBack } = await handlersWithVault();
    const { hash } = await vault.put(new Uint8Array(readFileSync(NATO)));
    const read = await readBack(hash, 'nato.csv');
    const computation = { ...COUNT, sheet: read.sheets[0]!.name };
    const run = runOn({ hash, fileName: 'nato.csv', sheets: read.sheets }, computation);
    // Someone edits the file in the vault folder: Estonia's 1.99 becomes 2.07.
    writeFileSync(vault.pathFor(hash), readFileSync(NATO, 'utf8').replace('Estonia,1.898494092,1.988478971', 'Estonia,1.898494092,2.07'));
    const tampered = await readBack(hash, 'nato.csv');
    expect(tampered.sha256).not.toBe(hash);
    const again = reproduceRun(computation, run, tampered);
    expect(again.outcome).toBe('changed');
    expect(again.sentence).toMatch(/^The file this check was made on has changed: nato\.csv should have sha256 [0-9a-f]{12}… but the stored bytes now have [0-9a-f]{12}…/);
  });

  it('says when the same bytes give another answer or none', () => {
    const sheets = [{ name: 's', columns: ['Country', '2015'], rows: [['A', '2.1'], ['B', '1.9']] }];
    const computation: TableComputation = { operation: 'count', sheet: 's', labelColumn: 'Country', filter: { column: '2015', operator: '>=', value: '2.0' } };
    const run = runOn({ hash: 'a'.repeat(64), fileName: 't.csv', sheets }, computation);
    expect(run.result?.value).toBe(1);
    const edited = [{ ...sheets[0]!, rows: [['A', '2.1'], ['B', '2.0']] }];
    expect(reproduceRun(computation, run, { sheets: edited })).toMatchObject({ outcome: 'differs', sentence: 'Not reproduced: the same bytes now give 2 of 2, where the check recorded 1 of 2 on t.csv.' });
    expect(reproduceRun(computation, run, { sheets: [{ name: 'other', columns: [], rows: [] }] }).outcome).toBe('failed');
  });
});

describe('tableChangedSince', () => {
  const run = { fileHash: 'a'.repeat(64), fileName: 'nato.csv', sheet: 's', at: '2026-01-01T00:00:00Z', sentence: '' };
  const attachment = (hash: string, name = 'nato.csv'): Attachment => ({ hash, name, mediaType: 'text/csv', size: 1 });
  it('is quiet while the file the check ran on is still the source’s table', () => {
    expect(tableChangedSince(run, [attachment('a'.repeat(64)), attachment('c'.repeat(64), 'other.csv')])).toBeUndefined();
  });
  it('notices a new file of the same name, or the file taken away', () => {
    expect(tableChangedSince(run, [attachment('a'.repeat(64)), attachment('b'.repeat(64))])).toBe(
      'The table has changed since this check was made. nato.csv with sha256 bbbbbbbbbbbb… is attached now. The check keeps pointing at the bytes it ran on (sha256 aaaaaaaaaaaa…); “Re-run on another edition…” computes it on the new file.',
    );
    expect(tableChangedSince(run, [])).toMatch(/^The table has changed since this check was made\. nato\.csv is no longer attached to the source\./);
  });
});
