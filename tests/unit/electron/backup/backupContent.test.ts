import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BackupStore } from '../../../../electron/backup/backupStore.js';
import { createHandlers } from '../../../../electron/handlers/createHandlers.js';
import { dispatch } from '../../../../electron/transport/dispatch.js';
import { FileVault } from '../../../../electron/vault/fileVault.js';
import { readBundle, writeBundle } from '../../../../shared/bundle/bundle.js';
import { ARTICLE_HASH, REPORT_HASH, sampleFiles, sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';

/** A user-data folder with the sample's files in its vault, and a backup store beside it. */
async function setup(options: { now?: () => Date } = {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'backup-content-'));
  const vault = new FileVault(path.join(root, 'vault'));
  for (const bytes of sampleFiles().values()) await vault.put(bytes);
  const store = new BackupStore(path.join(root, 'backups'), { vault, ...options });
  return { root, vault, store };
}
/** What the window sends for a backup: the records, the files named but kept outside. */
const recordsOnly = () => writeBundle(sampleSnapshot(), new Map(), { externalFiles: true });

describe('backups are verified by what they contain', () => {
  it('a backup truncated to 0 bytes is listed as damaged, never as verified, and cannot be restored', async () => {
    const { store } = await setup();
    const entry = await store.write(recordsOnly(), 'manual');
    expect(entry).toMatchObject({ verified: true });
    truncateSync(path.join(store.root, `${entry.id}.claimdesk`), 0);
    const [listed] = await store.list();
    expect(listed).toMatchObject({ id: entry.id, verified: false, damage: 'The backup file is empty (0 bytes).' });
    await expect(store.read(entry.id)).rejects.toThrow('This backup is damaged and cannot be restored: The backup file is empty (0 bytes).');
  });

  it('a backup altered after writing, even one that still opens, is listed as damaged', async () => {
    const { store } = await setup();
    const entry = await store.write(recordsOnly(), 'manual');
    const file = path.join(store.root, `${entry.id}.claimdesk`);
    // Another writer's bundle of the same size would still open: only its SHA-256 gives it away.
    const other = writeBundle({ ...sampleSnapshot(), debates: sampleSnapshot().debates.map((d) => ({ ...d, title: d.title.replace('Labour', 'Labor') })) }, new Map(), { externalFiles: true });
    const bytes = readFileSync(file);
    writeFileSync(file, other.length === bytes.length ? other : bytes.map((b, i) => (i === 100 ? b ^ 1 : b)));
    const [listed] = await store.list();
    expect(listed!.verified).toBe(false);
    expect(listed!.damage).toMatch(/^The backup file has changed since it was written/);
  });

  it('the sidecar cannot vouch for a backup: a stored "verified: true" over a damaged file is ignored', async () => {
    const { store } = await setup();
    const entry = await store.write(recordsOnly(), 'manual');
    const meta = path.join(store.root, `${entry.id}.json`);
    writeFileSync(meta, JSON.stringify({ ...JSON.parse(readFileSync(meta, 'utf8')), verified: true, size: 0 }));
    writeFileSync(path.join(store.root, `${entry.id}.claimdesk`), '');
    const [listed] = await store.list();
    expect(listed!.verified).toBe(false);
  });

  it('a backup whose stored file is gone is damaged; restoring puts its files back in the vault, checked by hash', async () => {
    const { store, vault, root } = await setup();
    const entry = await store.write(recordsOnly(), 'manual');
    // The vault loses a file: restoring brings it back from the backup folder.
    rmSync(vault.pathFor(REPORT_HASH));
    const bytes = await store.read(entry.id);
    expect(readBundle(bytes).snapshot.claims).toHaveLength(5);
    expect((await vault.has(REPORT_HASH)).exists).toBe(true);
    // The backup folder loses the file: the backup is damaged, and restoring refuses.
    rmSync(path.join(store.root, 'files', ARTICLE_HASH));
    const [listed] = await store.list();
    expect(listed).toMatchObject({ verified: false, damage: 'A file it needs is missing from the backup folder.' });
    await expect(store.read(entry.id)).rejects.toThrow(/damaged and cannot be restored/);
    expect(readdirSync(root)).toContain('vault');
  });
});

