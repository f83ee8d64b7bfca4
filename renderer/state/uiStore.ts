import { create } from 'zustand';

/** Which dialog is open; only one at a time. */
export type Dialog =
  | { kind: 'debate-form'; debateId?: string }
  | { kind: 'confirm-delete-debate'; debateId: string }
  | { kind: 'about' }
  | { kind: 'shortcuts' };

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

/** UI and session state only: what is selected and open. Records live in Dexie. */
export interface UiState {
  selectedDebateId: string | undefined;
  /** The document open in the reader, if any. */
  openDocumentId: string | undefined;
  sidePanelOpen: boolean;
  dialog: Dialog | undefined;
  toasts: Toast[];
}

export interface UiActions {
  selectDebate(id: string | undefined): void;
  openDocument(id: string | undefined): void;
  toggleSidePanel(): void;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  notify(text: string, tone?: Toast['tone']): void;
  dismissToast(id: number): void;
}

export function createInitialUiState(): UiState {
  return { selectedDebateId: undefined, openDocumentId: undefined, sidePanelOpen: true, dialog: undefined, toasts: [] };
}

let toastCounter = 0;

export const useUiStore = create<UiState & UiActions>()((set) => ({
  ...createInitialUiState(),
  selectDebate: (id) => set((s) => (s.selectedDebateId === id ? {} : { selectedDebateId: id, openDocumentId: undefined })),
  openDocument: (id) => set({ openDocumentId: id }),
  toggleSidePanel: () => set((s) => ({ sidePanelOpen: !s.sidePanelOpen })),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: undefined }),
  notify: (text, tone = 'info') => set((s) => ({ toasts: [...s.toasts.slice(-3), { id: ++toastCounter, text, tone }] })),
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));
