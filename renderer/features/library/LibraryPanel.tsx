import { useLiveQuery } from 'dexie-react-hooks';
import { DEBATE_KIND_LABELS } from '../../../shared/model.js';
import { db } from '../../db/database.js';
import { useUiStore } from '../../state/uiStore.js';
import { loadSampleProject } from '../sample/loadSampleProject.js';
import { formatDate } from '../../format/format.js';

/** The library of debates, newest first, with an empty state that says what to do. */
export function LibraryPanel() {
  const debates = useLiveQuery(() => db.debates.toArray().then((all) => all.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.createdAt.localeCompare(a.createdAt))));
  const selected = useUiStore((s) => s.selectedDebateId);
  const { selectDebate, openDialog } = useUiStore.getState();
  return (
    <nav aria-label="Library" className="library">
      <div className="library-head">
        <h2 id="library-heading">Debates</h2>
        <button type="button" className="primary" onClick={() => openDialog({ kind: 'debate-form' })}>
          New debate
        </button>
      </div>
      {debates && debates.length === 0 && (
        <div className="empty-state" role="note">
          <p>
            <strong>Your library is empty.</strong>
          </p>
          <p>Create a debate (Ctrl+N) for each TV debate, hustings, interview, article or sitting you check, then add the people taking part, or import a transcript (Ctrl+O).</p>
          <p>New here? The sample project is a news article on Jeremy Corbyn, Owen Smith and NATO Article 5.</p>
          <button type="button" onClick={() => void loadSampleProject()}>
            Open the sample project
          </button>
        </div>
      )}
      {debates && debates.length > 0 && (
        <ul className="debate-list" aria-labelledby="library-heading">
          {debates.map((debate) => (
            <li key={debate.id}>
              <button type="button" className={debate.id === selected ? 'debate-link current' : 'debate-link'} aria-current={debate.id === selected ? 'page' : undefined} onClick={() => selectDebate(debate.id)}>
                <span className="debate-link-title">{debate.title}</span>
                <span className="muted small">{[DEBATE_KIND_LABELS[debate.kind], formatDate(debate.date)].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
