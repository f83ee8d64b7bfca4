import { SNAPSHOT_TABLES, type TableName } from '../../shared/model.js';
import type { Row, Store, StoreTx } from '../../shared/domain/store.js';
import type { ClaimdeskDb } from './database.js';

/** One record change inside a transaction, with the record before and after, so it can be undone and redone. */
export interface RecordChange {
  table: TableName;
  id: string;
  before?: unknown;
  after?: unknown;
}

export interface ChangeSet {
  label: string;
  changes: RecordChange[];
}

/**
 * The Store over Dexie. Each transaction is one IndexedDB read-write transaction over every table (all or nothing),
 * and every write is recorded with the record's previous value; `onCommit` receives the change set for undo.
 */
export function createDexieStore(db: ClaimdeskDb, onCommit: (changes: ChangeSet) => void = () => undefined): Store {
  return {
    async transaction(label, work) {
      const changes = new Map<string, RecordChange>();
      const record = async (table: TableName, id: string, after: unknown) => {
        const key = `${table}\u0000${id}`;
        const existing = changes.get(key);
        if (existing) existing.after = after;
        else changes.set(key, { table, id, before: await db.tableOf(table).get(id), after });
      };
      const tx: StoreTx = {
        get: (table, id) => db.tableOf(table).get(id) as Promise<Row<typeof table> | undefined>,
        async put(table, row) {
          const id = (row as { id: string }).id;
          await record(table, id, row);
          await db.tableOf(table).put(row);
        },
        async delete(table, id) {
          await record(table, id, undefined);
          await db.tableOf(table).delete(id);
        },
        where: (table, field, value) => db.tableOf(table).where(field).equals(value).toArray() as Promise<Row<typeof table>[]>,
        all: (table) => db.tableOf(table).toArray() as Promise<Row<typeof table>[]>,
      };
      const result = await db.transaction('rw', SNAPSHOT_TABLES.map((t) => db.tableOf(t)), () => work(tx));
      const list = [...changes.values()].filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
      if (list.length > 0) onCommit({ label, changes: list });
      return result;
    },
  };
}

/** Writes a change set back, forwards (redo) or backwards (undo), in one transaction. */
export async function applyChangeSet(db: ClaimdeskDb, set: ChangeSet, direction: 'undo' | 'redo'): Promise<void> {
  await db.transaction('rw', SNAPSHOT_TABLES.map((t) => db.tableOf(t)), async () => {
    const ordered = direction === 'undo' ? [...set.changes].reverse() : set.changes;
    for (const change of ordered) {
      const value = direction === 'undo' ? change.before : change.after;
      if (value === undefined) await db.tableOf(change.table).delete(change.id);
      else await db.tableOf(change.table).put(value);
    }
  });
}
