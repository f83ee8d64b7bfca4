import { SNAPSHOT_TABLES, type ProjectSnapshot, type TableName } from '../model.js';
import type { Row, Store, StoreTx } from './store.js';

function emptySnapshot(): ProjectSnapshot {
  return Object.fromEntries(SNAPSHOT_TABLES.map((t) => [t, []])) as unknown as ProjectSnapshot;
}

/**
 * An in-memory Store for the command line and tests. Transactions work on a copy and commit only when the work
 * succeeds, so a failing operation leaves nothing behind, as in Dexie.
 */
export class MemoryStore implements Store {
  private tables = new Map<TableName, Map<string, unknown>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(snapshot: Partial<ProjectSnapshot> = {}) {
    for (const table of SNAPSHOT_TABLES) {
      const rows = (snapshot[table] ?? []) as Array<{ id: string }>;
      this.tables.set(table, new Map(rows.map((r) => [r.id, structuredClone(r)])));
    }
  }

  transaction<R>(_label: string, work: (tx: StoreTx) => Promise<R>): Promise<R> {
    // Serialise transactions so two never interleave, like IndexedDB's read-write transactions.
    const run = this.queue.then(async () => {
      const draft = new Map([...this.tables].map(([t, rows]) => [t, new Map(rows)]));
      const table = (t: TableName) => draft.get(t)!;
      const tx: StoreTx = {
        async get(t, id) {
          const row = table(t).get(id);
          return row === undefined ? undefined : (structuredClone(row) as Row<typeof t>);
        },
        async put(t, record) {
          table(t).set((record as { id: string }).id, structuredClone(record));
        },
        async delete(t, id) {
          table(t).delete(id);
        },
        async where(t, field, value) {
          return [...table(t).values()]
            .filter((row) => {
              const v = (row as Record<string, unknown>)[field];
              return Array.isArray(v) ? v.includes(value) : v === value;
            })
            .map((row) => structuredClone(row)) as Row<typeof t>[];
        },
        async all(t) {
          return [...table(t).values()].map((row) => structuredClone(row)) as Row<typeof t>[];
        },
      };
      const result = await work(tx);
      this.tables = draft;
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  snapshot(): ProjectSnapshot {
    const out = emptySnapshot() as unknown as Record<TableName, unknown[]>;
    for (const [t, rows] of this.tables) out[t] = [...rows.values()].map((r) => structuredClone(r));
    return out as unknown as ProjectSnapshot;
  }
}
