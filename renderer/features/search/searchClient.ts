import { createSearchHost, type SearchRequest, type SearchResponse } from '../../../shared/search/searchHost.js';

type ResponseOf<Op extends SearchRequest['op']> = Extract<SearchResponse, { op: Op }>;

/** Sends requests to the index; answers arrive as promises. */
export interface SearchClient {
  call<R extends SearchRequest>(request: R): Promise<ResponseOf<R['op']>>;
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
    return { where: 'window', call: (request) => host(request) as Promise<never> };
  }
  let next = 0;
  const waiting = new Map<number, { resolve: (r: SearchResponse) => void; reject: (e: Error) => void }>();
  worker.onmessage = (event: MessageEvent<{ id: number; response?: SearchResponse; error?: string }>) => {
    const entry = waiting.get(event.data.id);
    if (!entry) return;
    waiting.delete(event.data.id);
    if (event.data.response) entry.resolve(event.data.response);
    else entry.reject(new Error(event.data.error ?? 'The search index failed.'));
  };
  const w = worker;
  return {
    where: 'worker',
    call: (request) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        waiting.set(id, { resolve: resolve as (r: SearchResponse) => void, reject });
        w.postMessage({ id, request });
      }),
  };
}
