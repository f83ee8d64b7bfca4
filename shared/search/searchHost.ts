import { unpackHits, type PackedHits } from './packedHits.js';
import { planUpdate, type SearchEntry } from './searchEntries.js';
import { SearchIndex, type SavedIndex, type SearchFilters, type SearchHit } from './searchIndex.js';
import { syncIndex, type SyncResult } from './syncIndex.js';

/**
 * The index behind a message boundary, so the window can keep it in a Web Worker: loading a saved 1M-word index and
 * building one take seconds, which must not freeze the window. Every request is one serialisable object and every
 * answer one too; the same host runs in-process where no worker is available.
 */
export type SearchRequest =
  | { op: 'load'; saved: unknown }
  | { op: 'plan'; stamps: [string, string][] }
  | { op: 'apply'; stamps: [string, string][]; entries: [string, SearchEntry[]][] }
  | { op: 'search'; query: string; filters: SearchFilters; limit: number }
  | { op: 'claims-sharing-words'; text: string; limit: number }
  | { op: 'save' };

export type SearchResponse =
  | { op: 'load'; loaded: boolean; entries: number }
  | { op: 'plan'; build: string[] }
  | { op: 'apply'; result: SyncResult; entries: number }
  | { op: 'search'; hits: SearchHit[] }
  | { op: 'claims-sharing-words'; claimIds: string[] }
  | { op: 'save'; saved: SavedIndex };

/**
 * What the host answers, as it crosses the boundary: a search's hits packed (packedHits.ts); `fromHost` turns it into
 * the SearchResponse callers read.
 */
export type HostResponse = Exclude<SearchResponse, { op: 'search' }> | { op: 'search'; packed: PackedHits };

export function fromHost(response: HostResponse): SearchResponse {
  return response.op === 'search' ? { op: 'search', hits: unpackHits(response.packed) } : response;
}

/**
 * The index's host. Called, it answers any request (in order, as a promise); `now` answers at once every request
 * that needs no waiting (all but 'apply', which may read the library) and returns undefined for the others, so a
 * worker with nothing queued can answer a search without a trip through the promise queue.
 */
export interface SearchHost {
  (request: SearchRequest): Promise<HostResponse>;
  now(request: SearchRequest): HostResponse | undefined;
}

export function createSearchHost(): SearchHost {
  let index = SearchIndex.empty();
  const now = (request: SearchRequest): HostResponse | undefined => {
    switch (request.op) {
      case 'load': {
        const loaded = SearchIndex.load(request.saved);
        index = loaded ?? SearchIndex.empty();
        return { op: 'load', loaded: loaded !== undefined, entries: index.size };
      }
      case 'plan':
        return { op: 'plan', build: planUpdate(index.manifest, new Map(request.stamps)).build };
      case 'apply':
        return undefined;
      case 'search':
        return { op: 'search', packed: index.searchPacked(request.query, request.filters, request.limit) };
      case 'claims-sharing-words':
        return { op: 'claims-sharing-words', claimIds: index.claimsSharingWords(request.text, request.limit) };
      case 'save':
        return { op: 'save', saved: index.save() };
    }
  };
  const host = async (request: SearchRequest): Promise<HostResponse> => {
    if (request.op === 'apply') {
      const entries = new Map(request.entries);
      const result = await syncIndex(index, new Map(request.stamps), async () => entries);
      return { op: 'apply', result, entries: index.size };
    }
    return now(request)!;
  };
  return Object.assign(host, { now });
}
