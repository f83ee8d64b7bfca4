import { useLiveQuery } from 'dexie-react-hooks';
import type { CSSProperties } from 'react';
import type { Claim, Verdict, VerdictScale } from '../../../shared/model.js';
import { db } from '../../db/database.js';

/** What the margin shows for one claim: its verdict as a word and a sign (never colour alone), and its statement. */
export interface MarginClaim {
  id: string;
  text: string;
  /** The verdict step's label, "Conclusion" for a conclusion-only verdict, or "No verdict". */
  label: string;
  /** A sign for the verdict family: ✓ true-ish, ✗ false-ish, ◐ in between, ● a conclusion, ○ none yet. */
  sign: string;
  color: string | undefined;
  /** Its facts are still being read: the entry holds its place, and opens the claim all the same. */
  loading?: boolean;
}

/** A claim's margin entry while its facts are being read. */
export function loadingMarginClaim(id: string): MarginClaim {
  return { id, text: '', label: 'Loading…', sign: '…', color: undefined, loading: true };
}

export function verdictMark(verdict: Verdict | undefined, scales: Map<string, VerdictScale>): Pick<MarginClaim, 'label' | 'sign' | 'color'> {
  if (!verdict) return { label: 'No verdict', sign: '○', color: undefined };
  const step = verdict.stepId ? scales.get(verdict.scaleId)?.steps.find((s) => s.id === verdict.stepId) : undefined;
  if (!step) return { label: 'Conclusion', sign: '●', color: undefined };
  const sign = step.value >= 0.75 ? '✓' : step.value <= 0.3 ? '✗' : '◐';
  return { label: step.label, sign, color: step.color };
}

/**
 * Records per read. A bulkGet sends one IndexedDB request per key from the task that calls it: 5,000 claims at once
 * held the window's main thread for ~100 ms of CPU while the reader opened. 400 at a time stay under ~10 ms each,
 * and the window paints and scrolls between them.
 */
const MARGIN_CHUNK = 400;

/** The margin's facts for these claims, read from the database in chunks of MARGIN_CHUNK. */
async function readMarginClaims(ids: readonly string[]): Promise<Map<string, MarginClaim>> {
  const scales = await db.scales.toArray();
  const byScale = new Map(scales.map((s) => [s.id, s]));
  const out = new Map<string, MarginClaim>();
  for (let i = 0; i < ids.length; i += MARGIN_CHUNK) {
    const part = ids.slice(i, i + MARGIN_CHUNK);
    const [claims, verdicts] = await Promise.all([db.claims.bulkGet(part), db.verdicts.where('claimId').anyOf(part).toArray()]);
    const byClaim = new Map(verdicts.map((v) => [v.claimId, v]));
    for (const claim of claims) if (claim) out.set(claim.id, { id: claim.id, text: claim.text, ...verdictMark(byClaim.get(claim.id), byScale) });
  }
  return out;
}

/**
 * The margin's facts for the claims of one document, read once (and again when a claim or verdict changes) as a map,
 * so each turn on screen only looks its claims up: nothing per claim is computed while scrolling. Undefined ids:
 * nothing is read (yet).
 */
export function useMarginClaims(claimIds: readonly string[] | undefined): Map<string, MarginClaim> | undefined {
  const key = claimIds?.join(' ');
  return useLiveQuery(() => (key === undefined ? undefined : readMarginClaims(key ? key.split(' ') : [])), [key]);
}

function short(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The claims of one turn, beside it: one button each (verdict sign and word), opening the claim in the side panel. */
export function ClaimMargin(props: { claims: readonly MarginClaim[]; selectedId: string | undefined; onOpen: (claim: Pick<Claim, 'id'>) => void }) {
  if (props.claims.length === 0) return <div className="turn-margin" aria-hidden="true" />;
  return (
    <ul className="turn-margin" aria-label="Claims in this turn">
      {props.claims.map((claim) => (
        <li key={claim.id}>
          <button
            type="button"
            className={claim.id === props.selectedId ? 'margin-claim selected' : 'margin-claim'}
            style={claim.color ? ({ '--verdict': claim.color } as CSSProperties) : undefined}
            aria-pressed={claim.id === props.selectedId}
            aria-label={claim.loading ? 'Claim (loading)' : `${claim.label}: claim “${short(claim.text)}”`}
            aria-busy={claim.loading || undefined}
            title={claim.loading ? undefined : claim.text}
            onMouseDown={(event) => event.preventDefault()}
            onClick={(event) => {
              // The turn list's own click handler looks for a highlight under the caret: not for this button.
              event.stopPropagation();
              props.onOpen(claim);
            }}
          >
            <span className="margin-sign" aria-hidden="true">
              {claim.sign}
            </span>
            <span className="margin-label">{claim.label}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
