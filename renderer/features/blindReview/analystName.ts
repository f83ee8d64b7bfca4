import { useLastAuthor } from '../claims/lastAuthor.js';
import { useTeamStore } from '../team/teamStore.js';

/**
 * Who is working at this laptop: the team member's name in a team project, else the name last signed under a
 * verdict. A blind review hides the first verdict from the analyst it names.
 */
export function useAnalystName(): string | undefined {
  const member = useTeamStore((s) => s.memberName);
  const last = useLastAuthor();
  return member || last || undefined;
}
