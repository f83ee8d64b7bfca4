import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { ACCEPTED_SUGGESTION_WHY, acceptSuggestedVerdict } from '../../../shared/domain/tableChecks.js';
import type { Claim, EvidenceLink, VerdictScale } from '../../../shared/model.js';
import { suggestVerdict, type VerdictSuggestion } from '../../../shared/tableChecks/suggestVerdict.js';
import { SIX_STEP_SCALE_ID } from '../../../shared/verdicts/scales.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { readLastAuthor, rememberAuthor } from '../claims/lastAuthor.js';


function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The rating a table check suggests on the claim's scale, with a drafted conclusion and reasoning. The analyst reads
 * it, edits it if need be, and accepts it; nothing is rated until then.
 */
export function SuggestedVerdict(props: { claim: Claim; link: EvidenceLink }) {
  const data = useLiveQuery(async () => {
    const verdict = (await db.verdicts.where('claimId').equals(props.claim.id).first()) ?? null;
    const scale = await db.scales.get(verdict?.scaleId ?? SIX_STEP_SCALE_ID);
    return { verdict, scale: scale ?? null, author: await readLastAuthor() };
  }, [props.claim.id]);
  if (!data || !data.scale || !props.link.check) return null;
  const suggestion = suggestVerdict(data.scale, props.link.check);
  if (!suggestion) return null;
  const followed = data.verdict && data.verdict.stepId === suggestion.stepId && data.verdict.history.some((h) => h.why === ACCEPTED_SUGGESTION_WHY);
  return <SuggestionForm key={`${props.link.id}:${props.link.updatedAt}:${data.verdict?.updatedAt ?? ''}`} claim={props.claim} scale={data.scale} suggestion={suggestion} hasVerdict={Boolean(data.verdict)} followed={Boolean(followed)} lastAuthor={data.author} />;
}

function SuggestionForm(props: { claim: Claim; scale: VerdictScale; suggestion: VerdictSuggestion; hasVerdict: boolean; followed: boolean; lastAuthor: string }) {
  const { suggestion, scale } = props;
  const notify = useUiStore((s) => s.notify);
  const [open, setOpen] = useState(!props.followed);
  const [stepId, setStepId] = useState(suggestion.stepId ?? '');
  const [conclusion, setConclusion] = useState(suggestion.conclusion);
  const [reasoning, setReasoning] = useState(suggestion.reasoning);
  const [author, setAuthor] = useState(props.lastAuthor);
  const [markChecked, setMarkChecked] = useState(props.claim.status === 'new' || props.claim.status === 'researching');
  const [error, setError] = useState<string>();

  if (!open) {
    return (
      <p className="muted small suggestion-followed">
        The verdict follows this check ({suggestion.stepLabel ?? 'conclusion'}).{' '}
        <button type="button" className="link-button" onClick={() => setOpen(true)}>
          Show the suggestion
        </button>
      </p>
    );
  }

  async function accept() {
    setError(undefined);
    try {
      if (!author.trim()) throw new Error('Give your name as the verdict’s author.');
      await acceptSuggestedVerdict(store, props.claim.id, {
        scaleId: scale.id,
        ...(scale.kind === 'rated' && stepId ? { stepId } : {}),
        conclusion: conclusion.trim(),
        reasoning: reasoning.trim(),
        author: author.trim(),
        why: ACCEPTED_SUGGESTION_WHY,
        ...(markChecked ? { status: 'checked' as const } : {}),
      });
      await rememberAuthor(author);
      notify(`Verdict saved: ${scale.steps.find((s) => s.id === stepId)?.label ?? 'conclusion'}.${markChecked ? ' The claim is marked checked.' : ''}`);
    } catch (e) {
      setError(message(e));
    }
  }

  return (
    <section className="suggested-verdict" aria-label="Suggested verdict">
      <h5>Suggested verdict</h5>
      <p>
        Suggested rating: <strong>{suggestion.stepLabel ?? 'conclusion only'}</strong> <span className="muted small">on {scale.name}; nothing is rated until you accept it.</span>
      </p>
      {scale.kind === 'rated' && (
        <label>
          Suggested rating
          <select aria-label="Suggested rating" value={stepId} onChange={(e) => setStepId(e.target.value)}>
            {scale.steps.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Drafted conclusion
        <textarea rows={2} value={conclusion} onChange={(e) => setConclusion(e.target.value)} />
      </label>
      <label>
        Drafted reasoning
        <textarea rows={5} value={reasoning} onChange={(e) => setReasoning(e.target.value)} />
      </label>
      <div className="claim-form-row">
        <label>
          Verdict author
          <input value={author} onChange={(e) => setAuthor(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={markChecked} onChange={(e) => setMarkChecked(e.target.checked)} /> Mark the claim checked
        </label>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {props.hasVerdict && <p className="muted small">Accepting changes the current verdict; its history keeps the old one.</p>}
      <div className="row-actions">
        <button type="button" className="primary" onClick={() => void accept()}>
          Accept suggestion
        </button>
      </div>
    </section>
  );
}
