import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { createDebate, updateDebate, type DebateInput } from '../../../shared/domain/debates.js';
import { DEBATE_KINDS, DEBATE_KIND_LABELS, type DebateKind } from '../../../shared/model.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { Modal } from '../shell/Modal.js';
import { useUiStore } from '../../state/uiStore.js';
import { FormFooter } from '../shell/FormFooter.js';

/** Create or edit a debate: title, date, venue, kind. */
export function DebateFormDialog(props: { debateId?: string }) {
  const existing = useLiveQuery(() => (props.debateId ? db.debates.get(props.debateId) : undefined), [props.debateId]);
  const closeDialog = useUiStore((s) => s.closeDialog);
  if (props.debateId && !existing) return null;
  return <DebateForm key={existing?.id ?? 'new'} debateId={props.debateId} initial={existing} onClose={closeDialog} />;
}

function DebateForm(props: { debateId?: string; initial?: DebateInput; onClose: () => void }) {
  const [title, setTitle] = useState(props.initial?.title ?? '');
  const [date, setDate] = useState(props.initial?.date ?? '');
  const [venue, setVenue] = useState(props.initial?.venue ?? '');
  const [kind, setKind] = useState<DebateKind>(props.initial?.kind ?? 'tv-debate');
  const [error, setError] = useState<string>();
  const { selectDebate, notify } = useUiStore.getState();

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const input: DebateInput = { title, date, venue, kind };
      if (props.debateId) {
        await updateDebate(store, props.debateId, input);
        notify('Debate saved.');
      } else {
        const debate = await createDebate(store, input);
        selectDebate(debate.id);
        notify(`Created “${debate.title}”.`);
      }
      props.onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <Modal title={props.debateId ? 'Edit debate' : 'New debate'} onClose={props.onClose}>
      <form onSubmit={submit} className="form" noValidate>
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus maxLength={300} />
        </label>
        <label>
          Date
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          Venue
          <input value={venue} onChange={(e) => setVenue(e.target.value)} maxLength={300} />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as DebateKind)}>
            {DEBATE_KINDS.map((k) => (
              <option key={k} value={k}>
                {DEBATE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <FormFooter error={error} submitLabel={props.debateId ? 'Save debate' : 'Create debate'} onCancel={props.onClose} />
      </form>
    </Modal>
  );
}
