import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { deleteNote, updateNote } from '../../../shared/domain/claims.js';
import type { Note } from '../../../shared/model.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { Authorship } from '../team/Authorship.js';
import { useUiStore } from '../../state/uiStore.js';
import { SHORTCUTS } from '../shell/commands.js';
import { RecordGone } from '../shell/RecordGone.js';
import './notes.css';

const KIND_NAMES: Record<Note['kind'], string> = { note: 'Note', tag: 'Tag' };

// Named from the shortcut table so the toast never disagrees with the help panel.
const UNDO_KEYS = SHORTCUTS.find((s) => s.command === 'edit:undo')?.keys ?? 'Ctrl+Z';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The selected note or tag in the side panel: the words it marks, its text and kind, and the way back to it. */
export function NotePanel(props: { noteId: string }) {
  // null once the note is known to be gone, so loading (undefined) never flashes "no longer exists".
  const note = useLiveQuery(async () => (await db.notes.get(props.noteId)) ?? null, [props.noteId]);
  const selectNote = useUiStore((s) => s.selectNote);
  if (note === undefined) return null;
  if (note === null) return <RecordGone label="Note details" what="note" onClose={() => selectNote(undefined)} />;
  return (
    <section aria-label="Note details" className="note-panel">
      <div className="note-panel-head">
        <h3>{KIND_NAMES[note.kind]}</h3>
        <button type="button" onClick={() => selectNote(undefined)} aria-label={`Close ${note.kind}`}>
          ×
        </button>
      </div>
      <blockquote className="note-quote" aria-label="Marked text">
        {note.anchor.quote.exact}
      </blockquote>
      <NotePlace note={note} />
      <Authorship record={note} what={KIND_NAMES[note.kind]} />
      <NoteForm key={`${note.id}:${JSON.stringify(note)}`} note={note} />
      <DeleteNote note={note} />
    </section>
  );
}

/** Which document the note is in, and a button that scrolls the reader to it. */
function NotePlace(props: { note: Note }) {
  const { note } = props;
  const document = useLiveQuery(() => db.documents.get(note.documentId), [note.documentId]);
  const revealSpan = useUiStore((s) => s.revealSpan);
  const lost = note.state === 'orphaned';
  return (
    <div className="note-place">
      {document && <p className="small muted">In {document.title}</p>}
      {note.state !== 'anchored' && (
        <p className="small">{lost ? 'Its words are no longer in the text.' : 'The text changed around it; check it under Review anchors in the reader.'}</p>
      )}
      <button
        type="button"
        disabled={!document || lost}
        onClick={() => document && revealSpan({ documentId: note.documentId, debateId: document.debateId, start: note.anchor.position.start, end: note.anchor.position.end })}
      >
        Show in document
      </button>
    </div>
  );
}

function NoteForm(props: { note: Note }) {
  const { note } = props;
  const notify = useUiStore((s) => s.notify);
  const [body, setBody] = useState(note.body);
  const [kind, setKind] = useState<Note['kind']>(note.kind);
  const changed = body.trim() !== note.body || kind !== note.kind;
  const bodyLabel = kind === 'tag' ? 'Tag name' : 'Note text';
  return (
    <form
      aria-label={`Edit ${note.kind}`}
      className="note-form-edit"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          const saved = await updateNote(store, note.id, { body, kind });
          notify(`${KIND_NAMES[saved.kind]} saved.`);
        } catch (error) {
          notify(message(error), 'error');
        }
      }}
    >
      <label>
        {bodyLabel}
        {kind === 'tag' ? <input value={body} onChange={(e) => setBody(e.target.value)} /> : <textarea value={body} rows={3} onChange={(e) => setBody(e.target.value)} />}
      </label>
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(e.target.value as Note['kind'])}>
          <option value="note">Note</option>
          <option value="tag">Tag</option>
        </select>
      </label>
      <button type="submit" className="primary" disabled={!changed}>
        Save
      </button>
    </form>
  );
}

function DeleteNote(props: { note: Note }) {
  const { note } = props;
  const selectNote = useUiStore((s) => s.selectNote);
  const notify = useUiStore((s) => s.notify);
  return (
    <button
      type="button"
      className="danger note-delete"
      onClick={async () => {
        try {
          await deleteNote(store, note.id);
          selectNote(undefined);
          notify(`${KIND_NAMES[note.kind]} deleted — Undo with ${UNDO_KEYS}`);
        } catch (error) {
          notify(message(error), 'error');
        }
      }}
    >
      Delete {note.kind}
    </button>
  );
}
