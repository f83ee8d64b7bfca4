import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/database.js';
import { useUiStore } from '../../state/uiStore.js';
import { ClaimPanel } from '../claims/ClaimPanel.js';
import { NotePanel } from '../notes/NotePanel.js';
import { DETAILS_PANEL_ID } from './SkipLinks.js';

/** The side panel: details of what is selected. */
export function SidePanel() {
  const debateId = useUiStore((s) => s.selectedDebateId);
  const claimId = useUiStore((s) => s.selectedClaimId);
  const noteId = useUiStore((s) => s.selectedNoteId);
  const counts = useLiveQuery(async () => {
    if (!debateId) return undefined;
    const [participants, documents] = await Promise.all([db.participants.where('debateId').equals(debateId).count(), db.documents.where('debateId').equals(debateId).count()]);
    return { participants, documents };
  }, [debateId]);
  return (
    <aside aria-label="Details" className="side-panel" id={DETAILS_PANEL_ID} tabIndex={-1}>
      <h2>Details</h2>
      {claimId ? (
        <ClaimPanel key={claimId} claimId={claimId} />
      ) : noteId ? (
        <NotePanel key={noteId} noteId={noteId} />
      ) : counts ? (
        <dl className="facts">
          <dt>Participants</dt>
          <dd>{counts.participants}</dd>
          <dt>Documents</dt>
          <dd>{counts.documents}</dd>
        </dl>
      ) : (
        <p className="muted">Select a debate to see its details.</p>
      )}
    </aside>
  );
}
