/// <reference lib="webworker" />
import { createSearchHost, type SearchRequest } from '../../../shared/search/searchHost.js';
import { runSearchIndexer } from './searchIndexer.js';

/**
 * The search index in a worker. Searches arrive with an id and are answered with it, in order; 'start-indexer' makes
 * the worker keep the index in step with the library itself (reading IndexedDB here, not in the window) and report
 * what it did as events.
 */
export type ToSearchWorker = { kind: 'request'; id: number; request: SearchRequest } | { kind: 'start-indexer' };

const host = createSearchHost();
let queue: Promise<unknown> = Promise.resolve();
let indexerStarted = false;
self.onmessage = (event: MessageEvent<ToSearchWorker>) => {
  const message = event.data;
  if (message.kind === 'start-indexer') {
    if (indexerStarted) return;
    indexerStarted = true;
    runSearchIndexer(host, (indexerEvent) => self.postMessage({ event: indexerEvent }));
    return;
  }
  const { id, request } = message;
  queue = queue.then(async () => {
    try {
      self.postMessage({ id, response: await host(request) });
    } catch (error) {
      self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
};
