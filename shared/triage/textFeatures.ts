import { findSignals } from './signals.js';

/**
 * The features of one sentence, as the check-worthiness model sees it: word unigrams and bigrams (figures turned
 * into their kind: a year, a percentage, an amount), character n-grams inside words (so "taxes"/"taxation" and
 * misspellings share evidence), the analyst signals, and its length. Training and scoring share this one function,
 * so the app can never score with features the model was not trained on.
 */

/** How the features are made: part of the model, recorded with its weights. */
export interface FeatureConfig {
  /** Longest word n-gram (1 = unigrams only). */
  wordNgrams: number;
  /** Shortest and longest character n-gram, counted inside word boundaries; 0 turns them off. */
  charMin: number;
  charMax: number;
  /** Each group's features are scaled to unit length and multiplied by its weight. */
  wordWeight: number;
  charWeight: number;
  signalWeight: number;
}

export const DEFAULT_FEATURES: FeatureConfig = { wordNgrams: 2, charMin: 2, charMax: 5, wordWeight: 1, charWeight: 1, signalWeight: 1 };

/** Sparse features: name → value. */
export type FeatureVector = Map<string, number>;

const TOKEN = /[$£€]?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|percent\b|per cent\b))?|\p{L}+(?:['’]\p{L}+)*|[?!%$£€]/gu;

/** Mojibake and typography that the training data and pasted transcripts carry, folded away. */
export function normaliseText(text: string): string {
  return text
    .replace(/Ã‚\s?|Â/g, '')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A figure's kind instead of its digits: the model learns "a percentage", not "4.9". */
function shape(token: string): string {
  if (/%|percent|per cent/i.test(token)) return '<pct>';
  if (/^[$£€]/.test(token)) return '<money>';
  const digits = token.replace(/,/g, '');
  if (/^(?:1[89]|20)\d\d$/.test(digits)) return '<year>';
  if (/\./.test(digits)) return '<decimal>';
  const n = Number(digits);
  if (n < 10) return '<digit>';
  if (n < 1000) return '<num>';
  return '<bignum>';
}

/** Lower-case word tokens, figures replaced by their kind. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of normaliseText(text).matchAll(TOKEN)) {
    const t = m[0];
    out.push(/\d/.test(t) ? shape(t) : t.toLowerCase());
  }
  return out;
}

// Words repeat, so each word's character n-grams are made once; the cache is bounded so a long session cannot grow it.
const CHAR_CACHE = new Map<string, string[]>();
const CHAR_CACHE_LIMIT = 50_000;

function charGrams(token: string, min: number, max: number): string[] {
  const key = `${min}-${max}:${token}`;
  let grams = CHAR_CACHE.get(key);
  if (grams) return grams;
  grams = [];
  const w = ` ${token} `;
  for (let n = min; n <= max; n++) for (let i = 0; i + n <= w.length; i++) grams.push(`c:${w.slice(i, i + n)}`);
  if (CHAR_CACHE.size >= CHAR_CACHE_LIMIT) CHAR_CACHE.clear();
  CHAR_CACHE.set(key, grams);
  return grams;
}

function addGroup(into: FeatureVector, counts: Map<string, number>, weight: number): void {
  if (counts.size === 0 || weight === 0) return;
  let norm = 0;
  for (const v of counts.values()) norm += v * v;
  const scale = weight / Math.sqrt(norm);
  for (const [k, v] of counts) into.set(k, v * scale);
}

/** The features of one sentence. */
export function sentenceFeatures(text: string, config: FeatureConfig = DEFAULT_FEATURES): FeatureVector {
  const tokens = tokenize(text);
  const features: FeatureVector = new Map();

  const words = new Map<string, number>();
  const padded = ['<s>', ...tokens, '</s>'];
  for (let i = 0; i < padded.length; i++) {
    for (let n = 1; n <= config.wordNgrams && i + n <= padded.length; n++) {
      if (n === 1 && (i === 0 || i === padded.length - 1)) continue;
      const gram = `w:${padded.slice(i, i + n).join(' ')}`;
      words.set(gram, 1);
    }
  }
  addGroup(features, words, config.wordWeight);

  if (config.charMax > 0) {
    const chars = new Map<string, number>();
    for (const token of tokens) for (const gram of charGrams(token, config.charMin, config.charMax)) chars.set(gram, 1);
    addGroup(features, chars, config.charWeight);
  }

  const signals = new Map<string, number>();
  for (const id of findSignals(text)) signals.set(`s:${id}`, 1);
  const length = tokens.filter((t) => /\p{L}|</u.test(t)).length;
  signals.set(length < 4 ? 's:len<4' : length < 8 ? 's:len<8' : length < 16 ? 's:len<16' : length < 30 ? 's:len<30' : 's:len30+', 1);
  addGroup(features, signals, config.signalWeight);
  return features;
}
