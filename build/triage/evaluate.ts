import type { ContextParams, TextScore, TriageModel, TriageRole } from '../../shared/triage/model.js';
import { prepareDocument, scorePrepared, type PreparedDocument } from '../../shared/triage/triageDocument.js';
import type { ValidationDocument } from './data.js';

/**
 * The measures the issue asks for: mean average precision over documents (the CLEF lab's measure), precision /
 * recall / F1 of the check-worthy class, and how many moderator or stage lines reach a document's top 10 without
 * a fact-checker having chosen them.
 */

/** Average precision of a ranking: the mean of precision at each check-worthy item's rank (ties: document order). */
export function averagePrecision(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  let hits = 0;
  let sum = 0;
  order.forEach((i, rank) => {
    if (labels[i] === 1) {
      hits++;
      sum += hits / (rank + 1);
    }
  });
  return hits === 0 ? 0 : sum / hits;
}

export interface PrfFigures {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of the positive class for predictions at a threshold. */
export function prf(scores: readonly number[], labels: readonly number[], threshold: number): PrfFigures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    const predicted = s >= threshold;
    if (predicted && labels[i] === 1) tp++;
    else if (predicted) fp++;
    else if (labels[i] === 1) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** The threshold that maximises F1 on scored examples (for a scorer with no natural threshold). */
export function bestF1Threshold(scores: readonly number[], labels: readonly number[]): number {
  const candidates = [...new Set(scores)].sort((a, b) => a - b);
  let best = candidates[0] ?? 0;
  let bestF1 = -1;
  for (const t of candidates) {
    const { f1 } = prf(scores, labels, t);
    if (f1 > bestF1) {
      bestF1 = f1;
      best = t;
    }
  }
  return best;
}

/** Seeded pseudo-random numbers (mulberry32): the same folds on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold number (0..k−1) of each of n examples, shuffled by a fixed seed, stratified by label. */
export function stratifiedFolds(labels: readonly number[], k: number, seed: number): number[] {
  const random = seededRandom(seed);
  const folds = new Array<number>(labels.length).fill(0);
  for (const label of [0, 1]) {
    const members = labels.flatMap((l, i) => (l === label ? [i] : []));
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j]!, members[i]!];
    }
    members.forEach((m, i) => (folds[m] = i % k));
  }
  return folds;
}

/** A CLEF document prepared once (sentences, roles) with its labels per sentence. */
export interface PreparedValidation {
  name: string;
  prepared: PreparedDocument;
  labels: number[];
}

export function prepareValidation(docs: readonly ValidationDocument[]): PreparedValidation[] {
  return docs.map((d) => {
    const prepared = prepareDocument(d.input);
    // One sentence per line in these files, so a sentence's label is its turn's.
    return { name: d.name, prepared, labels: prepared.units.map((u) => d.labels[u.turn.index] ?? 0) };
  });
}

/** Per-document results of one model with one context. */
export interface DocumentFigures {
  name: string;
  ap: number;
  /** Lines in the top 10 said by a moderator, host, the audience or the stage, that no fact-checker chose. */
  offRoleTop10: number;
}

const OFF_ROLES: ReadonlySet<TriageRole> = new Set(['moderator', 'host', 'audience', 'system']);

/** Scores each prepared document and measures it. */
export function measureDocuments(docs: readonly PreparedValidation[], model: TriageModel, scorer: (text: string) => TextScore): DocumentFigures[] {
  return docs.map((d) => {
    const sentences = scorePrepared(model, d.prepared, scorer, false);
    const scores = sentences.map((s) => s.score);
    const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
    const offRoleTop10 = order.slice(0, 10).filter((i) => OFF_ROLES.has(sentences[i]!.role) && d.labels[i] !== 1).length;
    return { name: d.name, ap: averagePrecision(scores, d.labels), offRoleTop10 };
  });
}

export const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** A scorer that remembers: the text model is the slow part, and context search asks for the same sentences often. */
export function cachedScorer(score: (text: string) => TextScore): (text: string) => TextScore {
  const cache = new Map<string, TextScore>();
  return (text) => {
    let s = cache.get(text);
    if (!s) {
      s = score(text);
      cache.set(text, s);
    }
    return s;
  };
}

/** The context weights tried in model selection. */
export function contextGrid(): ContextParams[] {
  const grid: ContextParams[] = [];
  for (const moderator of [0, -1.5, -3, -4.5]) {
    for (const audience of [0, -2, -4, -6]) {
      for (const neighbour of [0, 0.2]) {
        for (const patternWeight of [0, 0.25, 0.5, 1]) {
          grid.push({
            rolePrior: { candidate: 0, panelist: 0, moderator, host: moderator, audience, system: -10, narrator: NARRATOR_PRIOR },
            neighbour,
            patternWeight,
          });
        }
      }
    }
  }
  return grid;
}

/**
 * Article narration: the CLEF documents have none, so this is set by judgement, not measured: a reporter's own
 * sentence is ranked as if it were a moderator's mild remark, below what the quoted people say.
 */
export const NARRATOR_PRIOR = -1;
