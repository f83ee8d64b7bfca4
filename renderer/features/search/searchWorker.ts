/// <reference lib="webworker" />
import { createSearchHost, type SearchRequest } from '../../../shared/search/searchHost.js';

/** The search index in a worker: requests come with an id, answers go back with it, in order. */
const host = createSearchHost();
let queue: Promise<unknown> = Promise.resolve();
self.onmessage = (event: MessageEvent<{ id: number; request: SearchRequest }>) => {
  const { id, request } = event.data;
  queue = queue.then(async () => {
    try {
      self.postMessage({ id, response: await host(request) });
    } catch (error) {
      self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
};
