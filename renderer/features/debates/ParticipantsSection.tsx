import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { addParticipant, removeParticipant, updateParticipant } from '../../../shared/domain/debates.js';
import { PARTICIPANT_ROLES, type Participant, type ParticipantRole, type Person } from '../../../shared/model.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';

interface Row {
  participant: Participant;
  person: Person | undefined;
}

/** The people taking part in a debate: add, edit, remove. */
export function ParticipantsSection(props: { debateId: string }) {
  const rows = useLiveQuery(async (): Promise<Row[]> => {
    const participants = await db.participants.where('debateId').equals(props.debateId).toArray();
    const people = await db.people.bulkGet(participants.map((p) => p.personId));
    return participants.map((participant, i) => ({ participant, person: people[i] })).sort((a, b) => (a.person?.name ?? '').localeCompare(b.person?.name ?? ''));
  }, [props.debateId]);
  const [editing, setEditing] = useState<string>();

  return (
    <section aria-labelledby="participants-heading" className="section">
      <h3 id="participants-heading">Participants</h3>
      {rows && rows.length > 0 ? (
        <table className="table" aria-labelledby="participants-heading">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Party</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) =>
              editing === row.participant.id ? (
                <tr key={row.participant.id}>
                  <td colSpan={4}>
                    <ParticipantForm debateId={props.debateId} row={row} onDone={() => setEditing(undefined)} />
                  </td>
                </tr>
              ) : (
                <tr key={row.participant.id}>
                  <th scope="row">
                    <span className="swatch" style={{ background: row.person?.color ?? '#888' }} aria-hidden="true" />
                    {row.person?.name ?? 'Unknown person'}
                  </th>
                  <td>{row.participant.party ?? row.person?.party ?? ''}</td>
                  <td>{row.participant.role}</td>
                  <td className="row-actions">
                    <button type="button" onClick={() => setEditing(row.participant.id)} aria-label={`Edit ${row.person?.name ?? 'participant'}`}>
                      Edit
                    </button>
                    <button
                      type="button"
                      aria-label={`Remove ${row.person?.name ?? 'participant'}`}
                      onClick={() => void removeParticipant(store, row.participant.id).then(() => useUiStore.getState().notify(`Removed ${row.person?.name ?? 'participant'}. Undo with Ctrl+Z.`))}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      ) : (
        <p className="muted">No participants yet. Add the candidates, moderators and panelists below.</p>
      )}
      {!editing && <ParticipantForm debateId={props.debateId} onDone={() => undefined} />}
    </section>
  );
}

function ParticipantForm(props: { debateId: string; row?: Row; onDone: () => void }) {
  const [name, setName] = useState(props.row?.person?.name ?? '');
  const [party, setParty] = useState(props.row?.participant.party ?? props.row?.person?.party ?? '');
  const [role, setRole] = useState<ParticipantRole>(props.row?.participant.role ?? 'candidate');
  const [error, setError] = useState<string>();
  const editing = props.row !== undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      if (props.row) await updateParticipant(store, props.row.participant.id, { name, party, role });
      else await addParticipant(store, props.debateId, { name, party, role });
      setError(undefined);
      if (!editing) {
        setName('');
        setParty('');
      }
      props.onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <form onSubmit={submit} className="inline-form" aria-label={editing ? 'Edit participant' : 'Add participant'} noValidate>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </label>
      <label>
        Party
        <input value={party} onChange={(e) => setParty(e.target.value)} maxLength={200} />
      </label>
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.target.value as ParticipantRole)}>
          {PARTICIPANT_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary">
        {editing ? 'Save participant' : 'Add participant'}
      </button>
      {editing && (
        <button type="button" onClick={props.onDone}>
          Cancel
        </button>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}
