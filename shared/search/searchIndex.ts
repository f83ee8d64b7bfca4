import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import { HitPacker, type PackedHits } from './packedHits.js';
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

/**
 * One search result: what the results list shows and opens (the stored entry without the lists that only filters
 * read: speakers, debates, topics), its score and the index terms that matched (for highlighting). Fifty hits then
 * cost the worker's message boundary little more than fifty ids.
 */
export interface SearchHit extends Omit<StoredEntry, FilterOnly> {
  id: string;
  score: number;
  terms: string[];
}
type FilterOnly = 'debateIds' | 'personIds' | 'topicIds';

/**
 * Where in `text` one of the matched index terms occurs as a whole word: [start, end). The longest term wins (for
 * "Estonia 2.16" the snippet shows "Estonia", not the first "2" of the text); among equals, the first occurrence.
 */
export function hitSpan(text: string, terms: readonly string[]): { start: number; end: number } | undefined {
  const wanted = new Set(terms.map(normaliseTerm));
  let longest = 0;
  for (const term of wanted) longest = Math.max(longest, term.length);
  let best: { start: number; end: number } | undefined;
  for (const m of text.matchAll(WORD)) {
    if (!wanted.has(normaliseTerm(m[0]))) continue;
    if (!best || m[0].length > best.end - best.start) best = { start: m.index, end: m.index + m[0].length };
    // Nothing can beat the longest term (a one-word query stops at its first occurrence, as it always did).
    if (m[0].length >= longest) break;
  }
  return best;
}

/**
 * 2: the stored fields are kept beside MiniSearch's JSON (in `stored`), no longer inside it.
 * 3: library sources, evidence links and verdicts are indexed too (an index saved before lacks them: rebuilt).
 */
export const INDEX_FORMAT = 3;

/** Below this many exact results, a search tries again forgiving typos (in words of five letters or more). */
export const FUZZY_BELOW = 5;

// MiniSearch indexes the text and keeps the id, nothing else: it would copy every stored field into every match of
// a query (tens of thousands for a common word) before the top 50 are cut. The fields live in SearchIndex.stored.
const OPTIONS: Options<SearchEntry> = {
  idField: 'id',
  fields: ['text'],
  tokenize,
  processTerm: (term) => normaliseTerm(term),
  searchOptions: {
    // Only the last word is a prefix, and only from three letters: a one-letter prefix matches most of a library.
    prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
    combineWith: 'AND',
  },
};

/** One ranked match: the entry id, MiniSearch's score and the index terms that matched. */
interface Ranked {
  id: string;
  score: number;
  terms: string[];
}

/**
 * What SearchIndex.best reads of MiniSearch 7 beyond its typed API: the raw matches of a query (short document id →
 * summed score, query terms matched, index term → fields) and the map from short ids to entry ids.
 */
interface MiniSearchInternals {
  executeQuery(query: string, options: SearchOptions): Map<number, { score: number; terms: string[]; match: Record<string, unknown> }>;
  _documentIds: Map<number, string>;
}

/** The serialised form kept on disk: MiniSearch's JSON, the stored fields and the manifest of what it was built from. */
export interface SavedIndex {
  format: number;
  json: string;
  /** Entry id → the entry's stored fields (STORED_FIELDS). */
  stored: Record<string, StoredEntry>;
  manifest: SourceManifest;
}

/** Just the stored fields of an entry (what filters and results need), without its text. */
function storedOf(entry: SearchEntry): StoredEntry {
  const out: Record<string, unknown> = {};
  for (const key of STORED_FIELDS) if (entry[key] !== undefined) out[key] = entry[key];
  return out as unknown as StoredEntry;
}

/**
 * The full-text index: MiniSearch over turns, claims, notes, library sources, evidence links and verdicts, and the manifest of the sources it holds, so that
 * it can be saved, loaded and brought up to date by differences.
 */
export class SearchIndex {
  readonly manifest: SourceManifest;
  private readonly mini: MiniSearch<SearchEntry>;
  private readonly stored: Map<string, StoredEntry>;

  private constructor(mini: MiniSearch<SearchEntry>, stored: Map<string, StoredEntry>, manifest: SourceManifest) {
    this.mini = mini;
    this.stored = stored;
    this.manifest = manifest;
  }

  static empty(): SearchIndex {
    return new SearchIndex(new MiniSearch(OPTIONS), new Map(), {});
  }

