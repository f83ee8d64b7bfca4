/**
 * Reads an IndexedDB database with the plain browser API, store by store, without Dexie and without ever creating
 * or upgrading it. Used before a schema upgrade (Dexie would upgrade on open) and to save what can still be read from
 * a database Dexie cannot open. A store that fails to read is named in `failed`; the others still come back.
 */
export interface RawDatabase {
  /** The IndexedDB version (Dexie stores its schema version times ten). */
  version: number;
  tables: Record<string, unknown[]>;
  failed: string[];
}

/** The IndexedDB version of a database, or undefined when there is none (or the browser cannot list them). */
export async function rawVersion(name: string): Promise<number | undefined> {
  if (typeof indexedDB.databases !== 'function') return undefined;
  const list = await indexedDB.databases();
  return list.find((d) => d.name === name)?.version;
}

function openExisting(name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    // Only a database that does not exist gets an upgrade without a version: refuse to create it.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      if (request.error?.name === 'AbortError') {
        event.preventDefault();
        resolve(undefined);
      } else reject(request.error ?? new Error('The database could not be opened.'));
    };
    request.onblocked = () => reject(new Error('The database is open elsewhere.'));
  });
}

function readStore(db: IDBDatabase, store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readonly');
    const request = tx.objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result as unknown[]);
    request.onerror = () => reject(request.error ?? new Error(`${store} could not be read.`));
  });
}

export async function readRawDatabase(name: string): Promise<RawDatabase | undefined> {
  const db = await openExisting(name);
  if (!db) return undefined;
  try {
    const tables: Record<string, unknown[]> = {};
    const failed: string[] = [];
    for (const store of [...db.objectStoreNames]) {
      try {
        tables[store] = await readStore(db, store);
      } catch {
        failed.push(store);
      }
    }
    return { version: db.version, tables, failed };
  } finally {
    db.close();
  }
}
