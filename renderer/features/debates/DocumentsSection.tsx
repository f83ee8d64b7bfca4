import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/database.js';
import { useUiStore } from '../../state/uiStore.js';
import { chooseFilesToImport } from '../import/importChooser.js';

/** The documents of a debate, each opening in the reader. */
export function DocumentsSection(props: { debateId: string }) {
  const documents = useLiveQuery(() => db.documents.where('debateId').equals(props.debateId).toArray(), [props.debateId]);
  const openDocument = useUiStore((s) => s.openDocument);
  return (
    <section aria-labelledby="documents-heading" className="section">
      <div className="section-head">
        <h3 id="documents-heading">Documents</h3>
        <button type="button" onClick={() => void chooseFilesToImport(props.debateId)}>
          Import into this debate…
        </button>
      </div>
      {documents && documents.length > 0 ? (
        <ul className="document-list" aria-labelledby="documents-heading">
          {documents.map((d) => (
            <li key={d.id}>
              <button type="button" className="link-button" onClick={() => openDocument(d.id)}>
                {d.title}
              </button>
              <span className="muted small"> {d.format.toUpperCase()}{d.fileName ? ` · ${d.fileName}` : ''}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No documents yet. Import a transcript or article (Ctrl+O), or drop a file onto the window.</p>
      )}
    </section>
  );
}
