import { describe, expect, it } from 'vitest';
import { conflictKey, mergeSnapshots, resolveConflicts } from '../../../../shared/bundle/mergeSnapshots.js';
import { sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';

describe('mergeSnapshots', () => {
  it('merging a library into itself changes nothing and lists no conflicts', () => {
    const { merged, conflicts } = mergeSnapshots(sampleSnapshot(), sampleSnapshot());
    expect(conflicts).toEqual([]);
    expect(merged).toEqual(sampleSnapshot());
  });

  it('adds new records, lists different ones, and applies the user choices', () => {
    const current = sampleSnapshot();
    const incoming = sampleSnapshot();
    const claim = incoming.claims.find((c) => c.id === 'claim-osce');
    const person = incoming.people.find((p) => p.id === 'person-trump');
    if (!claim || !person) throw new Error('fixture');
    claim.status = 'checked';
    person.party = 'Independent';
    incoming.topics.push({ id: 'topic-new', name: 'New', createdAt: 'c', updatedAt: 'u' });
    const { merged, conflicts } = mergeSnapshots(current, incoming);
    expect(merged.topics.map((t) => t.id)).toContain('topic-new');
    expect(conflicts.map(conflictKey).sort()).toEqual(['claims/claim-osce', 'people/person-trump']);
    expect(merged.claims.find((c) => c.id === 'claim-osce')?.status).toBe('new'); // current kept until decided
    const resolved = resolveConflicts(merged, conflicts, { 'claims/claim-osce': 'incoming', 'people/person-trump': 'current' });
    expect(resolved.claims.find((c) => c.id === 'claim-osce')?.status).toBe('checked');
    expect(resolved.people.find((p) => p.id === 'person-trump')?.party).toBe('Republican');
    expect(resolved.claims.map((c) => c.id)).toEqual(merged.claims.map((c) => c.id));
  });
});
