import { create } from 'zustand';
import type { SearchFilters, SearchHit } from '../../../shared/search/searchIndex.js';
import { createSearchClient, type SearchClient } from './searchClient.js';

/** Session state of the search feature: the dialog, and what the index did (shown to the user, and to tests). */
export interface SearchState {
  open: boolean;
  /** How the index started: loaded from disk (with its size then) or built from nothing. */
  origin: { kind: 'disk'; entries: number } | { kind: 'built' } | undefined;
  entries: number;
  /** Sources rebuilt since start (documents, claims, notes whose records changed). */
  updatedSources: number;
  saved: boolean;
  /** Bumps whenever the index changes, so open results refresh. */
  revision: number;
  /** Where the index runs: in a worker, or in the window where a worker cannot start. */
  where: 'worker' | 'window' | undefined;
  /** The index has caught up with the library at least once since start. */
  inStep: boolean;
}

export const useSearchStore = create<SearchState>()(() => ({ open: false, origin: undefined, entries: 0, updatedSources: 0, saved: false, revision: 0, where: undefined, inStep: false }));

export function openSearch(): void {
  startSearchIndex();
  useSearchStore.setState({ open: true });
}
export function closeSearch(): void {
  useSearchStore.setState({ open: false });
}

let client: SearchClient | undefined;
let started = false;

/** Searches the index (empty results until it has started). */
export async function searchLibrary(query: string, filters: SearchFilters, limit = 50): Promise<SearchHit[]> {
  if (!client || !query.trim()) return [];
  return (await client.call({ op: 'search', query, filters, limit })).hits;
}

/**
 * The ids of claims sharing words with `text`, most relevant first (see SearchIndex.claimsSharingWords), or
 * undefined while the index has not yet caught up with the library.
 */
export async function claimIdsSharingWords(text: string, limit = 100): Promise<string[] | undefined> {
  if (!client || !useSearchStore.getState().inStep) return undefined;
  return (await client.call({ op: 'claims-sharing-words', text, limit })).claimIds;
}

/**
 * Starts the index a moment after start-up, once the window is idle: it reads the whole library, and the document
 * the user left open should not have to share the database with it. Opening search starts it at once.
 */
export function startSearchIndexSoon(delayMs = 1500): () => void {
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => startSearchIndex(), { timeout: 2000 });
    else startSearchIndex();
  }, delayMs);
  return () => clearTimeout(timer);
}

/** Starts the index once: it loads from disk and then keeps itself up to date, reporting here. */
export function startSearchIndex(): void {
  if (started) return;
  started = true;
  const c = createSearchClient();
  client = c;
  useSearchStore.setState({ where: c.where });
  c.startIndexer((event) => {
    switch (event.kind) {
      // Each change to what the index holds bumps `revision`, so a search typed before it was ready runs again.
      case 'loaded':
        useSearchStore.setState((s) => ({ origin: event.fromDisk ? { kind: 'disk', entries: event.entries } : { kind: 'built' }, entries: event.entries, saved: event.fromDisk, revision: s.revision + 1 }));
        break;
      case 'updated':
        if (event.changedSources === 0 && useSearchStore.getState().inStep) break;
        useSearchStore.setState((s) => ({ inStep: true, entries: event.entries, updatedSources: s.updatedSources + event.changedSources, revision: s.revision + 1 }));
        break;
      case 'saving':
        useSearchStore.setState({ saved: false });
        break;
      case 'saved':
        useSearchStore.setState({ saved: true });
        break;
      case 'failed':
        console.warn('The search index could not be brought up to date:', event.message);
        break;
    }
  });
}