describe('vault files are stored once across backups', () => {
  it('ten backups of the library keep each vault file once, and their bundles hold only records', async () => {
    const { store } = await setup();
    for (let i = 0; i < 10; i++) await store.write(recordsOnly(), 'interval');
    const stored = readdirSync(path.join(store.root, 'files')).sort();
    expect(stored).toEqual([ARTICLE_HASH, REPORT_HASH].sort());
    for (const name of readdirSync(store.root).filter((n) => n.endsWith('.claimdesk'))) {
      const entries = Object.keys(unzipSync(readFileSync(path.join(store.root, name))));
      expect(entries.filter((e) => e.startsWith('files/'))).toEqual([]);
    }
    const usage = await store.usage();
    const fileBytes = [...sampleFiles().values()].reduce((sum, b) => sum + b.length, 0);
    expect(usage).toMatchObject({ fileCount: 2, fileBytes, backupCount: 10 });
    // Ten full bundles would carry the files ten times.
    expect(usage.usedBytes).toBeLessThan(10 * writeBundle(sampleSnapshot(), sampleFiles()).length);
  });
});

describe('the backup folder keeps to a size budget the user sets', () => {
  it('setting a budget removes the oldest backups beyond it, keeps the newest verified one, and frees unused files', async () => {
    let t = Date.parse('2026-03-01T09:00:00.000Z');
    const { store: big } = await setup();
    await expect(big.setBudget(1000)).rejects.toThrow('The backup folder needs a budget of at least 50.0 MB.');
    const { store, vault } = await setup();
    const small = new BackupStore(store.root, { vault, now: () => new Date((t += 60_000)), minBudgetBytes: 1 });
    for (let i = 0; i < 5; i++) await small.write(recordsOnly(), 'interval');
    // A library that no longer holds the report: a backup of it, newest of all, needs only the article.
    const withoutReport = { ...sampleSnapshot(), sources: sampleSnapshot().sources.map((s) => ({ ...s, attachments: [] })), evidence: sampleSnapshot().evidence.map(({ locator: { attachmentHash: _gone, ...locator }, ...e }) => ({ ...e, locator })) };
    const newest = await small.write(writeBundle(withoutReport, new Map(), { externalFiles: true }), 'manual');
    const before = await small.usage();
    expect(before).toMatchObject({ backupCount: 6, fileCount: 2 });
    const after = await small.setBudget(newest.size + sampleFiles().get(ARTICLE_HASH)!.length + 1);
    const left = await small.list();
    expect(left.map((e) => e.id)).toEqual([newest.id]);
    expect(left[0]!.verified).toBe(true);
    // The report only the removed backups used is gone from the folder; the article the kept one needs stays.
    expect(readdirSync(path.join(store.root, 'files'))).toEqual([ARTICLE_HASH]);
    expect(after).toMatchObject({ backupCount: 1, fileCount: 1 });
    expect(after.usedBytes).toBeLessThanOrEqual(after.budgetBytes);
  });

  it('never removes the newest verified backup to meet a budget, and says it is over', async () => {
    const { store, vault } = await setup();
    const small = new BackupStore(store.root, { vault, minBudgetBytes: 1 });
    const only = await small.write(recordsOnly(), 'manual');
    const usage = await small.setBudget(10);
    expect((await small.list()).map((e) => e.id)).toEqual([only.id]);
    expect(usage.usedBytes).toBeGreaterThan(usage.budgetBytes);
  });

  it('the budget is set and read through the contract, and reported with the list', async () => {
    const { root, vault } = await setup();
    const handlers = createHandlers({
      shell: 'preview', version: 't', userDataPath: root, vault, openExternal: async () => undefined, cancelParse: () => false, sampleDir: root,
      parseDocument: async () => { throw new Error('unused'); },
    });
    const context = { emit: () => undefined };
    await dispatch(handlers, 'backupsWrite', { bytes: recordsOnly(), reason: 'manual' }, context);
    const set = await dispatch(handlers, 'backupsSetBudget', { budgetBytes: 300 * 1024 * 1024 }, context);
    expect(set).toMatchObject({ ok: true, value: { budgetBytes: 300 * 1024 * 1024, backupCount: 1, fileCount: 2 } });
    const list = await dispatch(handlers, 'backupsList', {}, context);
    expect(list).toMatchObject({ ok: true, value: { usage: { budgetBytes: 300 * 1024 * 1024 }, entries: [{ verified: true }] } });
    expect(statSync(path.join(root, 'backups', 'settings.json')).isFile()).toBe(true);
    const refused = await dispatch(handlers, 'backupsSetBudget', { budgetBytes: 1024 }, context);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
