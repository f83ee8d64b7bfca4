import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../../db/database.js';
import { FormFooter } from '../shell/FormFooter.js';
import { Modal } from '../shell/Modal.js';
import { runTeamRequest } from './teamSession.js';
import { useTeamStore } from './teamStore.js';

/** Join project…: pulls a team project into this (empty) library, with an invitation from its owner. */
export function JoinProjectDialog() {
  const lastName = useLiveQuery(() => db.settings.get('lastVerdictAuthor').then((s) => (typeof s?.value === 'string' ? s.value : '')));
  const busy = useTeamStore((s) => s.busy);
  const problem = useTeamStore((s) => s.problem);
  const close = () => useTeamStore.getState().patch({ dialog: undefined, problem: undefined });
  const draft = useTeamStore((s) => s.draft);
  const [serverUrl, setServerUrl] = useState(draft?.serverUrl ?? '');
  const [invitation, setInvitation] = useState(draft?.invitation ?? '');
  const [name, setName] = useState<string | undefined>(draft?.name || undefined);

  return (
    <Modal title="Join project" onClose={close}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void runTeamRequest({ kind: 'join', serverUrl, invitation, name: name ?? lastName ?? '' }).catch(() => undefined);
        }}
      >
        <p>The project’s debates, claims, verdicts and files come into this library and stay in step with your team.</p>
        <label>
          Server address
          <input value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} placeholder="https://sync.example.org" required autoFocus />
        </label>
        <label>
          Invitation
          <textarea value={invitation} onChange={(e) => setInvitation(e.target.value)} rows={3} required />
        </label>
        <label>
          Your name
          <input value={name ?? lastName ?? ''} onChange={(e) => setName(e.target.value)} required />
        </label>
        {busy && <p role="status">{busy}</p>}
        <FormFooter error={problem} submitLabel="Join" onCancel={close} busy={!!busy} />
      </form>
    </Modal>
  );
}
