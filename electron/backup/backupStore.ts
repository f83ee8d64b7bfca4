import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { readBundle } from '../../shared/bundle/bundle.js';
import { BACKUP_REASONS, type BackupEntry, type BackupReason, type BackupUsage } from '../../shared/contract.js';
import { SNAPSHOT_TABLES, type TableName } from '../../shared/model.js';
import { writeFileAtomic } from '../files/writeFileAtomic.js';
import type { FileVault } from '../vault/fileVault.js';

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

/** The size the backup folder may grow to unless the user sets another. */
export const DEFAULT_BUDGET_BYTES = 2 * 1024 ** 3;
export const MIN_BUDGET_BYTES = 50 * 1024 ** 2;

const ID_PATTERN = /^backup-\d{8}T\d{9}Z-[a-z-]+-[0-9a-f]{8}$/;
const HASH_PATTERN = /^[0-9a-f]{64}$/;
const EXT = '.claimdesk';
const META = '.json';
const FILES = 'files';
const SETTINGS = 'settings.json';

/** What the entry file beside each bundle keeps: the entry, and what the bundle and its files must be. */
interface StoredEntry extends BackupEntry {
  /** SHA-256 of the bundle as written. */
  sha256?: string;
  /** Vault files the backup needs, kept once under files/ for every backup that uses them. */
  files?: string[];
}

/** Flushes the folder entry so the rename itself survives a power cut (a no-op where folders cannot be opened). */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

const stampOf = (date: Date) => date.toISOString().replace(/[-:.]/g, '');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const sizeText = (bytes: number) => (bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);

/**
 * Backups of the library under <userData>/backups. Each is a .claimdesk bundle of the records the window built,
 * with an entry file beside it recording its size and SHA-256; the vault files it uses are kept once, by hash,
 * under files/, however many backups use them. A backup counts as verified only by what it contains: its bytes
 * still hash to what was written, the bundle opens with the record counts its manifest states, and every file it
 * needs is there with the right size. That is checked again whenever backups are listed, offered for recovery,
 * rotated or restored, so a truncated or altered backup shows as damaged, never as verified. Rotation keeps recent
 * and daily backups, never the newest verified one nor a copy of a damaged database, then trims the oldest to the
 * folder's size budget and removes files no backup uses any more.
 */
export class BackupStore {
  readonly root: string;
  private readonly filesDir: string;

