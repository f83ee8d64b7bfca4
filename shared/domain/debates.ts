import { z } from 'zod';
import { newId, nowIso } from '../ids.js';
import { DEBATE_KINDS, PARTICIPANT_ROLES, type Debate, type Participant, type Person } from '../model.js';
import type { Store, StoreTx } from './store.js';
import { speakerColor } from '../speakerColors.js';

/** What a user types into the debate form; validated before anything is stored. */
export const debateInput = z.object({
  title: z.string().trim().min(1, 'A debate needs a title.').max(300),
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates look like 2016-07-30.')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  venue: z.string().trim().max(300).optional(),
  kind: z.enum(DEBATE_KINDS),
  notes: z.string().max(20000).optional(),
});
export type DebateInput = z.input<typeof debateInput>;

export const participantInput = z.object({
  name: z.string().trim().min(1, 'A participant needs a name.').max(200),
  party: z.string().trim().max(200).optional(),
  role: z.enum(PARTICIPANT_ROLES),
});
export type ParticipantInput = z.input<typeof participantInput>;

/** Raised when user input does not pass validation; the message is for the user. */
export class ValidationError extends Error {
  override name = 'ValidationError';
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(result.error.issues[0]?.message ?? 'Invalid input.');
  return result.data;
}

function clean<T extends object>(record: T): T {
  // Empty optional fields are left out rather than stored as "".
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || value === '') delete (record as Record<string, unknown>)[key];
  }
  return record;
}

export async function createDebate(store: Store, input: DebateInput): Promise<Debate> {
  const data = parse(debateInput, input);
  const now = nowIso();
  const debate = clean<Debate>({ id: newId('deb_'), ...data, createdAt: now, updatedAt: now });
  await store.transaction(`Create debate “${debate.title}”`, (tx) => tx.put('debates', debate));
  return debate;
}

export async function updateDebate(store: Store, id: string, input: DebateInput): Promise<Debate> {
  const data = parse(debateInput, input);
  return store.transaction(`Edit debate “${data.title}”`, async (tx) => {
    const existing = await tx.get('debates', id);
    if (!existing) throw new ValidationError('That debate no longer exists.');
    const { date: _d, venue: _v, notes: _n, ...rest } = existing;
    const updated = clean<Debate>({ ...rest, ...data, updatedAt: nowIso() });
    await tx.put('debates', updated);
    return updated;
  });
}

/** Deletes a debate with its participants and documents (and their turns); people stay in the library. */
export async function deleteDebate(store: Store, id: string): Promise<void> {
  await store.transaction('Delete debate', async (tx) => {
    const debate = await tx.get('debates', id);
    if (!debate) return;
    for (const p of await tx.where('participants', 'debateId', id)) await tx.delete('participants', p.id);
    for (const doc of await tx.where('documents', 'debateId', id)) await deleteDocumentIn(tx, doc.id);
    await tx.delete('debates', id);
  });
}

/** Removes a document and everything anchored to it; claims keep their other appearances. */
export async function deleteDocumentIn(tx: StoreTx, documentId: string): Promise<void> {
  for (const turn of await tx.where('turns', 'documentId', documentId)) await tx.delete('turns', turn.id);
  for (const a of await tx.where('appearances', 'documentId', documentId)) await tx.delete('appearances', a.id);
  for (const n of await tx.where('notes', 'documentId', documentId)) await tx.delete('notes', n.id);
  await tx.delete('documents', documentId);
}

/** Finds a person by name or alias, ignoring case and spacing, so the same candidate is one person everywhere. */
export async function findPersonByName(tx: StoreTx, name: string): Promise<Person | undefined> {
  const key = normaliseName(name);
  const people = await tx.all('people');
  return people.find((p) => normaliseName(p.name) === key || p.aliases.some((a) => normaliseName(a) === key));
}

export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Adds a participant, reusing the person with that name if the library has one. */
export async function addParticipant(store: Store, debateId: string, input: ParticipantInput): Promise<{ participant: Participant; person: Person }> {
  const data = parse(participantInput, input);
  return store.transaction(`Add participant ${data.name}`, async (tx) => {
    if (!(await tx.get('debates', debateId))) throw new ValidationError('That debate no longer exists.');
    const now = nowIso();
    let person = await findPersonByName(tx, data.name);
    if (!person) {
      const count = (await tx.all('people')).length;
      person = clean<Person>({ id: newId('per_'), name: data.name, aliases: [], party: data.party, color: speakerColor(count), createdAt: now, updatedAt: now });
      await tx.put('people', person);
    }
    const already = (await tx.where('participants', 'debateId', debateId)).find((p) => p.personId === person.id);
    if (already) throw new ValidationError(`${person.name} already takes part in this debate.`);
    const participant = clean<Participant>({ id: newId('par_'), debateId, personId: person.id, role: data.role, party: data.party, createdAt: now, updatedAt: now });
    await tx.put('participants', participant);
    return { participant, person };
  });
}

/** Edits a participant: the role and party in this debate, and the person's name. */
export async function updateParticipant(store: Store, participantId: string, input: ParticipantInput): Promise<Participant> {
  const data = parse(participantInput, input);
  return store.transaction(`Edit participant ${data.name}`, async (tx) => {
    const participant = await tx.get('participants', participantId);
    if (!participant) throw new ValidationError('That participant no longer exists.');
    const person = await tx.get('people', participant.personId);
    const now = nowIso();
    if (person && person.name !== data.name) {
      const aliases = person.aliases.includes(person.name) ? person.aliases : [...person.aliases, person.name];
      await tx.put('people', { ...person, name: data.name, aliases: aliases.filter((a) => a !== data.name), updatedAt: now });
    }
    const { party: _p, ...rest } = participant;
    const updated = clean<Participant>({ ...rest, role: data.role, party: data.party, updatedAt: now });
    await tx.put('participants', updated);
    return updated;
  });
}

export async function removeParticipant(store: Store, participantId: string): Promise<void> {
  await store.transaction('Remove participant', (tx) => tx.delete('participants', participantId));
}
