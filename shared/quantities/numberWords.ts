import { joined, type Token } from './tokens.js';

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/** Scale words after a number, in words or abbreviated: "2 million", "$700bn", "£5m", "10k". */
export const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  k: 1e3, m: 1e6, mn: 1e6, mil: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12, trn: 1e12,
};
const FRACTIONS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5,
  sixth: 6, sixths: 6, eighth: 8, eighths: 8, tenth: 10, tenths: 10,
};

/** A number read from words, with the tokens it spans [first, last] and whether it is a fraction ("a third"). */
export interface WordNumber {
  value: number;
  first: number;
  last: number;
  fraction: boolean;
  /** The count of words other than "a"/"one": "one" on its own is rarely a quantity ("one of the…"). */
  substantive: boolean;
}

export function isNumberWord(lower: string): boolean {
  return lower in SMALL;
}

/** A fraction word: "third" in "a third", "thirds" in "two-thirds". */
export function fractionDenominator(lower: string): number | undefined {
  return FRACTIONS[lower];
}

/**
 * Reads a number written in words starting at `i`: "twenty-eight", "four hundred", "a million", "half a million",
 * "a third", "two-thirds", "seven-and-a-half", "one and a half". Returns undefined when there is none.
 */
export function readWordNumber(tokens: Token[], i: number): WordNumber | undefined {
  const at = (k: number) => tokens[k];
  const first = at(i);
  if (!first || first.kind !== 'word') return undefined;

  // "half a million", "half a billion dollars"
  if (first.lower === 'half' && at(i + 1)?.lower === 'a' && SCALES[at(i + 2)?.lower ?? ''] && joined(at(i + 2))) {
    const scale = SCALES[at(i + 2)!.lower]!;
    if (scale >= 1e3 && at(i + 2)!.lower.length > 2) return { value: scale / 2, first: i, last: i + 2, fraction: false, substantive: true };
  }
  // "a third", "a quarter", "a half", "one third", "one-fifth"
  if ((first.lower === 'a' || first.lower === 'one') && FRACTIONS[at(i + 1)?.lower ?? ''] && joined(at(i + 1))) {
    const d = FRACTIONS[at(i + 1)!.lower]!;
    return { value: 1 / d, first: i, last: i + 1, fraction: true, substantive: true };
  }
  if (first.lower === 'half') return { value: 0.5, first: i, last: i, fraction: true, substantive: true };

  let total = 0;
  let current = 0;
  let k = i;
  let last = -1;
  let words = 0;
  let substantive = false;
  let sawNumber = false;
  while (k < tokens.length) {
    const t = at(k)!;
    if (k > i && !joined(t)) break;
    if (t.kind !== 'word') break;
    const w = t.lower;
    if (w in SMALL) {
      // "twenty five" and "twenty-five" join; "five six" does not.
      if (sawNumber && current % 10 !== 0 && current !== 0) break;
      if (sawNumber && current !== 0 && SMALL[w]! >= 10 && current < 100) break;
      current += SMALL[w]!;
      sawNumber = true;
      // "one" and "zero" alone are idioms more often than amounts ("one of the", "zero tolerance").
      if (w !== 'one' && w !== 'zero') substantive = true;
      last = k;
      words++;
      k++;
      continue;
    }
    if (w === 'a' && !sawNumber && (SCALES[at(k + 1)?.lower ?? ''] ?? 0) >= 100 && (at(k + 1)?.lower.length ?? 0) > 2) {
      current = 1;
      sawNumber = true;
      k++;
      continue;
    }
    if (w === 'a' && !sawNumber && at(k + 1)?.lower === 'dozen') {
      current = 1;
      sawNumber = true;
      k++;
      continue;
    }
    if (w === 'dozen' && sawNumber) {
      current *= 12;
      substantive = true;
      last = k;
      k++;
      continue;
    }
    if (w === 'hundred' && sawNumber) {
      current = (current || 1) * 100;
      substantive = true;
      last = k;
      k++;
      continue;
    }
    if ((w === 'thousand' || w === 'million' || w === 'billion' || w === 'trillion') && sawNumber) {
      total += (current || 1) * SCALES[w]!;
      current = 0;
      substantive = true;
      last = k;
      k++;
      continue;
    }
    // "seven-and-a-half", "one and a half", "two and a half million"
    if (w === 'and' && sawNumber && at(k + 1)?.lower === 'a' && at(k + 2)?.lower === 'half' && joined(at(k + 1)) && joined(at(k + 2))) {
      current += 0.5;
      substantive = true;
      last = k + 2;
      k += 3;
      continue;
    }
    // "two hundred and fifty"
    if (w === 'and' && sawNumber && (at(k + 1)?.lower ?? '') in SMALL && current >= 100) {
      k++;
      continue;
    }
    // "two-thirds", "three quarters"
    if (sawNumber && FRACTIONS[w] && w !== 'half' && w !== 'fourth' && total === 0 && current > 1 && current < 20) {
      return { value: current / FRACTIONS[w]!, first: i, last: k, fraction: true, substantive: true };
    }
    break;
  }
  if (last < 0) return undefined;
  // A scale after a fractional part ("two and a half million") scales the whole.
  if (words === 0 && total === 0 && current === 0) return undefined;
  return { value: total + current, first: i, last, fraction: false, substantive };
}
