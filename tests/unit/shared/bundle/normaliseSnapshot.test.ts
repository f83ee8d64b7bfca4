import { describe, expect, it } from 'vitest';
import { normaliseSnapshot, SnapshotError } from '../../../../shared/bundle/normaliseSnapshot.js';
import { sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';

describe('normaliseSnapshot', () => {
  it('leaves a current snapshot exactly as it is', () => {
    expect(normaliseSnapshot(JSON.parse(JSON.stringify(sampleSnapshot())))).toEqual(sampleSnapshot());
  });

  it('fills missing tables and fields with defaults', () => {
    const s = normaliseSnapshot({ claims: [{ id: 'c1', text: 'x', createdAt: '2020-01-01T00:00:00.000Z' }], people: [{ id: 'p1', name: 'A' }] });
    expect(s.debates).toEqual([]);
    expect(s.claims[0]).toEqual({
      id: 'c1',
      text: 'x',
      topicIds: [],
      type: 'position',
      status: 'new',
      createdAt: '2020-01-01T00:00:00.000Z',
      updatedAt: '2020-01-01T00:00:00.000Z',
    });
    expect(s.people[0]?.aliases).toEqual([]);
  });

  it('upgrades old shapes: a single topicId, flat anchors, a quote given as a string', () => {
    const s = normaliseSnapshot({
      claims: [{ id: 'c1', text: 'x', topicId: 't1' }],
      appearances: [
        { id: 'a1', claimId: 'c1', documentId: 'd1', start: 3, end: 8, exact: 'hello', prefix: 'ab ', suffix: '' },
        { id: 'a2', claimId: 'c1', documentId: 'd1', anchor: { quote: 'hello', position: { start: 3, end: 8 } } },
      ],
    });
    expect(s.claims[0]?.topicIds).toEqual(['t1']);
    expect(s.appearances[0]?.anchor).toEqual({ quote: { exact: 'hello', prefix: 'ab ', suffix: '' }, position: { start: 3, end: 8 }, documentVersion: 1 });
    expect(s.appearances[1]?.anchor.quote).toEqual({ exact: 'hello', prefix: '', suffix: '' });
    expect(s.appearances[1]?.state).toBe('anchored');
  });

  it('keeps fields it does not know, so newer data survives', () => {
    const s = normaliseSnapshot({ debates: [{ id: 'd1', title: 'T', kind: 'hustings', livestreamUrl: 'https://x', createdAt: 'c', updatedAt: 'u' }] });
    expect(s.debates[0]).toMatchObject({ livestreamUrl: 'https://x', kind: 'hustings' });
  });

  it('refuses what cannot be a project', () => {
    expect(() => normaliseSnapshot(null)).toThrow(SnapshotError);
    expect(() => normaliseSnapshot({ claims: {} })).toThrow(/"claims" table is not a list/);
    expect(() => normaliseSnapshot({ claims: [{ text: 'no id' }] })).toThrow(/Record 1 of "claims" has no id/);
    expect(() => normaliseSnapshot({ people: [{ id: 'p' }, { id: 'p' }] })).toThrow(/twice/);
  });
});
