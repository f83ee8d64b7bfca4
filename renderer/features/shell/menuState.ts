import type { MenuState } from '../../../shared/contract.js';

/** The longest undo label the menu shows; the contract refuses longer ones. */
const MAX_LABEL = 80;

const shorten = (label: string | undefined) => (label && label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);

/** The window's state as the native menu needs it (shared/menuState.ts decides what that enables). */
export function menuStateFrom(input: {
  past: readonly { label: string }[];
  future: readonly { label: string }[];
  /** Debates and sources in the library; undefined while the count is loading. */
  recordCount: number | undefined;
  openModals: number;
  editingText: boolean;
}): MenuState {
  const undoLabel = shorten(input.past.at(-1)?.label);
  const redoLabel = shorten(input.future.at(-1)?.label);
  return {
    canUndo: input.past.length > 0,
    ...(undoLabel ? { undoLabel } : {}),
    canRedo: input.future.length > 0,
    ...(redoLabel ? { redoLabel } : {}),
    // Until the count is known the library is treated as empty: nothing to export yet.
    libraryEmpty: (input.recordCount ?? 0) === 0,
    modalOpen: input.openModals > 0,
    editingText: input.editingText,
  };
}

/** True when focus is somewhere typing goes: Undo then means the field's own typing history. */
export function isTextField(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled;
  if (element instanceof HTMLInputElement) {
    const typing = ['text', 'search', 'url', 'email', 'tel', 'password', 'number', ''];
    return typing.includes(element.type) && !element.readOnly && !element.disabled;
  }
  return element instanceof HTMLElement && element.isContentEditable;
}
