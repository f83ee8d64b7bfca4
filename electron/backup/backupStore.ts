import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { readBundle } from '../../shared/bundle/bundle.js';
import { BACKUP_REASONS, type BackupEntry, type BackupReason } from '../../shared/contract.js';
import { SNAPSHOT_TABLES, type TableName } from '../../shared/model.js';
import { writeFileAtomic } from '../files/writeFileAtomic.js';

/** A backup that could not be written or read; `message` is for the user as it is. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** How many backups rotation keeps: the most recent ones, plus the newest of each day for some days. */
export interface RotationPolicy {
  keepRecent: number;
  keepDaily: number;
}
export const DEFAULT_ROTATION: RotationPolicy = { keepRecent: 10, keepDaily: 14 };

const ID_PATTERN = /^backup-\d{8}T\d{9}Z-[a-z-]+-[0-9a-f]{8}$/;
const EXT = '.claimdesk';
const META = '.json';

/** Flushes the folder entry so the rename itself survives a power cut (a no-op where folders cannot be opened). */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

const stampOf = (date: Date) => date.toISOString().replace(/[-:.]/g, '');

/**
 * Backups of the library under <userData>/backups: each a .claimdesk bundle the window built, with a small JSON
 * entry beside it. Every backup is written atomically, then read back from disk and checked (the bundle opens, its
 * record counts match its manifest) before it counts as verified. Rotation never removes the newest verified backup
 * nor a copy of a damaged database.
 */
export class BackupStore {
  readonly root: string;

  constructor(
    root: string,
    private readonly options: { now?: () => Date; rotation?: RotationPolicy } = {},
  ) {
    this.root = path.resolve(root);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private fileFor(id: string, ext: string): string {
    if (!ID_PATTERN.test(id)) throw new BackupError('That is not a Claimdesk backup.');
    return path.join(this.root, `${id}${ext}`);
  }

  async write(bytes: Uint8Array, reason: BackupReason, profileId?: string): Promise<BackupEntry> {
    // Refuse what is not a bundle before it takes a place in the rotation.
    try {
      readBundle(bytes);
    } catch (error) {
      throw new BackupError(`The backup was not written: ${error instanceof Error ? error.message : String(error)}`);
    }
    await mkdir(this.root, { recursive: true });
    const createdAt = this.now();
    const id = `backup-${stampOf(createdAt)}-${reason}-${randomBytes(4).toString('hex')}`;
    const file = this.fileFor(id, EXT);
    await writeFileAtomic(file, bytes);
    await syncDir(this.root);
    const entry: BackupEntry = { id, createdAt: createdAt.toISOString(), reason, size: bytes.byteLength, counts: emptyCounts(), verified: false, ...(profileId ? { profileId } : {}) };
    try {
      // Verify what is on disk, not what we meant to write.
      const back = readBundle(new Uint8Array(await readFile(file)));
      entry.counts = back.manifest.counts;
      entry.verified = SNAPSHOT_TABLES.every((t) => back.snapshot[t].length === back.manifest.counts[t]);
      entry.schemaVersion = back.manifest.schemaVersion;
    } catch {
      entry.verified = false;
    }
    await writeFileAtomic(this.fileFor(id, META), JSON.stringify(entry, null, 2));
    await syncDir(this.root);
    await this.rotate();
    return entry;
  }

  /** Every backup, newest first. A backup without its entry file is listed as unverified. */
  async list(): Promise<BackupEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.root);
    } catch {
      return [];
    }
    const entries: BackupEntry[] = [];
    for (const name of names) {
      if (!name.endsWith(EXT)) continue;
      const id = name.slice(0, -EXT.length);
      if (!ID_PATTERN.test(id)) continue;
      entries.push(await this.entryFor(id));
    }
    return entries.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
  }

  private async entryFor(id: string): Promise<BackupEntry> {
    try {
      const raw = JSON.parse(await readFile(this.fileFor(id, META), 'utf8')) as BackupEntry;
      if (raw.id === id) return raw;
    } catch {
      // Fall through: the bundle is there, its entry is not.
    }
    const info = await stat(this.fileFor(id, EXT));
    const reason = BACKUP_REASONS.find((r) => id.includes(`-${r}-`)) ?? 'manual';
    return { id, createdAt: info.mtime.toISOString(), reason, size: info.size, counts: emptyCounts(), verified: false };
  }

  async read(id: string): Promise<Uint8Array> {
    try {
      const data = await readFile(this.fileFor(id, EXT));
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError('That backup is no longer there.');
    }
  }

  /** Keeps the most recent backups and the newest one per day for the last days; removes the rest. */
  async rotate(): Promise<string[]> {
    const policy = this.options.rotation ?? DEFAULT_ROTATION;
    const entries = await this.list();
    const keep = new Set<string>();
    entries.slice(0, policy.keepRecent).forEach((e) => keep.add(e.id));
    const newestVerified = entries.find((e) => e.verified);
    if (newestVerified) keep.add(newestVerified.id);
    for (const e of entries) if (e.reason === 'damaged') keep.add(e.id);
    const cutoff = this.now().getTime() - policy.keepDaily * 24 * 3600 * 1000;
    const days = new Set<string>();
    for (const e of entries) {
      const day = e.createdAt.slice(0, 10);
      if (Date.parse(e.createdAt) < cutoff || days.has(day)) continue;
      days.add(day);
      keep.add(e.id);
    }
    const removed: string[] = [];
    for (const e of entries) {
      if (keep.has(e.id)) continue;
      await unlink(this.fileFor(e.id, EXT)).catch(() => undefined);
      await unlink(this.fileFor(e.id, META)).catch(() => undefined);
      removed.push(e.id);
    }
    return removed;
  }
}

function emptyCounts(): Record<TableName, number> {
  return Object.fromEntries(SNAPSHOT_TABLES.map((t) => [t, 0])) as Record<TableName, number>;
}
