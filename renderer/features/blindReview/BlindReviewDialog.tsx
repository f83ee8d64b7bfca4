import { useState } from 'react';
import { waitingFor } from '../../../shared/domain/blindReview.js';
import type { CompareData } from '../compare/useCompareInput.js';
import { Modal } from '../shell/Modal.js';
import { BlindRatingForm } from './BlindRatingForm.js';

/**
 * Rate blind: the claims waiting for this analyst's blind rating, one at a time, each with its quotes and the
 * scale the editor chose, never with its first verdict.
 */
export function BlindReviewDialog(props: { data: CompareData; analyst: string | undefined; onClose: () => void }) {
  const { data } = props;
  const [reviewer, setReviewer] = useState(props.analyst ?? '');
  const waiting = waitingFor(data.input.claims, reviewer);
  const claim = waiting[0];
  const scale = claim ? data.input.scales.find((s) => s.id === claim.secondReview?.scaleId) : undefined;
  const quotes = claim ? data.input.appearances.filter((a) => a.claimId === claim.id).map((a) => a.anchor.quote.exact) : [];
  return (
    <Modal title="Blind review" onClose={props.onClose} wide>
      <label>
        Reviewer
        <input value={reviewer} onChange={(e) => setReviewer(e.target.value)} />
      </label>
      <p role="status">{waiting.length === 0 ? `No claim waits for ${reviewer.trim() || 'this reviewer'}’s blind rating.` : `${waiting.length === 1 ? '1 claim waits' : `${waiting.length} claims wait`} for your blind rating.`}</p>
      {claim && (
        <article className="blind-claim" aria-label="Claim to rate">
          <h3>{claim.text}</h3>
          {quotes.map((q, i) => (
            <blockquote key={i}>{q}</blockquote>
          ))}
          <BlindRatingForm key={claim.id} claim={claim} scale={scale} />
        </article>
      )}
      <div className="form-actions">
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
