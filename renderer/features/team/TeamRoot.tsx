import { useEffect } from 'react';
import { onCommand } from '../shell/commands.js';
import { JoinProjectDialog } from './JoinProjectDialog.js';
import { ShareProjectDialog } from './ShareProjectDialog.js';
import { TeamDialog } from './TeamDialog.js';
import { useTeamStore } from './teamStore.js';

/** The team dialogs, one at a time, and the File menu's Share project… and Join project… that open them. */
export function TeamRoot() {
  const dialog = useTeamStore((s) => s.dialog);
  useEffect(() => {
    // Once the library is shared, both commands show the team project itself (its status, members and invitations).
    const open = (kind: 'share' | 'join') => () => {
      const team = useTeamStore.getState();
      team.openTeamDialog(team.status === 'none' ? kind : 'team');
    };
    const offs = [onCommand('file:share-project', open('share')), onCommand('file:join-project', open('join'))];
    return () => offs.forEach((off) => off());
  }, []);
  if (dialog === 'share') return <ShareProjectDialog />;
  if (dialog === 'join') return <JoinProjectDialog />;
  if (dialog === 'team') return <TeamDialog />;
  return null;
}
