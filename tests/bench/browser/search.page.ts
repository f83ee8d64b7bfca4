/**
 * Runs in Chromium (bundled by tests/bench/search.bench.ts): the app's search worker (renderer/features/search/
 * searchWorker.ts, as bundled for the window) driven by the app's own client (workerClient.ts: request ids, the
 * promise per request, the hits unpacked into SearchHit objects, as searchLibrary gets them), and the raw MiniSearch
 * peer worker driven by a bare postMessage (its answer is an array of ids, used as it arrives), each fed the same
 * entries, then asked the same queries one by one, alternately; each time is a full round trip, from the request
 * to the hits in hand.
 */
import type { SearchEntry } from '../../../shared/search/searchEntries.js';
import type { SearchRequest } from '../../../shared/search/searchHost.js';
import { connectSearchWorker, type ResponseOf, type SearchClient } from '../../../renderer/features/search/workerClient.js';

let ours: SearchClient;
let peerWorker: Worker;
let next = 0;

function ask<T>(worker: Worker, message: Record<string, unknown>): Promise<{ ms: number; data: T }> {
  return new Promise((resolve, reject) => {
    const id = ++next;
    const start = performance.now();
    const onMessage = (event: MessageEvent<{ id?: number; error?: string } & T>) => {
      if (event.data.id !== id) return;
      worker.removeEventListener('message', onMessage);
      if (event.data.error) reject(new Error(event.data.error));
      else resolve({ ms: performance.now() - start, data: event.data });
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage({ id, ...message });
  });
}
async function askOurs<R extends SearchRequest>(request: R): Promise<{ ms: number; data: ResponseOf<R['op']> }> {
  const start = performance.now();
  const data = await ours.call(request);
  return { ms: performance.now() - start, data };
}

async function start(sources: [string, SearchEntry[]][]): Promise<{ ours: number; peer: number }> {
  ours = connectSearchWorker(new Worker('/searchWorker.js', { name: 'search-index' }));
  peerWorker = new Worker('/rawMiniSearch.js', { name: 'raw-minisearch' });
  const stamps = sources.map(([key]) => [key, 'bench'] as [string, string]);
  const built = await askOurs({ op: 'apply', stamps, entries: sources });
  const loaded = await ask<{ entries: number }>(peerWorker, { op: 'load', entries: sources.flatMap(([, entries]) => entries) });
  return { ours: built.data.entries, peer: loaded.data.entries };
}

/**
 * Each query `repeat` times to both, alternating which goes first; per query the median of its repeats on each side
 * (a stall of this shared machine lands on one repeat, not on the figure), and the hits each gave.
 */
async function run(queries: string[], repeat = 5) {
  const out = { ours: [] as number[], peer: [] as number[], oursHits: 0, peerHits: 0 };
  const middle = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  for (const query of queries) {
    const ours: number[] = [];
    const peer: number[] = [];
    let oursHits = 0;
    let peerHits = 0;
    for (let r = 0; r < repeat; r++) {
      const one = async (side: 'ours' | 'peer') => {
        if (side === 'ours') {
          const reply = await askOurs({ op: 'search', query, filters: {}, limit: 50 });
          ours.push(reply.ms);
          oursHits = reply.data.hits.length;
        } else {
          const reply = await ask<{ hits: unknown[] }>(peerWorker, { op: 'search', query, limit: 50 });
          peer.push(reply.ms);
          peerHits = reply.data.hits.length;
        }
      };
      const first = (r + out.ours.length) % 2 === 0 ? 'ours' : 'peer';
      await one(first);
      await one(first === 'ours' ? 'peer' : 'ours');
    }
    out.ours.push(middle(ours));
    out.peer.push(middle(peer));
    out.oursHits += oursHits;
    out.peerHits += peerHits;
  }
  return out;
}

/** Ours alone, with filters (the peer stores nothing to filter on). */
async function runOurs(queries: string[], filters: Record<string, unknown>) {
  const times: number[] = [];
  for (const query of queries) times.push((await askOurs({ op: 'search', query, filters, limit: 50 })).ms);
  return times;
}

(window as unknown as { bench: unknown }).bench = { start, run, runOurs };
