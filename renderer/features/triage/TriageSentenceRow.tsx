import type { ReactNode } from 'react';
import type { TriageSentence } from '../../../shared/triage/triageDocument.js';

/** Where a sentence stands with the analyst. */
export type RowState = { kind: 'open' } | { kind: 'accepted'; claimId: string } | { kind: 'dismissed' };

export interface TriageSentenceRowProps {
  sentence: TriageSentence;
  state: RowState;
  /** Shown when the list covers several documents. */
  documentTitle?: string;
  /** Actions are off while the document's text has changed since scoring. */
  stale: boolean;
  onAccept(): void;
  onDismiss(): void;
  onRestore(): void;
  onOpenClaim(claimId: string): void;
  onShow(): void;
  /** Extra content under the reasons (quantity chips and the like). */
  children?: ReactNode;
}

const ROLE_LABELS: Record<string, string> = {
  candidate: '',
  moderator: 'moderator',
  host: 'host',
  panelist: 'panelist',
  audience: 'audience',
  system: 'stage',
  narrator: 'narration',
};

/** One ranked sentence: its score, who said it, why it ranks there, and what the analyst can do with it. */
export function TriageSentenceRow({ sentence: s, state, documentTitle, stale, onAccept, onDismiss, onRestore, onOpenClaim, onShow, children }: TriageSentenceRowProps) {
  const role = ROLE_LABELS[s.role] ?? s.role;
  const who = s.speaker ? `${s.speaker}${role ? ` (${role})` : ''}` : role || 'narration';
  return (
    <li aria-label={s.text} className={state.kind === 'dismissed' ? 'triage-row dismissed' : 'triage-row'}>
      <div className="triage-score" aria-label={`Score ${s.score.toFixed(2)}`}>
        <meter min={0} max={1} value={s.score} aria-hidden="true" />
        <span>{s.score.toFixed(2)}</span>
      </div>
      <div className="triage-body">
        <p className="triage-who small muted">
          {who}
          {documentTitle ? ` · ${documentTitle}` : ''}
        </p>
        <p className="triage-text">{s.text}</p>
        {s.reasons.length > 0 && <p className="triage-reasons small muted">Why: {s.reasons.join(' · ')}</p>}
        {children}
      </div>
      <div className="triage-actions">
        {state.kind === 'accepted' ? (
          <button type="button" onClick={() => onOpenClaim(state.claimId)}>
            Accepted: open claim
          </button>
        ) : (
          <button type="button" disabled={stale} onClick={onAccept}>
            Accept as claim
          </button>
        )}
        {state.kind === 'dismissed' ? (
          <button type="button" onClick={onRestore}>
            Restore
          </button>
        ) : (
          state.kind === 'open' && (
            <button type="button" onClick={onDismiss}>
              Dismiss
            </button>
          )
        )}
        <button type="button" disabled={stale} onClick={onShow}>
          Show in text
        </button>
      </div>
    </li>
  );
}
