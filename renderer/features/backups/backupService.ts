import { create } from 'zustand';
import { referencedFiles, writeBundle } from '../../../shared/bundle/bundle.js';
import { normaliseSnapshot } from '../../../shared/bundle/normaliseSnapshot.js';
import type { BackupEntry, BackupReason, BackupUsage } from '../../../shared/contract.js';
import { isEmptySnapshot, readSnapshot, writeSnapshot } from '../../../shared/domain/snapshot.js';
import { SNAPSHOT_TABLES, type ProjectSnapshot } from '../../../shared/model.js';
import { api, isDesktop, request } from '../../api/api.js';
import { db } from '../../db/database.js';
import { CURRENT_SCHEMA_VERSION } from '../../db/schemaHistory.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { useImportStore } from '../import/importStore.js';
import { createInitialUndoState, useUndoHistory } from '../undo/undoHistory.js';
import { readBundleOffThread } from '../bundles/readBundleOffThread.js';
import { readRawDatabase, rawVersion } from './rawDatabase.js';

/** What the backups feature shows: its dialogs and the start-up recovery offer. */
export interface BackupsState {
  dialog: 'restore' | 'export-project' | 'import-project' | undefined;
  /** Set at start-up when the library is empty but good backups exist. */
  recoveryOffer: BackupEntry[] | undefined;
  /** True while a backup is being written. */
  busy: boolean;
  lastBackup: BackupEntry | undefined;
}

export const useBackupsStore = create<BackupsState>()(() => ({ dialog: undefined, recoveryOffer: undefined, busy: false, lastBackup: undefined }));

export const openBackupsDialog = (dialog: BackupsState['dialog']) => useBackupsStore.setState({ dialog });

const PROFILE_KEY = 'claimdesk.profileId';
const DECLINED_KEY = 'backups.recoveryDeclinedAt';
const IN_USE_KEY = 'backups.databaseInUseSince';
/** Default time between automatic backups while there are changes. */
export const DEFAULT_INTERVAL_MS = 5 * 60 * 1000;

/** Names this browser profile, so the preview (one server, many browsers) offers each its own backups. */
export function profileId(): string {
  let id = localStorage.getItem(PROFILE_KEY);
  if (!id) {
    id = `p${crypto.getRandomValues(new Uint32Array(2)).join('')}`;
    localStorage.setItem(PROFILE_KEY, id);
  }
  return id;
}

/** The vault files a snapshot refers to; files the vault lacks are left out (the manifest lists them as missing). */
async function vaultFiles(snapshot: ProjectSnapshot): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const hash of referencedFiles(snapshot)) {
    try {
      files.set(hash, (await request('vaultGet', { hash })).bytes);
    } catch {
      // Missing from the vault: writeBundle records it in missingFiles.
    }
  }
  return files;
}

/**
 * A bundle of the whole library, or of some debates, with the vault files it refers to. A backup leaves the files
 * out (`externalFiles`): the main process keeps each vault file once beside the backups instead.
 */
export async function buildBundle(
  options: { debateIds?: string[]; snapshot?: ProjectSnapshot; schemaVersion?: number; externalFiles?: boolean } = {},
): Promise<Uint8Array> {
  const snapshot = options.snapshot ?? (await readSnapshot(store));
  const files = options.externalFiles ? new Map<string, Uint8Array>() : await vaultFiles(snapshot);
  return writeBundle(snapshot, files, {
    schemaVersion: options.schemaVersion ?? CURRENT_SCHEMA_VERSION,
    ...(options.debateIds ? { debateIds: options.debateIds } : {}),
    ...(options.externalFiles ? { externalFiles: true } : {}),
  });
}

let dirty = false;
let writing: Promise<BackupEntry | undefined> | undefined;

/** True when the library holds nothing the user made (the built-in scales do not count). */
export function holdsNoWork(snapshot: ProjectSnapshot): boolean {
  return isEmptySnapshot({ ...snapshot, scales: snapshot.scales.filter((s) => !s.builtIn) });
}

/** Writes a backup of the library now; one at a time. An empty library is not backed up. */
export async function backupNow(reason: BackupReason, options: { force?: boolean } = {}): Promise<BackupEntry | undefined> {
  if (writing) await writing.catch(() => undefined);
  const run = (async () => {
    useBackupsStore.setState({ busy: true });
    try {
      const snapshot = await readSnapshot(store);
      if (holdsNoWork(snapshot) && !options.force) return undefined;
      dirty = false;
      const bytes = await buildBundle({ snapshot, externalFiles: true });
      const entry = await request('backupsWrite', { bytes, reason, profileId: profileId() });
      useBackupsStore.setState({ lastBackup: entry });
      return entry;
    } catch (error) {
      dirty = true;
      throw error;
    } finally {
      useBackupsStore.setState({ busy: false });
    }
  })();
  writing = run;
  return run;
}

