import type { Appearance, Claim, Debate, DocumentRecord, Verdict, VerdictScale } from '../model.js';

/** Cohen's κ of two raters over the same items, with the observed and chance agreement it comes from. */
export interface Kappa {
  /** Items both raters rated. */
  n: number;
  /** Share of items rated alike (p_o). */
  observed: number;
  /** Agreement expected by chance from each rater's own distribution (p_e). */
  expected: number;
  /** (p_o − p_e) / (1 − p_e); undefined when there is nothing to compare or chance agreement is already 1. */
  kappa: number | undefined;
}

/**
 * Cohen's κ for two raters and nominal categories: pairs[i] is [first rater's category, second rater's category].
 * With no pairs, or when both raters used one and the same category throughout (p_e = 1), κ is undefined: say so
 * rather than print a number the formula cannot give.
 */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): Kappa {
  const n = pairs.length;
  if (n === 0) return { n, observed: 0, expected: 0, kappa: undefined };
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let same = 0;
  for (const [a, b] of pairs) {
    if (a === b) same += 1;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = same / n;
  let expected = 0;
  for (const [category, count] of first) expected += (count / n) * ((second.get(category) ?? 0) / n);
  const kappa = expected >= 1 ? undefined : (observed - expected) / (1 - expected);
  return { n, observed, expected, kappa };
}

/** Landis & Koch's words for a κ, which is how desks usually read it. */
export function kappaWords(kappa: number | undefined): string {
  if (kappa === undefined) return 'not computable';
  if (kappa < 0) return 'worse than chance';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

/** A claim the two analysts rated differently, to resolve. */
export interface Disagreement {
  claimId: string;
  claimText: string;
  firstAuthor: string;
  firstLabel: string;
  reviewer: string;
  secondLabel: string;
}

/** The agreement of first verdicts and blind second ratings in one debate. */
export interface DebateAgreement {
  debateId: string;
  debateTitle: string;
  kappa: Kappa;
  disagreements: Disagreement[];
  /** Asked for but not rated yet by the reviewer. */
  waitingForReviewer: number;
  /** Rated blind, but the claim has no first verdict (or one on another scale) to compare with. */
  notComparable: number;
}

export interface AgreementInput {
  claims: readonly Claim[];
  appearances: readonly Pick<Appearance, 'claimId' | 'documentId'>[];
  documents: readonly Pick<DocumentRecord, 'id' | 'debateId'>[];
  debates: readonly Pick<Debate, 'id' | 'title'>[];
  verdicts: readonly Verdict[];
  scales: readonly VerdictScale[];
}

/**
 * Per debate, Cohen's κ between each claim's current verdict and its blind second rating (same scale, compared by
 * step), with the disagreements listed. Only debates with at least one blind review requested are listed; a claim
 * that appears in several debates counts in each.
 */
export function agreementByDebate(input: AgreementInput): DebateAgreement[] {
  const debateOfDocument = new Map(input.documents.map((d) => [d.id, d.debateId]));
  const debatesOfClaim = new Map<string, Set<string>>();
  for (const appearance of input.appearances) {
    const debateId = debateOfDocument.get(appearance.documentId);
    if (!debateId) continue;
    const set = debatesOfClaim.get(appearance.claimId) ?? new Set<string>();
    set.add(debateId);
    debatesOfClaim.set(appearance.claimId, set);
  }
  const verdictOf = new Map(input.verdicts.map((v) => [v.claimId, v]));
  const scales = new Map(input.scales.map((s) => [s.id, s]));
  const label = (scaleId: string, stepId: string) => scales.get(scaleId)?.steps.find((s) => s.id === stepId)?.label ?? stepId;

  const out: DebateAgreement[] = [];
  for (const debate of input.debates) {
    const pairs: [string, string][] = [];
    const disagreements: Disagreement[] = [];
    let waitingForReviewer = 0;
    let notComparable = 0;
    let requested = 0;
    for (const claim of input.claims) {
      const review = claim.secondReview;
      if (!review || !debatesOfClaim.get(claim.id)?.has(debate.id)) continue;
      requested += 1;
      if (!review.stepId) {
        waitingForReviewer += 1;
        continue;
      }
      const verdict = verdictOf.get(claim.id);
      if (!verdict?.stepId || verdict.scaleId !== review.scaleId) {
        notComparable += 1;
        continue;
      }
      pairs.push([verdict.stepId, review.stepId]);
      if (verdict.stepId !== review.stepId) {
        disagreements.push({
          claimId: claim.id,
          claimText: claim.text,
          firstAuthor: verdict.author,
          firstLabel: label(verdict.scaleId, verdict.stepId),
          reviewer: review.reviewer,
          secondLabel: label(review.scaleId, review.stepId),
        });
      }
    }
    if (requested > 0) out.push({ debateId: debate.id, debateTitle: debate.title, kappa: cohensKappa(pairs), disagreements, waitingForReviewer, notComparable });
  }
  return out;
}

/** κ as a desk reads it: "0.40 (fair)", or "not computable" with the reason. */
export function formatKappa(k: Kappa): string {
  if (k.n === 0) return 'not computable (no claim rated by both yet)';
  if (k.kappa === undefined) return 'not computable (every rating the same step)';
  return `${k.kappa.toFixed(2)} (${kappaWords(k.kappa)})`;
}
