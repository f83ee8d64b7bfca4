import { describe, expect, it } from 'vitest';
import {
  applyVerdictChange,
  BUILT_IN_SCALES,
  commonValue,
  CONCLUSION_ONLY_SCALE,
  SIX_STEP_SCALE,
  THREE_STEP_SCALE,
  validateScale,
  type VerdictChangeInput,
} from '../../../../shared/verdicts/scales.js';
import type { VerdictScale } from '../../../../shared/model.js';

const userScale = (steps: VerdictScale['steps'], extra: Partial<VerdictScale> = {}): VerdictScale => ({
  id: 'scale-mine',
  name: 'Mine',
  kind: 'rated',
  builtIn: false,
  steps,
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
  ...extra,
});

describe('built-in scales', () => {
  it('are all valid, with stable ids', () => {
    for (const scale of BUILT_IN_SCALES) expect(validateScale(scale)).toEqual({ ok: true, scale });
    expect(BUILT_IN_SCALES.map((s) => s.id)).toEqual(['scale-six-step', 'scale-three-step', 'scale-conclusion-only']);
    expect(SIX_STEP_SCALE.steps.map((s) => s.label)).toEqual(['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Wildly false']);
    expect(THREE_STEP_SCALE.steps.map((s) => s.label)).toEqual(['True', 'Misleading', 'False']);
    expect(CONCLUSION_ONLY_SCALE).toMatchObject({ kind: 'conclusion-only', steps: [] });
  });
});

describe('commonValue', () => {
  it('puts ratings from different scales on one 0..1 scale', () => {
    expect(commonValue(SIX_STEP_SCALE, 'true')).toBe(1);
    expect(commonValue(SIX_STEP_SCALE, 'half-true')).toBe(0.5);
    expect(commonValue(THREE_STEP_SCALE, 'misleading')).toBe(0.5);
    expect(commonValue(SIX_STEP_SCALE, 'wildly-false')).toBe(0);
    expect(commonValue(THREE_STEP_SCALE, 'false')).toBe(0);
    expect(commonValue(SIX_STEP_SCALE, 'mostly-true')! > commonValue(THREE_STEP_SCALE, 'misleading')!).toBe(true);
  });

  it('has no value for unknown steps, missing steps or conclusion-only verdicts', () => {
    expect(commonValue(SIX_STEP_SCALE, 'misleading')).toBeUndefined();
    expect(commonValue(SIX_STEP_SCALE, undefined)).toBeUndefined();
    expect(commonValue(CONCLUSION_ONLY_SCALE, 'true')).toBeUndefined();
  });
});

describe('validateScale', () => {
  it('accepts a well-formed user scale', () => {
    const scale = userScale([
      { id: 'accurate', label: 'Accurate', color: '#0a0', value: 1 },
      { id: 'needs-context', label: 'Needs context', color: '#888888', value: 0.6 },
      { id: 'wrong', label: 'Wrong', color: '#c00', value: 0 },
    ]);
    expect(validateScale(scale)).toEqual({ ok: true, scale });
  });

  it('names every problem: duplicate ids and labels, bad colours, values outside 0..1, wrong order', () => {
    const result = validateScale(
      userScale([
        { id: 'a', label: 'Right', color: 'green', value: 1 },
        { id: 'a', label: 'right', color: '#123456', value: 1.5 },
        { id: 'c', label: '', color: '#fff', value: 0.7 },
        { id: 'd', label: 'Also', color: '#000', value: 0.9 },
      ]),
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors.join('\n');
    expect(errors).toMatch(/steps\.0\.color: a step colour is a CSS hex colour/);
    expect(errors).toMatch(/steps\.1\.value: a step value lies between 0/);
    expect(errors).toMatch(/steps\.2\.label: a step needs a label/);
  });

  it('checks uniqueness and order once the steps themselves are well formed', () => {
    const result = validateScale(
      userScale([
        { id: 'a', label: 'Right', color: '#0f0', value: 1 },
        { id: 'a', label: 'right', color: '#123456', value: 0.2 },
        { id: 'c', label: 'Odd', color: '#fff', value: 0.7 },
      ]),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'steps.1.id: step id "a" is used twice',
        'steps.1.label: label "right" is used twice',
        'steps.2.value: steps run from most true to most false: "Odd" (0.7) must be below "right" (0.2)',
      ],
    });
  });

  it('requires two steps for a rated scale and none for conclusion only', () => {
    expect(validateScale(userScale([{ id: 'x', label: 'X', color: '#000', value: 1 }]))).toMatchObject({ ok: false, errors: ['steps: a rated scale needs at least two steps'] });
    expect(validateScale(userScale([{ id: 'x', label: 'X', color: '#000', value: 1 }], { kind: 'conclusion-only' }))).toMatchObject({ ok: false });
    expect(validateScale({ name: 'no id' })).toMatchObject({ ok: false });
  });
});

