import { create } from 'zustand';
import type { ChangeSet } from '../../db/dexieStore.js';
import { isUndoReplay, onStoreCommit, replayChangeSet } from '../../db/store.js';
import { SYNC_LABELS } from '../../../shared/sync/syncedStore.js';

/**
 * Session undo history over record changes: every Store transaction records its change set, undo writes the
 * "before" values back and redo the "after" values. A new action clears what could be redone.
 */
export interface UndoState {
  past: ChangeSet[];
  future: ChangeSet[];
}

export interface UndoActions {
  record(set: ChangeSet): void;
  undo(): Promise<string | undefined>;
  redo(): Promise<string | undefined>;
}

const LIMIT = 200;

export function createInitialUndoState(): UndoState {
  return { past: [], future: [] };
}

export const useUndoHistory = create<UndoState & UndoActions>()((set, get) => ({
  ...createInitialUndoState(),
  record: (changes) => set((s) => ({ past: [...s.past.slice(-(LIMIT - 1)), changes], future: [] })),
  async undo() {
    const last = get().past.at(-1);
    if (!last) return undefined;
    await replayChangeSet(last, 'undo');
    set((s) => ({ past: s.past.slice(0, -1), future: [...s.future, last] }));
    return last.label;
  },
  async redo() {
    const next = get().future.at(-1);
    if (!next) return undefined;
    await replayChangeSet(next, 'redo');
    set((s) => ({ future: s.future.slice(0, -1), past: [...s.past, next] }));
    return next.label;
  },
}));

// Every committed action is recorded, except replays of this history and changes that came from the team (undoing
// a teammate's work is for them, or for an explicit edit).
onStoreCommit((changes) => {
  if (isUndoReplay(changes.label) || SYNC_LABELS.has(changes.label)) return;
  useUndoHistory.getState().record(changes);
});
