import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { createClaim } from '../../../shared/domain/claims.js';
import { scoreSentences, type ScoredSentence } from '../../../shared/triage/scoreSentence.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { dismissedKey, guessClaimType, rankSentences, spanKey } from './triageModel.js';
import './triage.css';

const PAGE = 100;

/**
 * Check-worthiness triage for one document: on demand every sentence is scored on the device (no network), listed
 * most check-worthy first with the reasons; each can be accepted as a claim (anchored on the sentence) or dismissed.
 * Dismissals are kept per document version in the settings table; accepted sentences are the ones a claim already
 * appears on, so undo and other ways of making claims are reflected.
 */
export function TriagePanel({ documentId }: { documentId: string }) {
  const document = useLiveQuery(() => db.documents.get(documentId), [documentId]);
  const [scored, setScored] = useState<{ version: number; sentences: ScoredSentence[] } | undefined>();
  const [shown, setShown] = useState(PAGE);
  const [showDismissed, setShowDismissed] = useState(false);
  const key = document ? dismissedKey(document.id, document.version) : undefined;
  const dismissedSetting = useLiveQuery(() => (key ? db.settings.get(key) : undefined), [key]);
  const dismissed = useMemo(() => new Set(Array.isArray(dismissedSetting?.value) ? (dismissedSetting.value as string[]) : []), [dismissedSetting]);
  const appearances = useLiveQuery(() => db.appearances.where('documentId').equals(documentId).toArray(), [documentId]);
  const accepted = useMemo(() => {
    const map = new Map<string, string>();
    for (const a of appearances ?? []) if (document && a.anchor.documentVersion === document.version) map.set(spanKey(a.anchor.position), a.claimId);
    return map;
  }, [appearances, document]);
  const { revealSpan, selectClaim, notify } = useUiStore.getState();

  if (!document) return null;
  const stale = scored !== undefined && scored.version !== document.version;
  const visible = (scored?.sentences ?? []).filter((s) => showDismissed || !dismissed.has(spanKey(s)));
  const dismissedCount = (scored?.sentences ?? []).filter((s) => dismissed.has(spanKey(s))).length;

  const score = () => {
    setScored({ version: document.version, sentences: rankSentences(scoreSentences(document.text)) });
    setShown(PAGE);
  };

  const setDismissed = async (sentence: ScoredSentence, on: boolean) => {
    if (!key) return;
    const next = new Set(dismissed);
    if (on) next.add(spanKey(sentence));
    else next.delete(spanKey(sentence));
    await db.settings.put({ key, value: [...next] });
  };

  const accept = async (sentence: ScoredSentence) => {
    try {
      const { claim } = await createClaim(store, { text: sentence.text, type: guessClaimType(sentence) }, { documentId: document.id, start: sentence.start, end: sentence.end });
      selectClaim(claim.id);
      notify(`Claim created: “${claim.text.slice(0, 60)}${claim.text.length > 60 ? '…' : ''}”`);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'error');
    }
  };

  return (
    <section className="triage" aria-labelledby="triage-heading">
      <div className="triage-head">
        <h3 id="triage-heading">Check-worthiness triage</h3>
        <button type="button" className="primary" onClick={score}>
          {scored ? 'Score again' : 'Score sentences'}
        </button>
        {scored && (
          <label className="small">
            <input type="checkbox" checked={showDismissed} onChange={(e) => setShowDismissed(e.target.checked)} /> Show dismissed ({dismissedCount})
          </label>
        )}
      </div>
      <p role="status" className="small muted">
        {scored
          ? `${scored.sentences.length} sentences scored, ${accepted.size > 0 ? `${[...scored.sentences].filter((s) => accepted.has(spanKey(s))).length} accepted, ` : ''}${dismissedCount} dismissed.${stale ? ' The text has changed since: score again.' : ''}`
          : 'Scores every sentence on this device for numbers, comparisons, sources, time references and causes.'}
      </p>
      {scored && (
        <ol className="triage-list" aria-label="Sentences by check-worthiness">
          {visible.slice(0, shown).map((s) => {
            const claimId = accepted.get(spanKey(s));
            const isDismissed = dismissed.has(spanKey(s));
            return (
              <li key={spanKey(s)} aria-label={s.text} className={isDismissed ? 'triage-row dismissed' : 'triage-row'}>
                <div className="triage-score" aria-label={`Score ${s.score.toFixed(2)}`}>
                  <meter min={0} max={1} value={s.score} aria-hidden="true" />
                  <span>{s.score.toFixed(2)}</span>
                </div>
                <div className="triage-body">
                  <p className="triage-text">{s.text}</p>
                  {s.reasons.length > 0 && <p className="triage-reasons small muted">Reasons: {s.reasons.join(' · ')}</p>}
                </div>
                <div className="triage-actions">
                  {claimId ? (
                    <button type="button" onClick={() => selectClaim(claimId)}>
                      Accepted: open claim
                    </button>
                  ) : (
                    <button type="button" disabled={stale} onClick={() => void accept(s)}>
                      Accept as claim
                    </button>
                  )}
                  {isDismissed ? (
                    <button type="button" onClick={() => void setDismissed(s, false)}>
                      Restore
                    </button>
                  ) : (
                    !claimId && (
                      <button type="button" onClick={() => void setDismissed(s, true)}>
                        Dismiss
                      </button>
                    )
                  )}
                  <button type="button" disabled={stale} onClick={() => revealSpan({ documentId: document.id, debateId: document.debateId, start: s.start, end: s.end })}>
                    Show in text
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {scored && visible.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, visible.length - shown)} more
        </button>
      )}
    </section>
  );
}
