import { useState } from 'react';
import { replaceDocumentText } from '../../../shared/domain/documentEdits.js';
import type { DocumentRecord } from '../../../shared/model.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';

/**
 * Edits a document's whole text, or replaces it with a corrected transcript from a file. Saving re-splits the turns
 * at blank lines and re-anchors every claim and note: exact ones move, doubtful ones go to the review queue.
 */
export function EditTextPanel(props: { document: DocumentRecord; onDone: () => void }) {
  const [text, setText] = useState(props.document.text);
  const [busy, setBusy] = useState(false);
  const notify = useUiStore((s) => s.notify);
  const save = async () => {
    setBusy(true);
    try {
      const summary = await replaceDocumentText(store, props.document.id, text);
      notify(`Text saved (version ${summary.document.version}): ${summary.anchored} annotations moved, ${summary.review} to review, ${summary.orphaned} lost.`);
      props.onDone();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="edit-text"
      aria-label="Edit document text"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p className="small muted">Turns are separated by a blank line. Claims and notes follow the text when you save.</p>
      <label htmlFor="document-text">Document text</label>
      <textarea id="document-text" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      <div className="edit-text-actions">
        <label>
          Replace text from file…{' '}
          <input
            type="file"
            accept=".txt,.md,text/plain"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (file) setText(await file.text());
            }}
          />
        </label>
        <button type="submit" disabled={busy || text === props.document.text}>
          Save text
        </button>
        <button type="button" onClick={props.onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
