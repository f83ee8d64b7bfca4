import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ClaimdeskDb } from '../../../../renderer/db/database.js';
import { applyChangeSet, createDexieStore, type ChangeSet } from '../../../../renderer/db/dexieStore.js';
import type { Person, Topic, Verdict } from '../../../../shared/model.js';

const STAMP = '2026-01-01T00:00:00.000Z';
const person = (id: string, name = `Person ${id}`): Person => ({ id, name, aliases: [], createdAt: STAMP, updatedAt: STAMP });
const topic = (id: string, name: string): Topic => ({ id, name, createdAt: STAMP, updatedAt: STAMP });

let n = 0;
async function setup(seed: Person[] = []) {
  const db = new ClaimdeskDb(`dexie-store-${n++}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  if (seed.length > 0) await db.people.bulkPut(seed);
  const sets: ChangeSet[] = [];
  return { db, sets, store: createDexieStore(db, (set) => sets.push(set)) };
}

describe('createDexieStore: buffered writes', () => {
  it('reads its own writes inside the transaction (get, where, all)', async () => {
    const { store } = await setup([person('p1')]);
    const seen = await store.transaction('Write then read', async (tx) => {
      await tx.put('people', person('p2', 'Ada'));
      await tx.put('participants', { id: 'par1', debateId: 'deb1', personId: 'p2', role: 'candidate', createdAt: STAMP, updatedAt: STAMP });
      const got = await tx.get('people', 'p2');
      const where = await tx.where('participants', 'debateId', 'deb1');
      await tx.delete('people', 'p1');
      const all = await tx.all('people');
      return { got: got?.name, where: where.map((p) => p.id), all: all.map((p) => p.id) };
    });
    expect(seen).toEqual({ got: 'Ada', where: ['par1'], all: ['p2'] });
  });

  it('reads a buffered record as a copy, and a buffered delete as gone', async () => {
    const { db, store } = await setup([person('p1')]);
    await store.transaction('Copies', async (tx) => {
      await tx.put('people', person('p2', 'Ada'));
      const copy = (await tx.get('people', 'p2'))!;
      copy.name = 'Changed by the reader';
      await tx.delete('people', 'p1');
      expect(await tx.get('people', 'p1')).toBeUndefined();
    });
    expect((await db.people.get('p2'))?.name).toBe('Ada');
    expect(await db.people.get('p1')).toBeUndefined();
  });

  it('stores writes that were never awaited', async () => {
    const { db, store } = await setup();
    await store.transaction('Fire and forget', async (tx) => {
      for (let i = 0; i < 100; i++) void tx.put('people', person(`p${i}`));
    });
    expect(await db.people.count()).toBe(100);
  });

  it('records each record once: its value before the transaction and its last value', async () => {
    const { db, store, sets } = await setup([person('p1', 'Old name'), person('p9')]);
    await store.transaction('Several writes', async (tx) => {
      await tx.put('people', person('p1', 'First rename'));
      await tx.get('people', 'p1'); // flushes between the two writes
      await tx.put('people', person('p1', 'Second rename'));
      await tx.put('people', person('p2', 'New'));
      await tx.put('people', person('p3', 'Made and dropped'));
      await tx.delete('people', 'p3');
      await tx.put('people', person('p9')); // written back as it was: no change
      await tx.delete('people', 'p404'); // never existed: no change
    });
    expect(sets).toHaveLength(1);
    const byId = Object.fromEntries(sets[0]!.changes.map((c) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual(['p1', 'p2']);
    expect(byId.p1).toMatchObject({ table: 'people', before: { name: 'Old name' }, after: { name: 'Second rename' } });
    expect(byId.p2).toMatchObject({ before: undefined, after: { name: 'New' } });
    expect((await db.people.get('p1'))?.name).toBe('Second rename');
    expect(await db.people.get('p3')).toBeUndefined();
  });

  it('keeps nothing when the work fails after writing, and reports no change', async () => {
    const { db, store, sets } = await setup([person('p1')]);
    await expect(
      store.transaction('Fails', async (tx) => {
        await tx.put('people', person('p2'));
        await tx.all('people'); // the write has reached IndexedDB
        await tx.put('topics', topic('t1', 'Health'));
        throw new Error('the operation failed');
      }),
    ).rejects.toThrow('the operation failed');
    expect((await db.people.toArray()).map((p) => p.id)).toEqual(['p1']);
    expect(await db.topics.count()).toBe(0);
    expect(sets).toHaveLength(0);
  });

  it('keeps nothing when a buffered write cannot be stored', async () => {
    const { db, store, sets } = await setup();
    const bad = { ...topic('t2', 'Bad'), callback: () => undefined } as unknown as Topic; // functions cannot be cloned
    await expect(
      store.transaction('Bad row', async (tx) => {
        await tx.put('topics', topic('t1', 'Fine'));
        await tx.put('topics', bad);
      }),
    ).rejects.toThrow();
    expect(await db.topics.count()).toBe(0);
    expect(sets).toHaveLength(0);
  });

  it('refuses a record without an id at once', async () => {
    const { store } = await setup();
    await expect(store.transaction('No id', (tx) => tx.put('topics', { name: 'x' } as unknown as Topic))).rejects.toThrow('needs a string id');
  });

  it('records the previous values of many existing records among new ones', async () => {
    const seed = Array.from({ length: 200 }, (_, i) => person(`p${String(i).padStart(4, '0')}`, `Before ${i}`));
    const { db, sets, store } = await setup(seed);
    await store.transaction('Rename half, add some', async (tx) => {
      for (let i = 0; i < 200; i += 2) await tx.put('people', person(`p${String(i).padStart(4, '0')}`, `After ${i}`));
      for (let i = 200; i < 300; i++) await tx.put('people', person(`p${String(i).padStart(4, '0')}`, `New ${i}`));
    });
    const changes = sets[0]!.changes;
    expect(changes).toHaveLength(200);
    expect(changes.find((c) => c.id === 'p0010')).toMatchObject({ before: { name: 'Before 10' }, after: { name: 'After 10' } });
    expect(changes.find((c) => c.id === 'p0250')).toMatchObject({ before: undefined, after: { name: 'New 250' } });
    await applyChangeSet(db, sets[0]!, 'undo');
    expect(await db.people.orderBy('id').toArray()).toEqual(seed);
  });

  it('undoes and redoes a large change set with bulk writes', async () => {
    const { db, store, sets } = await setup([person('p0', 'Kept'), person('p1', 'Renamed')]);
    await store.transaction('Many', async (tx) => {
      for (let i = 2; i < 1_002; i++) await tx.put('people', person(`p${i}`));
      await tx.put('people', person('p1', 'New name'));
      await tx.delete('people', 'p0');
    });
    const after = await db.people.orderBy('id').toArray();
    await applyChangeSet(db, sets[0]!, 'undo');
    expect((await db.people.orderBy('id').toArray()).map((p) => [p.id, p.name])).toEqual([
      ['p0', 'Kept'],
      ['p1', 'Renamed'],
    ]);
    await applyChangeSet(db, sets[0]!, 'redo');
    expect(await db.people.orderBy('id').toArray()).toEqual(after);
  });
});

// verdicts.claimId is a unique index (one current verdict per claim): a transaction that ends valid must be stored,
// however its buffered deletes and puts of records sharing a key are sent.
describe('createDexieStore: unique indexes', () => {
  const verdict = (id: string, claimId: string, author = 'Alice'): Verdict => ({
    id,
    claimId,
    scaleId: 'scale-six-step',
    stepId: 'true',
    conclusion: '',
    reasoning: '',
    author,
    history: [],
    createdAt: STAMP,
    updatedAt: STAMP,
  });
  const current = async (db: ClaimdeskDb) => (await db.verdicts.orderBy('id').toArray()).map((v) => [v.id, v.claimId, v.author]);

  it('replaces a record by another with the same unique key: delete, then put, in one transaction', async () => {
    const { db, store } = await setup();
    await db.verdicts.put(verdict('ver_a', 'clm_1'));
    await store.transaction('Replace the verdict', async (tx) => {
      await tx.delete('verdicts', 'ver_a');
      await tx.put('verdicts', verdict('ver_b', 'clm_1', 'Bob'));
    });
    expect(await current(db)).toEqual([['ver_b', 'clm_1', 'Bob']]);
  });

  it('swaps unique keys between two records', async () => {
    const { db, store } = await setup();
    await db.verdicts.bulkPut([verdict('ver_a', 'clm_1'), verdict('ver_b', 'clm_2')]);
    await store.transaction('Swap', async (tx) => {
      await tx.put('verdicts', verdict('ver_a', 'clm_tmp'));
      await tx.put('verdicts', verdict('ver_b', 'clm_1'));
      await tx.put('verdicts', verdict('ver_a', 'clm_2'));
    });
    expect(await current(db)).toEqual([
      ['ver_a', 'clm_2', 'Alice'],
      ['ver_b', 'clm_1', 'Alice'],
    ]);
  });

  it('undoes and redoes a replacement of a record by another with the same unique key', async () => {
    const { db, store, sets } = await setup();
    await db.verdicts.put(verdict('ver_a', 'clm_1'));
    await store.transaction('Replace the verdict', async (tx) => {
      await tx.delete('verdicts', 'ver_a');
      await tx.put('verdicts', verdict('ver_b', 'clm_1', 'Bob'));
    });
    await applyChangeSet(db, sets[0]!, 'undo');
    expect(await current(db)).toEqual([['ver_a', 'clm_1', 'Alice']]);
    await applyChangeSet(db, sets[0]!, 'redo');
    expect(await current(db)).toEqual([['ver_b', 'clm_1', 'Bob']]);
  });

  it('still refuses a transaction that ends with two records on one unique key, and keeps nothing of it', async () => {
    const { db, store } = await setup();
    await db.verdicts.put(verdict('ver_a', 'clm_1'));
    await expect(
      store.transaction('Two verdicts', async (tx) => {
        await tx.put('people', person('p1'));
        await tx.put('verdicts', verdict('ver_b', 'clm_1', 'Bob'));
      }),
    ).rejects.toThrow();
    expect(await current(db)).toEqual([['ver_a', 'clm_1', 'Alice']]);
    expect(await db.people.count()).toBe(0);
  });
});
