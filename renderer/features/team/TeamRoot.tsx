import { JoinProjectDialog } from './JoinProjectDialog.js';
import { ShareProjectDialog } from './ShareProjectDialog.js';
import { TeamDialog } from './TeamDialog.js';
import { useTeamStore } from './teamStore.js';

/** The team dialogs, one at a time. */
export function TeamRoot() {
  const dialog = useTeamStore((s) => s.dialog);
  if (dialog === 'share') return <ShareProjectDialog />;
  if (dialog === 'join') return <JoinProjectDialog />;
  if (dialog === 'team') return <TeamDialog />;
  return null;
}
