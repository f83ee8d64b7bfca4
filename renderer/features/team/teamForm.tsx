import { useState, type ReactNode } from 'react';
import { useLastAuthor } from '../claims/lastAuthor.js';
import { useTeamStore } from './teamStore.js';

/** What Share project… and Join project… both ask for, and the state they both keep: server, invitation, name. */
export function useTeamForm() {
  const lastName = useLastAuthor();
  const busy = useTeamStore((s) => s.busy);
  const problem = useTeamStore((s) => s.problem);
  const draft = useTeamStore((s) => s.draft);
  const [serverUrl, setServerUrl] = useState(draft?.serverUrl ?? '');
  const [invitation, setInvitation] = useState(draft?.invitation ?? '');
  const [name, setName] = useState<string | undefined>(draft?.name || undefined);
  return {
    busy,
    problem,
    close: () => useTeamStore.getState().patch({ dialog: undefined, problem: undefined }),
    connection: { serverUrl, invitation, name: name ?? lastName ?? '' },
    fields: { serverUrl, setServerUrl, invitation, setInvitation, name: name ?? lastName ?? '', setName },
  };
}

/** The server address, invitation and name fields of the team dialogs. */
export function TeamConnectionFields(props: { fields: ReturnType<typeof useTeamForm>['fields']; invitationHelp?: ReactNode }) {
  const { fields } = props;
  return (
    <>
      <label>
        Server address
        <input value={fields.serverUrl} onChange={(e) => fields.setServerUrl(e.target.value)} placeholder="https://sync.example.org" required autoFocus />
      </label>
      <label>
        Invitation
        <textarea value={fields.invitation} onChange={(e) => fields.setInvitation(e.target.value)} rows={3} required {...(props.invitationHelp ? { 'aria-describedby': 'team-invitation-help' } : {})} />
      </label>
      {props.invitationHelp && (
        <p id="team-invitation-help" className="muted small">
          {props.invitationHelp}
        </p>
      )}
      <label>
        Your name
        <input value={fields.name} onChange={(e) => fields.setName(e.target.value)} required />
      </label>
    </>
  );
}
