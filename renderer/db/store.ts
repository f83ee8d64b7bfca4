import { createDexieStore } from './dexieStore.js';
import { db } from './database.js';
import { useUndoHistory } from '../features/undo/undoHistory.js';

/** The app's Store: Dexie, with every committed change recorded for undo. */
export const store = createDexieStore(db, (changes) => useUndoHistory.getState().record(changes));
