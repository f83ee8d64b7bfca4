import { statusText, useTeamStore } from './teamStore.js';

/**
 * The team indicator in the window's header: Share project… and Join project… when the library is not shared;
 * once it is, the status (online, syncing, offline, with the local changes waiting) and who else is here.
 */
export function TeamBar() {
  const status = useTeamStore((s) => s.status);
  const waiting = useTeamStore((s) => s.waiting);
  const peers = useTeamStore((s) => s.peers);
  const projectName = useTeamStore((s) => s.projectName);
  const open = useTeamStore((s) => s.openTeamDialog);

  if (status === 'none') {
    return (
      <div className="team-bar" role="group" aria-label="Team">
        <button type="button" onClick={() => open('share')}>
          Share project…
        </button>
        <button type="button" onClick={() => open('join')}>
          Join project…
        </button>
      </div>
    );
  }
  const text = statusText({ status, waiting });
  return (
    <div className="team-bar" role="group" aria-label="Team">
      <span role="status" aria-label="Sync status" className={`team-status team-${status}`} data-waiting={waiting}>
        <span aria-hidden="true" className="team-dot" /> {text}
      </span>
      <button type="button" onClick={() => open('team')} aria-label={`Team project ${projectName ?? ''}: ${peers.length} others online`}>
        {projectName} · {peers.length === 0 ? 'only you' : `${peers.length + 1} online`}
      </button>
    </div>
  );
}
