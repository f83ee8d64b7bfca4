import type { Row, Store } from '../../shared/domain/store.js';
import { SyncedStore } from '../../shared/sync/syncedStore.js';
import { createDexieStore, type ChangeSet } from './dexieStore.js';
import { db } from './database.js';

/** Labels of transactions that replay undo history: they are not recorded again as new actions. */
const UNDO_PREFIX = '\u21b6 ';
const commitListeners = new Set<(changes: ChangeSet) => void>();

/** Hears every committed change set of the local store (the undo history listens); returns the unsubscribe. */
export function onStoreCommit(listener: (changes: ChangeSet) => void): () => void {
  commitListeners.add(listener);
  return () => commitListeners.delete(listener);
}

/** The local Store: Dexie, with every committed change set announced (undo records them). */
export const localStore = createDexieStore(db, (changes) => {
  for (const listener of commitListeners) listener(changes);
});

/**
 * The app's Store: the local store, decorated so that in a team project every transaction is mirrored to the
 * project (renderer/features/team attaches and detaches it). Outside a team project it is the local store.
 */
export const syncedStore = new SyncedStore(localStore);
export const store: Store = syncedStore;

export function isUndoReplay(label: string): boolean {
  return label.startsWith(UNDO_PREFIX);
}

/**
 * Writes a change set back, backwards (undo) or forwards (redo), through the Store, so an undo in a team project
 * travels to the team like any other change.
 */
export async function replayChangeSet(set: ChangeSet, direction: 'undo' | 'redo'): Promise<void> {
  await store.transaction(`${UNDO_PREFIX}${direction === 'undo' ? 'Undo' : 'Redo'} ${set.label}`, async (tx) => {
    const ordered = direction === 'undo' ? [...set.changes].reverse() : set.changes;
    for (const change of ordered) {
      const value = direction === 'undo' ? change.before : change.after;
      if (value === undefined) await tx.delete(change.table, change.id);
      else await tx.put(change.table, value as Row<typeof change.table>);
    }
  });
}
