import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { STORED_FIELDS, type EntryKind, type SearchEntry, type SourceManifest, type StoredEntry } from './searchEntries.js';

/** Words: runs of letters, digits and the like; the same rule splits the index and finds hit offsets. */
const WORD = /[^\n\r\p{Z}\p{P}\p{S}]+/gu;

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function normaliseTerm(term: string): string {
  return term.toLowerCase();
}

/** The filters a search can take. Topic, verdict and status are facts of claims, so they narrow results to claims. */
export interface SearchFilters {
  kinds?: EntryKind[];
  personId?: string;
  debateId?: string;
  /** Any of these topics (the caller adds a topic's subtopics). */
  topicIds?: string[];
  verdict?: string;
  status?: string;
}

export function matchesFilters(entry: StoredEntry, filters: SearchFilters): boolean {
  if (filters.kinds && filters.kinds.length > 0 && !filters.kinds.includes(entry.kind)) return false;
  if (filters.personId && !entry.personIds.includes(filters.personId)) return false;
  if (filters.debateId && !entry.debateIds.includes(filters.debateId)) return false;
  if (filters.topicIds && filters.topicIds.length > 0 && !entry.topicIds.some((t) => filters.topicIds!.includes(t))) return false;
  if (filters.verdict && entry.verdict !== filters.verdict) return false;
  if (filters.status && entry.status !== filters.status) return false;
  return true;
}

/** One search result: the stored entry, its score and the index terms that matched (for highlighting). */
export interface SearchHit extends StoredEntry {
  id: string;
  score: number;
  terms: string[];
}

/** The first place in `text` where one of the matched index terms occurs as a whole word: [start, end). */
export function hitSpan(text: string, terms: readonly string[]): { start: number; end: number } | undefined {
  const wanted = new Set(terms.map(normaliseTerm));
  for (const m of text.matchAll(WORD)) {
    if (wanted.has(normaliseTerm(m[0]))) return { start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

export const INDEX_FORMAT = 1;

/** Below this many exact results, a search tries again forgiving typos (in words of five letters or more). */
export const FUZZY_BELOW = 5;

const OPTIONS: Options<SearchEntry> = {
  idField: 'id',
  fields: ['text'],
  storeFields: [...STORED_FIELDS],
  tokenize,
  processTerm: (term) => normaliseTerm(term),
  searchOptions: {
    // Only the last word is a prefix, and only from three letters: a one-letter prefix matches most of a library.
    prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
    combineWith: 'AND',
  },
};

/** The serialised form kept on disk: MiniSearch's JSON and the manifest of what it was built from. */
export interface SavedIndex {
  format: number;
  json: string;
  manifest: SourceManifest;
}

/**
 * The full-text index: MiniSearch over turns, claims and notes, and the manifest of the sources it holds, so that
 * it can be saved, loaded and brought up to date by differences.
 */
export class SearchIndex {
  readonly manifest: SourceManifest;
  private readonly mini: MiniSearch<SearchEntry>;

  private constructor(mini: MiniSearch<SearchEntry>, manifest: SourceManifest) {
    this.mini = mini;
    this.manifest = manifest;
  }

  static empty(): SearchIndex {
    return new SearchIndex(new MiniSearch(OPTIONS), {});
  }

  /** A saved index, or undefined when it is from another format or unreadable (the caller rebuilds). */
  static load(saved: unknown): SearchIndex | undefined {
    if (!saved || typeof saved !== 'object') return undefined;
    const s = saved as Partial<SavedIndex>;
    if (s.format !== INDEX_FORMAT || typeof s.json !== 'string' || !s.manifest || typeof s.manifest !== 'object') return undefined;
    try {
      return new SearchIndex(MiniSearch.loadJSON(s.json, OPTIONS), s.manifest);
    } catch {
      return undefined;
    }
  }

  get size(): number {
    return this.mini.documentCount;
  }

  /** Removes entries by id; ids not in the index are ignored. */
  remove(ids: readonly string[]): void {
    const present = ids.filter((id) => this.mini.has(id));
    if (present.length > 0) this.mini.discardAll(present);
  }

  /** Puts a source's entries in, replacing what that source gave before. */
  putSource(key: string, stamp: string, entries: SearchEntry[]): void {
    const was = this.manifest[key];
    if (was) this.remove(was.ids);
    this.mini.addAll(entries);
    this.manifest[key] = { stamp, ids: entries.map((e) => e.id) };
  }

  dropSource(key: string): void {
    const was = this.manifest[key];
    if (!was) return;
    this.remove(was.ids);
    delete this.manifest[key];
  }

  /**
   * Searches with every word required. The last word is a prefix (the user may still be typing it). Typos are
   * forgiven only when the exact words find fewer than `FUZZY_BELOW` results: fuzzy matching of common words is what
   * makes a large index slow, and a query with plenty of exact hits does not need it.
   */
  search(query: string, filters: SearchFilters = {}, limit = 50): SearchHit[] {
    if (tokenize(query).length === 0) return [];
    const filter = (r: SearchResult) => matchesFilters(r as unknown as StoredEntry, filters);
    let results = this.mini.search(query, { filter, fuzzy: false });
    if (results.length < FUZZY_BELOW) {
      const fuzzy = this.mini.search(query, { filter, fuzzy: (term) => (term.length >= 5 ? 0.2 : false) });
      if (fuzzy.length > results.length) results = fuzzy;
    }
    return results.slice(0, limit).map((r) => toHit(r));
  }

  /**
   * Claims sharing any word with `text`, most relevant first: the few candidates worth comparing word by word when
   * a selection may repeat an existing claim (findSimilarClaims), instead of reading every claim in the library.
   */
  claimsSharingWords(text: string, limit = 100): string[] {
    if (tokenize(text).length === 0) return [];
    const results = this.mini.search(text, { filter: (r) => r.kind === 'claim', combineWith: 'OR', prefix: false, fuzzy: false });
    return results.slice(0, limit).map((r) => r.recordId as string);
  }

  save(): SavedIndex {
    return { format: INDEX_FORMAT, json: JSON.stringify(this.mini), manifest: this.manifest };
  }
}

function toHit(r: SearchResult): SearchHit {
  const hit: SearchHit = {
    id: String(r.id),
    score: r.score,
    terms: r.terms,
    kind: r.kind as EntryKind,
    recordId: r.recordId as string,
    debateIds: (r.debateIds as string[] | undefined) ?? [],
    personIds: (r.personIds as string[] | undefined) ?? [],
    topicIds: (r.topicIds as string[] | undefined) ?? [],
  };
  for (const key of ['documentId', 'status', 'verdict', 'start', 'end'] as const) {
    if (r[key] !== undefined) (hit as unknown as Record<string, unknown>)[key] = r[key];
  }
  return hit;
}
