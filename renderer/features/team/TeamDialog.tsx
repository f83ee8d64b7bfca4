import { useEffect, useState } from 'react';
import { SYNC_ROLE_LABELS, type SyncRole } from '../../../shared/sync/serverApi.js';
import { restoreDeleted } from '../../../shared/sync/restore.js';
import type { DeletedGroup } from '../../../shared/sync/projectMirror.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { Modal } from '../shell/Modal.js';
import { createInvitation, listMembers } from './serverClient.js';
import { currentConfig, currentMirror, leaveTeam } from './teamSession.js';
import { statusText, useTeamStore } from './teamStore.js';

/** The team project: who is online and what they read, members, invitations, deleted records, leaving. */
export function TeamDialog() {
  const team = useTeamStore();
  const config = currentConfig();
  const close = () => team.patch({ dialog: undefined, problem: undefined });
  const [members, setMembers] = useState<{ name: string; role: SyncRole }[]>();
  const [inviteRole, setInviteRole] = useState<SyncRole>('editor');
  const [hours, setHours] = useState(72);
  const [invitation, setInvitation] = useState<string>();
  const [error, setError] = useState<string>();
  const [deleted, setDeleted] = useState<DeletedGroup[]>([]);
  const [confirmLeave, setConfirmLeave] = useState(false);

  useEffect(() => {
    if (!config) return;
    listMembers(config.serverUrl, config.token).then(
      (r) => setMembers(r.members),
      () => setMembers(undefined),
    );
  }, [config]);
  useEffect(() => {
    setDeleted(currentMirror()?.deletedGroups() ?? []);
  }, [team.revision]);

  if (!config) return null;
  return (
    <Modal title="Team project" onClose={close} wide>
      <p>
        <strong>{team.projectName}</strong> on {config.serverUrl} — you are <strong>{config.name}</strong> ({SYNC_ROLE_LABELS[config.role]}).{' '}
        <span className="muted">{statusText(team)}</span>
      </p>
      {team.problem && <p role="alert">{team.problem}</p>}
      <section aria-label="Online now">
        <h3>Online now</h3>
        {team.peers.length === 0 ? (
          <p className="muted">Nobody else has the project open.</p>
        ) : (
          <ul>
            {team.peers.map((p) => (
              <li key={p.clientId}>
                {p.name}
                {p.role ? ` (${SYNC_ROLE_LABELS[p.role]})` : ''} — {p.documentTitle ? `reading “${p.documentTitle}”` : 'not reading a document'}
              </li>
            ))}
          </ul>
        )}
      </section>
      {members && (
        <section aria-label="Members">
          <h3>Members</h3>
          <ul>
            {members.map((m) => (
              <li key={`${m.name}-${m.role}`}>
                {m.name} — {SYNC_ROLE_LABELS[m.role]}
              </li>
            ))}
          </ul>
        </section>
      )}
      {config.role === 'owner' && (
        <section aria-label="Invite">
          <h3>Invite someone</h3>
          <form
            className="inline-form"
            onSubmit={async (event) => {
              event.preventDefault();
              setError(undefined);
              try {
                setInvitation((await createInvitation(config.serverUrl, config.token, inviteRole, hours)).invitation);
              } catch (e) {
                setError(e instanceof Error ? e.message : String(e));
              }
            }}
          >
            <label>
              Role
              <select value={inviteRole} onChange={(e) => setInviteRole(e.target.value as SyncRole)}>
                <option value="editor">Editor (reads and writes)</option>
                <option value="viewer">Viewer (reads only)</option>
                <option value="owner">Owner (also invites)</option>
              </select>
            </label>
            <label>
              Valid for (hours)
              <input type="number" min={1} max={720} value={hours} onChange={(e) => setHours(Number(e.target.value))} />
            </label>
            <button type="submit">Create invitation</button>
          </form>
          {error && <p role="alert">{error}</p>}
          {invitation && (
            <label>
              New invitation (send it to one person; it works once)
              <textarea readOnly value={invitation} rows={3} onFocus={(e) => e.currentTarget.select()} />
            </label>
          )}
        </section>
      )}
      <section aria-label="Deleted records">
        <h3>Deleted records</h3>
        {deleted.length === 0 ? (
          <p className="muted">Nothing deleted in this project.</p>
        ) : (
          <ul className="team-bin">
            {deleted.slice(0, 50).map((g) => (
              <li key={g.tx}>
                {g.label} — {g.records.length} record{g.records.length === 1 ? '' : 's'}, by {g.by}, <time dateTime={g.at}>{new Date(g.at).toLocaleString()}</time>{' '}
                {config.role !== 'viewer' && (
                  <button
                    type="button"
                    aria-label={`Restore ${g.label} by ${g.by}`}
                    onClick={async () => {
                      const mirror = currentMirror();
                      if (!mirror) return;
                      try {
                        await restoreDeleted(store, mirror, g.tx);
                        useUiStore.getState().notify(`Restored ${g.records.length} record${g.records.length === 1 ? '' : 's'}.`);
                      } catch (e) {
                        setError(e instanceof Error ? e.message : String(e));
                      }
                    }}
                  >
                    Restore
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="form-actions">
        {confirmLeave ? (
          <>
            <span>Leave the project? Its records stay in this library; you stop receiving changes.</span>
            <button type="button" onClick={() => setConfirmLeave(false)}>
              Stay
            </button>
            <button type="button" className="danger" onClick={() => void leaveTeam()}>
              Leave and keep a local copy
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={() => setConfirmLeave(true)}>
              Leave project…
            </button>
            <button type="button" className="primary" onClick={close}>
              Close
            </button>
          </>
        )}
      </div>
    </Modal>
  );
}
