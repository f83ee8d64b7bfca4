import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupError, BackupStore } from '../../../../electron/backup/backupStore.js';
import { readBundle, writeBundle } from '../../../../shared/bundle/bundle.js';
import { sampleFiles, sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';

const bundle = () => writeBundle(sampleSnapshot(), sampleFiles());
const tempDir = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'backups-')), 'backups');

/** A clock the test moves by hand. */
function clock(start: string) {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

describe('BackupStore', () => {
  it('writes a backup, verifies it from disk, lists it with counts and reads it back', async () => {
    const store = new BackupStore(tempDir());
    const entry = await store.write(bundle(), 'manual', 'profile-1');
    expect(entry.verified).toBe(true);
    expect(entry.reason).toBe('manual');
    expect(entry.profileId).toBe('profile-1');
    expect(entry.counts.claims).toBe(sampleSnapshot().claims.length);
    const list = await store.list();
    expect(list).toEqual([entry]);
    const back = readBundle(await store.read(entry.id));
    expect(back.snapshot.claims).toEqual(sampleSnapshot().claims);
    // No temp file is left behind.
    expect(readdirSync(store.root).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses bytes that are not a bundle, and writes nothing', async () => {
    const store = new BackupStore(tempDir());
    await expect(store.write(new Uint8Array([1, 2, 3]), 'manual')).rejects.toThrow(BackupError);
    expect(await store.list()).toEqual([]);
  });

  it('lists a backup that lost its entry file as unverified; a damaged one fails to read as a bundle', async () => {
    const store = new BackupStore(tempDir());
    const entry = await store.write(bundle(), 'interval');
    writeFileSync(path.join(store.root, `${entry.id}.json`), '{ not json');
    const [listed] = await store.list();
    expect(listed).toMatchObject({ id: entry.id, reason: 'interval', verified: false });
  });

  it('never reads outside its folder', async () => {
    const store = new BackupStore(tempDir());
    await expect(store.read('../../etc/passwd')).rejects.toThrow(BackupError);
    await expect(store.read('backup-20261128T101500000Z-manual-0123abcd')).rejects.toThrow('no longer there');
  });

  it('rotates: keeps the 10 most recent and the newest per day for 14 days', async () => {
    const time = clock('2026-11-01T12:00:00.000Z');
    const store = new BackupStore(tempDir(), { now: time.now });
    const bytes = bundle();
    const written: { id: string; day: string }[] = [];
    // Three a day for 20 days: 60 backups.
    for (let day = 0; day < 20; day++) {
      for (let i = 0; i < 3; i++) {
        const e = await store.write(bytes, 'interval');
        written.push({ id: e.id, day: e.createdAt.slice(0, 10) });
        time.advance(3600_000);
      }
      time.advance(21 * 3600_000);
    }
    const kept = (await store.list()).map((e) => e.id);
    const recent = written.slice(-10).map((w) => w.id);
    for (const id of recent) expect(kept).toContain(id);
    // One per day for the last 14 days, the newest of that day.
    const days = [...new Set(written.map((w) => w.day))];
    for (const day of days.slice(-14)) {
      const newest = written.filter((w) => w.day === day).at(-1)!;
      expect(kept).toContain(newest.id);
    }
    for (const day of days.slice(0, 5)) expect(kept.some((id) => written.find((w) => w.id === id)?.day === day)).toBe(false);
    expect(kept.length).toBeLessThanOrEqual(10 + 14);
  });

  it('never rotates away the newest verified backup or a copy of a damaged database', async () => {
    const time = clock('2026-01-01T00:00:00.000Z');
    const store = new BackupStore(tempDir(), { now: time.now, rotation: { keepRecent: 2, keepDaily: 0 } });
    const damaged = await store.write(bundle(), 'damaged');
    const good = await store.write(bundle(), 'manual');
    time.advance(1000);
    // Later backups whose verification failed must not push the good one out.
    const unverified = async (n: number) => {
      const id = `backup-20260101T00000${n}000Z-interval-0000000${n}`;
      writeFileSync(path.join(store.root, `${id}.claimdesk`), new Uint8Array([1]));
      writeFileSync(path.join(store.root, `${id}.json`), JSON.stringify({ ...good, id, reason: 'interval', createdAt: `2026-01-01T00:00:0${n}.000Z`, verified: false }));
    };
    await unverified(2);
    await unverified(3);
    await unverified(4);
    await store.rotate();
    const ids = (await store.list()).map((e) => e.id);
    expect(ids).toContain(good.id);
    expect(ids).toContain(damaged.id);
    expect(ids).toHaveLength(4);
  });
});
