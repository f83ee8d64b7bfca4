import type { MenuCommand, MenuState } from './contract.js';

/**
 * When a menu command can apply, for the native menu (electron/window/appMenu.ts) and the in-window menu bar alike,
 * so the two never disagree. The window reports its state (menu:set-state); this decides what that enables.
 */

/** Before the window has said anything: the library is still opening, so only what needs no records is on. */
export const INITIAL_MENU_STATE: MenuState = { canUndo: false, canRedo: false, libraryEmpty: true, modalOpen: false, editingText: false };

/** Commands that open a dialog of their own; while another modal dialog is open they wait. */
const OPENS_A_DIALOG: ReadonlySet<MenuCommand> = new Set<MenuCommand>([
  'debate:new',
  'file:import',
  'file:export-project',
  'file:import-project',
  'file:restore-backup',
  'file:share-project',
  'file:join-project',
  'view:search',
  'help:shortcuts',
  'help:about',
]);

export function isCommandEnabled(command: MenuCommand, state: MenuState): boolean {
  switch (command) {
    // In a text field Undo and Redo act on its typing, which the app cannot see: leave them on there.
    case 'edit:undo':
      return state.editingText || (state.canUndo && !state.modalOpen);
    case 'edit:redo':
      return state.editingText || (state.canRedo && !state.modalOpen);
    case 'file:export-project':
    case 'view:search':
      return !state.libraryEmpty && !state.modalOpen;
    default:
      return !(OPENS_A_DIALOG.has(command) && state.modalOpen);
  }
}

/** "Undo Add claim" when the app's history has a step to undo, plain "Undo" otherwise (and in a text field). */
export function undoRedoLabels(state: MenuState): { undo: string; redo: string } {
  const named = (verb: string, label: string | undefined, available: boolean) =>
    !state.editingText && available && label ? `${verb} ${label}` : verb;
  return { undo: named('Undo', state.undoLabel, state.canUndo), redo: named('Redo', state.redoLabel, state.canRedo) };
}

/** Two states give the same menu: the window sends only changes, and the main process rebuilds only on change. */
export function sameMenuState(a: MenuState, b: MenuState): boolean {
  return (
    a.canUndo === b.canUndo &&
    a.canRedo === b.canRedo &&
    a.undoLabel === b.undoLabel &&
    a.redoLabel === b.redoLabel &&
    a.libraryEmpty === b.libraryEmpty &&
    a.modalOpen === b.modalOpen &&
    a.editingText === b.editingText
  );
}