/** Resolves when the backup being written (if any) has finished, so an import never overtakes its own backup. */
export async function backupSettled(): Promise<void> {
  if (writing) await writing.catch(() => undefined);
}

/** Backs up, telling the user only when it fails (an automatic backup must not interrupt work). */
function backupQuietly(reason: BackupReason): Promise<BackupEntry | undefined> {
  return backupNow(reason).catch((error: unknown) => {
    useUiStore.getState().notify(`The automatic backup failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
    return undefined;
  });
}

/** The interval between automatic backups: `?backupIntervalMs=` (for tests), the settings table, or five minutes. */
async function intervalMs(): Promise<number> {
  const fromQuery = Number(new URLSearchParams(location.search).get('backupIntervalMs'));
  if (Number.isFinite(fromQuery) && fromQuery >= 200) return fromQuery;
  const setting = await db.settings.get('backups.intervalMs');
  return typeof setting?.value === 'number' && setting.value >= 1000 ? setting.value : DEFAULT_INTERVAL_MS;
}

let started = false;

/**
 * Automatic backups: every few minutes while there are changes (any commit to the undo history marks the library
 * changed), when files are added for import (before any of them is saved), when the window is hidden or closed, and
 * when the desktop app asks before quitting.
 */
export async function startAutomaticBackups(): Promise<void> {
  if (started) return;
  started = true;
  useUndoHistory.subscribe((state, previous) => {
    if (state.past !== previous.past || state.future !== previous.future) dirty = true;
  });
  const every = await intervalMs();
  setInterval(() => {
    if (dirty) void backupQuietly('interval');
  }, every);
  useImportStore.subscribe((state, previous) => {
    if (state.jobs.length > previous.jobs.length) void backupQuietly('before-import');
  });
  const onHidden = () => {
    if (document.visibilityState === 'hidden' && dirty) void backupQuietly('quit');
  };
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('pagehide', () => {
    if (dirty) void backupQuietly('quit');
  });
  if (isDesktop) {
    api.on('backupsQuitRequested', () => {
      const work = dirty ? backupNow('quit').then(Boolean, () => false) : Promise.resolve(false);
      void work.then((written) => request('backupsQuitDone', { written }));
    });
  }
}

/** Forgets undo history: after a restore, undo steps would point at records that were replaced. */
function resetUndo() {
  useUndoHistory.setState(createInitialUndoState());
}

/** Puts a bundle's files back in the vault, then makes the library hold exactly its records, in one transaction. */
export async function replaceLibrary(snapshot: ProjectSnapshot, files: Map<string, Uint8Array>, label: string): Promise<void> {
  for (const bytes of files.values()) await request('vaultPut', { bytes });
  await writeSnapshot(store, snapshot, label);
  await markInUse();
  resetUndo();
  dirty = false;
  const ui = useUiStore.getState();
  ui.selectDebate(undefined);
  ui.openDocument(undefined);
}

/** Restores a backup, after backing up what is there now. */
export async function restoreBackup(id: string): Promise<ProjectSnapshot> {
  const { bytes } = await request('backupsRead', { id });
  const bundle = await readBundleOffThread(bytes);
  await backupNow('before-restore');
  await replaceLibrary(bundle.snapshot, bundle.files, 'Restore a backup');
  useBackupsStore.setState({ recoveryOffer: undefined });
  return bundle.snapshot;
}

export async function listBackups(): Promise<BackupEntry[]> {
  return (await request('backupsList', {})).entries;
}

/** The backups with the folder's use of its size budget. */
export async function listBackupsWithUsage(): Promise<{ entries: BackupEntry[]; usage: BackupUsage }> {
  return request('backupsList', {});
}

/** Sets the backup folder's size budget; the oldest backups beyond it go at once. */
export async function setBackupBudget(budgetBytes: number): Promise<BackupUsage> {
  return request('backupsSetBudget', { budgetBytes });
}

/**
 * Backups worth offering on start: verified by their contents just now (the main process re-checks each as it
 * lists it), not empty, from this profile in the preview, newer than a "no".
 */
async function goodBackups(): Promise<BackupEntry[]> {
  const declined = await db.settings.get(DECLINED_KEY);
  const since = typeof declined?.value === 'string' ? declined.value : '';
  const me = profileId();
  return (await listBackups()).filter(
    (e) => e.verified && e.reason !== 'damaged' && Object.values(e.counts).some((n) => n > 0) && e.createdAt > since && (isDesktop || e.profileId === me),
  );
}

/** After the database opened: if it is empty while good backups exist, offer the newest. */
export async function checkForRecovery(): Promise<void> {
  // A database that has been in use carries this mark: if its library is empty, the user emptied it. A database
  // without it was just created, which for someone with backups means the old one was lost.
  if (await db.settings.get(IN_USE_KEY)) return;
  // Counting is cheap on a large library; reading every table at each start would not be.
  for (const table of SNAPSHOT_TABLES) {
    const count = table === 'scales' ? await db.scales.filter((s) => !s.builtIn).count() : await db.tableOf(table).count();
    if (count > 0) return markInUse();
  }
  const offer = await goodBackups().catch(() => []);
  if (offer.length > 0) useBackupsStore.setState({ recoveryOffer: offer });
  else await markInUse();
}

async function markInUse(): Promise<void> {
  await db.settings.put({ key: IN_USE_KEY, value: new Date().toISOString() });
}

/** The user chose to start empty: do not ask again about backups made before now. */
export async function declineRecovery(): Promise<void> {
  await db.settings.put({ key: DECLINED_KEY, value: new Date().toISOString() });
  await markInUse();
  useBackupsStore.setState({ recoveryOffer: undefined });
}

/** Records from a raw read, each table normalised on its own and bad records dropped, so one bad row loses only itself. */
function salvage(tables: Record<string, unknown[]>): ProjectSnapshot {
  const out: Record<string, unknown[]> = {};
  for (const table of SNAPSHOT_TABLES) {
    const seen = new Set<string>();
    out[table] = (tables[table] ?? []).filter((row) => {
      const id = (row as { id?: unknown } | null)?.id;
      if (typeof id !== 'string' || id === '' || seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }
  return normaliseSnapshot(out);
}

/**
 * Before Dexie upgrades an older database on open, back up its records as they are (read with the plain IndexedDB
 * API, so opening for the backup does not itself upgrade). Failure to back up does not stop the start.
 */
export async function backupBeforeUpgrade(): Promise<BackupEntry | undefined> {
  const version = await rawVersion(db.name).catch(() => undefined);
  if (version === undefined || version === 0 || version / 10 >= CURRENT_SCHEMA_VERSION) return undefined;
  try {
    const raw = await readRawDatabase(db.name);
    if (!raw) return undefined;
    const snapshot = salvage(raw.tables);
    if (holdsNoWork(snapshot)) return undefined;
    const bytes = await buildBundle({ snapshot, schemaVersion: Math.floor(raw.version / 10), externalFiles: true });
    return await request('backupsWrite', { bytes, reason: 'before-upgrade', profileId: profileId() });
  } catch (error) {
    console.warn('The backup before the schema upgrade failed', error);
    return undefined;
  }
}

/**
 * The database would not open. Copy what can still be read into a "damaged" backup and check it was written and
 * verified; only then delete the database, recreate it, and restore the chosen backup into it. Without a verified copy
 * nothing is deleted, unless the user said to go on anyway (`evenWithoutCopy`).
 */
export async function recoverDamagedDatabase(backupId: string, options: { evenWithoutCopy?: boolean } = {}): Promise<{ damagedCopy?: BackupEntry }> {
  // Read the backup first: if it cannot be read, nothing else happens.
  const { bytes } = await request('backupsRead', { id: backupId });
  const bundle = await readBundleOffThread(bytes);
  let damagedCopy: BackupEntry | undefined;
  try {
    const raw = await readRawDatabase(db.name);
    if (raw) {
      const snapshot = salvage(raw.tables);
      const copyBytes = await buildBundle({ snapshot, schemaVersion: Math.floor(raw.version / 10), externalFiles: true });
      damagedCopy = await request('backupsWrite', { bytes: copyBytes, reason: 'damaged', profileId: profileId() });
    }
  } catch (error) {
    if (!options.evenWithoutCopy) throw new Error(`What is left of the database could not be copied, so it was not touched: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (damagedCopy && !damagedCopy.verified && !options.evenWithoutCopy) throw new Error('The copy of the damaged database could not be verified, so the database was not touched.');
  db.close();
  await db.delete();
  await db.open();
  await replaceLibrary(bundle.snapshot, bundle.files, 'Restore a backup');
  return damagedCopy ? { damagedCopy } : {};
}
