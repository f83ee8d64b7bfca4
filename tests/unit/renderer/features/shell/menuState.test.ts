import { describe, expect, it } from 'vitest';
import { menuStateFrom } from '../../../../../renderer/features/shell/menuState.js';
import { planOpenedFiles } from '../../../../../renderer/features/shell/openedFilesPlan.js';

describe('the window’s state for the menus', () => {
  it('reports the step Undo and Redo would take, the library and open dialogs', () => {
    expect(menuStateFrom({ past: [{ label: 'Add claim' }, { label: 'Link evidence' }], future: [], recordCount: 3, openModals: 0, editingText: false })).toEqual({
      canUndo: true,
      undoLabel: 'Link evidence',
      canRedo: false,
      libraryEmpty: false,
      modalOpen: false,
      editingText: false,
    });
    expect(menuStateFrom({ past: [], future: [{ label: 'Delete claim' }], recordCount: undefined, openModals: 2, editingText: true })).toEqual({
      canUndo: false,
      canRedo: true,
      redoLabel: 'Delete claim',
      libraryEmpty: true,
      modalOpen: true,
      editingText: true,
    });
  });

  it('shortens a long label to what the contract accepts', () => {
    const state = menuStateFrom({ past: [{ label: `Create claim “${'x'.repeat(120)}”` }], future: [], recordCount: 1, openModals: 0, editingText: false });
    expect(state.undoLabel).toHaveLength(80);
    expect(state.undoLabel!.endsWith('…')).toBe(true);
  });
});

describe('files the OS handed over', () => {
  const file = (name: string, kind: 'project' | 'document') => ({ name, kind, bytes: new Uint8Array() });

  it('opens a project in Import project, and documents in Import', () => {
    expect(planOpenedFiles([file('nato.claimdesk', 'project')])).toMatchObject({ project: { name: 'nato.claimdesk' }, documents: [], notes: [] });
    expect(planOpenedFiles([file('a.txt', 'document'), file('b.vtt', 'document')])).toMatchObject({ project: undefined, documents: [{ name: 'a.txt' }, { name: 'b.vtt' }], notes: [] });
  });

  it('takes one project at a time and says what it left', () => {
    const plan = planOpenedFiles([file('a.claimdesk', 'project'), file('t.txt', 'document'), file('b.claimdesk', 'project')]);
    expect(plan.project?.name).toBe('b.claimdesk');
    expect(plan.documents).toEqual([]);
    expect(plan.notes).toEqual([
      'Projects are imported one at a time: “b.claimdesk” is open; open the others after it.',
      '1 document was not imported while a project is being imported: open it again afterwards.',
    ]);
  });
});
