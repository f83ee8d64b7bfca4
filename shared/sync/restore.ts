import type { Row, Store } from '../domain/store.js';
import { ValidationError } from '../domain/debates.js';
import type { ProjectMirror } from './projectMirror.js';

/**
 * Restores everything one action deleted in a team project (a claim with its appearances and verdict, say), as
 * they were when deleted, through the Store like any other change: every laptop gets them back.
 */
export async function restoreDeleted(store: Store, mirror: ProjectMirror, tx: string): Promise<number> {
  const group = mirror.deletedGroups().find((g) => g.tx === tx);
  if (!group) throw new ValidationError('Those records are no longer in the bin: someone may have restored them already.');
  return store.transaction(`Restore “${group.label}”`, async (t) => {
    for (const record of group.records) await t.put(record.table, record.row as unknown as Row<typeof record.table>);
    return group.records.length;
  });
}
