import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../../db/database.js';
import { FormFooter } from '../shell/FormFooter.js';
import { Modal } from '../shell/Modal.js';
import { runTeamRequest } from './teamSession.js';
import { useTeamStore } from './teamStore.js';

const LAST_NAME_KEY = 'lastVerdictAuthor';

/** Share project…: turns this library, or chosen debates of it, into a team project on a sync server. */
export function ShareProjectDialog() {
  const debates = useLiveQuery(() => db.debates.toArray().then((all) => all.sort((a, b) => a.title.localeCompare(b.title))));
  const lastName = useLiveQuery(() => db.settings.get(LAST_NAME_KEY).then((s) => (typeof s?.value === 'string' ? s.value : '')));
  const busy = useTeamStore((s) => s.busy);
  const problem = useTeamStore((s) => s.problem);
  const close = () => useTeamStore.getState().patch({ dialog: undefined, problem: undefined });
  const draft = useTeamStore((s) => s.draft);
  const [serverUrl, setServerUrl] = useState(draft?.serverUrl ?? '');
  const [invitation, setInvitation] = useState(draft?.invitation ?? '');
  const [name, setName] = useState<string | undefined>(draft?.name || undefined);
  const [scope, setScope] = useState<'library' | 'debates'>('library');
  const [chosen, setChosen] = useState<Set<string>>(new Set());

  return (
    <Modal title="Share project" onClose={close}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (scope === 'debates' && chosen.size === 0) {
            useTeamStore.getState().patch({ problem: 'Choose at least one debate to share.' });
            return;
          }
          void runTeamRequest({
            kind: 'share',
            serverUrl,
            invitation,
            name: name ?? lastName ?? '',
            scope: scope === 'library' ? { kind: 'library' } : { kind: 'debates', debateIds: [...chosen] },
          }).catch(() => undefined);
        }}
      >
        <p>Your team works on the shared project from their own laptops, online or not; changes merge when they meet the server.</p>
        <label>
          Server address
          <input value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} placeholder="https://sync.example.org" required autoFocus />
        </label>
        <label>
          Invitation
          <textarea value={invitation} onChange={(e) => setInvitation(e.target.value)} rows={3} required aria-describedby="share-invitation-help" />
        </label>
        <p id="share-invitation-help" className="muted small">
          An owner invitation from whoever runs the server (<code>npm run server -- invite</code>).
        </p>
        <label>
          Your name
          <input value={name ?? lastName ?? ''} onChange={(e) => setName(e.target.value)} required />
        </label>
        <fieldset>
          <legend>What to share</legend>
          <label>
            <input type="radio" name="share-scope" checked={scope === 'library'} onChange={() => setScope('library')} /> The whole library
          </label>
          <label>
            <input type="radio" name="share-scope" checked={scope === 'debates'} onChange={() => setScope('debates')} /> Chosen debates
          </label>
        </fieldset>
        {scope === 'debates' && (
          <fieldset aria-label="Debates to share" className="bundle-debates">
            {(debates ?? []).map((d) => (
              <label key={d.id}>
                <input
                  type="checkbox"
                  checked={chosen.has(d.id)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(d.id);
                    else next.delete(d.id);
                    setChosen(next);
                  }}
                />{' '}
                {d.title}
              </label>
            ))}
          </fieldset>
        )}
        {busy && <p role="status">{busy}</p>}
        <FormFooter error={problem} submitLabel="Share" onCancel={close} busy={!!busy} />
      </form>
    </Modal>
  );
}