  constructor(
    root: string,
    private readonly options: {
      now?: () => Date;
      rotation?: RotationPolicy;
      /** Where the library's files are: backups keep each once, and restoring puts them back. */
      vault?: FileVault;
      /** The smallest budget that may be set (tests use a small one). */
      minBudgetBytes?: number;
    } = {},
  ) {
    this.root = path.resolve(root);
    this.filesDir = path.join(this.root, FILES);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private fileFor(id: string, ext: string): string {
    if (!ID_PATTERN.test(id)) throw new BackupError('That is not a Claimdesk backup.');
    return path.join(this.root, `${id}${ext}`);
  }

  private storedFile(hash: string): string {
    if (!HASH_PATTERN.test(hash)) throw new BackupError('That is not a file of a Claimdesk backup.');
    return path.join(this.filesDir, hash);
  }

  async write(bytes: Uint8Array, reason: BackupReason, profileId?: string): Promise<BackupEntry> {
    // Refuse what is not a bundle before it takes a place in the rotation.
    let external: string[];
    try {
      external = readBundle(bytes).manifest.externalFiles ?? [];
    } catch (error) {
      throw new BackupError(`The backup was not written: ${error instanceof Error ? error.message : String(error)}`);
    }
    await mkdir(this.root, { recursive: true });
    const files: string[] = [];
    let missing = 0;
    for (const hash of external) {
      if (await this.storeVaultFile(hash)) files.push(hash);
      else missing += 1;
    }
    const createdAt = this.now();
    const id = `backup-${stampOf(createdAt)}-${reason}-${randomBytes(4).toString('hex')}`;
    const file = this.fileFor(id, EXT);
    await writeFileAtomic(file, bytes);
    await syncDir(this.root);
    const stored: StoredEntry = {
      id,
      createdAt: createdAt.toISOString(),
      reason,
      size: bytes.byteLength,
      sha256: sha256(bytes),
      counts: emptyCounts(),
      verified: false,
      files,
      ...(missing ? { missingFiles: missing } : {}),
      ...(profileId ? { profileId } : {}),
    };
    // Verify what is on disk, not what we meant to write.
    const checked = await this.check(stored);
    await writeFileAtomic(this.fileFor(id, META), JSON.stringify({ ...stored, counts: checked.counts, ...(checked.schemaVersion ? { schemaVersion: checked.schemaVersion } : {}) }, null, 2));
    await syncDir(this.root);
    await this.rotate();
    return checked;
  }

  /**
   * Copies a vault file into files/ unless a good copy is there already; false when the vault does not have it
   * (the library itself lacks the file, so the backup can hold no more than that).
   */
  private async storeVaultFile(hash: string): Promise<boolean> {
    const target = this.storedFile(hash);
    const vault = this.options.vault;
    const inVault = vault ? await vault.has(hash) : { exists: false };
    const have = await stat(target).catch(() => undefined);
    // A copy of the right size was checked by hash when it was written: no need to read it again.
    if (have && (!inVault.exists || have.size === inVault.size)) return true;
    const original = inVault.exists && vault ? await vault.get(hash) : undefined;
    if (!original || sha256(original) !== hash) return false;
    await mkdir(this.filesDir, { recursive: true });
    await writeFileAtomic(target, original);
    return this.fileIntact(hash, original.byteLength);
  }

  private async fileIntact(hash: string, size?: number): Promise<boolean> {
    try {
      const data = await readFile(this.storedFile(hash));
      return (size === undefined || data.byteLength === size) && sha256(data) === hash;
    } catch {
      return false;
    }
  }

  /** The entry as its contents say, checked now: size and SHA-256, the bundle and its counts, its files. */
  private async check(stored: StoredEntry): Promise<BackupEntry> {
    const { sha256: expected, files = [], ...entry } = stored;
    const result: BackupEntry = { ...entry, verified: false, counts: entry.counts ?? emptyCounts() };
    delete result.damage;
    const damaged = (why: string): BackupEntry => ({ ...result, verified: false, damage: why });
    let bytes: Uint8Array;
    try {
      const data = await readFile(this.fileFor(stored.id, EXT));
      bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    } catch {
      return damaged('The backup file is missing.');
    }
    if (bytes.byteLength === 0) return damaged('The backup file is empty (0 bytes).');
    if (expected !== undefined && (bytes.byteLength !== stored.size || sha256(bytes) !== expected)) {
      return damaged(`The backup file has changed since it was written (${sizeText(bytes.byteLength)}, written as ${sizeText(stored.size)}).`);
    }
    let opened;
    try {
      opened = readBundle(bytes);
    } catch (error) {
      return damaged(`The backup does not open: ${error instanceof Error ? error.message : String(error)}`);
    }
    const counts = opened.manifest.counts;
    result.counts = counts;
    if (opened.manifest.schemaVersion) result.schemaVersion = opened.manifest.schemaVersion;
    if (!SNAPSHOT_TABLES.every((t) => opened.snapshot[t].length === counts[t])) return damaged('Its records do not match its manifest.');
    const lost: string[] = [];
    for (const hash of files) {
      const info = await stat(this.storedFile(hash)).catch(() => undefined);
      if (!info || !info.isFile()) lost.push(hash);
    }
    if (lost.length) return damaged(`${lost.length === 1 ? 'A file it needs is' : `${lost.length} files it needs are`} missing from the backup folder.`);
    // A backup from before SHA-256s were recorded is verified by opening it: its embedded files are checked by hash.
    return { ...result, verified: true, size: bytes.byteLength };
  }

  private async readStored(id: string): Promise<StoredEntry | undefined> {
    try {
      const raw = JSON.parse(await readFile(this.fileFor(id, META), 'utf8')) as StoredEntry;
      if (raw && raw.id === id && typeof raw.size === 'number') return raw;
    } catch {
      // The bundle is there, its entry is not.
    }
    return undefined;
  }

  /** Every backup, newest first, each checked by its contents as it is listed. */
  async list(): Promise<BackupEntry[]> {
    return (await this.listStored()).map(({ entry }) => entry);
  }

  /**
   * Every backup, newest first. `verify: false` reads only what each entry file says and the bundle's size on disk:
   * rotation and usage run after every backup and must not re-read and re-hash every bundle in the folder each time.
   */
  private async listStored(verify = true): Promise<Array<{ entry: BackupEntry; files: string[]; stored?: StoredEntry }>> {
    let names: string[];
    try {
      names = await readdir(this.root);
    } catch {
      return [];
    }
    const out: Array<{ entry: BackupEntry; files: string[]; stored?: StoredEntry }> = [];
    for (const name of names) {
      if (!name.endsWith(EXT)) continue;
      const id = name.slice(0, -EXT.length);
      if (!ID_PATTERN.test(id)) continue;
      const stored = await this.readStored(id);
      if (stored && verify) {
        out.push({ entry: await this.check(stored), files: stored.files ?? [], stored });
        continue;
      }
      const info = await stat(this.fileFor(id, EXT)).catch(() => undefined);
      if (!info) continue;
      if (stored) {
        const { sha256: _sha256, files = [], ...entry } = stored;
        out.push({ entry: { ...entry, size: info.size, verified: false }, files, stored });
        continue;
      }
      if (!verify) {
        const reason = BACKUP_REASONS.find((r) => id.includes(`-${r}-`)) ?? 'manual';
        out.push({ entry: { id, createdAt: info.mtime.toISOString(), reason, size: info.size, counts: emptyCounts(), verified: false }, files: [] });
        continue;
      }
      const reason = BACKUP_REASONS.find((r) => id.includes(`-${r}-`)) ?? 'manual';
      const entry = await this.check({ id, createdAt: info.mtime.toISOString(), reason, size: info.size, counts: emptyCounts(), verified: false });
      // Without its entry file nothing says what was written: it can be opened, but not shown to be unaltered.
      out.push({ entry: { ...entry, verified: false }, files: [] });
    }
    return out.sort((a, b) => (a.entry.createdAt < b.entry.createdAt ? 1 : a.entry.createdAt > b.entry.createdAt ? -1 : a.entry.id < b.entry.id ? 1 : -1));
  }

  /**
   * The backup's bundle, after checking it is the one that was written; the vault files it needs are put back in
   * the vault (checked by hash) first, so restoring never leaves a record pointing at a file that is not there.
   */
  async read(id: string): Promise<Uint8Array> {
    const path_ = this.fileFor(id, EXT);
    const info = await stat(path_).catch(() => undefined);
    if (!info) throw new BackupError('That backup is no longer there.');
    const stored = await this.readStored(id);
    if (stored) {
      const checked = await this.check(stored);
      if (checked.damage) throw new BackupError(`This backup is damaged and cannot be restored: ${checked.damage}`);
      for (const hash of stored.files ?? []) await this.restoreFile(hash);
    }
    const data = await readFile(path_);
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }

  private async restoreFile(hash: string): Promise<void> {
    const vault = this.options.vault;
    if (!vault) return;
    const inVault = await vault.has(hash);
    if (inVault.exists) return;
    let data: Buffer;
    try {
      data = await readFile(this.storedFile(hash));
    } catch {
      throw new BackupError('This backup is damaged and cannot be restored: a file it needs is missing from the backup folder.');
    }
    if (sha256(data) !== hash) throw new BackupError('This backup is damaged and cannot be restored: a file it needs no longer matches its hash.');
    await vault.put(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }

  private minBudget(): number {
    return this.options.minBudgetBytes ?? MIN_BUDGET_BYTES;
  }

  /** The size budget of the backup folder, as the user set it (or the default). */
  async budget(): Promise<number> {
    try {
      const raw = JSON.parse(await readFile(path.join(this.root, SETTINGS), 'utf8')) as { budgetBytes?: unknown };
      if (typeof raw.budgetBytes === 'number' && Number.isFinite(raw.budgetBytes) && raw.budgetBytes >= this.minBudget()) return raw.budgetBytes;
    } catch {
      // No settings yet.
    }
    return DEFAULT_BUDGET_BYTES;
  }

  /** Sets the folder's size budget and trims the backups to it at once. */
  async setBudget(budgetBytes: number): Promise<BackupUsage> {
    if (!Number.isFinite(budgetBytes) || budgetBytes < this.minBudget()) {
      throw new BackupError(`The backup folder needs a budget of at least ${sizeText(this.minBudget())}.`);
    }
    await mkdir(this.root, { recursive: true });
    await writeFileAtomic(path.join(this.root, SETTINGS), JSON.stringify({ budgetBytes: Math.round(budgetBytes) }, null, 2));
    await this.rotate();
    return this.usage();
  }

  /** How much of its budget the backup folder uses: the bundles, and the vault files they keep once. */
  async usage(): Promise<BackupUsage> {
    const listed = await this.listStored(false);
    const bundleBytes = listed.reduce((sum, { entry }) => sum + entry.size, 0);
    const { bytes: fileBytes, count } = await this.storedFiles();
    return { usedBytes: bundleBytes + fileBytes, budgetBytes: await this.budget(), bundleBytes, fileBytes, fileCount: count, backupCount: listed.length };
  }

  private async storedFiles(): Promise<{ bytes: number; count: number; names: string[] }> {
    let names: string[];
    try {
      names = (await readdir(this.filesDir)).filter((n) => HASH_PATTERN.test(n));
    } catch {
      return { bytes: 0, count: 0, names: [] };
    }
    let bytes = 0;
    for (const name of names) bytes += (await stat(path.join(this.filesDir, name)).catch(() => undefined))?.size ?? 0;
    return { bytes, count: names.length, names };
  }

  /**
   * Keeps the most recent backups and the newest one per day for the last days, removes the rest; then removes the
   * oldest until the folder fits its budget (never the newest verified backup, nor a copy of a damaged database);
   * then removes stored files no remaining backup uses.
   */
  async rotate(): Promise<string[]> {
    const policy = this.options.rotation ?? DEFAULT_ROTATION;
    const listed = await this.listStored(false);
    const entries = listed.map((l) => l.entry);
    const keep = new Set<string>();
    entries.slice(0, policy.keepRecent).forEach((e) => keep.add(e.id));
    const protectedIds = new Set<string>();
    // The newest backup that checks out, found by checking from the newest down: usually the first one checked.
    for (const { stored } of listed) {
      if (stored && (await this.check(stored)).verified) {
        protectedIds.add(stored.id);
        break;
      }
    }
    for (const e of entries) if (e.reason === 'damaged') protectedIds.add(e.id);
    const cutoff = this.now().getTime() - policy.keepDaily * 24 * 3600 * 1000;
    const days = new Set<string>();
    for (const e of entries) {
      const day = e.createdAt.slice(0, 10);
      if (Date.parse(e.createdAt) < cutoff || days.has(day)) continue;
      days.add(day);
      keep.add(e.id);
    }
    for (const id of protectedIds) keep.add(id);

    // Then the budget: the oldest go first until what is kept fits.
    const budget = await this.budget();
    const fileSizes = new Map<string, number>();
    for (const { files } of listed) {
      for (const hash of files) {
        if (!fileSizes.has(hash)) fileSizes.set(hash, (await stat(this.storedFile(hash)).catch(() => undefined))?.size ?? 0);
      }
    }
    const usedBy = (ids: Set<string>) => {
      const hashes = new Set<string>();
      let bytes = 0;
      for (const { entry, files } of listed) {
        if (!ids.has(entry.id)) continue;
        bytes += entry.size;
        for (const h of files) hashes.add(h);
      }
      for (const h of hashes) bytes += fileSizes.get(h) ?? 0;
      return bytes;
    };
    for (const e of [...entries].reverse()) {
      if (usedBy(keep) <= budget) break;
      if (keep.has(e.id) && !protectedIds.has(e.id)) keep.delete(e.id);
    }

    const removed: string[] = [];
    for (const e of entries) {
      if (keep.has(e.id)) continue;
      await unlink(this.fileFor(e.id, EXT)).catch(() => undefined);
      await unlink(this.fileFor(e.id, META)).catch(() => undefined);
      removed.push(e.id);
    }
    const stillUsed = new Set(listed.filter(({ entry }) => keep.has(entry.id)).flatMap(({ files }) => files));
    for (const name of (await this.storedFiles()).names) {
      if (!stillUsed.has(name)) await unlink(path.join(this.filesDir, name)).catch(() => undefined);
    }
    return removed;
  }
}

function emptyCounts(): Record<TableName, number> {
  return Object.fromEntries(SNAPSHOT_TABLES.map((t) => [t, 0])) as Record<TableName, number>;
}
