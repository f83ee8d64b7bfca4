import { z } from 'zod';
import { CLAIM_STATUSES, CLAIM_TYPES } from '../../../shared/model.js';
import { db } from '../../db/database.js';
import { SAVED_CHOICES, useCompareStore, type SavedChoices } from './compareStore.js';

/** What may come back from the settings: anything else (an older shape, a damaged value) is ignored field by field. */
const FIELDS: Record<(typeof SAVED_CHOICES)[number], z.ZodType> = {
  speakerIds: z.array(z.string()),
  debateIds: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  topicIds: z.array(z.string()),
  types: z.array(z.enum(CLAIM_TYPES)),
  statuses: z.array(z.enum(CLAIM_STATUSES)),
  minChecked: z.number().int().min(0),
  includeSubtopics: z.boolean(),
  hideEmptyRows: z.boolean(),
  speakersAuto: z.boolean(),
};

/** The settings key of the compare section's choices: in the project's database, so each project keeps its own. */
export const COMPARE_CHOICES_KEY = 'compare:choices';

let saving: (() => void) | undefined;

function pick(state: SavedChoices): SavedChoices {
  return Object.fromEntries(SAVED_CHOICES.map((key) => [key, state[key]])) as unknown as SavedChoices;
}

/**
 * Restores the last choices (speakers, scope, filters) and keeps saving them as they change. Ids of people, debates
 * or topics deleted since are dropped when the view reads them against the library.
 */
export async function restoreCompareChoices(): Promise<void> {
  if (saving) return;
  const saved = await db.settings.get(COMPARE_CHOICES_KEY);
  if (saved?.value && typeof saved.value === 'object') {
    const value = saved.value as Record<string, unknown>;
    const restored: Record<string, unknown> = {};
    for (const key of SAVED_CHOICES) {
      const parsed = FIELDS[key].safeParse(value[key]);
      if (parsed.success) restored[key] = parsed.data;
    }
    useCompareStore.getState().restoreChoices(restored as Partial<SavedChoices>);
  }
  let last = JSON.stringify(pick(useCompareStore.getState()));
  saving = useCompareStore.subscribe((state) => {
    const now = JSON.stringify(pick(state));
    if (now === last) return;
    last = now;
    void db.settings.put({ key: COMPARE_CHOICES_KEY, value: JSON.parse(now) as unknown });
  });
}
