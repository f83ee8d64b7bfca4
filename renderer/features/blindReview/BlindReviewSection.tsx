import { useMemo, useState } from 'react';
import { waitingFor } from '../../../shared/domain/blindReview.js';
import { agreementByDebate, formatKappa } from '../../../shared/verdicts/agreement.js';
import { useUiStore } from '../../state/uiStore.js';
import type { CompareData } from '../compare/useCompareInput.js';
import { useAnalystName } from './analystName.js';
import { AskBlindReviewDialog } from './AskBlindReviewDialog.js';
import { BlindReviewDialog } from './BlindReviewDialog.js';
import './blindReview.css';

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Blind second review in Compare: ask a second analyst to rate claims blind, rate the ones waiting for you, and the
 * agreement of the two ratings per debate as Cohen's κ, with the disagreements to resolve.
 */
export function BlindReviewSection(props: { data: CompareData }) {
  const { data } = props;
  const analyst = useAnalystName();
  const openDebateId = useUiStore((s) => s.selectedDebateId);
  const [dialog, setDialog] = useState<'ask' | 'rate'>();
  const agreement = useMemo(() => agreementByDebate({ ...data.input, debates: data.debates }), [data]);
  const mine = analyst ? waitingFor(data.input.claims, analyst).length : 0;
  return (
    <section className="blind-review" aria-labelledby="blind-review-heading">
      <header className="section-head">
        <h3 id="blind-review-heading">Blind second review</h3>
        <div className="header-actions">
          <button type="button" onClick={() => setDialog('ask')} disabled={data.input.claims.length === 0}>
            Ask for a blind review…
          </button>
          <button type="button" onClick={() => setDialog('rate')}>
            Rate blind…{mine > 0 ? ` (${mine})` : ''}
          </button>
        </div>
      </header>
      {agreement.length === 0 ? (
        <p className="muted small">No blind review asked for yet.</p>
      ) : (
        <>
          <table className="agreement" aria-label="Agreement by debate">
            <thead>
              <tr>
                <th scope="col">Debate</th>
                <th scope="col">Rated by both</th>
                <th scope="col">Observed agreement</th>
                <th scope="col">Cohen’s κ</th>
                <th scope="col">Waiting for the reviewer</th>
              </tr>
            </thead>
            <tbody>
              {agreement.map((a) => (
                <tr key={a.debateId}>
                  <th scope="row">{a.debateTitle}</th>
                  <td>{a.kappa.n}</td>
                  <td>{a.kappa.n > 0 ? percent(a.kappa.observed) : '—'}</td>
                  <td aria-label={`Cohen’s κ for ${a.debateTitle}`}>{formatKappa(a.kappa)}</td>
                  <td>{a.waitingForReviewer}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {agreement
            .filter((a) => a.disagreements.length > 0)
            .map((a) => (
              <section key={a.debateId} aria-label={`Disagreements in ${a.debateTitle}`}>
                <h4>Disagreements to resolve in {a.debateTitle}</h4>
                <ul className="disagreements">
                  {a.disagreements.map((d) => (
                    <li key={d.claimId}>
                      <span className="disagreement-claim">{d.claimText}</span>{' '}
                      <span className="muted small">
                        {d.firstAuthor}: {d.firstLabel} · {d.reviewer} (blind): {d.secondLabel}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
        </>
      )}
      {dialog === 'ask' && <AskBlindReviewDialog data={data} analyst={analyst} debateId={openDebateId} onClose={() => setDialog(undefined)} />}
      {dialog === 'rate' && <BlindReviewDialog data={data} analyst={analyst} onClose={() => setDialog(undefined)} />}
    </section>
  );
}
