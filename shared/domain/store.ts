import type { ProjectSnapshot, TableName } from '../model.js';

/** The record type stored in a table. */
export type Row<T extends TableName> = ProjectSnapshot[T][number];

/** Reads and writes inside one all-or-nothing transaction. */
export interface StoreTx {
  get<T extends TableName>(table: T, id: string): Promise<Row<T> | undefined>;
  put<T extends TableName>(table: T, record: Row<T>): Promise<void>;
  delete<T extends TableName>(table: T, id: string): Promise<void>;
  /** Records whose indexed field `field` equals `value` (the field must be indexed in the Dexie schema). */
  where<T extends TableName>(table: T, field: string, value: string): Promise<Row<T>[]>;
  all<T extends TableName>(table: T): Promise<Row<T>[]>;
}

/**
 * The small storage interface domain operations are written against, so the window (Dexie), the command line and
 * the tests (in memory) run the same code. `transaction` writes everything or nothing; `label` names the action for
 * undo history.
 */
export interface Store {
  transaction<R>(label: string, work: (tx: StoreTx) => Promise<R>): Promise<R>;
}
