import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuState } from '../../../shared/contract.js';
import { INITIAL_MENU_STATE, isCommandEnabled, sameMenuState, undoRedoLabels } from '../../../shared/menuState.js';

const idle: MenuState = { canUndo: true, undoLabel: 'Link evidence', canRedo: true, redoLabel: 'Delete claim', libraryEmpty: false, modalOpen: false, editingText: false };

describe('menu state', () => {
  it('enables every command when the app is idle with work in it', () => {
    for (const command of MENU_COMMANDS) expect(isCommandEnabled(command, idle), command).toBe(true);
  });

  it('before the window reports, only what needs no records is on', () => {
    expect(MENU_COMMANDS.filter((command) => !isCommandEnabled(command, INITIAL_MENU_STATE))).toEqual(['edit:undo', 'edit:redo', 'view:search', 'file:export-project']);
  });

  it('names the step Undo and Redo would take, except in a text field', () => {
    expect(undoRedoLabels(idle)).toEqual({ undo: 'Undo Link evidence', redo: 'Redo Delete claim' });
    expect(undoRedoLabels({ ...idle, editingText: true })).toEqual({ undo: 'Undo', redo: 'Redo' });
    expect(undoRedoLabels({ ...idle, canRedo: false })).toEqual({ undo: 'Undo Link evidence', redo: 'Redo' });
  });

  it('compares states field by field', () => {
    expect(sameMenuState(idle, { ...idle })).toBe(true);
    expect(sameMenuState(idle, { ...idle, undoLabel: 'Add claim' })).toBe(false);
    expect(sameMenuState(idle, { ...idle, editingText: true })).toBe(false);
  });
});