describe('applyVerdictChange', () => {
  const first: VerdictChangeInput = {
    claimId: 'claim-1',
    id: 'verdict-1',
    scaleId: SIX_STEP_SCALE.id,
    stepId: 'mostly-true',
    conclusion: 'Five allies met the target in 2016.',
    reasoning: 'NATO, Defence Expenditure of NATO Countries (2009-2016), table 3.',
    author: 'ana',
    why: 'first rating',
    at: '2026-11-28T10:00:00.000Z',
  };

  it('creates a verdict with its first history entry', () => {
    const verdict = applyVerdictChange(undefined, first, SIX_STEP_SCALE);
    expect(verdict).toEqual({
      id: 'verdict-1',
      claimId: 'claim-1',
      scaleId: 'scale-six-step',
      stepId: 'mostly-true',
      conclusion: first.conclusion,
      reasoning: first.reasoning,
      author: 'ana',
      history: [{ at: first.at, author: 'ana', toScaleId: 'scale-six-step', toStepId: 'mostly-true', toConclusion: first.conclusion, why: 'first rating' }],
      createdAt: first.at,
      updatedAt: first.at,
    });
  });

  it('keeps who, when, from what, to what and why for every change', () => {
    const v1 = applyVerdictChange(undefined, first);
    const v2 = applyVerdictChange(v1, { ...first, stepId: 'true', author: 'ben', why: 'the 2016 edition confirms five', at: '2026-11-29T09:00:00.000Z' });
    const v3 = applyVerdictChange(v2, {
      ...first,
      scaleId: THREE_STEP_SCALE.id,
      stepId: 'misleading',
      conclusion: 'Four in the 2024 edition.',
      author: 'ana',
      why: 'later edition differs',
      at: '2026-11-30T09:00:00.000Z',
    });
    expect(v3.history).toEqual([
      v1.history[0],
      { at: '2026-11-29T09:00:00.000Z', author: 'ben', fromStepId: 'mostly-true', toStepId: 'true', why: 'the 2016 edition confirms five' },
      {
        at: '2026-11-30T09:00:00.000Z',
        author: 'ana',
        fromScaleId: 'scale-six-step',
        toScaleId: 'scale-three-step',
        fromStepId: 'true',
        toStepId: 'misleading',
        fromConclusion: first.conclusion,
        toConclusion: 'Four in the 2024 edition.',
        why: 'later edition differs',
      },
    ]);
    expect(v3).toMatchObject({ scaleId: 'scale-three-step', stepId: 'misleading', createdAt: first.at, updatedAt: '2026-11-30T09:00:00.000Z' });
    expect(v1.history).toHaveLength(1); // the earlier verdict object is not mutated
  });

  it('drops the rating when moving to conclusion only, and ignores a change that changes nothing', () => {
    const v1 = applyVerdictChange(undefined, first);
    const v2 = applyVerdictChange(v1, { ...first, scaleId: CONCLUSION_ONLY_SCALE.id, stepId: undefined, why: 'no rating for this one' }, CONCLUSION_ONLY_SCALE);
    expect(v2.stepId).toBeUndefined();
    expect(v2.history[1]).toEqual({ at: first.at, author: 'ana', fromScaleId: 'scale-six-step', toScaleId: 'scale-conclusion-only', fromStepId: 'mostly-true', why: 'no rating for this one' });
    expect(applyVerdictChange(v2, { ...first, scaleId: CONCLUSION_ONLY_SCALE.id, stepId: undefined, why: 'again' })).toBe(v2);
  });

  it('rejects steps the scale does not have, ratings on conclusion-only scales, and anonymous changes', () => {
    expect(() => applyVerdictChange(undefined, { ...first, stepId: 'misleading' }, SIX_STEP_SCALE)).toThrow(/no step "misleading"/);
    expect(() => applyVerdictChange(undefined, { ...first, scaleId: CONCLUSION_ONLY_SCALE.id }, CONCLUSION_ONLY_SCALE)).toThrow(/not a rating/);
    expect(() => applyVerdictChange(undefined, { ...first, author: ' ' })).toThrow(/author/);
    expect(() => applyVerdictChange(undefined, { ...first, claimId: undefined })).toThrow(/claim id/);
  });

  it('keeps the old reasoning when only the reasoning changes', () => {
    const v1 = applyVerdictChange(undefined, first);
    const v2 = applyVerdictChange(v1, { ...first, reasoning: 'Checked against the 2016 edition, table 3.', why: 'cite the table' });
    expect(v2.history[1]).toEqual({ at: first.at, author: 'ana', fromReasoning: first.reasoning, why: 'cite the table' });
  });

  it('makes an id when none is given', () => {
    const { id: _id, ...withoutId } = first;
    expect(applyVerdictChange(undefined, withoutId).id).toMatch(/^verdict-/);
  });
});
