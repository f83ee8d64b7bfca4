import { create } from 'zustand';

/** How many modal dialogs are open (each Modal counts itself), for the menus' enabled items. UI state only. */
export const useModalState = create<{ open: number }>()(() => ({ open: 0 }));

/** Counts a modal as open; returns the function that counts it closed again. */
export function countModalOpen(): () => void {
  useModalState.setState((s) => ({ open: s.open + 1 }));
  let released = false;
  return () => {
    if (released) return;
    released = true;
    useModalState.setState((s) => ({ open: Math.max(0, s.open - 1) }));
  };
}
