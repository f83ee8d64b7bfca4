import { describe, expect, it } from 'vitest';
import { buildComparison } from '../../../../shared/compare/buildComparison.js';
import { createClaim } from '../../../../shared/domain/claims.js';
import { MemoryStore } from '../../../../shared/domain/memoryStore.js';
import { deleteStance, setStance, updateStance } from '../../../../shared/domain/stances.js';
import { ensureTopicPath } from '../../../../shared/domain/topics.js';

const stamp = { createdAt: '2016-01-01T00:00:00.000Z', updatedAt: '2016-01-01T00:00:00.000Z' };
const TEXT = 'We would have to come to the aid of a fellow member of NATO. I don’t wish to go to war.';

async function library() {
  const store = new MemoryStore({
    people: [
      { id: 'smith', name: 'Owen Smith', aliases: [], ...stamp },
      { id: 'corbyn', name: 'Jeremy Corbyn', aliases: [], ...stamp },
    ],
    debates: [{ id: 'deb', title: 'Debate', kind: 'tv-debate', ...stamp }],
    documents: [{ id: 'doc', debateId: 'deb', title: 'Transcript', format: 'text', text: TEXT, version: 1, ...stamp }],
  });
  const topic = await ensureTopicPath(store, ['Defence', 'NATO', 'Article 5']);
  const smith = await createClaim(store, { text: 'come to the aid', type: 'promise', claimantId: 'smith', topicIds: [topic.id] }, { documentId: 'doc', start: 0, end: 60 });
  const corbyn = await createClaim(store, { text: 'no war', type: 'position', claimantId: 'corbyn', topicIds: [topic.id] }, { documentId: 'doc', start: 61, end: TEXT.length });
  return { store, topic, smithQuote: smith.appearance!.id, corbynQuote: corbyn.appearance!.id };
}

describe('stances', () => {
  it('records a stance backed by the speaker’s own quotes, trimmed, without empty fields', async () => {
    const { store, topic, smithQuote } = await library();
    const stance = await setStance(store, { personId: 'smith', topicId: topic.id, label: '  commits unconditionally ', text: '', date: '', appearanceIds: [smithQuote, smithQuote] });
    expect(stance).toMatchObject({ personId: 'smith', topicId: topic.id, label: 'commits unconditionally', appearanceIds: [smithQuote] });
    expect(stance).not.toHaveProperty('text');
    expect(stance).not.toHaveProperty('date');
    expect(store.snapshot().stances).toHaveLength(1);
  });

  it('refuses a missing label, a bad date, and another speaker’s quote', async () => {
    const { store, topic, corbynQuote } = await library();
    await expect(setStance(store, { personId: 'smith', topicId: topic.id, label: ' ' })).rejects.toThrow('needs a short label');
    await expect(setStance(store, { personId: 'smith', topicId: topic.id, label: 'x', date: '17/08/2016' })).rejects.toThrow('Dates look like');
    await expect(setStance(store, { personId: 'smith', topicId: topic.id, label: 'x', appearanceIds: [corbynQuote] })).rejects.toThrow('can only quote Owen Smith’s own claims');
    await expect(setStance(store, { personId: 'smith', topicId: 'nope', label: 'x' })).rejects.toThrow('topic no longer exists');
    expect(store.snapshot().stances).toHaveLength(0);
  });

  it('replaces the stance of the same date, keeps another date beside it, and the comparison flags the shift', async () => {
    const { store, topic, corbynQuote } = await library();
    await setStance(store, { personId: 'corbyn', topicId: topic.id, label: 'will not commit', date: '2016-08-17', appearanceIds: [corbynQuote] });
    await setStance(store, { personId: 'corbyn', topicId: topic.id, label: 'would not commit', date: '2016-08-17', appearanceIds: [corbynQuote] });
    expect(store.snapshot().stances.map((s) => s.label)).toEqual(['would not commit']);
    await setStance(store, { personId: 'corbyn', topicId: topic.id, label: 'commits unconditionally', date: '2017-05-01' });
    const snap = store.snapshot();
    expect(snap.stances).toHaveLength(2);
    const result = buildComparison(snap, { speakerIds: ['smith', 'corbyn'], scope: {} });
    const flag = result.flags.find((f) => f.kind === 'stance-change');
    expect(flag?.detail).toBe('On Article 5: “would not commit” (2016-08-17) → “commits unconditionally” (2017-05-01)');
  });

  it('updates and deletes a stance', async () => {
    const { store, topic, smithQuote } = await library();
    const stance = await setStance(store, { personId: 'smith', topicId: topic.id, label: 'commits' });
    const updated = await updateStance(store, stance.id, { personId: 'smith', topicId: topic.id, label: 'commits unconditionally', text: 'Said twice.', date: '2016-08-17', appearanceIds: [smithQuote] });
    expect(updated).toMatchObject({ id: stance.id, createdAt: stance.createdAt, label: 'commits unconditionally', text: 'Said twice.', date: '2016-08-17', appearanceIds: [smithQuote] });
    await deleteStance(store, stance.id);
    expect(store.snapshot().stances).toEqual([]);
    await expect(updateStance(store, stance.id, { personId: 'smith', topicId: topic.id, label: 'x' })).rejects.toThrow('no longer exists');
  });
});
