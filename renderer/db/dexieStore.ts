import type { Table, Transaction } from 'dexie';
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

/** What a buffered write leaves for a record: the row to put, or DELETED. */
const DELETED = Symbol('deleted');
type Pending = Map<TableName, Map<string, unknown>>;

const changeKey = (table: TableName, id: string): string => `${table}\u0000${id}`;

// Below this many records a plain bulkGet is as cheap as asking which of them exist first.
const PROBE_ABOVE = 32;

/**
 * The stored values of `ids` before this write (undefined for new records), for undo. Reading every record costs an
 * IndexedDB request each, as much as writing it; but new records (an import, a bundle into an empty library) are
 * most of a large write, and ids are time-ordered (shared/ids.ts), so one keys-only read of the range the ids span
 * finds the few that exist, and only those are read.
 */
async function previousValues(table: Table<unknown, string>, ids: string[]): Promise<Array<[string, unknown]>> {
  if (ids.length === 0) return [];
  let read = ids;
  if (ids.length > PROBE_ABOVE) {
    let low = ids[0]!;
    let high = ids[0]!;
    for (const id of ids) {
      if (id < low) low = id;
      if (id > high) high = id;
    }
    const wanted = new Set(ids);
    read = ((await table.where(':id').between(low, high, true, true).primaryKeys()) as string[]).filter((key) => wanted.has(key));
  }
  const values = read.length > 0 ? await table.bulkGet(read) : [];
  const found = new Map(read.map((id, i) => [id, values[i]]));
  return ids.map((id) => [id, found.get(id)]);
}

/**
 * Sends one table's puts and deletes. Where the table has a unique index (verdicts.claimId), a record put may take
 * the key of one deleted or re-keyed in the same write (a verdict replaced by another, two keys swapped): the final
 * state is valid, but IndexedDB checks the index at each request, so a put sent before the delete it relies on
 * aborts the whole transaction. There, every record the write touches is deleted first and the puts follow, so the
 * index only ever holds the untouched records and the final ones. Other tables send both at once.
 */
async function writeRows(t: Table<unknown, string>, puts: unknown[], deletes: string[]): Promise<void> {
  if (t.schema.indexes.some((index) => index.unique)) {
    const touched = [...deletes, ...puts.map((row) => (row as { id: string }).id)];
    if (touched.length > 0) await t.bulkDelete(touched);
    if (puts.length > 0) await t.bulkPut(puts);
    return;
  }
  await Promise.all([puts.length > 0 ? t.bulkPut(puts) : undefined, deletes.length > 0 ? t.bulkDelete(deletes) : undefined]);
}

/**
 * The Store over Dexie. Each transaction is one IndexedDB read-write transaction over every table (all or nothing),
 * and every write is recorded with the record's previous value; `onCommit` receives the change set for undo.
 *
 * Writes are buffered inside the transaction and sent in bulk: the previous values (for undo) with one `bulkGet` per
 * table, the rows with one `bulkPut`/`bulkDelete`. Awaiting a `get` and then a `put` per row made saving a
 * 1,500-turn import ~11× slower than IndexedDB allows. A transaction always reads its own writes: a record still
 * buffered is read from the buffer, and a query of a table with buffered writes flushes them first. The rest is
 * flushed at the end of the work, inside the transaction. A row handed to `put` is stored
 * as it is when the buffer is flushed: callers do not change a row after putting it (domain code builds new objects).
 */
