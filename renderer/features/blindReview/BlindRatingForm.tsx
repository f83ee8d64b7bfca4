import { useState } from 'react';
import { rateBlind } from '../../../shared/domain/blindReview.js';
import type { Claim, VerdictScale } from '../../../shared/model.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';

/**
 * The reviewer's rating of one claim, on the scale the editor chose. It shows the claim, never the first verdict.
 */
export function BlindRatingForm(props: { claim: Claim; scale: VerdictScale | undefined; onRated?: () => void }) {
  const { claim, scale } = props;
  const [stepId, setStepId] = useState('');
  const [reasoning, setReasoning] = useState('');
  const [error, setError] = useState<string>();
  if (!scale) return <p className="muted small">The scale of this blind review is not in the library.</p>;
  return (
    <form
      className="blind-rating"
      aria-label="Blind rating"
      onSubmit={(event) => {
        event.preventDefault();
        void rateBlind(store, claim.id, { stepId, reasoning })
          .then(() => {
            setError(undefined);
            useUiStore.getState().notify('Blind rating saved.');
            props.onRated?.();
          })
          .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
      }}
    >
      <p className="muted small">
        {claim.secondReview?.requestedBy} asked you to rate this claim without seeing its first verdict ({scale.name}).
      </p>
      <label>
        Blind rating
        <select value={stepId} onChange={(e) => setStepId(e.target.value)} required>
          <option value="">Choose a rating…</option>
          {scale.steps.map((step) => (
            <option key={step.id} value={step.id}>
              {step.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Blind reasoning
        <textarea value={reasoning} onChange={(e) => setReasoning(e.target.value)} rows={3} />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit">Save blind rating</button>
    </form>
  );
}
