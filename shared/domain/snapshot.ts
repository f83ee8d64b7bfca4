import { SNAPSHOT_TABLES, type ProjectSnapshot, type TableName } from '../model.js';
import type { Row, Store } from './store.js';

/** A snapshot with every table empty. */
export function emptySnapshot(): ProjectSnapshot {
  return Object.fromEntries(SNAPSHOT_TABLES.map((t) => [t, []])) as unknown as ProjectSnapshot;
}

/** Rows per table, as a manifest or a backup list shows them. */
export function snapshotCounts(snapshot: ProjectSnapshot): Record<TableName, number> {
  return Object.fromEntries(SNAPSHOT_TABLES.map((t) => [t, snapshot[t].length])) as Record<TableName, number>;
}

/** True when no table holds a record. */
export function isEmptySnapshot(snapshot: ProjectSnapshot): boolean {
  return SNAPSHOT_TABLES.every((t) => snapshot[t].length === 0);
}

/** Every table of the library, read in one transaction so the copy is consistent. Rows are sorted by id. */
export async function readSnapshot(store: Store): Promise<ProjectSnapshot> {
  return store.transaction('Read the library', async (tx) => {
    const out = emptySnapshot() as unknown as Record<TableName, unknown[]>;
    for (const table of SNAPSHOT_TABLES) {
      const rows = (await tx.all(table)) as Array<{ id: string }>;
      out[table] = rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
    return out as unknown as ProjectSnapshot;
  });
}

/**
 * Makes the library hold exactly `snapshot`, in one all-or-nothing transaction: records it lacks are deleted, the
 * others written. Unchanged records are left alone, so the change set (and undo history) names only what moved.
 */
export async function writeSnapshot(store: Store, snapshot: ProjectSnapshot, label = 'Replace the library'): Promise<void> {
  await store.transaction(label, async (tx) => {
    for (const table of SNAPSHOT_TABLES) {
      const incoming = snapshot[table] as Array<Row<typeof table> & { id: string }>;
      const keep = new Set(incoming.map((r) => r.id));
      const existing = new Map(((await tx.all(table)) as Array<{ id: string }>).map((r) => [r.id, JSON.stringify(r)]));
      for (const id of existing.keys()) if (!keep.has(id)) await tx.delete(table, id);
      for (const row of incoming) {
        const was = existing.get(row.id);
        if (was === undefined || was !== JSON.stringify(row)) await tx.put(table, row);
      }
    }
  });
}
