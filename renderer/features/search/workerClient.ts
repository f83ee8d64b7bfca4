import { fromHost, type HostResponse, type SearchRequest, type SearchResponse } from '../../../shared/search/searchHost.js';
import type { IndexerEvent } from './searchIndexer.js';
import type { ToSearchWorker } from './searchWorker.js';

export type ResponseOf<Op extends SearchRequest['op']> = Extract<SearchResponse, { op: Op }>;

/** Sends requests to the index; answers arrive as promises. */
export interface SearchClient {
  call<R extends SearchRequest>(request: R): Promise<ResponseOf<R['op']>>;
  /** Starts keeping the index in step with the library, where the index lives; `onEvent` hears what it did. */
  startIndexer(onEvent: (event: IndexerEvent) => void): void;
  /** Where the index runs, for the status line. */
  where: 'worker' | 'window';
}

/** What the search worker posts: an answer to request `id` (a search's hits packed), or an indexer event. */
export type FromSearchWorker = { id: number; response?: HostResponse; error?: string } | { event: IndexerEvent };

/**
 * The window's side of the search worker: each request goes out with an id, and its answer (unpacked: a search's
 * hits come back as plain SearchHit objects) settles the promise waiting for that id. The search benchmark drives
 * this same code, so its round trip is the one the app pays.
 */
export function connectSearchWorker(worker: Worker): SearchClient {
  let next = 0;
  let listener: ((event: IndexerEvent) => void) | undefined;
  const waiting = new Map<number, { resolve: (r: SearchResponse) => void; reject: (e: Error) => void }>();
  worker.onmessage = (event: MessageEvent<FromSearchWorker>) => {
    const data = event.data;
    if ('event' in data) {
      listener?.(data.event);
      return;
    }
    const entry = waiting.get(data.id);
    if (!entry) return;
    waiting.delete(data.id);
    if (!data.response) {
      entry.reject(new Error(data.error ?? 'The search index failed.'));
      return;
    }
    try {
      entry.resolve(fromHost(data.response));
    } catch (error) {
      entry.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const post = (message: ToSearchWorker) => worker.postMessage(message);
  return {
    where: 'worker',
    call: (request) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        waiting.set(id, { resolve: resolve as (r: SearchResponse) => void, reject });
        post({ kind: 'request', id, request });
      }),
    startIndexer: (onEvent) => {
      listener = onEvent;
      post({ kind: 'start-indexer' });
    },
  };
}
