/**
 * The peer for the search benchmark, in a worker like the app's index: MiniSearch as it comes, on the same entries
 * (the text indexed, the id kept, nothing else stored), with the app's own tokenizer and the same prefix and fuzzy
 * settings, answering each query with the ids of its top 50 results through postMessage: the least an app could
 * send back, so the ratio measures everything the app adds (its stored fields, result shaping, the message protocol).
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import { FUZZY_BELOW, normaliseTerm, tokenize } from '../../../shared/search/searchIndex.js';
import type { SearchEntry } from '../../../shared/search/searchEntries.js';

let mini: MiniSearch<SearchEntry> | undefined;
const prefix: SearchOptions['prefix'] = (term, i, terms) => i === terms.length - 1 && term.length >= 3;
const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: unknown): void };

scope.onmessage = (event: MessageEvent<{ id: number; op: 'load'; entries: SearchEntry[] } | { id: number; op: 'search'; query: string; limit: number }>) => {
  const m = event.data;
  if (m.op === 'load') {
    mini = new MiniSearch<SearchEntry>({ idField: 'id', fields: ['text'], tokenize, processTerm: normaliseTerm, searchOptions: { prefix, combineWith: 'AND' } });
    mini.addAll(m.entries);
    scope.postMessage({ id: m.id, entries: mini.documentCount });
    return;
  }
  // The same two passes as the app: exact words first, typos forgiven only when they find too little.
  let results = mini!.search(m.query, { fuzzy: false });
  if (results.length < FUZZY_BELOW) {
    const fuzzy = mini!.search(m.query, { fuzzy: (term) => (term.length >= 5 ? 0.2 : false) });
    if (fuzzy.length > results.length) results = fuzzy;
  }
  const hits: unknown[] = [];
  for (let i = 0; i < results.length && i < m.limit; i++) hits.push(results[i]!.id);
  scope.postMessage({ id: m.id, hits });
};
