import { createSearchHost, type SearchRequest, type SearchResponse } from '../../../shared/search/searchHost.js';
import { runSearchIndexer, type IndexerEvent } from './searchIndexer.js';
import type { ToSearchWorker } from './searchWorker.js';

type ResponseOf<Op extends SearchRequest['op']> = Extract<SearchResponse, { op: Op }>;

/** Sends requests to the index; answers arrive as promises. */
export interface SearchClient {
  call<R extends SearchRequest>(request: R): Promise<ResponseOf<R['op']>>;
  /** Starts keeping the index in step with the library, where the index lives; `onEvent` hears what it did. */
  startIndexer(onEvent: (event: IndexerEvent) => void): void;
  /** Where the index runs, for the status line. */
  where: 'worker' | 'window';
}

/** The index in a Web Worker (from 'self', as the CSP requires), or in the window if a worker cannot start. */
export function createSearchClient(): SearchClient {
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module', name: 'search-index' });
  } catch {
    worker = undefined;
  }
  if (!worker) {
    const host = createSearchHost();
    return { where: 'window', call: (request) => host(request) as Promise<never>, startIndexer: (onEvent) => void runSearchIndexer(host, onEvent) };
  }
  let next = 0;
  let listener: ((event: IndexerEvent) => void) | undefined;
  const waiting = new Map<number, { resolve: (r: SearchResponse) => void; reject: (e: Error) => void }>();
  worker.onmessage = (event: MessageEvent<{ id: number; response?: SearchResponse; error?: string } | { event: IndexerEvent }>) => {
    const data = event.data;
    if ('event' in data) {
      listener?.(data.event);
      return;
    }
    const entry = waiting.get(data.id);
    if (!entry) return;
    waiting.delete(data.id);
    if (data.response) entry.resolve(data.response);
    else entry.reject(new Error(data.error ?? 'The search index failed.'));
  };
  const w = worker;
  const post = (message: ToSearchWorker) => w.postMessage(message);
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