  /** A saved index, or undefined when it is from another format or unreadable (the caller rebuilds). */
  static load(saved: unknown): SearchIndex | undefined {
    if (!saved || typeof saved !== 'object') return undefined;
    const s = saved as Partial<SavedIndex>;
    if (s.format !== INDEX_FORMAT || typeof s.json !== 'string' || !s.manifest || typeof s.manifest !== 'object') return undefined;
    if (!s.stored || typeof s.stored !== 'object') return undefined;
    try {
      const mini = MiniSearch.loadJSON(s.json, OPTIONS);
      const stored = new Map(Object.entries(s.stored));
      if (stored.size !== mini.documentCount) return undefined;
      return new SearchIndex(mini, stored, s.manifest);
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
    for (const id of present) this.stored.delete(id);
  }

  /** Puts a source's entries in, replacing what that source gave before. */
  putSource(key: string, stamp: string, entries: SearchEntry[]): void {
    const was = this.manifest[key];
    if (was) this.remove(was.ids);
    this.mini.addAll(entries);
    for (const entry of entries) this.stored.set(entry.id, storedOf(entry));
    this.manifest[key] = { stamp, ids: entries.map((e) => e.id) };
  }

  dropSource(key: string): void {
    const was = this.manifest[key];
    if (!was) return;
    this.remove(was.ids);
    delete this.manifest[key];
  }

  /** Searches (see `ranked`), most relevant first, at most `limit` hits. */
  search(query: string, filters: SearchFilters = {}, limit = 50): SearchHit[] {
    const hits: SearchHit[] = [];
    for (const r of this.ranked(query, filters, limit)) {
      const stored = this.stored.get(r.id);
      if (stored) hits.push(hitOf(r, stored));
    }
    return hits;
  }

  /**
   * The same search with its hits packed for the trip out of the worker (see packedHits.ts): written straight from
   * the stored fields, with no hit objects built on this side.
   */
  searchPacked(query: string, filters: SearchFilters = {}, limit = 50): PackedHits {
    const ranked = this.ranked(query, filters, limit);
    const packer = new HitPacker();
    for (const r of ranked) {
      const stored = this.stored.get(r.id);
      if (stored) packer.add(r.id, stored, r.score, r.terms);
    }
    return packer.done();
  }

  /**
   * Every word required. The last word is a prefix (the user may still be typing it). Typos are forgiven only when
   * the exact words find fewer than `FUZZY_BELOW` results: fuzzy matching of common words is what makes a large
   * index slow, and a query with plenty of exact hits does not need it.
   */
  private ranked(query: string, filters: SearchFilters, limit: number): Ranked[] {
    if (tokenize(query).length === 0 || limit <= 0) return [];
    // (Every id in MiniSearch has its stored fields: both change together.)
    const keep = hasFilters(filters)
      ? (id: string) => {
          const stored = this.stored.get(id);
          return stored !== undefined && matchesFilters(stored, filters);
        }
      : undefined;
    let best = this.best(query, { fuzzy: false }, keep, limit);
    if (best.count < FUZZY_BELOW) {
      const fuzzy = this.best(query, { fuzzy: (term) => (term.length >= 5 ? 0.2 : false) }, keep, limit);
      if (fuzzy.count > best.count) best = fuzzy;
    }
    return best.top;
  }

  /**
   * The `limit` best matches of one pass and how many matched in all: exactly what MiniSearch's `search` would give
   * first (same scores, same order: score, then the order MiniSearch found them, as its stable sort leaves them), but
   * taken from its raw matches without building a result object for every match and sorting them all. A common
   * word matches thousands of turns; that work was half the time of such a search and no one sees past the 50th.
   * If MiniSearch's internals are not what this expects (another version), its `search` does the job.
   */
  private best(query: string, options: SearchOptions, keep: ((id: string) => boolean) | undefined, limit: number): { count: number; top: Ranked[] } {
    const mini = this.mini as unknown as Partial<MiniSearchInternals>;
    if (typeof mini.executeQuery !== 'function' || !(mini._documentIds instanceof Map)) {
      const results = this.mini.search(query, { ...options, ...(keep ? { filter: (r: SearchResult) => keep(r.id as string) } : {}) });
      return { count: results.length, top: results.slice(0, limit).map((r) => ({ id: r.id as string, score: r.score, terms: r.terms })) };
    }
    const raw = mini.executeQuery(query, options);
    const ids = mini._documentIds;
    // Best first; a later match with a score equal to one kept ranks after it, so only a higher score gets in. Entry
    // ids are looked up for the kept ones only, unless a filter needs them for every match.
    const top: { shortId: number; score: number; match: Record<string, unknown> }[] = [];
    let count = 0;
    for (const [shortId, m] of raw) {
      if (keep) {
        const id = ids.get(shortId);
        if (id === undefined || !keep(id)) continue;
      }
      count++;
      const score = m.score * (m.terms.length || 1);
      if (top.length === limit && !(score > top[limit - 1]!.score)) continue;
      let at = top.length;
      while (at > 0 && top[at - 1]!.score < score) at--;
      top.splice(at, 0, { shortId, score, match: m.match });
      if (top.length > limit) top.pop();
    }
    return { count, top: top.map((t) => ({ id: ids.get(t.shortId)!, score: t.score, terms: Object.keys(t.match) })) };
  }

  /**
   * Claims sharing any word with `text`, most relevant first: the few candidates worth comparing word by word when
   * a selection may repeat an existing claim (findSimilarClaims), instead of reading every claim in the library.
   */
  claimsSharingWords(text: string, limit = 100): string[] {
    if (tokenize(text).length === 0) return [];
    const claim = (r: SearchResult) => this.stored.get(r.id as string)?.kind === 'claim';
    const results = this.mini.search(text, { filter: claim, combineWith: 'OR', prefix: false, fuzzy: false });
    return results.slice(0, limit).map((r) => this.stored.get(r.id as string)!.recordId);
  }

  save(): SavedIndex {
    return { format: INDEX_FORMAT, json: JSON.stringify(this.mini), stored: Object.fromEntries(this.stored), manifest: this.manifest };
  }
}

/**
 * A hit from its ranking and stored fields: what a hit shows, without the lists only filters read. Written field by
 * field (absent ones left out), which costs a tenth of copying the stored object with rest and spread syntax.
 */
function hitOf(r: Ranked, stored: StoredEntry): SearchHit {
  const hit: SearchHit = { kind: stored.kind, recordId: stored.recordId, id: r.id, score: r.score, terms: r.terms };
  if (stored.claimId !== undefined) hit.claimId = stored.claimId;
  if (stored.documentId !== undefined) hit.documentId = stored.documentId;
  if (stored.status !== undefined) hit.status = stored.status;
  if (stored.verdict !== undefined) hit.verdict = stored.verdict;
  if (stored.start !== undefined) hit.start = stored.start;
  if (stored.end !== undefined) hit.end = stored.end;
  return hit;
}

/** Whether any filter is set (a filter added to SearchFilters later counts without a change here). */
function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
}
