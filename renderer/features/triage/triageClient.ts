import type { LearnedDecision } from '../../../shared/triage/adapt.js';
import type { TriageJobDocument, TriageJobResult } from '../../../shared/triage/triageJob.js';
import type { FromTriageWorker, ToTriageWorker } from './triageWorker.js';

let worker: Worker | undefined;
let next = 0;
const waiting = new Map<number, { resolve: (r: TriageJobResult[]) => void; reject: (e: Error) => void }>();

function start(): Worker {
  if (worker) return worker;
  // From 'self', as the CSP requires; the model ships inside the worker's bundle.
  worker = new Worker(new URL('./triageWorker.ts', import.meta.url), { type: 'module', name: 'triage' });
  worker.onmessage = (event: MessageEvent<FromTriageWorker>) => {
    const entry = waiting.get(event.data.id);
    if (!entry) return;
    waiting.delete(event.data.id);
    if (event.data.results) entry.resolve(event.data.results);
    else entry.reject(new Error(event.data.error ?? 'Triage failed.'));
  };
  worker.onerror = () => {
    for (const entry of waiting.values()) entry.reject(new Error('The triage worker stopped; score again.'));
    waiting.clear();
    worker?.terminate();
    worker = undefined;
  };
  return worker;
}

/** Triages documents in the worker, off the window's thread, learning from the decisions given. */
export function triageInWorker(documents: TriageJobDocument[], decisions: LearnedDecision[]): Promise<TriageJobResult[]> {
  const w = start();
  const id = ++next;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    const request: ToTriageWorker = { id, documents, decisions };
    w.postMessage(request);
  });
}