export function createDexieStore(db: ClaimdeskDb, onCommit: (changes: ChangeSet) => void = () => undefined): Store {
  return {
    async transaction(label, work) {
      const changes = new Map<string, RecordChange>();
      const result = await db.transaction('rw', SNAPSHOT_TABLES.map((t) => db.tableOf(t)), async (trans: Transaction) => {
        // Tables bound to this transaction: domain code may await many buffered (already settled) writes in a row,
        // after which Dexie no longer follows the transaction through native promises by itself.
        const table = (name: TableName) => trans.table(name) as Table<unknown, string>;
        let pending: Pending = new Map();
        let flushing: Promise<void> = Promise.resolve();

        const writeTable = async (name: TableName, rows: Map<string, unknown>): Promise<void> => {
          const t = table(name);
          const unseen = [...rows.keys()].filter((id) => !changes.has(changeKey(name, id)));
          for (const [id, before] of await previousValues(t, unseen)) changes.set(changeKey(name, id), { table: name, id, before });
          const puts: unknown[] = [];
          const deletes: string[] = [];
          for (const [id, row] of rows) {
            changes.get(changeKey(name, id))!.after = row === DELETED ? undefined : row;
            if (row === DELETED) deletes.push(id);
            else puts.push(row);
          }
          await writeRows(t, puts, deletes);
        };
        /** Sends what is buffered; flushes run one after another, in the order they were asked for. */
        const flush = (): Promise<void> => {
          if (pending.size === 0) return flushing;
          const batch = pending;
          pending = new Map();
          flushing = flushing.then(() => Promise.all([...batch].map(([name, rows]) => writeTable(name, rows))).then(() => undefined));
          return flushing;
        };
        const buffer = (name: TableName, id: string, row: unknown): void => {
          let rows = pending.get(name);
          if (!rows) pending.set(name, (rows = new Map()));
          rows.delete(id); // the last write of a record wins, and keeps its place among the others
          rows.set(id, row);
        };

        // A read waits for buffered writes only when they touch its table; a record still in the buffer is read
        // from there (as a copy, as IndexedDB would give it).
        const flushFor = (name: TableName): Promise<void> => (pending.has(name) ? flush() : flushing);

        const tx: StoreTx = {
          async get(name, id) {
            const buffered = pending.get(name)?.get(id);
            if (buffered !== undefined) return buffered === DELETED ? undefined : (structuredClone(buffered) as Row<typeof name>);
            await flushing;
            return table(name).get(id) as Promise<Row<typeof name> | undefined>;
          },
          async put(name, row) {
            const id = (row as { id?: unknown }).id;
            if (typeof id !== 'string' || id === '') throw new TypeError(`A ${name} record needs a string id to be stored.`);
            buffer(name, id, row);
          },
          async delete(name, id) {
            buffer(name, id, DELETED);
          },
          async where(name, field, value) {
            await flushFor(name);
            return table(name).where(field).equals(value).toArray() as Promise<Row<typeof name>[]>;
          },
          async all(name) {
            await flushFor(name);
            return table(name).toArray() as Promise<Row<typeof name>[]>;
          },
        };
        const value = await work(tx);
        await flush();
        return value;
      });
      // A record written and then put back as it was is no change; a new or deleted record always is.
      const list = [...changes.values()].filter((c) => (c.before === undefined) !== (c.after === undefined) || JSON.stringify(c.before) !== JSON.stringify(c.after));
      if (list.length > 0) onCommit({ label, changes: list });
      return result;
    },
  };
}

/** Writes a change set back, forwards (redo) or backwards (undo), in one transaction, a bulk write per table. */
export async function applyChangeSet(db: ClaimdeskDb, set: ChangeSet, direction: 'undo' | 'redo'): Promise<void> {
  await db.transaction('rw', SNAPSHOT_TABLES.map((t) => db.tableOf(t)), async () => {
    // Each record appears once in a change set, so the writes can go per table, deletes and puts together.
    const puts = new Map<TableName, unknown[]>();
    const deletes = new Map<TableName, string[]>();
    for (const change of set.changes) {
      const value = direction === 'undo' ? change.before : change.after;
      const into = value === undefined ? deletes : puts;
      const list = into.get(change.table) ?? [];
      list.push(value === undefined ? change.id : value);
      into.set(change.table, list);
    }
    const tables = new Set([...puts.keys(), ...deletes.keys()]);
    await Promise.all([...tables].map((table) => writeRows(db.tableOf(table), puts.get(table) ?? [], deletes.get(table) ?? [])));
  });
}
