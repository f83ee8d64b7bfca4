import { useLiveQuery } from 'dexie-react-hooks';
import { DEBATE_KIND_LABELS } from '../../../shared/model.js';
import { db } from '../../db/database.js';
import { useUiStore } from '../../state/uiStore.js';
import { ParticipantsSection } from './ParticipantsSection.js';
import { DocumentsSection } from './DocumentsSection.js';
import { formatDate } from '../../format/format.js';

/** The main reading area for one debate: its details and participants (documents arrive with import). */
export function DebateView(props: { debateId: string }) {
  const debate = useLiveQuery(() => db.debates.get(props.debateId), [props.debateId]);
  const openDialog = useUiStore((s) => s.openDialog);
  if (debate === undefined) return <p className="muted">This debate no longer exists.</p>;
  return (
    <article aria-labelledby="debate-title" className="debate-view">
      <header className="debate-header">
        <div>
          <h2 id="debate-title">{debate.title}</h2>
          <p className="muted">
            {[DEBATE_KIND_LABELS[debate.kind], formatDate(debate.date), debate.venue].filter(Boolean).join(' · ')}
          </p>
        </div>
        <div className="header-actions">
          <button type="button" onClick={() => openDialog({ kind: 'debate-form', debateId: debate.id })}>
            Edit debate
          </button>
          <button type="button" className="danger" onClick={() => openDialog({ kind: 'confirm-delete-debate', debateId: debate.id })}>
            Delete debate
          </button>
        </div>
      </header>
      <DocumentsSection debateId={debate.id} />
      <ParticipantsSection debateId={debate.id} />
    </article>
  );
}
