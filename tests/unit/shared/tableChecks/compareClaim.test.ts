import { describe, expect, it } from 'vitest';
import type { TableCheck } from '../../../../shared/model.js';
import { accuracyScore, compareClaimed, computedFor, precisionOf } from '../../../../shared/tableChecks/compareClaim.js';
import { editionsSentence, suggestVerdict } from '../../../../shared/tableChecks/suggestVerdict.js';
import { CONCLUSION_ONLY_SCALE, SIX_STEP_SCALE, THREE_STEP_SCALE } from '../../../../shared/verdicts/scales.js';

describe('precisionOf: the tolerance a claim’s own wording allows', () => {
  it.each([
    [{ value: 5, unit: 'count', text: 'five out of 28' }, 0],
    [{ value: 28, unit: 'count', text: 'twenty-eight' }, 0],
    [{ value: 1.4, unit: 'percent-of-gdp', text: '1.4 percent of GDP' }, 0.05],
    [{ value: 2, unit: 'percent-of-gdp', text: '2.0% of GDP' }, 0.05],
    [{ value: 2, unit: 'percent', text: '2 percent' }, 0.5],
    [{ value: 12000, unit: 'people', text: '12,000' }, 500],
    [{ value: 7e11, unit: 'money', text: '$700bn' }, 5e10],
    [{ value: 2e6, unit: 'count', text: '2 million' }, 5e5],
    [{ value: 3.5e6, unit: 'count', text: '3.5 million' }, 5e4],
    [{ value: 17, unit: 'count', text: '17' }, 0],
  ] as const)('%o → ±%d', (figure, tolerance) => {
    expect(precisionOf(figure).tolerance).toBeCloseTo(tolerance, 6);
  });
});

describe('compareClaimed', () => {
  it('"five" against 4 is outside an exact count, 25% off', () => {
    const c = compareClaimed({ value: 5, unit: 'count', text: 'five out of 28', comparison: 'only' }, 4);
    expect(c).toMatchObject({ claimed: 5, computed: 4, difference: -1, relative: 0.25, tolerance: 0, within: false, basis: 'an exact number in words' });
    expect(accuracyScore(c)).toBe(0.5);
  });

  it('"about 2 percent" against 1.9 is within; "2.0%" against 1.9 is not', () => {
    expect(compareClaimed({ value: 2, unit: 'percent', text: '2 percent', comparison: 'about' }, 1.9)).toMatchObject({ within: true, basis: '“about” allows about 10%' });
    expect(compareClaimed({ value: 2, unit: 'percent', text: '2.0%' }, 1.9).within).toBe(false);
    expect(compareClaimed({ value: 2, unit: 'percent', text: '2 percent' }, 1.9).within).toBe(true);
  });

  it('bounds hold or fail by direction: "more than", "at least", "fewer than", "up to"', () => {
    expect(compareClaimed({ value: 10000, unit: 'count', text: '10,000', comparison: 'at least' }, 12000).within).toBe(true);
    expect(compareClaimed({ value: 4000, unit: 'money', text: '$4,000', comparison: 'down more than' }, 3000).within).toBe(false);
    expect(compareClaimed({ value: 5, unit: 'count', text: '5', comparison: 'fewer than' }, 4).within).toBe(true);
    expect(compareClaimed({ value: 5, unit: 'count', text: '5', comparison: 'up to' }, 6).within).toBe(false);
  });

  it('scores the distance: mostly true just off, false far off', () => {
    expect(accuracyScore(compareClaimed({ value: 103, unit: 'count', text: '103' }, 100))).toBe(0.8);
    // A round "100" allows ±50, so 97 holds.
    expect(accuracyScore(compareClaimed({ value: 100, unit: 'count', text: '100' }, 97))).toBe(1);
    expect(accuracyScore(compareClaimed({ value: 10, unit: 'count', text: '10' }, 7))).toBe(0.25);
    expect(accuracyScore(compareClaimed({ value: 10, unit: 'count', text: '10' }, 5))).toBe(0.1);
    expect(accuracyScore(compareClaimed({ value: 10, unit: 'count', text: '10' }, 2))).toBe(0);
  });

  it('sets the right figure against the claim: a ratio for "doubled", a percent for "rose 17 percent", a fraction for "a third"', () => {
    const change = { value: 10, from: 10, to: 20, percent: 100 };
    expect(computedFor({ value: 2, unit: 'ratio', text: 'doubled' }, 'change', change)).toBe(2);
    expect(computedFor({ value: 17, unit: 'percent', text: '17 percent' }, 'change', change)).toBe(100);
    expect(computedFor({ value: 10, unit: 'count', text: '10' }, 'change', change)).toBe(10);
    const share = { value: 31, count: 4, of: 13 };
    expect(computedFor({ value: 1 / 3, unit: 'ratio', text: 'a third' }, 'share', share)).toBeCloseTo(0.31);
    expect(computedFor({ value: 4, unit: 'count', text: 'four' }, 'share', share)).toBe(4);
    expect(compareClaimed({ value: 1 / 3, unit: 'ratio', text: 'a third' }, 0.31).within).toBe(true);
  });
});

