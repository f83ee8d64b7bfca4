import { useLiveQuery } from 'dexie-react-hooks';
import { Virtuoso } from 'react-virtuoso';
import type { Person, Turn } from '../../../shared/model.js';
import { db } from '../../db/database.js';
import { useUiStore } from '../../state/uiStore.js';

function formatTime(seconds: number | undefined): string | undefined {
  if (seconds === undefined) return undefined;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/**
 * A document read as turns: speaker and colour, time, stage directions muted, narration set apart from quotes.
 * Only the turns on screen are rendered, so a three-hour debate scrolls smoothly.
 */
export function DocumentReader(props: { documentId: string }) {
  const document = useLiveQuery(() => db.documents.get(props.documentId), [props.documentId]);
  const turns = useLiveQuery(() => db.turns.where('[documentId+index]').between([props.documentId, -Infinity], [props.documentId, Infinity]).toArray(), [props.documentId]);
  const people = useLiveQuery(async () => {
    const ids = [...new Set((turns ?? []).map((t) => t.personId).filter((id): id is string => id !== null))];
    const found = await db.people.bulkGet(ids);
    return new Map(found.filter((p): p is Person => p !== undefined).map((p) => [p.id, p]));
  }, [turns]);
  const openDocument = useUiStore((s) => s.openDocument);

  if (!document || !turns) return <p className="muted">Opening the document…</p>;
  return (
    <article className="reader" aria-labelledby="document-title">
      <header className="reader-header">
        <button type="button" onClick={() => openDocument(undefined)}>
          ← Back to debate
        </button>
        <div>
          <h2 id="document-title">{document.title}</h2>
          <p className="muted small">
            {turns.length} turns · {document.format.toUpperCase()}
            {document.fileName ? ` · ${document.fileName}` : ''}
          </p>
        </div>
      </header>
      <div role="list" aria-label="Turns" className="turn-list">
        <Virtuoso
          style={{ height: '100%' }}
          data={turns}
          computeItemKey={(_, turn) => turn.id}
          itemContent={(_, turn) => <TurnView turn={turn} person={turn.personId ? people?.get(turn.personId) : undefined} />}
        />
      </div>
    </article>
  );
}

function TurnView(props: { turn: Turn; person: Person | undefined }) {
  const { turn, person } = props;
  const time = formatTime(turn.start);
  const label = turn.kind === 'speech' ? (person?.name ?? 'Unknown speaker') : turn.kind === 'stage' ? 'Stage direction' : turn.metadata?.section === 'comments' ? 'Reader comment' : 'Narration';
  return (
    <div role="listitem" aria-label={`${label}${time ? ` at ${time}` : ''}`} className={`turn turn-${turn.kind}${turn.metadata?.section === 'comments' ? ' turn-comment' : ''}`} data-turn-index={turn.index}>
      <div className="turn-meta">
        {turn.kind === 'speech' && (
          <span className="turn-speaker" style={{ color: person?.color }}>
            {label}
          </span>
        )}
        {turn.kind !== 'speech' && <span className="turn-kind">{label}</span>}
        {time && <time className="turn-time">{time}</time>}
      </div>
      <p className="turn-text">{turn.text}</p>
    </div>
  );
}
