import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../../db/database.js';
import { DebateChecklist } from '../debates/DebateChecklist.js';
import { FormFooter } from '../shell/FormFooter.js';
import { Modal } from '../shell/Modal.js';
import { TeamConnectionFields, useTeamForm } from './teamForm.js';
import { runTeamRequest } from './teamSession.js';
import { useTeamStore } from './teamStore.js';

/** Share project…: turns this library, or chosen debates of it, into a team project on a sync server. */
export function ShareProjectDialog() {
  const debates = useLiveQuery(() => db.debates.toArray().then((all) => all.sort((a, b) => a.title.localeCompare(b.title))));
  const form = useTeamForm();
  const [scope, setScope] = useState<'library' | 'debates'>('library');
  const [chosen, setChosen] = useState<Set<string>>(new Set());

  return (
    <Modal title="Share project" onClose={form.close}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (scope === 'debates' && chosen.size === 0) {
            useTeamStore.getState().patch({ problem: 'Choose at least one debate to share.' });
            return;
          }
          void runTeamRequest({
            kind: 'share',
            ...form.connection,
            scope: scope === 'library' ? { kind: 'library' } : { kind: 'debates', debateIds: [...chosen] },
          }).catch(() => undefined);
        }}
      >
        <p>Your team works on the shared project from their own laptops, online or not; changes merge when they meet the server.</p>
        <TeamConnectionFields
          fields={form.fields}
          invitationHelp={
            <>
              An owner invitation from whoever runs the server (<code>npm run server -- invite</code>).
            </>
          }
        />
        <fieldset>
          <legend>What to share</legend>
          <label>
            <input type="radio" name="share-scope" checked={scope === 'library'} onChange={() => setScope('library')} /> The whole library
          </label>
          <label>
            <input type="radio" name="share-scope" checked={scope === 'debates'} onChange={() => setScope('debates')} /> Chosen debates
          </label>
        </fieldset>
        {scope === 'debates' && <DebateChecklist legend="Debates to share" className="bundle-debates" debates={debates ?? []} chosen={chosen} onChange={setChosen} />}
        {form.busy && <p role="status">{form.busy}</p>}
        <FormFooter error={form.problem} submitLabel="Share" onCancel={form.close} busy={!!form.busy} />
      </form>
    </Modal>
  );
}
