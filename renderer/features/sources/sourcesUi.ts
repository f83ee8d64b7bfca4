import { create } from 'zustand';
import type { Locator, SourceKind } from '../../../shared/model.js';

/** An attachment open in the viewer, at a place (a page, a cell) when one is cited. */
export interface OpenAttachment {
  sourceId: string;
  hash: string;
  locator: Locator;
  /** Changes on every request so opening the same place again scrolls there again. */
  nonce: number;
}

export interface SourcesUiState {
  selectedSourceId: string | undefined;
  viewer: OpenAttachment | undefined;
  filterText: string;
  filterKind: SourceKind | '';
  filterTag: string;
}

export interface SourcesUiActions {
  selectSource(id: string | undefined): void;
  openAttachment(sourceId: string, hash: string, locator?: Locator): void;
  closeViewer(): void;
  setFilter(filter: Partial<Pick<SourcesUiState, 'filterText' | 'filterKind' | 'filterTag'>>): void;
}

export function createInitialSourcesUiState(): SourcesUiState {
  return { selectedSourceId: undefined, viewer: undefined, filterText: '', filterKind: '', filterTag: '' };
}

/** UI state of the sources section only: which source and attachment are open, and the list's filters. */
export const useSourcesUi = create<SourcesUiState & SourcesUiActions>()((set) => ({
  ...createInitialSourcesUiState(),
  selectSource: (id) => set((s) => (s.selectedSourceId === id ? {} : { selectedSourceId: id, viewer: undefined })),
  openAttachment: (sourceId, hash, locator = {}) => set((s) => ({ selectedSourceId: sourceId, viewer: { sourceId, hash, locator, nonce: (s.viewer?.nonce ?? 0) + 1 } })),
  closeViewer: () => set({ viewer: undefined }),
  setFilter: (filter) => set(filter),
}));
