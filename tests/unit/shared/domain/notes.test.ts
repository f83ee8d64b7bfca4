import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ClaimdeskDb } from '../../../../renderer/db/database.js';
import { applyChangeSet, createDexieStore, type ChangeSet } from '../../../../renderer/db/dexieStore.js';
import { createNote, deleteNote, updateNote } from '../../../../shared/domain/claims.js';
import { ValidationError } from '../../../../shared/domain/debates.js';
import { MemoryStore } from '../../../../shared/domain/memoryStore.js';
import type { Store } from '../../../../shared/domain/store.js';
import type { DocumentRecord } from '../../../../shared/model.js';

const STAMP = '2026-01-01T00:00:00.000Z';
const TEXT = 'MODERATOR: Good evening.\n\nSMITH: Crime has doubled since 2010 and the police are cut.';
const DOCUMENT: DocumentRecord = { id: 'doc_1', debateId: 'deb_1', title: 'Debate', format: 'text', text: TEXT, version: 1, createdAt: STAMP, updatedAt: STAMP };
const SEED = { debates: [{ id: 'deb_1', title: 'Debate', kind: 'tv-debate' as const, createdAt: STAMP, updatedAt: STAMP }], documents: [DOCUMENT] };

function span(words: string) {
  const start = TEXT.indexOf(words);
  return { documentId: 'doc_1', start, end: start + words.length };
}

async function noteOn(store: Store, kind: 'note' | 'tag' = 'note', body = 'check police numbers') {
  return createNote(store, span('the police are cut'), kind, body);
}

describe('updateNote', () => {
  it('changes the text (trimmed) and keeps the anchor, id and creation time', async () => {
    const store = new MemoryStore(SEED);
    const note = await noteOn(store);
    const updated = await updateNote(store, note.id, { body: '  Home Office figures, table 3  ' });
    expect(updated).toMatchObject({ id: note.id, body: 'Home Office figures, table 3', kind: 'note', anchor: note.anchor, createdAt: note.createdAt });
    expect(store.snapshot().notes).toEqual([updated]);
  });

  it('turns a note into a tag and renames it in one go', async () => {
    const store = new MemoryStore(SEED);
    const note = await noteOn(store);
    await updateNote(store, note.id, { kind: 'tag', body: 'policing' });
    expect(store.snapshot().notes[0]).toMatchObject({ kind: 'tag', body: 'policing' });
  });

  it('rejects an empty body with a message for the kind it will have, and writes nothing', async () => {
    const store = new MemoryStore(SEED);
    const note = await noteOn(store);
    await expect(updateNote(store, note.id, { body: '   ' })).rejects.toThrow(new ValidationError('A note needs some text.'));
    await expect(updateNote(store, note.id, { body: '', kind: 'tag' })).rejects.toThrow('A tag needs a name.');
    expect(store.snapshot().notes).toEqual([note]);
  });

  it('says when the note is gone', async () => {
    const store = new MemoryStore(SEED);
    await expect(updateNote(store, 'not_missing', { body: 'x' })).rejects.toThrow(new ValidationError('That note no longer exists.'));
  });

  it('leaves a note untouched when nothing changes', async () => {
    const store = new MemoryStore(SEED);
    const note = await noteOn(store);
    expect(await updateNote(store, note.id, { body: `${note.body} `, kind: 'note' })).toEqual(note);
    expect(store.snapshot().notes).toEqual([note]);
  });
});

describe('deleteNote', () => {
  it('removes only that note', async () => {
    const store = new MemoryStore(SEED);
    const keep = await noteOn(store, 'tag', 'policing');
    const gone = await noteOn(store);
    await deleteNote(store, gone.id);
    expect(store.snapshot().notes).toEqual([keep]);
  });

  it('says when the note is already gone', async () => {
    const store = new MemoryStore(SEED);
    await expect(deleteNote(store, 'not_missing')).rejects.toThrow(ValidationError);
  });
});

describe('notes in the undo history', () => {
  it('records an edit and a delete as one labelled step each, which undo and redo replay', async () => {
    const db = new ClaimdeskDb('notes-undo', { indexedDB: new IDBFactory(), IDBKeyRange });
    const steps: ChangeSet[] = [];
    const store = createDexieStore(db, (c) => steps.push(c));
    await db.debates.bulkPut(SEED.debates);
    await db.documents.put(DOCUMENT);
    const note = await noteOn(store, 'tag', 'police');
    const renamed = await updateNote(store, note.id, { body: 'policing' });
    // Saving the same text again is no step at all.
    await updateNote(store, note.id, { body: 'policing' });
    await deleteNote(store, note.id);
    expect(steps.map((s) => s.label)).toEqual(['Add tag', 'Edit tag', 'Delete tag']);

    await applyChangeSet(db, steps[2]!, 'undo');
    expect(await db.notes.get(note.id)).toEqual(renamed);
    await applyChangeSet(db, steps[1]!, 'undo');
    expect((await db.notes.get(note.id))?.body).toBe('police');
    await applyChangeSet(db, steps[1]!, 'redo');
    await applyChangeSet(db, steps[2]!, 'redo');
    expect(await db.notes.get(note.id)).toBeUndefined();
    db.close();
  });
});
