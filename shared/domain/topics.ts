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

function cleanName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) throw new ValidationError('A topic needs a name.');
  return clean;
}

function assertNoSiblingNamed(all: readonly Topic[], parentId: string | undefined, name: string, except: string): void {
  const key = normaliseName(name);
  const clash = all.find((t) => t.id !== except && t.parentId === parentId && normaliseName(t.name) === key);
  if (clash) throw new ValidationError(`There is already a topic named “${clash.name}” there.`);
}

/** Renames a topic; siblings keep distinct names, so the tree never shows two “NATO”s side by side. */
export async function renameTopic(store: Store, id: string, name: string): Promise<Topic> {
  const clean = cleanName(name);
  return store.transaction(`Rename topic to ${clean}`, async (tx) => {
    const topic = await tx.get('topics', id);
    if (!topic) throw new ValidationError('That topic no longer exists.');
    assertNoSiblingNamed(await tx.all('topics'), topic.parentId, clean, id);
    const updated: Topic = { ...topic, name: clean, updatedAt: nowIso() };
    await tx.put('topics', updated);
    return updated;
  });
}

/** Moves a topic (with its subtopics) under another parent, or to the top with `undefined`; refuses a cycle. */
export async function moveTopic(store: Store, id: string, parentId: string | undefined): Promise<Topic> {
  return store.transaction('Move topic', async (tx) => {
    const topic = await tx.get('topics', id);
    if (!topic) throw new ValidationError('That topic no longer exists.');
    const all = await tx.all('topics');
    if (parentId !== undefined) {
      const byId = new Map(all.map((t) => [t.id, t]));
      if (!byId.has(parentId)) throw new ValidationError('The new parent topic no longer exists.');
      // Walking up from the new parent must not reach the topic itself, or the tree would loop.
      const seen = new Set<string>();
      for (let at: Topic | undefined = byId.get(parentId); at && !seen.has(at.id); at = at.parentId === undefined ? undefined : byId.get(at.parentId)) {
        if (at.id === id) throw new ValidationError('A topic cannot move under itself or one of its subtopics.');
        seen.add(at.id);
      }
    }
    assertNoSiblingNamed(all, parentId, topic.name, id);
    const { parentId: _old, ...rest } = topic;
    const updated: Topic = { ...rest, updatedAt: nowIso() };
    if (parentId !== undefined) updated.parentId = parentId;
    await tx.put('topics', updated);
    return updated;
  });
}

/** What deleting a topic did, so the window can say so. */
export interface DeletedTopic {
  /** Subtopics that moved up to the deleted topic's parent. */
  movedSubtopics: number;
  /** Claims and appearances that now carry the parent topic (or no topic, at the top) instead. */
  retaggedClaims: number;
  retaggedAppearances: number;
  deletedStances: number;
}

/**
 * Deletes a topic. Nothing else is lost: its subtopics move up a level, and its claims and appearances move to
 * the parent topic (at the top level they just lose the tag), so they still count and still compare. Stances on
 * the topic go: a position on Article 5 is not a position on NATO.
 */
export async function deleteTopic(store: Store, id: string): Promise<DeletedTopic> {
  return store.transaction('Delete topic', async (tx) => {
    const topic = await tx.get('topics', id);
    if (!topic) throw new ValidationError('That topic no longer exists.');
    const now = nowIso();
    const retag = (ids: readonly string[]): string[] => {
      const out = ids.filter((t) => t !== id);
      if (topic.parentId !== undefined && !out.includes(topic.parentId)) out.push(topic.parentId);
      return out;
    };
    const result: DeletedTopic = { movedSubtopics: 0, retaggedClaims: 0, retaggedAppearances: 0, deletedStances: 0 };
    for (const child of await tx.where('topics', 'parentId', id)) {
      const { parentId: _old, ...rest } = child;
      const moved: Topic = { ...rest, updatedAt: now };
      if (topic.parentId !== undefined) moved.parentId = topic.parentId;
      await tx.put('topics', moved);
      result.movedSubtopics += 1;
    }
    for (const claim of await tx.where('claims', 'topicIds', id)) {
      await tx.put('claims', { ...claim, topicIds: retag(claim.topicIds), updatedAt: now });
      result.retaggedClaims += 1;
    }
    // Appearances' topics are not indexed: a scan, but only when a topic is deleted.
    for (const appearance of await tx.all('appearances')) {
      if (!appearance.topicIds?.includes(id)) continue;
      await tx.put('appearances', { ...appearance, topicIds: retag(appearance.topicIds), updatedAt: now });
      result.retaggedAppearances += 1;
    }
    for (const stance of await tx.where('stances', 'topicId', id)) {
      await tx.delete('stances', stance.id);
      result.deletedStances += 1;
    }
    await tx.delete('topics', id);
    return result;
  });
}
