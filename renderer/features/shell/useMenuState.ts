import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { MenuState } from '../../../shared/contract.js';
import { db } from '../../db/database.js';
import { useUndoHistory } from '../undo/undoHistory.js';
import { isTextField, menuStateFrom } from './menuState.js';
import { useModalState } from './modalState.js';

/** The window's state for the menus (native and in-window): undo history, library, open dialogs, text focus. */
export function useMenuState(): MenuState {
  const past = useUndoHistory((s) => s.past);
  const future = useUndoHistory((s) => s.future);
  const openModals = useModalState((s) => s.open);
  // Debates or sources: either is something to export and search.
  const recordCount = useLiveQuery(async () => (await db.debates.count()) + (await db.sources.count()), []);
  const [editingText, setEditingText] = useState(() => isTextField(document.activeElement));

  useEffect(() => {
    // focusout fires before focus lands elsewhere; read activeElement once it has.
    const update = () => queueMicrotask(() => setEditingText(isTextField(document.activeElement)));
    document.addEventListener('focusin', update);
    document.addEventListener('focusout', update);
    return () => {
      document.removeEventListener('focusin', update);
      document.removeEventListener('focusout', update);
    };
  }, []);

  return menuStateFrom({ past, future, recordCount, openModals, editingText });
}
