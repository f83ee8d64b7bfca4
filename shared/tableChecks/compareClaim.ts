import type { ComputationResult, Quantity, TableOperation } from '../model.js';
import { formatNumber } from './describeComputation.js';

/** The claimed quantity as a check keeps it: the figure, its unit, the words it was written in and its hedge. */
export type ClaimedFigure = Pick<Quantity, 'value' | 'unit' | 'comparison'> & { text: string };

/** Claimed against computed: the difference, and whether the claim's own precision allows it. */
export interface ClaimComparison {
  claimed: number;
  computed: number;
  /** computed − claimed. */
  difference: number;
  /** |difference| / |computed|; undefined when the computed figure is 0. */
  relative?: number;
  /** How far off the claim may be and still hold, from how it was written. */
  tolerance: number;
  within: boolean;
  /** Why that tolerance, in words: "an exact count", "“about” allows 10%", "“more than 5” holds above 5". */
  basis: string;
}

const HEDGES = ['about', 'around', 'roughly', 'approximately', 'approx.', 'nearly', 'almost', 'some', 'close to', 'an estimated', 'more or less', 'something like', 'somewhere around', 'or so', 'virtually'];
const ABOVE = ['more than', 'over', 'above', 'upwards of', 'in excess of', 'well over', 'just over', 'well above', 'just above', 'greater than', 'higher than', 'or more', 'or higher', 'plus'];
const AT_LEAST = ['at least', 'no fewer than', 'no less than', 'not less than', 'a minimum of'];
const BELOW = ['less than', 'under', 'fewer than', 'below', 'well under', 'just under', 'well below', 'just below', 'lower than'];
const AT_MOST = ['at most', 'up to', 'no more than', 'not more than', 'as much as', 'as many as', 'as high as', 'or less', 'or fewer', 'or lower'];

function has(comparison: string | undefined, words: string[]): string | undefined {
  if (!comparison) return undefined;
  const c = ` ${comparison.toLowerCase()} `;
  return words.find((w) => c.includes(` ${w} `));
}

/**
 * How precisely a figure was stated: half a unit of its last significant digit. "1.4" allows 0.05, "12,000"
 * allows 500, "$700bn" allows $50bn; a count in words ("five") or small digits is exact; whole percentages allow 0.5.
 */
export function precisionOf(figure: ClaimedFigure): { tolerance: number; basis: string } {
  // The value's own words: "five" in "five out of 28", "1.4 percent" in "1.4 percent of GDP".
  const text = (figure.text ?? '').split(/\s+(?:out\s+of|of|in)\s+/)[0]!;
  const digits = text.match(/\d[\d,]*(?:\.\d+)?/);
  const abs = Math.abs(figure.value);
  if (!digits) {
    if (figure.unit === 'ratio') return { tolerance: 0.05 * Math.max(1, abs), basis: 'a fraction in words, read to about 5%' };
    if (Number.isInteger(figure.value)) return { tolerance: 0, basis: 'an exact number in words' };
    return { tolerance: 0.05 * abs, basis: 'a figure in words, read to about 5%' };
  }
  const written = digits[0].replace(/,/g, '');
  const decimals = written.includes('.') ? written.split('.')[1]!.length : 0;
  const writtenValue = Number(written);
  const scale = writtenValue === 0 ? 1 : abs / writtenValue;
  if (decimals > 0) {
    const step = 10 ** -decimals * scale;
    return { tolerance: step / 2, basis: `given to ${decimals} decimal place${decimals > 1 ? 's' : ''}` };
  }
  if (figure.unit === 'percent' || figure.unit === 'percent-of-gdp' || figure.unit === 'year') {
    return { tolerance: 0.5 * scale, basis: 'a whole number, read to the nearest 1' };
  }
  const zeros = written.match(/0+$/)?.[0].length ?? 0;
  if ((writtenValue >= 100 || scale > 1) && zeros > 0 && writtenValue !== 0) {
    const step = 10 ** zeros * scale;
    return { tolerance: step / 2, basis: `a round number, read to the nearest ${formatNumber(step)}` };
  }
  if (scale > 1) return { tolerance: 0.5 * scale, basis: `read to the nearest ${formatNumber(scale)}` };
  return { tolerance: 0, basis: 'an exact count' };
}

/**
 * The computed figure to set against the claim: a change gives a ratio for "doubled", a percent for "rose 17
 * percent", an amount otherwise; a share gives a fraction for "a third", a count for "four allies".
 */
export function computedFor(figure: ClaimedFigure, operation: TableOperation, result: ComputationResult): number {
  if (operation === 'change') {
    if (figure.unit === 'ratio') return result.from ? (result.to ?? 0) / result.from : Number.NaN;
    if (figure.unit === 'percent' && result.percent !== undefined) return result.percent;
    return result.value;
  }
  if (operation === 'share') {
    if (figure.unit === 'ratio') return result.value / 100;
    if (figure.unit === 'count' || figure.unit === 'people') return result.count ?? result.value;
  }
  return result.value;
}

/** Sets the claimed figure against the computed one, with the tolerance its wording allows. */
export function compareClaimed(figure: ClaimedFigure, computed: number): ClaimComparison {
  const claimed = figure.value;
  const difference = computed - claimed;
  const base: Omit<ClaimComparison, 'tolerance' | 'within' | 'basis'> = { claimed, computed, difference };
  if (computed !== 0 && Number.isFinite(computed)) base.relative = Math.abs(difference) / Math.abs(computed);
  const precision = precisionOf(figure);
  const bound = (words: string[], holds: (c: number) => boolean, phrase: string): ClaimComparison | undefined => {
    const word = has(figure.comparison, words);
    if (!word) return undefined;
    return { ...base, tolerance: precision.tolerance, within: holds(computed), basis: `“${word} ${figure.text}” holds ${phrase}` };
  };
  const t = precision.tolerance;
  const bounded =
    bound(ABOVE, (c) => c > claimed - t, `above ${formatNumber(claimed)}`) ??
    bound(AT_LEAST, (c) => c >= claimed - t, `at ${formatNumber(claimed)} or above`) ??
    bound(BELOW, (c) => c < claimed + t, `below ${formatNumber(claimed)}`) ??
    bound(AT_MOST, (c) => c <= claimed + t, `at ${formatNumber(claimed)} or below`);
  if (bounded) return bounded;
  const hedge = has(figure.comparison, HEDGES);
  if (hedge) {
    const tolerance = Math.max(t, 0.1 * Math.abs(claimed));
    return { ...base, tolerance, within: Math.abs(difference) <= tolerance + 1e-9, basis: `“${hedge}” allows about 10%` };
  }
  return { ...base, tolerance: t, within: Math.abs(difference) <= t + 1e-9, basis: precision.basis };
}

/**
 * Where the comparison puts the claim on the common scale (1 true … 0 false): within its precision is true; beyond
 * it, the further off (relative to the computed figure), the lower. 5 claimed against 4 computed is 25% off: 0.5.
 */
export function accuracyScore(comparison: ClaimComparison): number {
  if (comparison.within) return 1;
  if (!Number.isFinite(comparison.computed)) return 0.5;
  const excess = Math.max(0, Math.abs(comparison.difference) - comparison.tolerance);
  const off = comparison.computed === 0 ? Infinity : excess / Math.abs(comparison.computed);
  if (off <= 0.05) return 0.8;
  if (off <= 0.25 + 1e-9) return 0.5;
  if (off <= 0.5) return 0.25;
  if (off <= 1) return 0.1;
  return 0;
}
