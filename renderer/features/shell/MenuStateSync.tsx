import { useEffect, useRef } from 'react';
import type { MenuState } from '../../../shared/contract.js';
import { sameMenuState } from '../../../shared/menuState.js';
import { request } from '../../api/api.js';
import { useMenuState } from './useMenuState.js';

/**
 * Tells the desktop app's native menu what applies now (menu:set-state), whenever that changes: Undo/Redo and their
 * labels, whether the library has anything to export or search, whether a dialog is open, whether focus is in a text
 * field. Renders nothing; mounted only in the desktop app.
 */
export function MenuStateSync() {
  const state = useMenuState();
  const sent = useRef<MenuState | undefined>(undefined);
  useEffect(() => {
    if (sent.current && sameMenuState(sent.current, state)) return;
    sent.current = state;
    request('menuSetState', state).catch((error: unknown) => console.warn('The menu could not be updated', error));
  }, [state]);
  return null;
}
