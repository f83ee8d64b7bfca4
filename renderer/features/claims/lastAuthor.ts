import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/database.js';

/** The setting that keeps the name last signed under a verdict, offered as the author of the next one. */
const LAST_AUTHOR_KEY = 'lastVerdictAuthor';

/** The name last signed under a verdict on this laptop ('' when none). */
export async function readLastAuthor(): Promise<string> {
  const setting = await db.settings.get(LAST_AUTHOR_KEY);
  return typeof setting?.value === 'string' ? setting.value : '';
}

/** The same, kept live; undefined while it is read. */
export function useLastAuthor(): string | undefined {
  return useLiveQuery(readLastAuthor, []);
}

/** Remembers the name a verdict was signed with, for the next one. */
export async function rememberAuthor(name: string): Promise<void> {
  await db.settings.put({ key: LAST_AUTHOR_KEY, value: name.trim() });
}
