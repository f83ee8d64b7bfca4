import { SNAPSHOT_TABLES, type ProjectSnapshot } from '../../../shared/model.js';
import { db } from '../../db/database.js';

/** Every table of the library, read in one transaction so a report never mixes before and after a change. */
export function loadSnapshot(): Promise<ProjectSnapshot> {
  return db.transaction('r', SNAPSHOT_TABLES.map((t) => db.tableOf(t)), async () => {
    const entries = await Promise.all(SNAPSHOT_TABLES.map(async (t) => [t, await db.tableOf(t).toArray()] as const));
    return Object.fromEntries(entries) as unknown as ProjectSnapshot;
  });
}
