import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { topicPath } from '../../../shared/compare/topicPath.js';
import { ValidationError } from '../../../shared/domain/debates.js';
import { deleteStance, setStance, updateStance } from '../../../shared/domain/stances.js';
import type { Appearance, Claim, Stance } from '../../../shared/model.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { useCompareStore } from '../compare/compareStore.js';
import { Modal } from '../shell/Modal.js';

/** Labels editors use again and again; offered, never imposed. */
const SUGGESTED_LABELS = ['commits unconditionally', 'will not commit', 'conditional', 'undecided', 'supports', 'opposes'];

interface QuoteOption {
  appearance: Appearance;
  claim: Claim;
  onTopic: boolean;
}

/**
 * Where a speaker stands on a topic: the stances recorded so far (oldest first, so a shift reads top to bottom),
 * and a form to record a new one or edit one, backed by quotes picked from the speaker's own claims.
 */
export function StanceDialog(props: { personId: string; topicId: string }) {
  const close = useCompareStore((s) => s.closeStance);
  const loaded = useLiveQuery(async () => {
    const [person, topics, stances, claims] = await Promise.all([
      db.people.get(props.personId),
      db.topics.toArray(),
      db.stances.where('personId').equals(props.personId).toArray(),
      db.claims.where('claimantId').equals(props.personId).toArray(),
    ]);
    const appearances = await db.appearances.where('claimId').anyOf(claims.map((c) => c.id)).toArray();
    const claimById = new Map(claims.map((c) => [c.id, c]));
    const quotes: QuoteOption[] = appearances
      .filter((a) => a.state !== 'orphaned')
      .map((appearance) => {
        const claim = claimById.get(appearance.claimId)!;
        return { appearance, claim, onTopic: claim.topicIds.includes(props.topicId) || (appearance.topicIds ?? []).includes(props.topicId) };
      })
      .sort((a, b) => Number(b.onTopic) - Number(a.onTopic) || a.appearance.anchor.position.start - b.appearance.anchor.position.start);
    const history = stances.filter((s) => s.topicId === props.topicId).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.updatedAt.localeCompare(b.updatedAt));
    return { person, path: topicPath(topics, props.topicId), history, quotes };
  }, [props.personId, props.topicId]);
  const [editing, setEditing] = useState<Stance | 'new' | undefined>(undefined);

  if (!loaded) return null;
  const name = loaded.person?.name ?? 'Unknown speaker';
  const current = editing ?? (loaded.history.length === 0 ? 'new' : undefined);
  return (
    <Modal title={`Stance of ${name} on ${loaded.path}`} onClose={close} wide>
      {loaded.history.length > 0 && (
        <section aria-labelledby="stance-history-heading">
          <h3 id="stance-history-heading">Recorded stances</h3>
          <ol className="stance-history">
            {loaded.history.map((stance) => (
              <li key={stance.id}>
                <strong>{stance.label}</strong> <span className="muted small">{stance.date ?? 'undated'}</span>
                {stance.text ? <p className="small">{stance.text}</p> : null}
                <span className="row-actions">
                  <button type="button" aria-label={`Edit stance “${stance.label}”`} onClick={() => setEditing(stance)}>
                    Edit
                  </button>
                  <button type="button" aria-label={`Delete stance “${stance.label}”`} onClick={() => void deleteStance(store, stance.id).then(() => setEditing(undefined))}>
                    Delete
                  </button>
                </span>
              </li>
            ))}
          </ol>
          {current === undefined && (
            <button type="button" onClick={() => setEditing('new')}>
              Record a new stance
            </button>
          )}
        </section>
      )}
      {current !== undefined && (
        <StanceForm
          key={current === 'new' ? 'new' : current.id}
          personId={props.personId}
          topicId={props.topicId}
          name={name}
          stance={current === 'new' ? undefined : current}
          quotes={loaded.quotes}
          onDone={() => setEditing(undefined)}
        />
      )}
      <div className="form-actions">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  );
}

function StanceForm(props: { personId: string; topicId: string; name: string; stance: Stance | undefined; quotes: QuoteOption[]; onDone: () => void }) {
  const { stance } = props;
  const [label, setLabel] = useState(stance?.label ?? '');
  const [text, setText] = useState(stance?.text ?? '');
  const [date, setDate] = useState(stance?.date ?? '');
  const [picked, setPicked] = useState<string[]>(stance?.appearanceIds ?? []);
  const [error, setError] = useState<string>();
  const notify = useUiStore((s) => s.notify);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { personId: props.personId, topicId: props.topicId, label, text, date, appearanceIds: picked };
    try {
      if (stance) await updateStance(store, stance.id, input);
      else await setStance(store, input);
      notify(`Stance saved: ${props.name}, “${label.trim()}”.`);
      props.onDone();
    } catch (e) {
      setError(e instanceof ValidationError ? e.message : `The stance could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <form className="form" aria-label={stance ? 'Edit stance' : 'New stance'} onSubmit={(e) => void submit(e)}>
      <label>
        Label
        <input value={label} onChange={(e) => setLabel(e.target.value)} list="stance-label-suggestions" placeholder="will not commit" maxLength={120} />
      </label>
      <datalist id="stance-label-suggestions">
        {SUGGESTED_LABELS.map((l) => (
          <option key={l} value={l} />
        ))}
      </datalist>
      <label>
        Explanation
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} />
      </label>
      <label>
        Date
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <p className="muted small">A stance on the same date replaces the earlier one; a new date keeps both, so a shift shows.</p>
      <fieldset>
        <legend>Quotes that show it</legend>
        {props.quotes.length === 0 && <p className="muted small">{props.name} has no marked claims yet. Mark them in the reader, then pick them here.</p>}
        <ul className="stance-quotes">
          {props.quotes.map((q) => (
            <li key={q.appearance.id}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={picked.includes(q.appearance.id)}
                  onChange={() => setPicked((list) => (list.includes(q.appearance.id) ? list.filter((id) => id !== q.appearance.id) : [...list, q.appearance.id]))}
                />
                “{q.appearance.anchor.quote.exact}”{!q.onTopic && <span className="muted small"> (another topic)</span>}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          Save stance
        </button>
        {stance && (
          <button type="button" onClick={props.onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
