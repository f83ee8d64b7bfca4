import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { topicPath } from '../../../shared/compare/topicPath.js';
import { topicTree, type TopicNode } from '../../../shared/compare/topicTree.js';
import { ValidationError } from '../../../shared/domain/debates.js';
import { createTopic, deleteTopic, moveTopic, renameTopic } from '../../../shared/domain/topics.js';
import type { Topic } from '../../../shared/model.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { useCompareStore } from '../compare/compareStore.js';
import { Modal } from '../shell/Modal.js';

type Action = { kind: 'rename' | 'move' | 'add' | 'delete'; topicId: string };

const message = (e: unknown): string => (e instanceof ValidationError ? e.message : `That did not work: ${e instanceof Error ? e.message : String(e)}`);

/** The topic tree editor: add, rename, move and delete topics (Defence › NATO › Article 5). */
export function TopicsDialog() {
  const close = useCompareStore((s) => s.closeTopics);
  const topics = useLiveQuery(() => db.topics.toArray(), []);
  const [action, setAction] = useState<Action>();
  const [error, setError] = useState<string>();
  const [name, setName] = useState('');

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setError(undefined);
      setAction(undefined);
    } catch (e) {
      setError(message(e));
    }
  };

  const addTop = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await createTopic(store, name);
      setName('');
    });
  };

  return (
    <Modal title="Topics" onClose={close}>
      <p className="muted small">Claims get their topics in the claim panel. Deleting a topic moves its claims and subtopics up to its parent.</p>
      {topics && topics.length === 0 && <p className="muted">No topics yet.</p>}
      {topics && (
        <ul className="topic-tree" aria-label="Topic tree">
          {topicTree(topics).map((node) => (
            <TopicItem key={node.topic.id} node={node} topics={topics} action={action} setAction={(a) => (setError(undefined), setAction(a))} run={run} />
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <form className="inline-form" aria-label="Add topic" onSubmit={addTop}>
        <label>
          New top-level topic <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit">Add topic</button>
      </form>
      <div className="form-actions">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  );
}

function descendants(topics: readonly Topic[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of topics) {
      if (t.parentId && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
    }
  }
  return out;
}

function TopicItem(props: { node: TopicNode; topics: Topic[]; action: Action | undefined; setAction: (a: Action | undefined) => void; run: (work: () => Promise<unknown>) => Promise<void> }) {
  const { node, topics, action, setAction, run } = props;
  const topic = node.topic;
  const mine = action?.topicId === topic.id ? action.kind : undefined;
  const [value, setValue] = useState('');
  const notify = useUiStore((s) => s.notify);
  const parentName = topic.parentId ? topics.find((t) => t.id === topic.parentId)?.name : undefined;
  const blocked = mine === 'move' ? descendants(topics, topic.id) : undefined;

  return (
    <li>
      <span className="topic-name">{topic.name}</span>
      <span className="row-actions">
        <button type="button" aria-label={`Rename ${topic.name}`} onClick={() => (setValue(topic.name), setAction({ kind: 'rename', topicId: topic.id }))}>
          Rename
        </button>
        <button type="button" aria-label={`Move ${topic.name}`} onClick={() => (setValue(topic.parentId ?? ''), setAction({ kind: 'move', topicId: topic.id }))}>
          Move
        </button>
        <button type="button" aria-label={`Add subtopic to ${topic.name}`} onClick={() => (setValue(''), setAction({ kind: 'add', topicId: topic.id }))}>
          Add subtopic
        </button>
        <button type="button" aria-label={`Delete ${topic.name}`} onClick={() => setAction({ kind: 'delete', topicId: topic.id })}>
          Delete
        </button>
      </span>
      {mine === 'rename' && (
        <form className="inline-form" aria-label={`Rename ${topic.name}`} onSubmit={(e) => (e.preventDefault(), void run(() => renameTopic(store, topic.id, value)))}>
          <label>
            New name <input value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
          </label>
          <button type="submit">Save name</button>
          <button type="button" onClick={() => setAction(undefined)}>
            Cancel
          </button>
        </form>
      )}
      {mine === 'add' && (
        <form className="inline-form" aria-label={`Add a subtopic to ${topic.name}`} onSubmit={(e) => (e.preventDefault(), void run(() => createTopic(store, value, topic.id)))}>
          <label>
            Subtopic name <input value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
          </label>
          <button type="submit">Add subtopic</button>
          <button type="button" onClick={() => setAction(undefined)}>
            Cancel
          </button>
        </form>
      )}
      {mine === 'move' && (
        <form className="inline-form" aria-label={`Move ${topic.name}`} onSubmit={(e) => (e.preventDefault(), void run(() => moveTopic(store, topic.id, value || undefined)))}>
          <label>
            Put under{' '}
            <select value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">(top level)</option>
              {topics
                .filter((t) => !blocked?.has(t.id))
                .map((t) => ({ id: t.id, path: topicPath(topics, t.id) }))
                .sort((a, b) => a.path.localeCompare(b.path))
                .map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.path}
                  </option>
                ))}
            </select>
          </label>
          <button type="submit">Move here</button>
          <button type="button" onClick={() => setAction(undefined)}>
            Cancel
          </button>
        </form>
      )}
      {mine === 'delete' && (
        <div className="warning" role="group" aria-label={`Delete ${topic.name}?`}>
          <p>
            Delete “{topic.name}”? Its subtopics and claims move to {parentName ? `“${parentName}”` : 'the top level (the claims lose this topic)'}; stances on it are deleted. Undo
            (Ctrl+Z) brings it back.
          </p>
          <button
            type="button"
            onClick={() =>
              void run(async () => {
                const done = await deleteTopic(store, topic.id);
                notify(`Deleted topic “${topic.name}”: ${done.retaggedClaims} claims and ${done.movedSubtopics} subtopics moved, ${done.deletedStances} stances deleted.`);
              })
            }
          >
            Delete topic
          </button>
          <button type="button" onClick={() => setAction(undefined)}>
            Cancel
          </button>
        </div>
      )}
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <TopicItem key={child.topic.id} node={child} topics={topics} action={action} setAction={setAction} run={run} />
          ))}
        </ul>
      )}
    </li>
  );
}
