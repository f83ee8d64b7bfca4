import type { ProjectSnapshot, TableName } from '../model.js';
import { SNAPSHOT_TABLES } from '../model.js';

/** A record both libraries hold under one id, with different contents: the user decides which to keep. */
export interface MergeConflict {
  table: TableName;
  id: string;
  current: unknown;
  incoming: unknown;
}

export type ConflictChoice = 'current' | 'incoming';

/** Structural equality of JSON-like values; key order does not matter. */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameRecord(x, b[i]));
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao).filter((k) => ao[k] !== undefined);
  if (keys.length !== Object.keys(bo).filter((k) => bo[k] !== undefined).length) return false;
  return keys.every((k) => sameRecord(ao[k], bo[k]));
}

export const conflictKey = (c: Pick<MergeConflict, 'table' | 'id'>): string => `${c.table}/${c.id}`;

/**
 * Merges an incoming library into the current one by record id: new records are added, identical ones are left
 * alone, and different ones keep the current version in `merged` and are listed as conflicts.
 */
export function mergeSnapshots(current: ProjectSnapshot, incoming: ProjectSnapshot): { merged: ProjectSnapshot; conflicts: MergeConflict[] } {
  const merged = {} as Record<TableName, unknown[]>;
  const conflicts: MergeConflict[] = [];
  for (const table of SNAPSHOT_TABLES) {
    const rows: Array<{ id: string }> = [...current[table]];
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const record of incoming[table] as Array<{ id: string }>) {
      const existing = byId.get(record.id);
      if (!existing) {
        rows.push(record);
        byId.set(record.id, record);
      } else if (!sameRecord(existing, record)) {
        conflicts.push({ table, id: record.id, current: existing, incoming: record });
      }
    }
    merged[table] = rows;
  }
  return { merged: merged as unknown as ProjectSnapshot, conflicts };
}

/** Applies the user's choices (by conflictKey); a conflict without a choice keeps the current record. */
export function resolveConflicts(
  merged: ProjectSnapshot,
  conflicts: MergeConflict[],
  choices: Record<string, ConflictChoice>,
): ProjectSnapshot {
  const replace = new Map<TableName, Map<string, unknown>>();
  for (const c of conflicts) {
    if (choices[conflictKey(c)] !== 'incoming') continue;
    const table = replace.get(c.table) ?? new Map<string, unknown>();
    table.set(c.id, c.incoming);
    replace.set(c.table, table);
  }
  const out = { ...merged } as Record<TableName, unknown[]>;
  for (const [table, byId] of replace) {
    out[table] = (merged[table] as Array<{ id: string }>).map((r) => (byId.has(r.id) ? byId.get(r.id) : r));
  }
  return out as unknown as ProjectSnapshot;
}
