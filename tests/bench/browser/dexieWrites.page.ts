/**
 * Runs in Chromium (bundled by tests/bench/dexieWrites.bench.ts): the app's write path (the Dexie Store with undo,
 * driven by the domain operations) and its peers, raw IndexedDB `put` and Dexie's `bulkPut`, on the same records in
 * the same schema. Each function works on a fresh database and returns the milliseconds of the write itself.
 */
import { ClaimdeskDb } from '../../../renderer/db/database.js';
import { applyChangeSet, createDexieStore, type ChangeSet } from '../../../renderer/db/dexieStore.js';
import { saveImportedDocument, type SaveImportInput } from '../../../shared/domain/documents.js';
import { readSnapshot, writeSnapshot } from '../../../shared/domain/snapshot.js';
import { SNAPSHOT_TABLES, type ProjectSnapshot, type TableName } from '../../../shared/model.js';

type Rows = Partial<Record<TableName, unknown[]>>;

async function fresh(name: string): Promise<ClaimdeskDb> {
  await ClaimdeskDb.delete(name);
  const db = new ClaimdeskDb(name);
  await db.open();
  return db;
}

function rawOpen(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Every row put in one read-write transaction, no request awaited: the fastest IndexedDB allows. */
async function rawPut(name: string, rows: Rows): Promise<number> {
  (await fresh(name)).close();
  const idb = await rawOpen(name);
  const tables = Object.keys(rows);
  const start = performance.now();
  const tx = idb.transaction(tables, 'readwrite');
  for (const table of tables) {
    const store = tx.objectStore(table);
    for (const row of rows[table as TableName]!) store.put(row);
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  const ms = performance.now() - start;
  idb.close();
  return ms;
}

/** Dexie's bulkPut of every table in one transaction. */
async function dexieBulkPut(name: string, rows: Rows): Promise<number> {
  const db = await fresh(name);
  const tables = Object.keys(rows) as TableName[];
  const start = performance.now();
  await db.transaction('rw', tables.map((t) => db.tableOf(t)), () => Promise.all(tables.map((t) => db.tableOf(t).bulkPut(rows[t]!))));
  const ms = performance.now() - start;
  db.close();
  return ms;
}

let lastChanges: ChangeSet | undefined;

/** The app: saving a reviewed import through the Dexie Store, with its change set recorded for undo. */
async function appImport(name: string, input: SaveImportInput): Promise<number> {
  const db = await fresh(name);
  const store = createDexieStore(db, (changes) => (lastChanges = changes));
  const start = performance.now();
  await saveImportedDocument(store, input);
  const ms = performance.now() - start;
  db.close();
  return ms;
}

/** The app: a project bundle's records written into an empty library (writeSnapshot through the Store, undo kept). */
async function appSnapshot(name: string, snapshot: ProjectSnapshot): Promise<number> {
  const db = await fresh(name);
  const store = createDexieStore(db, (changes) => (lastChanges = changes));
  const start = performance.now();
  await writeSnapshot(store, snapshot, 'Load a project');
  const ms = performance.now() - start;
  db.close();
  return ms;
}

/** The rows the last app write left, per table: what the peers then write. */
async function rowsOf(name: string): Promise<Rows> {
  const db = new ClaimdeskDb(name);
  const snapshot = await readSnapshot(createDexieStore(db));
  db.close();
  return Object.fromEntries(SNAPSHOT_TABLES.filter((t) => snapshot[t].length > 0).map((t) => [t, snapshot[t]]));
}

/**
 * Checks that undo still works after the app's last write: the change set names every record written, and undoing
 * it leaves the database as it was before (empty). Returns the number of changes and the rows left after undo.
 */
async function undoLast(name: string): Promise<{ changes: number; left: number }> {
  const db = new ClaimdeskDb(name);
  await db.open();
  const changes = lastChanges?.changes.length ?? 0;
  if (lastChanges) await applyChangeSet(db, lastChanges, 'undo');
  let left = 0;
  for (const t of SNAPSHOT_TABLES) left += await db.tableOf(t).count();
  db.close();
  return { changes, left };
}

// Inputs are handed over once and named, so the runs do not each carry megabytes through Playwright.
const inputs = new Map<string, unknown>();
function setInput(key: string, value: unknown): void {
  inputs.set(key, value);
}
const input = <T>(key: string): T => inputs.get(key) as T;

(window as unknown as { bench: unknown }).bench = {
  setInput,
  rawPut: (name: string, key: string) => rawPut(name, input(key)),
  dexieBulkPut: (name: string, key: string) => dexieBulkPut(name, input(key)),
  appImport: (name: string, key: string) => appImport(name, input(key)),
  appSnapshot: (name: string, key: string) => appSnapshot(name, input(key)),
  rowsOf: async (name: string, key: string) => {
    const rows = await rowsOf(name);
    setInput(key, rows);
    return Object.values(rows).reduce((n, r) => n + (r?.length ?? 0), 0);
  },
  undoLast,
};
