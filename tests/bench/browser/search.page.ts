/**
 * Runs in Chromium (bundled by tests/bench/search.bench.ts): the app's search worker (renderer/features/search/
 * searchWorker.ts, as bundled for the window) driven by the app's own client (workerClient.ts: request ids, the
 * promise per request, the hits unpacked into SearchHit objects, as searchLibrary gets them), and the raw MiniSearch
 * peer worker driven by a bare postMessage (its answer is an array of ids, used as it arrives), each fed the same
 * entries, then asked the same queries one by one, alternately; each time is a full round trip, from the request
 * to the hits in the caller's hands (both sides answer through a promise, timed after it settles).
 *
 * The two run as a pair of workers; `pair` replaces the pair with a fresh one. Two identical workers measured this
 * way differ by 4–13% (where the operating system puts each thread, for the pair's life), so the bench pools
 * several pairs rather than let one draw decide.
 */
import type { SearchEntry } from '../../../shared/search/searchEntries.js';
import type { SearchRequest } from '../../../shared/search/searchHost.js';
import { connectSearchWorker, type ResponseOf, type SearchClient } from '../../../renderer/features/search/workerClient.js';

let sources: [string, SearchEntry[]][] = [];
let ours: SearchClient | undefined;
let oursWorker: Worker | undefined;
let peerWorker: Worker | undefined;
let next = 0;

function ask<T>(worker: Worker, message: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    const id = ++next;
    const onMessage = (event: MessageEvent<{ id?: number; error?: string } & T>) => {
      if (event.data.id !== id) return;
      worker.removeEventListener('message', onMessage);
      if (event.data.error) reject(new Error(event.data.error));
      else resolve(event.data);
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage({ id, ...message });
  });
}
async function askPeer<T>(message: Record<string, unknown>): Promise<{ ms: number; data: T }> {
  const start = performance.now();
  const data = await ask<T>(peerWorker!, message);
  return { ms: performance.now() - start, data };
}
async function askOurs<R extends SearchRequest>(request: R): Promise<{ ms: number; data: ResponseOf<R['op']> }> {
  const start = performance.now();
  const data = await ours!.call(request);
  return { ms: performance.now() - start, data };
}

/** The entries both sides index, kept in the page for every pair. */
function load(entries: [string, SearchEntry[]][]): void {
  sources = entries;
}

/** A fresh pair of workers (the last pair ended), each fed the entries. */
async function pair(): Promise<{ ours: number; peer: number }> {
  oursWorker?.terminate();
  peerWorker?.terminate();
  oursWorker = new Worker('/searchWorker.js', { name: 'search-index' });
  ours = connectSearchWorker(oursWorker);
  peerWorker = new Worker('/rawMiniSearch.js', { name: 'raw-minisearch' });
  const stamps = sources.map(([key]) => [key, 'bench'] as [string, string]);
  const built = await askOurs({ op: 'apply', stamps, entries: sources });
  const loaded = await ask<{ entries: number }>(peerWorker, { op: 'load', entries: sources.flatMap(([, entries]) => entries) });
  return { ours: built.data.entries, peer: loaded.entries };
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
          const reply = await askPeer<{ hits: unknown[] }>({ op: 'search', query, limit: 50 });
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

(window as unknown as { bench: unknown }).bench = { load, pair, run, runOurs };
