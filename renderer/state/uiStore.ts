import { create } from 'zustand';

/** Which dialog is open; only one at a time. */
export type Dialog =
  | { kind: 'debate-form'; debateId?: string }
  | { kind: 'confirm-delete-debate'; debateId: string }
  | { kind: 'about' }
  | { kind: 'shortcuts' };

/** The app's top-level sections. */
export type Section = 'debates' | 'sources' | 'compare' | 'reports';

/** A place in a document the reader should scroll to and highlight. */
export interface RevealTarget {
  documentId: string;
  start: number;
  end: number;
  /** Changes on every request, so asking for the same place twice scrolls again. */
  nonce: number;
}

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

/** UI and session state only: what is selected and open. Records live in Dexie. */
export interface UiState {
  section: Section;
  selectedDebateId: string | undefined;
  /** The claim shown in the side panel. */
  selectedClaimId: string | undefined;
  /** The note or tag shown in the side panel; never set together with a claim. */
  selectedNoteId: string | undefined;
  reveal: RevealTarget | undefined;
  /** The document open in the reader, if any. */
  openDocumentId: string | undefined;
  sidePanelOpen: boolean;
  dialog: Dialog | undefined;
  toasts: Toast[];
}

export interface UiActions {
  setSection(section: Section): void;
  selectDebate(id: string | undefined): void;
  openDocument(id: string | undefined): void;
  selectClaim(id: string | undefined): void;
  selectNote(id: string | undefined): void;
  /** Opens a document at an exact span (from search, a claim, a compare cell, a source). */
  revealSpan(target: { documentId: string; debateId: string; start: number; end: number }): void;
  toggleSidePanel(): void;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  notify(text: string, tone?: Toast['tone']): void;
  dismissToast(id: number): void;
}

export function createInitialUiState(): UiState {
  return { section: 'debates', selectedDebateId: undefined, selectedClaimId: undefined, selectedNoteId: undefined, reveal: undefined, openDocumentId: undefined, sidePanelOpen: true, dialog: undefined, toasts: [] };
}

let toastCounter = 0;
/** How many messages show at once. */
export const MAX_TOASTS = 3;

export const useUiStore = create<UiState & UiActions>()((set) => ({
  ...createInitialUiState(),
  // Choosing a debate in the library shows its page, also when it is the one already open (from the reader or
  // another section): the library is the way back.
  selectDebate: (id) => set((s) => (s.selectedDebateId === id ? { openDocumentId: undefined, section: 'debates' } : { selectedDebateId: id, openDocumentId: undefined, section: 'debates' })),
  openDocument: (id) => set({ openDocumentId: id }),
  setSection: (section) => set({ section }),
  // The side panel shows one thing: choosing a claim puts away the note, and the other way round.
  selectClaim: (id) => set((s) => ({ selectedClaimId: id, selectedNoteId: id === undefined ? s.selectedNoteId : undefined })),
  selectNote: (id) => set((s) => ({ selectedNoteId: id, selectedClaimId: id === undefined ? s.selectedClaimId : undefined })),
  revealSpan: ({ documentId, debateId, start, end }) =>
    set((s) => ({ section: 'debates', selectedDebateId: debateId, openDocumentId: documentId, reveal: { documentId, start, end, nonce: (s.reveal?.nonce ?? 0) + 1 } })),
  toggleSidePanel: () => set((s) => ({ sidePanelOpen: !s.sidePanelOpen })),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: undefined }),
  // At most three messages at once: the oldest makes room.
  notify: (text, tone = 'info') => set((s) => ({ toasts: [...s.toasts.slice(-(MAX_TOASTS - 1)), { id: ++toastCounter, text, tone }] })),
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));
