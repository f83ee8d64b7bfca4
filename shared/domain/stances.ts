import { z } from 'zod';
import { newId, nowIso } from '../ids.js';
import type { Stance } from '../model.js';
import { ValidationError } from './debates.js';
import type { Store, StoreTx } from './store.js';

/** What the stance form sends: who, on what, the short label, optional free text and date, and the backing quotes. */
export const stanceInput = z.object({
  personId: z.string().min(1, 'Choose the speaker.'),
  topicId: z.string().min(1, 'Choose the topic.'),
  label: z.string().trim().min(1, 'A stance needs a short label, such as “will not commit”.').max(120, 'Keep the label short: at most 120 characters.'),
  text: z.string().trim().max(5000).optional(),
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates look like 2016-07-30.')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  appearanceIds: z.array(z.string().min(1)).default([]),
});
export type StanceInput = z.input<typeof stanceInput>;

function parse(input: unknown): z.output<typeof stanceInput> {
  const result = stanceInput.safeParse(input);
  if (!result.success) throw new ValidationError(result.error.issues[0]?.message ?? 'Invalid stance.');
  return result.data;
}

/** The person and topic must exist, and every backing quote must be an appearance of one of that person's claims. */
async function check(tx: StoreTx, data: z.output<typeof stanceInput>): Promise<void> {
  const person = await tx.get('people', data.personId);
  if (!person) throw new ValidationError('That speaker is no longer in the library.');
  if (!(await tx.get('topics', data.topicId))) throw new ValidationError('That topic no longer exists.');
  for (const id of data.appearanceIds) {
    const appearance = await tx.get('appearances', id);
    if (!appearance) throw new ValidationError('A quote backing this stance no longer exists.');
    const claim = await tx.get('claims', appearance.claimId);
    if (claim?.claimantId !== data.personId) throw new ValidationError(`A stance of ${person.name} can only quote ${person.name}’s own claims.`);
  }
}

function build(base: Pick<Stance, 'id' | 'createdAt'>, data: z.output<typeof stanceInput>, now: string): Stance {
  const stance: Stance = {
    id: base.id,
    personId: data.personId,
    topicId: data.topicId,
    label: data.label,
    appearanceIds: [...new Set(data.appearanceIds)],
    createdAt: base.createdAt,
    updatedAt: now,
  };
  if (data.text) stance.text = data.text;
  if (data.date) stance.date = data.date;
  return stance;
}

/**
 * Records where a speaker stands on a topic. A stance with the same person, topic and date (or both undated) is
 * replaced rather than duplicated: two labels for one moment would read as a contradiction. A stance on another
 * date is kept beside the earlier ones, so a shift over time shows.
 */
export async function setStance(store: Store, input: StanceInput): Promise<Stance> {
  const data = parse(input);
  return store.transaction(`Set stance “${data.label}”`, async (tx) => {
    await check(tx, data);
    const same = (await tx.where('stances', 'personId', data.personId)).find((s) => s.topicId === data.topicId && (s.date ?? '') === (data.date ?? ''));
    const now = nowIso();
    const stance = build(same ?? { id: newId('stn_'), createdAt: now }, data, now);
    await tx.put('stances', stance);
    return stance;
  });
}

/** Changes a stance in place (its label, text, date, topic or quotes). */
export async function updateStance(store: Store, id: string, input: StanceInput): Promise<Stance> {
  const data = parse(input);
  return store.transaction(`Edit stance “${data.label}”`, async (tx) => {
    const existing = await tx.get('stances', id);
    if (!existing) throw new ValidationError('That stance no longer exists.');
    await check(tx, data);
    const stance = build(existing, data, nowIso());
    await tx.put('stances', stance);
    return stance;
  });
}

export async function deleteStance(store: Store, id: string): Promise<void> {
  await store.transaction('Delete stance', (tx) => tx.delete('stances', id));
}
