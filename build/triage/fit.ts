import { sentenceFeatures, tokenize, type FeatureConfig } from '../../shared/triage/textFeatures.js';
import type { ContextParams, TriageModel } from '../../shared/triage/model.js';
import { trainLogistic, type SparseRow } from './logistic.js';

/** The text model's hyper-parameters: its features and the L2 penalty. */
export interface TextConfig {
  features: FeatureConfig;
  l2: number;
  /** Features seen in fewer training sentences than this are dropped. */
  minCount: number;
}

/** The weights part of a model: bias and feature weights, rounded as they are shipped. */
export interface TextWeights {
  bias: number;
  weights: Record<string, number>;
}

const DECIMALS = 1e4;
const round = (w: number): number => Math.round(w * DECIMALS) / DECIMALS;

/** Fits the check-worthiness text model to labelled sentences; deterministic for the same input in the same order. */
export function fitTextModel(texts: readonly string[], labels: readonly number[], config: TextConfig): TextWeights {
  const feats = texts.map((t) => sentenceFeatures(t, config.features));
  const count = new Map<string, number>();
  for (const f of feats) for (const k of f.keys()) count.set(k, (count.get(k) ?? 0) + 1);
  const names = [...count.entries()]
    .filter(([, c]) => c >= config.minCount)
    .map(([k]) => k)
    .sort();
  const index = new Map(names.map((k, i) => [k, i]));
  const rows: SparseRow[] = feats.map((f) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [k, v] of f) {
      const j = index.get(k);
      if (j !== undefined) {
        idx.push(j);
        val.push(v);
      }
    }
    return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
  });
  const fitted = trainLogistic(rows, labels, names.length, { l2: config.l2 });
  const weights: Record<string, number> = {};
  names.forEach((k, i) => {
    const w = round(fitted.weights[i]!);
    if (w !== 0) weights[k] = w;
  });
  return { bias: round(fitted.bias), weights };
}

/** A model object from fitted weights and chosen context weights (date and hash filled in by the script). */
export function assembleModel(text: TextWeights, config: TextConfig, context: ContextParams, stamp: { trainedAt: string; inputsHash: string }): TriageModel {
  return {
    format: 'claimdesk-triage-model',
    trainedAt: stamp.trainedAt,
    inputsHash: stamp.inputsHash,
    features: config.features,
    training: { l2: config.l2, minCount: config.minCount },
    bias: text.bias,
    weights: text.weights,
    context,
  };
}

/**
 * The TF-IDF baseline the issue measures against: word unigrams and bigrams, sublinear TF × smoothed IDF, unit
 * length, a linear SVM (squared hinge, as liblinear's default). Knows nothing of speakers.
 */
export function fitTfidfSvm(texts: readonly string[], labels: readonly number[]): (text: string) => number {
  const grams = (text: string): Map<string, number> => {
    const tokens = tokenize(text);
    const counts = new Map<string, number>();
    for (let i = 0; i < tokens.length; i++) {
      counts.set(tokens[i]!, (counts.get(tokens[i]!) ?? 0) + 1);
      if (i + 1 < tokens.length) counts.set(`${tokens[i]} ${tokens[i + 1]}`, (counts.get(`${tokens[i]} ${tokens[i + 1]}`) ?? 0) + 1);
    }
    return counts;
  };
  const docs = texts.map(grams);
  const df = new Map<string, number>();
  for (const d of docs) for (const k of d.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const names = [...df.entries()]
    .filter(([, c]) => c >= 2)
    .map(([k]) => k)
    .sort();
  const index = new Map(names.map((k, i) => [k, i]));
  const idf = names.map((k) => Math.log((1 + texts.length) / (1 + df.get(k)!)) + 1);
  const vector = (counts: Map<string, number>): SparseRow => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [k, c] of counts) {
      const j = index.get(k);
      if (j === undefined) continue;
      idx.push(j);
      val.push((1 + Math.log(c)) * idf[j]!);
    }
    const norm = Math.sqrt(val.reduce((a, v) => a + v * v, 0)) || 1;
    return { idx: Int32Array.from(idx), val: Float64Array.from(val.map((v) => v / norm)) };
  };
  const model = trainLogistic(docs.map(vector), labels, names.length, { l2: 1e-4, loss: 'squared-hinge' });
  return (text) => {
    const row = vector(grams(text));
    let z = model.bias;
    for (let k = 0; k < row.idx.length; k++) z += model.weights[row.idx[k]!]! * row.val[k]!;
    return z;
  };
}
