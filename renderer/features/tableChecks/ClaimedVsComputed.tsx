import type { ClaimComparison } from '../../../shared/tableChecks/compareClaim.js';
import { formatNumber } from '../../../shared/tableChecks/describeComputation.js';

/** Claimed against computed, side by side: the two figures, the difference and whether the wording allows it. */
export function ClaimedVsComputed(props: { claimedText: string; comparison: ClaimComparison; computedLabel?: string }) {
  const { comparison: c } = props;
  const sign = c.difference > 0 ? '+' : '';
  return (
    <section className={`claimed-vs-computed ${c.within ? 'within' : 'outside'}`} aria-label="Claimed and computed">
      <dl>
        <div>
          <dt>Claimed</dt>
          <dd>
            “{props.claimedText}” ({formatNumber(c.claimed)})
          </dd>
        </div>
        <div>
          <dt>Computed</dt>
          <dd>{props.computedLabel ?? formatNumber(c.computed)}</dd>
        </div>
        <div>
          <dt>Difference</dt>
          <dd>
            {sign}
            {formatNumber(c.difference)}
            {c.relative !== undefined && c.difference !== 0 ? ` (${formatNumber(100 * c.relative, 1)}% of the computed figure)` : ''}
          </dd>
        </div>
      </dl>
      <p className="verdict-line">
        <strong>{c.within ? 'Within the claim’s precision' : 'Outside the claim’s precision'}</strong> — {c.basis}.
      </p>
    </section>
  );
}
