import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/database.js';
import { useTeamStore } from '../team/teamStore.js';

/** The setting the verdict form keeps the last author's name in (ClaimPanel.tsx). */
const LAST_AUTHOR_KEY = 'lastVerdictAuthor';

/**
 * Who is working at this laptop: the team member's name in a team project, else the name last signed under a
 * verdict. A blind review hides the first verdict from the analyst it names.
 */
export function useAnalystName(): string | undefined {
  const member = useTeamStore((s) => s.memberName);
  const last = useLiveQuery(async () => {
    const setting = await db.settings.get(LAST_AUTHOR_KEY);
    return typeof setting?.value === 'string' ? setting.value : '';
  }, []);
  return member || last || undefined;
}
