import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ClaimdeskDb } from '../../../../renderer/db/database.js';
import { createDexieStore, type ChangeSet } from '../../../../renderer/db/dexieStore.js';
import { readBundle, writeBundle } from '../../../../shared/bundle/bundle.js';
import { MemoryStore } from '../../../../shared/domain/memoryStore.js';
import { emptySnapshot, isEmptySnapshot, readSnapshot, snapshotCounts, writeSnapshot } from '../../../../shared/domain/snapshot.js';
import { sampleFiles, sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';

const sorted = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('snapshot read and write over the Store', () => {
  it('reads back exactly what was written, sorted by id, in memory', async () => {
    const store = new MemoryStore();
    const sample = sampleSnapshot();
    await writeSnapshot(store, sample);
    const back = await readSnapshot(store);
    for (const [table, rows] of Object.entries(sample)) expect(back[table as keyof typeof back]).toEqual(sorted(rows as { id: string }[]));
    expect(snapshotCounts(back).claims).toBe(sample.claims.length);
  });

  it('replaces the library: records missing from the snapshot are deleted', async () => {
    const sample = sampleSnapshot();
    const store = new MemoryStore({ ...sample, debates: [...sample.debates, { id: 'extra', title: 'Extra', kind: 'hustings', createdAt: 'x', updatedAt: 'x' }] });
    await writeSnapshot(store, { ...sample, claims: [] });
    const back = await readSnapshot(store);
    expect(back.debates.map((d) => d.id)).not.toContain('extra');
    expect(back.claims).toEqual([]);
    await writeSnapshot(store, emptySnapshot());
    expect(isEmptySnapshot(await readSnapshot(store))).toBe(true);
  });

  it('round-trips through Dexie and a bundle into a fresh database with identical records', async () => {
    const commits: ChangeSet[] = [];
    const first = new ClaimdeskDb('snap-a', { indexedDB: new IDBFactory(), IDBKeyRange });
    const storeA = createDexieStore(first, (c) => commits.push(c));
    await writeSnapshot(storeA, sampleSnapshot(), 'Restore');
    expect(commits).toHaveLength(1);
    const a = await readSnapshot(storeA);
    const bundle = readBundle(writeBundle(a, sampleFiles()));
    const second = new ClaimdeskDb('snap-b', { indexedDB: new IDBFactory(), IDBKeyRange });
    const storeB = createDexieStore(second);
    await writeSnapshot(storeB, bundle.snapshot);
    expect(await readSnapshot(storeB)).toEqual(a);
    // Writing the same snapshot again changes nothing, so no undo step is recorded.
    await writeSnapshot(storeA, a);
    expect(commits).toHaveLength(1);
    first.close();
    second.close();
  });

  it('writes nothing when the transaction fails part-way', async () => {
    const store = new MemoryStore(sampleSnapshot());
    const broken = { ...sampleSnapshot(), claims: [null as never] };
    await expect(writeSnapshot(store, broken)).rejects.toThrow();
    expect((await readSnapshot(store)).claims.length).toBe(sampleSnapshot().claims.length);
  });
});
