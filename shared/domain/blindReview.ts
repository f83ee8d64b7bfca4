import { nowIso } from '../ids.js';
import type { Claim, SecondReview } from '../model.js';
import { ValidationError } from './debates.js';
import type { Store } from './store.js';

/** What an editor asks: these claims, rated blind by this analyst, on this scale. */
export interface BlindReviewRequest {
  claimIds: readonly string[];
  reviewer: string;
  requestedBy: string;
  scaleId: string;
}

/**
 * Asks a second analyst to rate claims without seeing their first verdicts. A claim already waiting for a blind
 * rating is asked again (new reviewer or scale); a rating already given is replaced only by a new request.
 */
export async function requestBlindReview(store: Store, request: BlindReviewRequest): Promise<number> {
  const reviewer = request.reviewer.trim();
  const requestedBy = request.requestedBy.trim();
  if (!reviewer) throw new ValidationError('Name the analyst who reviews blind.');
  if (!requestedBy) throw new ValidationError('Say who asks for the review.');
  if (reviewer.toLocaleLowerCase() === requestedBy.toLocaleLowerCase()) throw new ValidationError('A blind review needs a second analyst, not the one who asks.');
  if (request.claimIds.length === 0) throw new ValidationError('Choose at least one claim to review.');
  const count = request.claimIds.length;
  return store.transaction(`Ask ${reviewer} for a blind review of ${count === 1 ? '1 claim' : `${count} claims`}`, async (tx) => {
    const scale = await tx.get('scales', request.scaleId);
    if (!scale) throw new ValidationError('That verdict scale no longer exists.');
    if (scale.kind !== 'rated') throw new ValidationError('A blind review needs a scale with rating steps, so the ratings can be compared.');
    const at = nowIso();
    for (const claimId of request.claimIds) {
      const claim = await tx.get('claims', claimId);
      if (!claim) throw new ValidationError('One of the chosen claims no longer exists.');
      const secondReview: SecondReview = { reviewer, requestedBy, requestedAt: at, scaleId: scale.id };
      await tx.put('claims', { ...claim, secondReview, updatedAt: at });
    }
    return count;
  });
}

/** The reviewer's blind rating of one claim. */
export interface BlindRating {
  stepId: string;
  reasoning: string;
}

export async function rateBlind(store: Store, claimId: string, rating: BlindRating): Promise<Claim> {
  return store.transaction('Blind rating', async (tx) => {
    const claim = await tx.get('claims', claimId);
    if (!claim) throw new ValidationError('That claim no longer exists.');
    const review = claim.secondReview;
    if (!review) throw new ValidationError('Nobody asked for a blind review of this claim.');
    const scale = await tx.get('scales', review.scaleId);
    if (!scale) throw new ValidationError('The scale of this review no longer exists.');
    if (!scale.steps.some((s) => s.id === rating.stepId)) throw new ValidationError(`Choose a rating on the ${scale.name} scale.`);
    const at = nowIso();
    const updated: Claim = { ...claim, secondReview: { ...review, stepId: rating.stepId, reasoning: rating.reasoning.trim(), ratedAt: at }, updatedAt: at };
    await tx.put('claims', updated);
    return updated;
  });
}

/** Claims waiting for this reviewer's blind rating (names compared without case or surrounding spaces). */
export function waitingFor(claims: readonly Claim[], reviewer: string): Claim[] {
  const name = reviewer.trim().toLocaleLowerCase();
  if (!name) return [];
  return claims.filter((c) => c.secondReview && !c.secondReview.stepId && c.secondReview.reviewer.toLocaleLowerCase() === name);
}

/** Whether the first verdict must stay hidden from this analyst: the claim waits for their blind rating. */
export function isBlindFor(claim: Pick<Claim, 'secondReview'> | undefined, analyst: string | undefined): boolean {
  const review = claim?.secondReview;
  if (!review || review.stepId || !analyst?.trim()) return false;
  return review.reviewer.toLocaleLowerCase() === analyst.trim().toLocaleLowerCase();
}
