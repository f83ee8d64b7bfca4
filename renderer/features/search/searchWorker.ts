/// <reference lib="webworker" />
import { createSearchHost, type HostResponse, type SearchRequest } from '../../../shared/search/searchHost.js';
import { runSearchIndexer } from './searchIndexer.js';
import type { FromSearchWorker } from './workerClient.js';

/**
 * The search index in a worker. Searches arrive with an id and are answered with it, in order; 'start-indexer' makes
 * the worker keep the index in step with the library itself (reading IndexedDB here, not in the window) and report
 * what it did as events.
 */
export type ToSearchWorker = { kind: 'request'; id: number; request: SearchRequest } | { kind: 'start-indexer' };

const host = createSearchHost();
let queue: Promise<unknown> = Promise.resolve();
/** Requests waiting in `queue`; with none, a request that needs no waiting (a search) is answered at once. */
let queued = 0;
let indexerStarted = false;
const scope = self as unknown as DedicatedWorkerGlobalScope;

/** A search's hits go out packed (one string, see packedHits.ts); the window's client unpacks them. */
function answer(id: number, response: HostResponse): void {
  scope.postMessage({ id, response } satisfies FromSearchWorker);
}
function fail(id: number, error: unknown): void {
  scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies FromSearchWorker);
}

scope.onmessage = (event: MessageEvent<ToSearchWorker>) => {
  const message = event.data;
  if (message.kind === 'start-indexer') {
    if (indexerStarted) return;
    indexerStarted = true;
    runSearchIndexer(host, (indexerEvent) => scope.postMessage({ event: indexerEvent } satisfies FromSearchWorker));
    return;
  }
  const { id, request } = message;
  if (queued === 0) {
    let response: HostResponse | undefined;
    try {
      response = host.now(request);
    } catch (error) {
      fail(id, error);
      return;
    }
    if (response) {
      answer(id, response);
      return;
    }
  }
  queued++;
  queue = queue.then(async () => {
    try {
      answer(id, await host(request));
    } catch (error) {
      fail(id, error);
    } finally {
      queued--;
    }
  });
};
