import { newId, nowIso } from '../ids.js';
import type { Topic } from '../model.js';
import { ValidationError, normaliseName } from './debates.js';
import type { Store } from './store.js';

/** Creates a topic under a parent (or at the top), or returns the one with that name there already. */
export async function createTopic(store: Store, name: string, parentId?: string): Promise<Topic> {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) throw new ValidationError('A topic needs a name.');
  return store.transaction(`Add topic ${clean}`, async (tx) => {
    if (parentId && !(await tx.get('topics', parentId))) throw new ValidationError('The parent topic no longer exists.');
    const existing = (await tx.all('topics')).find((t) => t.parentId === parentId && normaliseName(t.name) === normaliseName(clean));
    if (existing) return existing;
    const now = nowIso();
    const topic: Topic = { id: newId('top_'), name: clean, createdAt: now, updatedAt: now };
    if (parentId) topic.parentId = parentId;
    await tx.put('topics', topic);
    return topic;
  });
}

/** Creates each topic of a path (Defence › NATO › Article 5) that does not exist yet; returns the last. */
export async function ensureTopicPath(store: Store, names: string[]): Promise<Topic> {
  let parent: Topic | undefined;
  for (const name of names) parent = await createTopic(store, name, parent?.id);
  if (!parent) throw new ValidationError('A topic path needs at least one name.');
  return parent;
}
