import type { Topic } from '../model.js';

/** The fields of a topic the tree needs, so callers can pass lighter records than Topic. */
export type TopicLike = Pick<Topic, 'id' | 'name' | 'parentId'>;

/** A topic with its children, sorted by name; depth 0 for roots. */
export interface TopicNode<T extends TopicLike = Topic> {
  topic: T;
  depth: number;
  children: TopicNode<T>[];
}

const byName = (a: TopicLike, b: TopicLike): number => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/**
 * The topics as a forest. A topic whose parent is missing becomes a root rather than vanishing, and a parent cycle
 * (which the editor should never allow, but imported data might carry) is broken at its first topic by name, so
 * every topic appears exactly once.
 */
export function topicTree<T extends TopicLike>(topics: readonly T[]): TopicNode<T>[] {
  const ids = new Set(topics.map((t) => t.id));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const topic of topics) {
    const parentId = topic.parentId;
    if (parentId === undefined || parentId === topic.id || !ids.has(parentId)) {
      roots.push(topic);
      continue;
    }
    const siblings = children.get(parentId);
    if (siblings) siblings.push(topic);
    else children.set(parentId, [topic]);
  }
  for (const list of children.values()) list.sort(byName);

  const seen = new Set<string>();
  const grow = (topic: T, depth: number): TopicNode<T> => {
    seen.add(topic.id);
    const node: TopicNode<T> = { topic, depth, children: [] };
    for (const child of children.get(topic.id) ?? []) {
      if (!seen.has(child.id)) node.children.push(grow(child, depth + 1));
    }
    return node;
  };

  const forest = roots.sort(byName).map((root) => grow(root, 0));
  const stranded = topics.filter((t) => !seen.has(t.id)).sort(byName);
  for (const topic of stranded) if (!seen.has(topic.id)) forest.push(grow(topic, 0));
  forest.sort((a, b) => byName(a.topic, b.topic));
  return forest;
}

/** The forest in reading order (each topic followed by its subtopics), as the compare view lists its rows. */
export function flattenTopicTree<T extends TopicLike>(forest: readonly TopicNode<T>[]): { topic: T; depth: number }[] {
  const out: { topic: T; depth: number }[] = [];
  const walk = (node: TopicNode<T>): void => {
    out.push({ topic: node.topic, depth: node.depth });
    for (const child of node.children) walk(child);
  };
  for (const root of forest) walk(root);
  return out;
}