const CHECK: TableCheck = {
  computation: { operation: 'count', sheet: 's', labelColumn: 'Country', filter: { column: '2015', operator: '>=', value: '2.0' } },
  claimed: { value: 5, unit: 'count', text: 'five out of 28', comparison: 'only' },
  runs: [
    { fileHash: 'a'.repeat(64), fileName: 'nato-2024.csv', sheet: 's', edition: '2024 edition', at: '2026-01-01T00:00:00.000Z', result: { value: 4, of: 31 }, sentence: '4 of 31 allies had ≥ 2.0 in 2015 — NATO, 2024 edition' },
  ],
};

describe('suggestVerdict', () => {
  it('suggests Half true for "five" against 4, with a drafted conclusion and reasoning quoting the computation', () => {
    const s = suggestVerdict(SIX_STEP_SCALE, CHECK)!;
    expect(s).toMatchObject({ scaleId: 'scale-six-step', stepId: 'half-true', stepLabel: 'Half true', score: 0.5, conclusion: 'The table gives 4, not five.' });
    expect(s.reasoning).toContain('The claim says “five out of 28” (5).');
    expect(s.reasoning).toContain('4 of 31 allies had ≥ 2.0 in 2015 — NATO, 2024 edition');
    expect(s.reasoning).toContain('The difference is 1 (25% of the computed figure)');
  });

  it('maps onto the claim’s own scale: Misleading on three steps, no rating on a conclusion-only scale', () => {
    expect(suggestVerdict(THREE_STEP_SCALE, CHECK)?.stepId).toBe('misleading');
    const conclusion = suggestVerdict(CONCLUSION_ONLY_SCALE, CHECK)!;
    expect(conclusion.stepId).toBeUndefined();
    expect(conclusion.conclusion).toBe('The table gives 4, not five.');
  });

  it('suggests True when the figure holds, and nothing without a claimed figure or a result', () => {
    const holds: TableCheck = { ...CHECK, claimed: { value: 4, unit: 'count', text: 'four' } };
    expect(suggestVerdict(SIX_STEP_SCALE, holds)).toMatchObject({ stepId: 'true', conclusion: 'The table bears the figure out: 4.' });
    expect(suggestVerdict(SIX_STEP_SCALE, { ...CHECK, claimed: undefined } as unknown as TableCheck)).toBeUndefined();
    expect(suggestVerdict(SIX_STEP_SCALE, { ...CHECK, runs: [{ ...CHECK.runs[0]!, result: undefined, error: 'no column' }] })).toBeUndefined();
  });

  it('says when editions disagree, and the reasoning carries it', () => {
    const both: TableCheck = { ...CHECK, runs: [...CHECK.runs, { ...CHECK.runs[0]!, fileHash: 'b'.repeat(64), fileName: 'nato-2016.csv', edition: '2016 report', result: { value: 5, of: 28 } }] };
    expect(editionsSentence(both)).toBe('The editions disagree: 4 in 2024 edition; 5 in 2016 report.');
    expect(suggestVerdict(SIX_STEP_SCALE, both)!.reasoning).toContain('The editions disagree: 4 in 2024 edition; 5 in 2016 report.');
    expect(editionsSentence(CHECK)).toBeUndefined();
  });
});
