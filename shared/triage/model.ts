import { scoreSentence } from './scoreSentence.js';
import { signalById } from './signals.js';
import { sentenceFeatures, type FeatureConfig } from './textFeatures.js';

/**
 * The shipped check-worthiness model: a logistic regression over a sentence's features (textFeatures.ts) trained
 * on the ClaimBuster sentences, plus the context weights chosen by validation (who is speaking, what kind of
 * document). The file is written by `npm run train:triage`; nothing here downloads anything.
 */

export const TRIAGE_ROLES = ['candidate', 'moderator', 'host', 'panelist', 'audience', 'system', 'narrator'] as const;
/** Who is speaking, as triage sees it: stage lines are `system`, article narration is `narrator`. */
export type TriageRole = (typeof TRIAGE_ROLES)[number];

export const DOCUMENT_KINDS = ['debate', 'speech', 'interview', 'article'] as const;
/** What sort of document a sentence comes from. */
export type TriageDocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Weights of the context, chosen by leave-one-document-out validation (a handful of numbers, not fitted per feature). */
export interface ContextParams {
  /** Added to a sentence's log-odds by its speaker's role. */
  rolePrior: Record<TriageRole, number>;
  /** How much of the neighbouring sentences' log-odds (same turn) a sentence takes on: claims come in runs. */
  neighbour: number;
  /** Weight of v0.1's hand-set patterns (their score as log-odds, clipped to ±4) added to the text's log-odds. */
  patternWeight?: number;
}

/** The model file, as `npm run train:triage` writes it. */
export interface TriageModel {
  format: 'claimdesk-triage-model';
  /** The training run that made it: date and inputs' hash, also in the model card. */
  trainedAt: string;
  inputsHash: string;
  features: FeatureConfig;
  /** How the text model was fitted: the L2 penalty and the fewest sentences a feature must occur in. */
  training: { l2: number; minCount: number };
  bias: number;
  /** Feature name → weight; features not listed weigh nothing. */
  weights: Record<string, number>;
  context: ContextParams;
}

/** A sentence's log-odds from its text alone, and the features that pushed it most either way. */
export interface TextScore {
  logit: number;
  /** The hand-set patterns' log-odds (patternLogit), mixed in by the context's patternWeight. */
  pattern: number;
  contributions: Array<{ feature: string; value: number }>;
}

/** The sentence's own log-odds of being check-worthy (before its speaker and neighbours count). */
export function scoreText(model: TriageModel, text: string, withContributions = false): TextScore {
  const features = sentenceFeatures(text, model.features);
  let logit = model.bias;
  const contributions: Array<{ feature: string; value: number }> = [];
  for (const [name, value] of features) {
    const w = model.weights[name];
    if (w === undefined) continue;
    logit += w * value;
    if (withContributions) contributions.push({ feature: name, value: w * value });
  }
  if (withContributions) contributions.sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || (a.feature < b.feature ? -1 : 1));
  return { logit, pattern: patternLogit(text), contributions };
}

/** The hand-set patterns' score as log-odds, clipped so a pattern-less sentence is not pushed to the floor. */
export function patternLogit(text: string): number {
  const p = Math.min(0.98, Math.max(0.02, scoreSentence(text).score));
  return Math.log(p / (1 - p));
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * The strongest reasons in an analyst's words: the signals that raised the score most, the wording that weighed
 * most ("words like “voted for”"), and what lowered it (a question, an opinion). Character n-grams carry weight but
 * not meaning, so they are never shown.
 */
export function textReasons(contributions: TextScore['contributions'], max = 4): string[] {
  const up: string[] = [];
  const down: string[] = [];
  const words: string[] = [];
  for (const { feature, value } of contributions) {
    if (feature.startsWith('s:')) {
      const signal = signalById(feature.slice(2));
      if (!signal) continue;
      if (value > 0.05 && !isDamper(feature)) up.push(signal.phrase);
      else if (value < -0.05 && isDamper(feature)) down.push(signal.phrase);
    } else if (feature.startsWith('w:') && value > 0.15 && words.length < 2) {
      const gram = feature.slice(2);
      if (!/[<>]/.test(gram) && !STOP.has(gram)) words.push(`“${gram}”`);
    }
  }
  const out = up.slice(0, max - 1);
  if (words.length > 0 && out.length < max) out.push(`wording like ${words.join(', ')}`);
  for (const d of down) if (out.length < max + 1) out.push(d);
  return out;
}

function isDamper(feature: string): boolean {
  return ['s:question', 's:opinion', 's:intention', 's:courtesy'].includes(feature);
}

// Words too plain to be worth showing as a reason.
const STOP = new Set(['the', 'a', 'an', 'and', 'of', 'to', 'in', 'is', 'was', 'that', 'it', 'we', 'i', 'you', 'he', 'she', 'they', 'this', 'for', 'on', 'have', 'has', 'had']);
