/// <reference lib="webworker" />
import { shippedModel } from '../../../shared/triage/shippedModel.js';
import { runTriageJob, type TriageJobDocument, type TriageJobResult } from '../../../shared/triage/triageJob.js';
import type { LearnedDecision } from '../../../shared/triage/adapt.js';

/** A request to the triage worker. */
export interface ToTriageWorker {
  id: number;
  documents: TriageJobDocument[];
  decisions: LearnedDecision[];
}
/** Its answer: results, or one sentence saying what went wrong. */
export interface FromTriageWorker {
  id: number;
  results?: TriageJobResult[];
  error?: string;
}

// The model is parsed once, when the worker starts, off the window's thread.
const model = shippedModel();

self.onmessage = (event: MessageEvent<ToTriageWorker>) => {
  const { id, documents, decisions } = event.data;
  let reply: FromTriageWorker;
  try {
    reply = { id, results: runTriageJob(model, documents, decisions) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(reply);
};
