import { describe, expect, it } from 'vitest';
import { createClaim } from '../../../../shared/domain/claims.js';
import { MemoryStore } from '../../../../shared/domain/memoryStore.js';
import { setStance } from '../../../../shared/domain/stances.js';
import { createTopic, deleteTopic, ensureTopicPath, moveTopic, renameTopic } from '../../../../shared/domain/topics.js';
import { topicPath } from '../../../../shared/compare/topicPath.js';

const stamp = { createdAt: '2016-01-01T00:00:00.000Z', updatedAt: '2016-01-01T00:00:00.000Z' };

async function library() {
  const store = new MemoryStore({ people: [{ id: 'corbyn', name: 'Jeremy Corbyn', aliases: [], ...stamp }] });
  const article5 = await ensureTopicPath(store, ['Defence', 'NATO', 'Article 5']);
  const nato = article5.parentId!;
  const { claim } = await createClaim(store, { text: 'I don’t wish to go to war.', type: 'position', claimantId: 'corbyn', topicIds: [article5.id] });
  return { store, article5, nato, claim };
}

describe('topic tree editing', () => {
  it('renames a topic, refusing an empty name or a sibling’s name', async () => {
    const { store, article5, nato } = await library();
    const renamed = await renameTopic(store, article5.id, '  Article   5 (collective defence) ');
    expect(renamed.name).toBe('Article 5 (collective defence)');
    await expect(renameTopic(store, article5.id, '   ')).rejects.toThrow('A topic needs a name.');
    await createTopic(store, 'Defence spending', nato);
    await expect(renameTopic(store, article5.id, 'defence SPENDING')).rejects.toThrow('already a topic named “Defence spending”');
    expect(topicPath(store.snapshot().topics, article5.id)).toBe('Defence › NATO › Article 5 (collective defence)');
  });

  it('moves a topic with its subtopics, to the top and back, and refuses a loop', async () => {
    const { store, article5, nato } = await library();
    const defence = store.snapshot().topics.find((t) => t.name === 'Defence')!;
    await moveTopic(store, nato, undefined);
    expect(topicPath(store.snapshot().topics, article5.id)).toBe('NATO › Article 5');
    await expect(moveTopic(store, nato, article5.id)).rejects.toThrow('cannot move under itself');
    await expect(moveTopic(store, nato, nato)).rejects.toThrow('cannot move under itself');
    await moveTopic(store, nato, defence.id);
    expect(topicPath(store.snapshot().topics, article5.id)).toBe('Defence › NATO › Article 5');
    expect(store.snapshot().topics.find((t) => t.id === nato)!.parentId).toBe(defence.id);
  });

  it('deletes a topic: subtopics move up, claims move to the parent, its stances go, nothing else is lost', async () => {
    const { store, article5, nato, claim } = await library();
    const sub = await createTopic(store, 'Baltic states', article5.id);
    await setStance(store, { personId: 'corbyn', topicId: article5.id, label: 'will not commit' });
    const result = await deleteTopic(store, article5.id);
    expect(result).toEqual({ movedSubtopics: 1, retaggedClaims: 1, retaggedAppearances: 0, deletedStances: 1 });
    const snap = store.snapshot();
    expect(snap.topics.map((t) => t.name).sort()).toEqual(['Baltic states', 'Defence', 'NATO']);
    expect(snap.topics.find((t) => t.id === sub.id)!.parentId).toBe(nato);
    expect(snap.claims.find((c) => c.id === claim.id)!.topicIds).toEqual([nato]);
    expect(snap.stances).toEqual([]);
  });

  it('deleting a top-level topic leaves its claims without that tag', async () => {
    const store = new MemoryStore();
    const economy = await createTopic(store, 'Economy');
    const { claim } = await createClaim(store, { text: 'Growth doubled.', type: 'statistic', topicIds: [economy.id] });
    await deleteTopic(store, economy.id);
    expect(store.snapshot().claims.find((c) => c.id === claim.id)!.topicIds).toEqual([]);
  });
});
