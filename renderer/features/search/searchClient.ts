import { createSearchHost, fromHost } from '../../../shared/search/searchHost.js';
import { runSearchIndexer } from './searchIndexer.js';
import { connectSearchWorker, type SearchClient } from './workerClient.js';

export type { SearchClient } from './workerClient.js';

/** The index in a Web Worker (from 'self', as the CSP requires), or in the window if a worker cannot start. */
export function createSearchClient(): SearchClient {
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module', name: 'search-index' });
  } catch {
    worker = undefined;
  }
  if (worker) return connectSearchWorker(worker);
  const host = createSearchHost();
  return { where: 'window', call: async (request) => fromHost(await host(request)) as never, startIndexer: (onEvent) => void runSearchIndexer(host, onEvent) };
}
