import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ClaimdeskDb } from '../../../../renderer/db/database.js';
import { CURRENT_SCHEMA_VERSION, SCHEMA_HISTORY } from '../../../../renderer/db/schemaHistory.js';
import { SNAPSHOT_TABLES } from '../../../../shared/model.js';
import { SPEAKER_PALETTE } from '../../../../shared/speakerColors.js';

/** Opens a database exactly as an older release of Claimdesk would have left it. */
function openAt(version: number, indexedDB: IDBFactory) {
  return new ClaimdeskDb('upgrade-test', { upTo: version, indexedDB, IDBKeyRange });
}

describe('schema history', () => {
  it('is numbered 1, 2, 3… with a reason for each version', () => {
    SCHEMA_HISTORY.forEach((step, i) => {
      expect(step.version).toBe(i + 1);
      expect(step.why.length).toBeGreaterThan(10);
    });
  });

  it('the current schema has every table the model names, plus settings', async () => {
    const db = new ClaimdeskDb('tables-test', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([...SNAPSHOT_TABLES, 'settings'].sort());
    db.close();
  });
});

describe('upgrade 1 → 2', () => {
  it('keeps every debate, person and participant, and gives each person a reader colour', async () => {
    const idb = new IDBFactory();
    const v1 = openAt(1, idb);
    await v1.open();
    await v1.table('debates').add({ id: 'deb_1', title: 'Labour leadership debate', kind: 'tv-debate', createdAt: 't', updatedAt: 't' });
    await v1.table('people').bulkAdd([
      { id: 'per_1', name: 'Jeremy Corbyn', aliases: ['CORBYN'], createdAt: 't', updatedAt: 't' },
      { id: 'per_2', name: 'Owen Smith', aliases: [], createdAt: 't', updatedAt: 't' },
      { id: 'per_3', name: 'Helen Marsh', aliases: [], color: '#123456', createdAt: 't', updatedAt: 't' },
    ]);
    await v1.table('participants').add({ id: 'par_1', debateId: 'deb_1', personId: 'per_1', role: 'candidate', createdAt: 't', updatedAt: 't' });
    v1.close();

    const v2 = openAt(2, idb);
    await v2.open();
    expect(v2.verno).toBe(2);
    const people = await v2.people.orderBy('id').toArray();
    expect(people.map((p) => p.name)).toEqual(['Jeremy Corbyn', 'Owen Smith', 'Helen Marsh']);
    expect(people[0]!.aliases).toEqual(['CORBYN']);
    for (const p of people) expect(p.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(SPEAKER_PALETTE).toContain(people[0]!.color);
    expect(people[0]!.color).not.toBe(people[1]!.color);
    expect(people[2]!.color).toBe('#123456'); // a colour the user chose is kept
    expect(await v2.debates.get('deb_1')).toMatchObject({ title: 'Labour leadership debate' });
    expect(await v2.participants.where('debateId').equals('deb_1').count()).toBe(1);
    // The new tables exist and are empty.
    expect(await v2.claims.count()).toBe(0);
    expect(await v2.documents.count()).toBe(0);
    v2.close();
  });
});

describe('upgrade 2 → 3', () => {
  it('keeps every appearance and note, and finds them by document and start position', async () => {
    const idb = new IDBFactory();
    const v2 = openAt(2, idb);
    await v2.open();
    const anchor = (start: number, end: number) => ({ quote: { exact: 'x', prefix: '', suffix: '' }, position: { start, end }, documentVersion: 1 });
    await v2.table('appearances').bulkAdd([
      { id: 'app_1', claimId: 'clm_1', documentId: 'doc_1', anchor: anchor(500, 520), state: 'anchored', createdAt: 't', updatedAt: 't' },
      { id: 'app_2', claimId: 'clm_2', documentId: 'doc_1', anchor: anchor(10, 40), state: 'anchored', createdAt: 't', updatedAt: 't' },
      { id: 'app_3', claimId: 'clm_2', documentId: 'doc_2', anchor: anchor(20, 30), state: 'orphaned', createdAt: 't', updatedAt: 't' },
    ]);
    await v2.table('notes').bulkAdd([
      { id: 'not_1', documentId: 'doc_1', anchor: anchor(300, 310), state: 'anchored', kind: 'note', body: 'Check the 2015 edition', createdAt: 't', updatedAt: 't' },
      { id: 'not_2', documentId: 'doc_1', anchor: anchor(5, 9), state: 'anchored', kind: 'tag', body: 'defence', createdAt: 't', updatedAt: 't' },
    ]);
    v2.close();

    const v3 = openAt(3, idb);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect(await v3.appearances.count()).toBe(3);
    expect(await v3.appearances.where('claimId').equals('clm_2').count()).toBe(2);
    // The new index: a document's appearances in reading order, and only those starting in a range.
    const byPosition = v3.appearances.where('[documentId+anchor.position.start]');
    expect((await byPosition.between(['doc_1', -Infinity], ['doc_1', Infinity]).toArray()).map((a) => a.id)).toEqual(['app_2', 'app_1']);
    expect((await byPosition.between(['doc_1', 0], ['doc_1', 100]).toArray()).map((a) => a.id)).toEqual(['app_2']);
    const notes = await v3.notes.where('[documentId+anchor.position.start]').between(['doc_1', -Infinity], ['doc_1', Infinity]).toArray();
    expect(notes.map((n) => n.body)).toEqual(['defence', 'Check the 2015 edition']);
    v3.close();
  });
});
