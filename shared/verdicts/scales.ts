import { z } from 'zod';
import { newId } from '../ids.js';
import type { Id, Verdict, VerdictChange, VerdictScale, VerdictStep } from '../model.js';

// Built-in scales never change, so their stamps are fixed rather than the time the app first ran.
const BUILT_IN_STAMP = '2026-01-01T00:00:00.000Z';

export const SIX_STEP_SCALE_ID = 'scale-six-step';
export const THREE_STEP_SCALE_ID = 'scale-three-step';
export const CONCLUSION_ONLY_SCALE_ID = 'scale-conclusion-only';

// A blue–grey–red diverging palette (ColorBrewer RdBu): it reads as true → false without the green/red pair that
// colour-blind readers cannot tell apart, and without a traffic light's "good/bad" judgement of the speaker.
// Values: "half true" sits at the midpoint; "false" and "wildly false" are both false, the wild one a notch below
// so that the steps keep a strict order.

/** Six steps from True to Wildly false, in the manner of PolitiFact's Truth-O-Meter. */
export const SIX_STEP_SCALE: VerdictScale = {
  id: SIX_STEP_SCALE_ID,
  name: 'Six steps (True … Wildly false)',
  kind: 'rated',
  builtIn: true,
  steps: [
    { id: 'true', label: 'True', color: '#2166ac', value: 1 },
    { id: 'mostly-true', label: 'Mostly true', color: '#67a9cf', value: 0.8 },
    { id: 'half-true', label: 'Half true', color: '#9e9e9e', value: 0.5 },
    { id: 'mostly-false', label: 'Mostly false', color: '#ef8a62', value: 0.25 },
    { id: 'false', label: 'False', color: '#d6604d', value: 0.1 },
    { id: 'wildly-false', label: 'Wildly false', color: '#b2182b', value: 0 },
  ],
  createdAt: BUILT_IN_STAMP,
  updatedAt: BUILT_IN_STAMP,
};

/** Three steps: True, Misleading, False. */
export const THREE_STEP_SCALE: VerdictScale = {
  id: THREE_STEP_SCALE_ID,
  name: 'Three steps (True / Misleading / False)',
  kind: 'rated',
  builtIn: true,
  steps: [
    { id: 'true', label: 'True', color: '#2166ac', value: 1 },
    { id: 'misleading', label: 'Misleading', color: '#9e9e9e', value: 0.5 },
    { id: 'false', label: 'False', color: '#b2182b', value: 0 },
  ],
  createdAt: BUILT_IN_STAMP,
  updatedAt: BUILT_IN_STAMP,
};

/** A written conclusion and no rating. */
export const CONCLUSION_ONLY_SCALE: VerdictScale = {
  id: CONCLUSION_ONLY_SCALE_ID,
  name: 'Conclusion only',
  kind: 'conclusion-only',
  builtIn: true,
  steps: [],
  createdAt: BUILT_IN_STAMP,
  updatedAt: BUILT_IN_STAMP,
};

/** The scales every library starts with. */
export const BUILT_IN_SCALES: readonly VerdictScale[] = [SIX_STEP_SCALE, THREE_STEP_SCALE, CONCLUSION_ONLY_SCALE];

/** Where a rating sits on the common scale (1 true … 0 false), so speakers rated on different scales compare. */
export function commonValue(scale: VerdictScale, stepId: string | undefined): number | undefined {
  if (stepId === undefined || scale.kind === 'conclusion-only') return undefined;
  return scale.steps.find((step) => step.id === stepId)?.value;
}

const stepSchema = z.object({
  id: z.string().trim().min(1, 'a step needs an id'),
  label: z.string().trim().min(1, 'a step needs a label').max(60, 'a step label is at most 60 characters'),
  color: z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'a step colour is a CSS hex colour such as #2166ac'),
  value: z.number().min(0, 'a step value lies between 0 (false) and 1 (true)').max(1, 'a step value lies between 0 (false) and 1 (true)'),
});

