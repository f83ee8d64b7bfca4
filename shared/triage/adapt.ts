import { sentenceFeatures } from './textFeatures.js';
import type { TriageModel } from './model.js';

/**
 * Learning from the analyst's decisions in this library: a small correction to the shipped weights, fitted to the
 * sentences accepted (check-worthy) and dismissed (not), starting from the model's own opinion of each. A handful of
 * decisions moves the words they share (a recurring topic, a speaker's favourite figure) without unlearning the rest:
 * the correction is penalised towards zero and bounded. Deterministic: decisions are replayed in the order made.
 */

/** One decision as triage learns from it. */
export interface LearnedDecision {
  text: string;
  decision: 'accept' | 'dismiss';
}

/** Feature → change of weight learnt from decisions. */
export type Correction = Map<string, number>;

const EPOCHS = 8;
const RATE = 0.5;
const PENALTY = 0.02;
const LIMIT = 2;

/** Fits a correction to the decisions (empty when there are none). */
export function learnFromDecisions(model: TriageModel, decisions: readonly LearnedDecision[]): Correction {
  const correction: Correction = new Map();
  if (decisions.length === 0) return correction;
  const examples = decisions.map((d) => {
    const features = sentenceFeatures(d.text, model.features);
    let base = model.bias;
    for (const [k, v] of features) base += (model.weights[k] ?? 0) * v;
    return { features, base, y: d.decision === 'accept' ? 1 : 0 };
  });
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const { features, base, y } of examples) {
      let z = base;
      for (const [k, v] of features) z += (correction.get(k) ?? 0) * v;
      const gradient = y - 1 / (1 + Math.exp(-z));
      for (const [k, v] of features) {
        const w = correction.get(k) ?? 0;
        const next = Math.max(-LIMIT, Math.min(LIMIT, w + RATE * (gradient * v - PENALTY * w)));
        correction.set(k, next);
      }
    }
  }
  return correction;
}

/** How much the correction moves a sentence's log-odds. */
export function correctionFor(model: TriageModel, correction: Correction, text: string): number {
  if (correction.size === 0) return 0;
  let delta = 0;
  for (const [k, v] of sentenceFeatures(text, model.features)) delta += (correction.get(k) ?? 0) * v;
  return delta;
}
