import { useMemo, useState } from 'react';
import { requestBlindReview } from '../../../shared/domain/blindReview.js';
import type { Claim } from '../../../shared/model.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import type { CompareData } from '../compare/useCompareInput.js';
import { FormFooter } from '../shell/FormFooter.js';
import { Modal } from '../shell/Modal.js';

/** The claims of each debate (through their appearances), in the order they were made. */
export function claimsByDebate(data: CompareData): Map<string, Claim[]> {
  const debateOfDocument = new Map(data.documents.map((d) => [d.id, d.debateId]));
  const claimIds = new Map<string, Set<string>>();
  for (const a of data.input.appearances) {
    const debateId = debateOfDocument.get(a.documentId);
    if (debateId) claimIds.set(debateId, (claimIds.get(debateId) ?? new Set()).add(a.claimId));
  }
  const sorted = [...data.input.claims].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return new Map([...claimIds].map(([debateId, ids]) => [debateId, sorted.filter((c) => ids.has(c.id))]));
}

/**
 * Ask for a blind review: an editor picks a debate's claims and the second analyst who rates them without seeing
 * the first verdicts, on one rated scale (by default the one the debate's verdicts use most).
 */
export function AskBlindReviewDialog(props: { data: CompareData; analyst: string | undefined; debateId: string | undefined; onClose: () => void }) {
  const { data } = props;
  const byDebate = useMemo(() => claimsByDebate(data), [data]);
  const debates = data.debates.filter((d) => (byDebate.get(d.id)?.length ?? 0) > 0);
  const [debateId, setDebateId] = useState(props.debateId && byDebate.has(props.debateId) ? props.debateId : (debates[0]?.id ?? ''));
  const claims = byDebate.get(debateId) ?? [];
  const verdictOf = new Map(data.input.verdicts.map((v) => [v.claimId, v]));
  const rated = data.input.scales.filter((s) => s.kind === 'rated');
  const usage = new Map<string, number>();
  for (const c of claims) {
    const v = verdictOf.get(c.id);
    if (v) usage.set(v.scaleId, (usage.get(v.scaleId) ?? 0) + 1);
  }
  const defaultScale = [...rated].sort((a, b) => (usage.get(b.id) ?? 0) - (usage.get(a.id) ?? 0))[0]?.id ?? '';
  const [scaleId, setScaleId] = useState<string>();
  const scale = scaleId ?? defaultScale;
  // By default the claims that already have a first verdict on the chosen scale.
  const [picked, setPicked] = useState<Set<string>>();
  const chosen = picked ?? new Set(claims.filter((c) => verdictOf.get(c.id)?.scaleId === scale).map((c) => c.id));
  const [reviewer, setReviewer] = useState('');
  const [requestedBy, setRequestedBy] = useState(props.analyst ?? '');
  const [error, setError] = useState<string>();

  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };

  return (
    <Modal title="Ask for a blind review" onClose={props.onClose} wide>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void requestBlindReview(store, { claimIds: claims.filter((c) => chosen.has(c.id)).map((c) => c.id), reviewer, requestedBy, scaleId: scale })
            .then((count) => {
              useUiStore.getState().notify(`Asked ${reviewer.trim()} to rate ${count === 1 ? '1 claim' : `${count} claims`} blind.`);
              props.onClose();
            })
            .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
        }}
      >
        <p>The second analyst rates these claims without seeing their first verdicts; Compare and the report then show how far the two agree.</p>
        <label>
          Debate
          <select
            value={debateId}
            onChange={(e) => {
              setDebateId(e.target.value);
              setPicked(undefined);
            }}
          >
            {debates.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Second analyst
          <input value={reviewer} onChange={(e) => setReviewer(e.target.value)} required autoFocus />
        </label>
        <label>
          Asked by
          <input value={requestedBy} onChange={(e) => setRequestedBy(e.target.value)} required />
        </label>
        <label>
          Scale
          <select
            value={scale}
            onChange={(e) => {
              setScaleId(e.target.value);
              setPicked(undefined);
            }}
          >
            {rated.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="blind-claims">
          <legend>
            Claims to review ({chosen.size} of {claims.length})
          </legend>
          {claims.length === 0 && <p className="muted small">This debate has no claims yet.</p>}
          {claims.map((c) => (
            <label key={c.id} className="check">
              <input type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c.id)} />
              {c.text}
              {verdictOf.has(c.id) ? '' : <span className="muted small"> · no verdict yet</span>}
            </label>
          ))}
        </fieldset>
        <FormFooter error={error} submitLabel="Ask for blind review" onCancel={props.onClose} />
      </form>
    </Modal>
  );
}