const scaleSchema = z
  .object({
    id: z.string().trim().min(1, 'a scale needs an id'),
    name: z.string().trim().min(1, 'a scale needs a name'),
    kind: z.enum(['rated', 'conclusion-only']),
    steps: z.array(stepSchema),
    builtIn: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .superRefine((scale, ctx) => {
    const issue = (message: string, path: Array<string | number> = ['steps']): void => {
      ctx.addIssue({ code: 'custom', message, path });
    };
    if (scale.kind === 'conclusion-only') {
      if (scale.steps.length > 0) issue('a conclusion-only scale has no steps');
      return;
    }
    if (scale.steps.length < 2) issue('a rated scale needs at least two steps');
    const ids = new Set<string>();
    const labels = new Set<string>();
    scale.steps.forEach((step, i) => {
      if (ids.has(step.id)) issue(`step id "${step.id}" is used twice`, ['steps', i, 'id']);
      ids.add(step.id);
      const label = step.label.trim().toLowerCase();
      if (labels.has(label)) issue(`label "${step.label}" is used twice`, ['steps', i, 'label']);
      labels.add(label);
      const before = scale.steps[i - 1];
      if (before && !(step.value < before.value)) {
        issue(`steps run from most true to most false: "${step.label}" (${step.value}) must be below "${before.label}" (${before.value})`, ['steps', i, 'value']);
      }
    });
  });

/** The outcome of checking a scale: the scale as it may be stored, or the problems in words a user can act on. */
export type ScaleValidation = { ok: true; scale: VerdictScale } | { ok: false; errors: string[] };

/**
 * Checks a user-defined scale: labels, colours, steps ordered from most true to most false with values in 0..1,
 * unique ids and labels. Takes unknown input because scales also arrive in imported bundles.
 */
export function validateScale(input: unknown): ScaleValidation {
  const parsed = scaleSchema.safeParse(input);
  if (parsed.success) return { ok: true, scale: parsed.data as VerdictScale };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)),
  };
}

/** A new or changed rating, conclusion or reasoning, with who made it, when and why. */
export interface VerdictChangeInput {
  /** Needed when there is no verdict yet. */
  claimId?: Id;
  /** Id for a new verdict; one is made if missing. */
  id?: Id;
  scaleId: Id;
  stepId?: string;
  conclusion: string;
  reasoning: string;
  author: string;
  why: string;
  /** ISO timestamp. */
  at: string;
}

/**
 * The verdict after a change, with the change appended to its history (who, when, from what, to what, why).
 * Pass the scale to have the step checked against it. A change that changes nothing returns the verdict as it was.
 */
export function applyVerdictChange(verdict: Verdict | undefined, change: VerdictChangeInput, scale?: VerdictScale): Verdict {
  if (scale) {
    if (scale.id !== change.scaleId) throw new Error(`applyVerdictChange: the change is on scale ${change.scaleId}, not ${scale.id}`);
    if (scale.kind === 'conclusion-only' && change.stepId !== undefined) {
      throw new Error(`applyVerdictChange: "${scale.name}" takes a conclusion, not a rating`);
    }
    if (scale.kind === 'rated' && change.stepId !== undefined && !scale.steps.some((s: VerdictStep) => s.id === change.stepId)) {
      throw new Error(`applyVerdictChange: "${scale.name}" has no step "${change.stepId}"`);
    }
  }
  if (!change.author.trim()) throw new Error('applyVerdictChange: a verdict change needs its author');

  if (verdict === undefined) {
    if (!change.claimId) throw new Error('applyVerdictChange: a first verdict needs the claim id');
    const first: VerdictChange = { at: change.at, author: change.author, why: change.why, toScaleId: change.scaleId };
    if (change.stepId !== undefined) first.toStepId = change.stepId;
    if (change.conclusion) first.toConclusion = change.conclusion;
    const created: Verdict = {
      id: change.id ?? newId('verdict-'),
      claimId: change.claimId,
      scaleId: change.scaleId,
      conclusion: change.conclusion,
      reasoning: change.reasoning,
      author: change.author,
      history: [first],
      createdAt: change.at,
      updatedAt: change.at,
    };
    if (change.stepId !== undefined) created.stepId = change.stepId;
    return created;
  }

  const sameRating = verdict.scaleId === change.scaleId && verdict.stepId === change.stepId;
  if (sameRating && verdict.conclusion === change.conclusion && verdict.reasoning === change.reasoning && verdict.author === change.author) {
    return verdict;
  }
  const entry: VerdictChange = { at: change.at, author: change.author, why: change.why };
  if (!sameRating) {
    if (verdict.scaleId !== change.scaleId) {
      entry.fromScaleId = verdict.scaleId;
      entry.toScaleId = change.scaleId;
    }
    if (verdict.stepId !== undefined) entry.fromStepId = verdict.stepId;
    if (change.stepId !== undefined) entry.toStepId = change.stepId;
  }
  if (verdict.conclusion !== change.conclusion) {
    entry.fromConclusion = verdict.conclusion;
    entry.toConclusion = change.conclusion;
  }
  if (verdict.reasoning !== change.reasoning) entry.fromReasoning = verdict.reasoning;
  const next: Verdict = {
    ...verdict,
    scaleId: change.scaleId,
    conclusion: change.conclusion,
    reasoning: change.reasoning,
    author: change.author,
    history: [...verdict.history, entry],
    updatedAt: change.at,
  };
  if (change.stepId === undefined) delete next.stepId;
  else next.stepId = change.stepId;
  return next;
}
