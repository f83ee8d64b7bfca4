import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, type UIEvent } from 'react';
import { topicPath } from '../../../shared/compare/topicPath.js';
import type { Appearance, Turn } from '../../../shared/model.js';
import { db } from '../../db/database.js';
import { MarkedText } from '../reader/MarkedText.js';
import { Modal } from '../shell/Modal.js';
import { useCompareStore, type ReadingTarget } from './compareStore.js';

interface Pane {
  heading: string;
  turns: { turn: Turn; speaker: string; marks: { start: number; end: number }[] }[];
}

async function loadPanes(target: ReadingTarget): Promise<{ title: string; panes: Pane[] }> {
  const people = new Map((await db.people.toArray()).map((p) => [p.id, p.name]));
  const speakerOf = (turn: Turn) => (turn.personId ? (people.get(turn.personId) ?? 'Unknown speaker') : turn.kind === 'stage' ? 'Stage direction' : 'Narration');
  if (target.kind === 'documents') {
    const panes = await Promise.all(
      target.documentIds.map(async (id): Promise<Pane> => {
        const doc = await db.documents.get(id);
        const turns = await db.turns.where('[documentId+index]').between([id, -Infinity], [id, Infinity]).toArray();
        return { heading: doc?.title ?? 'Missing document', turns: turns.map((turn) => ({ turn, speaker: speakerOf(turn), marks: [] })) };
      }),
    );
    return { title: 'Two documents side by side', panes };
  }
  const topics = await db.topics.toArray();
  const panes = await Promise.all(
    target.personIds.map(async (personId): Promise<Pane> => {
      const claims = (await db.claims.where('claimantId').equals(personId).toArray()).filter((c) => c.topicIds.includes(target.topicId));
      const onTopic = new Set(claims.map((c) => c.id));
      const appearances: Appearance[] = (await db.appearances.where('claimId').anyOf([...onTopic]).toArray()).filter((a) => a.state !== 'orphaned');
      // Appearances tagged with the topic themselves count too, whatever their claim says.
      const tagged = (await db.appearances.toArray()).filter((a) => !onTopic.has(a.claimId) && a.topicIds?.includes(target.topicId));
      const taggedClaims = await db.claims.bulkGet(tagged.map((a) => a.claimId));
      appearances.push(...tagged.filter((_, i) => taggedClaims[i]?.claimantId === personId));
      const byTurn = new Map<string, { turn: Turn; marks: { start: number; end: number }[] }>();
      for (const a of appearances) {
        const turns = await db.turns.where('documentId').equals(a.documentId).toArray();
        const turn = turns.find((t) => t.id === a.turnId) ?? turns.find((t) => a.anchor.position.start >= t.offset && a.anchor.position.start < t.offset + t.text.length);
        if (!turn) continue;
        const entry = byTurn.get(turn.id) ?? { turn, marks: [] };
        entry.marks.push(a.anchor.position);
        byTurn.set(turn.id, entry);
      }
      const turns = [...byTurn.values()]
        .sort((a, b) => a.turn.documentId.localeCompare(b.turn.documentId) || a.turn.index - b.turn.index)
        .map((t) => ({ ...t, speaker: speakerOf(t.turn) }));
      return { heading: people.get(personId) ?? 'Unknown speaker', turns };
    }),
  );
  return { title: `Side by side on ${topicPath(topics, target.topicId)}`, panes };
}

/**
 * Two panes next to each other, scrolled together: two speakers' turns on one topic (their quotes marked), or two
 * documents. Scrolling one pane moves the other to the same relative place.
 */
export function SideBySide(props: { target: ReadingTarget }) {
  const close = useCompareStore((s) => s.closeReading);
  const open = useCompareStore((s) => s.openReading);
  const documents = useLiveQuery(() => db.documents.toArray().then((all) => all.map((d) => ({ id: d.id, title: d.title }))), []);
  const loaded = useLiveQuery(() => loadPanes(props.target), [JSON.stringify(props.target)]);
  const refs = [useRef<HTMLDivElement>(null), useRef<HTMLDivElement>(null)];
  const syncing = useRef(false);

  const onScroll = (from: 0 | 1) => (event: UIEvent<HTMLDivElement>) => {
    if (syncing.current) {
      syncing.current = false;
      return;
    }
    const source = event.currentTarget;
    const other = refs[from === 0 ? 1 : 0]!.current;
    if (!other) return;
    const ratio = source.scrollTop / Math.max(1, source.scrollHeight - source.clientHeight);
    syncing.current = true;
    other.scrollTop = ratio * (other.scrollHeight - other.clientHeight);
  };

  const documentIds: [string, string] =
    props.target.kind === 'documents' ? props.target.documentIds : [documents?.[0]?.id ?? '', documents?.[1]?.id ?? documents?.[0]?.id ?? ''];

  return (
    <Modal title={loaded?.title ?? 'Side-by-side reading'} onClose={close} wide>
      {documents && documents.length > 0 && (
        <form className="inline-form" aria-label="Documents to read side by side" onSubmit={(e) => e.preventDefault()}>
          {([0, 1] as const).map((i) => (
            <label key={i}>
              {i === 0 ? 'Left document' : 'Right document'}{' '}
              <select
                value={props.target.kind === 'documents' ? documentIds[i] : ''}
                onChange={(e) => {
                  const next: [string, string] = [...documentIds];
                  next[i] = e.target.value;
                  if (next[0] && next[1]) open({ kind: 'documents', documentIds: next });
                }}
              >
                {props.target.kind !== 'documents' && <option value="">(speakers’ turns)</option>}
                {documents.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </form>
      )}
      {!loaded ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className="side-by-side">
          {loaded.panes.map((pane, i) => (
            <section key={i} aria-label={pane.heading}>
              <h3>{pane.heading}</h3>
              <div className="pane" ref={refs[i]} onScroll={onScroll(i as 0 | 1)} tabIndex={0} role="region" aria-label={`${pane.heading}, scrolls with the other pane`}>
                {pane.turns.length === 0 && <p className="muted">Nothing to show.</p>}
                {pane.turns.map(({ turn, speaker, marks }) => (
                  <div key={turn.id} className="turn">
                    <div className="turn-meta">
                      <span className="turn-speaker">{speaker}</span>
                    </div>
                    <p className="turn-text">
                      <MarkedText text={turn.text} offset={turn.offset} spans={marks} />
                    </p>
                  </div>
                ))}
              </div>
            </section>
          ))}
        </div>
      )}
      <div className="form-actions">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  );
}
