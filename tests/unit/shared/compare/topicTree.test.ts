import { describe, expect, it } from 'vitest';
import { flattenTopicTree, topicTree } from '../../../../shared/compare/topicTree.js';
import { topicPath } from '../../../../shared/compare/topicPath.js';
import { topics } from './compareFixture.js';

const t = (id: string, name: string, parentId?: string) => ({ id, name, ...(parentId ? { parentId } : {}) });

describe('topicTree', () => {
  it('nests topics under their parents, sorted by name, with depths', () => {
    const forest = topicTree(topics);
    expect(forest.map((n) => n.topic.id)).toEqual(['defence', 'economy']);
    expect(forest[0]?.children[0]?.topic.id).toBe('nato');
    expect(forest[0]?.children[0]?.children[0]).toMatchObject({ depth: 2, topic: { id: 'art5' }, children: [] });
    expect(flattenTopicTree(forest).map((r) => `${r.depth}:${r.topic.name}`)).toEqual([
      '0:Defence',
      '1:NATO',
      '2:Article 5',
      '0:Economy',
    ]);
  });

  it('keeps topics with a missing parent and breaks parent cycles, listing each topic once', () => {
    const odd = [t('x', 'Orphan', 'gone'), t('a', 'Alpha', 'b'), t('b', 'Beta', 'a'), t('c', 'Gamma', 'b'), t('s', 'Self', 's')];
    const flat = flattenTopicTree(topicTree(odd));
    expect(flat.map((r) => `${r.depth}:${r.topic.id}`)).toEqual(['0:a', '1:b', '2:c', '0:x', '0:s']);
  });
});

describe('topicPath', () => {
  it('joins ancestor names', () => {
    expect(topicPath(topics, 'art5')).toBe('Defence › NATO › Article 5');
    expect(topicPath(topics, 'economy')).toBe('Economy');
    expect(topicPath(new Map(topics.map((x) => [x.id, x])), 'nato')).toBe('Defence › NATO');
  });

  it('is empty for an unknown id and survives a cycle', () => {
    expect(topicPath(topics, 'nope')).toBe('');
    expect(topicPath([t('a', 'A', 'b'), t('b', 'B', 'a')], 'a')).toBe('B › A');
  });
});
