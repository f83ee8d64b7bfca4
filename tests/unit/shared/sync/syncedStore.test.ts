import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { ClaimdeskDb } from '../../../../renderer/db/database.js';
import { createDexieStore } from '../../../../renderer/db/dexieStore.js';
import { createClaim, deleteClaim, ensureBuiltInScales, setVerdict, updateClaim } from '../../../../shared/domain/claims.js';
import { replaceDocumentText } from '../../../../shared/domain/documentEdits.js';
import { readSnapshot } from '../../../../shared/domain/snapshot.js';
import type { Claim, DocumentRecord } from '../../../../shared/model.js';
import { ProjectMirror } from '../../../../shared/sync/projectMirror.js';
import { restoreDeleted } from '../../../../shared/sync/restore.js';
import type { SyncRole } from '../../../../shared/sync/serverApi.js';
import { SyncedStore } from '../../../../shared/sync/syncedStore.js';

// Two laptops: each its own Dexie database (fake-indexeddb) under a SyncedStore, each its own Y.Doc. "Online" means
// updates flow between the two docs as a server would relay them; "offline" means they don't until reconnect.
interface Laptop {
  db: ClaimdeskDb;
  doc: Y.Doc;
  mirror: ProjectMirror;
  store: SyncedStore;
}

const opened: ClaimdeskDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function laptop(name: string, role: SyncRole = 'editor'): Promise<Laptop> {
  const db = new ClaimdeskDb(`sync-${name}-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(db);
  const doc = new Y.Doc();
  const mirror = new ProjectMirror(doc);
  const store = new SyncedStore(createDexieStore(db));
  await ensureBuiltInScales(store);
  await store.attach(mirror, { memberId: `m-${name}`, name, role });
  return { db, doc, mirror, store };
}

/** Relays updates between two docs while online; returns the switch. */
function link(a: Laptop, b: Laptop) {
  let online = true;
  const relay = (from: Laptop, to: Laptop) => (update: Uint8Array, origin: unknown) => {
    if (online && origin !== 'relay') Y.applyUpdate(to.doc, update, 'relay');
  };
  a.doc.on('update', relay(a, b));
  b.doc.on('update', relay(b, a));
  return {
    offline() {
      online = false;
    },
    online() {
      online = true;
      Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), 'relay');
      Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), 'relay');
    },
  };
}

const TEXT = 'NATO members agreed to spend two per cent of GDP on defence.\n\nOnly five members met the target in 2016.';

async function seedDocument(l: Laptop): Promise<DocumentRecord> {
  const now = new Date().toISOString();
  const doc: DocumentRecord = { id: 'doc_1', debateId: 'deb_1', title: 'Debate', format: 'text', text: TEXT, version: 1, createdAt: now, updatedAt: now };
  await l.store.transaction('Import', async (tx) => {
    await tx.put('debates', { id: 'deb_1', title: 'Leaders debate', kind: 'tv-debate', createdAt: now, updatedAt: now });
    await tx.put('documents', doc);
    await tx.put('turns', { id: 'trn_1', documentId: 'doc_1', index: 0, personId: null, kind: 'narration', text: TEXT.split('\n\n')[0]!, offset: 0 });
    await tx.put('turns', { id: 'trn_2', documentId: 'doc_1', index: 1, personId: null, kind: 'narration', text: TEXT.split('\n\n')[1]!, offset: TEXT.indexOf('Only') });
  });
  return doc;
}

const span = (text: string) => ({ documentId: 'doc_1', start: TEXT.indexOf(text), end: TEXT.indexOf(text) + text.length });

describe('the synced store', () => {
  it('brings a teammate’s records into the other laptop’s Dexie, with who made them', async () => {
    const [a, b] = [await laptop('Alice'), await laptop('Bob')];
    link(a, b);
    await seedDocument(a);
    const { claim } = await createClaim(a.store, { text: 'Only five members met the target', type: 'statistic' }, span('Only five members met the target'));
    await b.store.settled();
    const onB = (await b.db.claims.get(claim.id)) as Claim;
    expect(onB.text).toBe('Only five members met the target');
    expect(onB).toMatchObject({ createdBy: 'Alice', updatedBy: 'Alice' });
    expect(await b.db.appearances.where('claimId').equals(claim.id).count()).toBe(1);
    expect(await b.db.turns.count()).toBe(2);

    await updateClaim(b.store, claim.id, { status: 'checked' });
    await a.store.settled();
    expect(await a.db.claims.get(claim.id)).toMatchObject({ status: 'checked', createdBy: 'Alice', updatedBy: 'Bob' });
  });

  it('merges offline edits field by field, keeps the losing value in history, and both copies agree', async () => {
    const [a, b] = [await laptop('Alice'), await laptop('Bob')];
    const net = link(a, b);
    await seedDocument(a);
    const { claim } = await createClaim(a.store, { text: 'Five members met the target', type: 'statistic' });
    await b.store.settled();
    net.offline();
    await updateClaim(a.store, claim.id, { text: 'Only five of 28 members met the target' });
    await updateClaim(b.store, claim.id, { status: 'researching' });
    await updateClaim(b.store, claim.id, { text: 'Five NATO members met the 2% target' });
    net.online();
    await Promise.all([a.store.settled(), b.store.settled()]);
    const [onA, onB] = [await a.db.claims.get(claim.id), await b.db.claims.get(claim.id)];
    expect(onA).toEqual(onB);
    expect(onA!.status).toBe('researching');
    const texts = a.mirror.historyOf('claims', claim.id).flatMap((h) => (h.fields?.text ? [h.fields.text[1]] : []));
    expect(texts).toEqual(expect.arrayContaining(['Only five of 28 members met the target', 'Five NATO members met the 2% target']));
  });

  it('keeps an offline edit through a restart of the laptop (Y.Doc in IndexedDB) and merges it on reconnect', async () => {
    const a = await laptop('Alice');
    const b = await laptop('Bob');
    const name = `claimdesk-team-test-${Math.random()}`;
    const persistence = new IndexeddbPersistence(name, a.doc);
    await persistence.whenSynced;
    const net = link(a, b);
    const { claim } = await createClaim(a.store, { text: 'Five of 28 met it', type: 'statistic' });
    await b.store.settled();
    net.offline();
    await updateClaim(a.store, claim.id, { text: 'Only five of 28 members met the target' });
    await updateClaim(b.store, claim.id, { type: 'comparison' });
    // A quits while offline: the Y.Doc's updates are in IndexedDB, the records in Dexie.
    await new Promise((r) => setTimeout(r, 50));
    a.store.detach();
    await persistence.destroy();
    // A starts again: a new Y.Doc loaded from IndexedDB, a new synced store over the same Dexie database.
    const doc = new Y.Doc();
    const reopened = new IndexeddbPersistence(name, doc);
    await reopened.whenSynced;
    const mirror = new ProjectMirror(doc);
    expect(mirror.read('claims', claim.id)?.text).toBe('Only five of 28 members met the target');
    const store = new SyncedStore(createDexieStore(a.db));
    await store.attach(mirror, { memberId: 'm-Alice', name: 'Alice', role: 'editor' });
    const restarted = { db: a.db, doc, mirror, store };
    link(restarted, b).online();
    await Promise.all([store.settled(), b.store.settled()]);
    for (const db of [a.db, b.db]) expect(await db.claims.get(claim.id)).toMatchObject({ text: 'Only five of 28 members met the target', type: 'comparison' });
    await reopened.destroy();
  });

  it('keeps both offline ratings of one claim in its verdict history; the later one is current', async () => {
    const [a, b] = [await laptop('Alice'), await laptop('Bob')];
    const net = link(a, b);
    const { claim } = await createClaim(a.store, { text: 'Claim', type: 'statistic' });
    await b.store.settled();
    net.offline();
    await setVerdict(a.store, claim.id, { scaleId: 'scale-six-step', stepId: 'false', conclusion: '', reasoning: 'NATO table says 4', author: 'Alice', why: '' });
    await new Promise((r) => setTimeout(r, 5));
    await setVerdict(b.store, claim.id, { scaleId: 'scale-six-step', stepId: 'mostly-true', conclusion: '', reasoning: 'Five in 2016', author: 'Bob', why: '' });
    net.online();
    await Promise.all([a.store.settled(), b.store.settled()]);
    const [va, vb] = [await a.db.verdicts.where('claimId').equals(claim.id).toArray(), await b.db.verdicts.where('claimId').equals(claim.id).toArray()];
    expect(va).toHaveLength(1);
    expect(va).toEqual(vb);
    expect(va[0]).toMatchObject({ stepId: 'mostly-true', author: 'Bob' });
    expect(va[0]!.history.map((h) => `${h.author}:${h.toStepId}`)).toEqual(['Alice:false', 'Bob:mostly-true']);
    // A later change on either side carries on from the merged verdict.
    await setVerdict(a.store, claim.id, { scaleId: 'scale-six-step', stepId: 'half-true', conclusion: '', reasoning: 'Both counts', author: 'Alice', why: 'Merged the two readings' });
    await b.store.settled();
    expect((await b.db.verdicts.where('claimId').equals(claim.id).first())!.history).toHaveLength(3);
  });

  it('lets a deleted claim be restored with everything deleted with it, on every laptop', async () => {
    const [a, b] = [await laptop('Alice'), await laptop('Bob')];
    link(a, b);
    await seedDocument(a);
    const { claim } = await createClaim(a.store, { text: 'Only five members', type: 'statistic' }, span('Only five members'));
    await setVerdict(a.store, claim.id, { scaleId: 'scale-six-step', stepId: 'true', conclusion: '', reasoning: 'r', author: 'Alice', why: '' });
    await b.store.settled();
    await deleteClaim(b.store, claim.id);
    await a.store.settled();
    expect(await a.db.claims.get(claim.id)).toBeUndefined();
    expect(await a.db.verdicts.count()).toBe(0);
    const [group] = a.mirror.deletedGroups();
    expect(group).toMatchObject({ by: 'Bob', label: 'Delete claim' });
    expect(group!.records.map((r) => r.table).sort()).toEqual(['appearances', 'claims', 'verdicts']);
    await restoreDeleted(a.store, a.mirror, group!.tx);
    await b.store.settled();
    expect(await b.db.claims.get(claim.id)).toMatchObject({ text: 'Only five members' });
    expect(await b.db.appearances.where('claimId').equals(claim.id).count()).toBe(1);
    expect((await b.db.verdicts.where('claimId').equals(claim.id).first())?.stepId).toBe('true');
    expect(a.mirror.deletedGroups()).toEqual([]);
  });

  it('re-anchors an annotation made offline on the old text after the text changed on the other laptop', async () => {
    const [a, b] = [await laptop('Alice'), await laptop('Bob')];
    const net = link(a, b);
    await seedDocument(a);
    await b.store.settled();
    net.offline();
    await replaceDocumentText(a.store, 'doc_1', `Moderator: welcome.\n\n${TEXT}`);
    const { appearance } = await createClaim(b.store, { text: 'Only five members met the target', type: 'statistic' }, span('Only five members met the target'));
    net.online();
    await Promise.all([a.store.settled(), b.store.settled()]);
    await Promise.all([a.store.settled(), b.store.settled()]);
    for (const l of [a, b]) {
      const app = await l.db.appearances.get(appearance!.id);
      const doc = await l.db.documents.get('doc_1');
      expect(app!.state).toBe('anchored');
      expect(app!.anchor.documentVersion).toBe(doc!.version);
      expect(doc!.text.slice(app!.anchor.position.start, app!.anchor.position.end)).toBe('Only five members met the target');
    }
  });

  it('carries fields it has never heard of', async () => {
    const [a, b] = [await laptop('Alice'), await laptop('Bob')];
    link(a, b);
    const now = new Date().toISOString();
    await a.store.transaction('Add', async (tx) => {
      await tx.put('claims', { id: 'clm_x', text: 'GDP 2%', type: 'statistic', status: 'new', topicIds: [], createdAt: now, updatedAt: now, quantity: { value: 2, unit: '%' } } as unknown as Claim);
    });
    await b.store.settled();
    expect(await b.db.claims.get('clm_x')).toMatchObject({ quantity: { value: 2, unit: '%' } });
  });

  it('shares only the chosen debates, and keeps new records of other debates local', async () => {
    const db = new ClaimdeskDb(`scope-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    opened.push(db);
    const local = createDexieStore(db);
    const now = new Date().toISOString();
    await ensureBuiltInScales(local);
    await local.transaction('Seed', async (tx) => {
      for (const id of ['deb_1', 'deb_2']) await tx.put('debates', { id, title: id, kind: 'tv-debate', createdAt: now, updatedAt: now });
      await tx.put('documents', { id: 'doc_1', debateId: 'deb_1', title: 'One', format: 'text', text: TEXT, version: 1, createdAt: now, updatedAt: now });
      await tx.put('documents', { id: 'doc_2', debateId: 'deb_2', title: 'Two', format: 'text', text: TEXT, version: 1, createdAt: now, updatedAt: now });
      await tx.put('people', { id: 'per_1', name: 'Speaker', aliases: [], createdAt: now, updatedAt: now });
      await tx.put('participants', { id: 'par_1', debateId: 'deb_1', personId: 'per_1', role: 'candidate', createdAt: now, updatedAt: now });
    });
    const mirror = new ProjectMirror(new Y.Doc());
    const snapshot = await readSnapshot(local);
    mirror.seed(snapshot as never, { kind: 'debates', debateIds: ['deb_1'] }, { memberId: 'm', name: 'Alice' }, 'Debate night');
    expect(mirror.all('debates').map((d) => d.id)).toEqual(['deb_1']);
    expect(mirror.all('documents').map((d) => d.id)).toEqual(['doc_1']);
    expect(mirror.all('people').map((d) => d.id)).toEqual(['per_1']);
    const store = new SyncedStore(local);
    await store.attach(mirror, { memberId: 'm', name: 'Alice', role: 'owner' });
    const one = await createClaim(store, { text: 'In debate one', type: 'statistic' }, { documentId: 'doc_1', start: 0, end: 4 });
    const two = await createClaim(store, { text: 'In debate two', type: 'statistic' }, { documentId: 'doc_2', start: 0, end: 4 });
    expect(mirror.read('claims', one.claim.id)).toBeDefined();
    expect(mirror.read('claims', two.claim.id)).toBeUndefined();
    expect(await db.claims.get(two.claim.id)).toBeDefined();
  });

  it('refuses a viewer’s local writes with one sentence', async () => {
    const v = await laptop('Vera', 'viewer');
    await expect(createClaim(v.store, { text: 'x', type: 'statistic' })).rejects.toThrow(/viewer/);
    expect(await v.db.claims.count()).toBe(0);
  });
});
