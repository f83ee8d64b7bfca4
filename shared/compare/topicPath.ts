import type { TopicLike } from './topicTree.js';

export const TOPIC_PATH_SEPARATOR = ' › ';

/**
 * The topic's name behind its ancestors' names: "Defence › NATO › Article 5". Empty for an unknown id. Takes a map
 * too, because the compare view asks for many paths over the same topics.
 */
export function topicPath(topics: readonly TopicLike[] | ReadonlyMap<string, TopicLike>, id: string): string {
  const byId = topics instanceof Map ? topics : new Map((topics as readonly TopicLike[]).map((t) => [t.id, t]));
  const names: string[] = [];
  // A parent cycle in stored data must not hang the window.
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.push(current.name);
    current = current.parentId === undefined ? undefined : byId.get(current.parentId);
  }
  return names.reverse().join(TOPIC_PATH_SEPARATOR);
}
