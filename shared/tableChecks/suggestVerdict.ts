import type { ComputationRun, TableCheck, VerdictScale } from '../model.js';
import { accuracyScore, compareClaimed, computedFor, type ClaimComparison } from './compareClaim.js';
import { formatNumber } from './describeComputation.js';

/** A rating the check suggests, with a drafted conclusion and reasoning; the analyst accepts or edits it. */
export interface VerdictSuggestion {
  scaleId: string;
  /** The step nearest the check's score on a rated scale; none on a conclusion-only scale. */
  stepId?: string;
  stepLabel?: string;
  /** 1 true … 0 false. */
  score: number;
  conclusion: string;
  reasoning: string;
  comparison: ClaimComparison;
}

/** The run a check is judged on: the first one made (the edition the analyst chose), if it succeeded. */
export function primaryRun(check: TableCheck): ComputationRun | undefined {
  return check.runs.find((r) => r.result !== undefined);
}

/** Claimed against computed for one run of a check, or undefined when the check has no claimed figure or result. */
export function compareRun(check: TableCheck, run: ComputationRun | undefined = primaryRun(check)): ClaimComparison | undefined {
  if (!check.claimed || !run?.result) return undefined;
  return compareClaimed(check.claimed, computedFor(check.claimed, check.computation.operation, run.result));
}

/** The step of a rated scale nearest a score on the common scale. */
export function nearestStep(scale: VerdictScale, score: number): VerdictScale['steps'][number] | undefined {
  if (scale.kind !== 'rated' || scale.steps.length === 0) return undefined;
  return [...scale.steps].sort((a, b) => Math.abs(a.value - score) - Math.abs(b.value - score) || a.value - b.value)[0];
}

function percentOff(c: ClaimComparison): string {
  return c.relative === undefined ? '' : ` (${formatNumber(100 * c.relative, 1)}% of the computed figure)`;
}

/** How other editions answer the same computation, for the reasoning: "5 in … (2009-2016), 4 in … (2014-2024)". */
export function editionsSentence(check: TableCheck): string | undefined {
  const runs = check.runs.filter((r) => r.result !== undefined);
  if (runs.length < 2) return undefined;
  const figures = new Set(runs.map((r) => formatNumber(computedFor(check.claimed ?? { value: 0, unit: 'count', text: '' }, check.computation.operation, r.result!))));
  const parts = runs.map((r) => `${formatNumber(computedFor(check.claimed ?? { value: 0, unit: 'count', text: '' }, check.computation.operation, r.result!))} in ${r.edition ?? r.fileName}`);
  return figures.size > 1 ? `The editions disagree: ${parts.join('; ')}.` : `Every edition gives the same answer: ${parts.join('; ')}.`;
}

/**
 * Suggests a rating on `scale` from a table check: claimed against computed with the claim's own precision, a
 * drafted conclusion and a reasoning that quotes the computation (and other editions when they were run). Returns
 * undefined when the check has no claimed figure or no result to judge by. Nothing is saved: the analyst decides.
 */
export function suggestVerdict(scale: VerdictScale, check: TableCheck): VerdictSuggestion | undefined {
  const run = primaryRun(check);
  const comparison = compareRun(check, run);
  if (!comparison || !run || !check.claimed) return undefined;
  const score = accuracyScore(comparison);
  const step = nearestStep(scale, score);
  const claimedWords = `“${check.claimed.text}”`;
  const computed = formatNumber(comparison.computed);
  const sentence = run.sentence.replace(/\.$/, '');
  const verdictWords = comparison.within
    ? `That is within what the claim's wording allows (${comparison.basis}).`
    : `The difference is ${formatNumber(Math.abs(comparison.difference))}${percentOff(comparison)}, more than the claim's wording allows (${comparison.basis}).`;
  const reasoning = [`The claim says ${claimedWords} (${formatNumber(comparison.claimed)}).`, `We computed it from the table: ${sentence}.`, verdictWords, editionsSentence(check)]
    .filter(Boolean)
    .join(' ');
  const conclusion = comparison.within ? `The table bears the figure out: ${computed}.` : `The table gives ${computed}, not ${check.claimed.text.split(/\s+(?:out\s+of|of)\s+/)[0]}.`;
  const suggestion: VerdictSuggestion = { scaleId: scale.id, score, conclusion, reasoning, comparison };
  if (step) {
    suggestion.stepId = step.id;
    suggestion.stepLabel = step.label;
  }
  return suggestion;
}
