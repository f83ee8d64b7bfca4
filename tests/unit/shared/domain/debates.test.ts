import { describe, expect, it } from 'vitest';
import { addParticipant, createDebate, deleteDebate, removeParticipant, updateDebate, updateParticipant, ValidationError } from '../../../../shared/domain/debates.js';
import { MemoryStore } from '../../../../shared/domain/memoryStore.js';

describe('debate operations', () => {
  it('creates, edits and deletes a debate with its participants', async () => {
    const store = new MemoryStore();
    const debate = await createDebate(store, { title: ' Labour leadership debate ', date: '2016-08-17', venue: '', kind: 'tv-debate' });
    expect(debate.title).toBe('Labour leadership debate');
    expect(debate).not.toHaveProperty('venue');
    await addParticipant(store, debate.id, { name: 'Jeremy Corbyn', party: 'Labour', role: 'candidate' });
    await addParticipant(store, debate.id, { name: 'Owen Smith', role: 'candidate' });
    const edited = await updateDebate(store, debate.id, { title: 'Leadership debate', kind: 'hustings' });
    expect(edited).toMatchObject({ title: 'Leadership debate', kind: 'hustings' });
    expect(edited).not.toHaveProperty('date');
    expect(store.snapshot().participants).toHaveLength(2);
    await deleteDebate(store, debate.id);
    const after = store.snapshot();
    expect(after.debates).toHaveLength(0);
    expect(after.participants).toHaveLength(0);
    expect(after.people).toHaveLength(2); // people stay in the library
  });

  it('matches the same person across debates by name or alias', async () => {
    const store = new MemoryStore();
    const a = await createDebate(store, { title: 'A', kind: 'tv-debate' });
    const b = await createDebate(store, { title: 'B', kind: 'hustings' });
    const first = await addParticipant(store, a.id, { name: 'Owen Smith', role: 'candidate' });
    const second = await addParticipant(store, b.id, { name: 'owen  smith', role: 'panelist' });
    expect(second.person.id).toBe(first.person.id);
    await expect(addParticipant(store, a.id, { name: 'Owen Smith', role: 'candidate' })).rejects.toThrow('already takes part');
  });

  it('renaming keeps the old name as an alias; editing the role stays per debate', async () => {
    const store = new MemoryStore();
    const d = await createDebate(store, { title: 'A', kind: 'tv-debate' });
    const { participant } = await addParticipant(store, d.id, { name: 'Corbyn', role: 'candidate' });
    await updateParticipant(store, participant.id, { name: 'Jeremy Corbyn', role: 'panelist' });
    const snap = store.snapshot();
    expect(snap.people[0]).toMatchObject({ name: 'Jeremy Corbyn', aliases: ['Corbyn'] });
    expect(snap.participants[0]).toMatchObject({ role: 'panelist' });
    await removeParticipant(store, participant.id);
    expect(store.snapshot().participants).toHaveLength(0);
  });

  it('refuses bad input with a sentence for the user and stores nothing', async () => {
    const store = new MemoryStore();
    await expect(createDebate(store, { title: '  ', kind: 'tv-debate' })).rejects.toThrow(new ValidationError('A debate needs a title.'));
    await expect(createDebate(store, { title: 'x', date: '17/08/2016', kind: 'tv-debate' })).rejects.toThrow('Dates look like 2016-07-30.');
    await expect(createDebate(store, { title: 'x', kind: 'rally' as never })).rejects.toThrow(ValidationError);
    expect(store.snapshot().debates).toHaveLength(0);
  });

  it('a failing transaction writes nothing (all or none)', async () => {
    const store = new MemoryStore();
    await expect(
      store.transaction('half', async (tx) => {
        await tx.put('debates', { id: 'd1', title: 'x', kind: 'tv-debate', createdAt: '', updatedAt: '' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(store.snapshot().debates).toHaveLength(0);
  });
});
