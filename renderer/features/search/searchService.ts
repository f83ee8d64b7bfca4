import { create } from 'zustand';
import type { Appearance, Verdict } from '../../../shared/model.js';
import { claimEntry, documentStamp, fingerprint, noteEntry, turnEntries, type SearchEntry } from '../../../shared/search/searchEntries.js';
import type { SearchFilters, SearchHit } from '../../../shared/search/searchIndex.js';
import { createSearchClient, type SearchClient } from './searchClient.js';
import { db } from '../../db/database.js';

/** Where the saved index lives in the settings table. */
export const SAVED_INDEX_KEY = 'search:index';

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
}

export const useSearchStore = create<SearchState>()(() => ({ open: false, origin: undefined, entries: 0, updatedSources: 0, saved: false, revision: 0, where: undefined }));

export function openSearch(): void {
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

/** The sources of entries as the records are now; claim and note entries come along since they are cheap. */
export interface CurrentSources {
  stamps: Map<string, string>;
  built: Map<string, SearchEntry[]>;
}

export async function currentSources(): Promise<CurrentSources> {
  // Document ids and updatedAt from the index alone, without reading the texts.
  const [docIds, docStamps, byDebateIds, debateKeys] = await Promise.all([
    db.documents.orderBy('updatedAt').primaryKeys(),
    db.documents.orderBy('updatedAt').keys(),
    db.documents.orderBy('debateId').primaryKeys(),
    db.documents.orderBy('debateId').keys(),
  ]);
  const stamps = new Map<string, string>();
  docIds.forEach((id, i) => stamps.set(`doc:${id}`, documentStamp({ updatedAt: String(docStamps[i]) })));
  const debateOfDoc = new Map<string, string>();
  byDebateIds.forEach((id, i) => debateOfDoc.set(id, String(debateKeys[i])));

  const [claims, appearances, verdicts, notes] = await Promise.all([db.claims.toArray(), db.appearances.toArray(), db.verdicts.toArray(), db.notes.toArray()]);
  const appearancesOf = new Map<string, Appearance[]>();
  for (const a of appearances) appearancesOf.set(a.claimId, [...(appearancesOf.get(a.claimId) ?? []), a]);
  const verdictOf = new Map<string, Verdict>(verdicts.map((v) => [v.claimId, v]));
  const built = new Map<string, SearchEntry[]>();
  for (const claim of claims) {
    const entry = claimEntry(claim, appearancesOf.get(claim.id) ?? [], verdictOf.get(claim.id), (d) => debateOfDoc.get(d));
    stamps.set(`claim:${claim.id}`, fingerprint(entry));
    built.set(`claim:${claim.id}`, [entry]);
  }
  for (const note of notes) {
    const entry = noteEntry(note, debateOfDoc.get(note.documentId));
    stamps.set(`note:${note.id}`, fingerprint(entry));
    built.set(`note:${note.id}`, [entry]);
  }
  return { stamps, built };
}

async function loadEntries(keys: string[], built: Map<string, SearchEntry[]>): Promise<Map<string, SearchEntry[]>> {
  const out = new Map<string, SearchEntry[]>();
  for (const key of keys) {
    if (key.startsWith('doc:')) {
      const id = key.slice(4);
      const document = await db.documents.get(id);
      if (!document) continue;
      const turns = await db.turns.where('[documentId+index]').between([id, -Infinity], [id, Infinity]).toArray();
      out.set(key, turnEntries(document, turns));
    } else {
      out.set(key, built.get(key) ?? []);
    }
  }
  return out;
}

let queue: Promise<void> = Promise.resolve();
let saveTimer: ReturnType<typeof setTimeout> | undefined;

function scheduleSave(): void {
  useSearchStore.setState({ saved: false });
  clearTimeout(saveTimer);
  // Saving serialises the whole index: wait for a burst of changes (an import, the sample) to settle first.
  saveTimer = setTimeout(() => {
    queue = queue.then(async () => {
      if (!client) return;
      const { saved } = await client.call({ op: 'save' });
      await db.settings.put({ key: SAVED_INDEX_KEY, value: saved });
      useSearchStore.setState({ saved: true });
    });
  }, 400);
}

/** Loads the saved index once at start, in the worker; until then searches find nothing. */
export async function startSearchIndex(): Promise<void> {
  if (started) return;
  started = true;
  const c = createSearchClient();
  const saved = await db.settings.get(SAVED_INDEX_KEY);
  const { loaded, entries } = await c.call({ op: 'load', saved: saved?.value });
  client = c;
  useSearchStore.setState({ origin: loaded ? { kind: 'disk', entries } : { kind: 'built' }, entries, saved: loaded, where: c.where });
}

/**
 * Applies the differences between the index and the records as they are now (called with every change the live
 * query sees): the index says which sources it lacks, only those are read, then the index is saved after a pause.
 */
export function syncWith(current: CurrentSources): void {
  queue = queue.then(async () => {
    const c = client;
    if (!c) return;
    try {
      const stamps = [...current.stamps];
      const { build } = await c.call({ op: 'plan', stamps });
      const entries = await loadEntries(build, current.built);
      const { result, entries: size } = await c.call({ op: 'apply', stamps, entries: [...entries] });
      const changed = result.builtSources + result.removedSources;
      if (changed > 0) useSearchStore.setState((s) => ({ entries: size, updatedSources: s.updatedSources + changed, revision: s.revision + 1 }));
      if (changed > 0 || !useSearchStore.getState().saved) scheduleSave();
    } catch (error) {
      console.warn('The search index could not be brought up to date', error);
    }
  });
}
