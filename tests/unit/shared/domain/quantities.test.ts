import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ClaimdeskDb } from '../../../../renderer/db/database.js';
import { applyChangeSet, createDexieStore, type ChangeSet } from '../../../../renderer/db/dexieStore.js';
import { createClaim, updateClaim } from '../../../../shared/domain/claims.js';
import { MemoryStore } from '../../../../shared/domain/memoryStore.js';
import { removeClaimQuantity, rereadClaimQuantities, saveClaimQuantity } from '../../../../shared/domain/quantities.js';
import type { DocumentRecord } from '../../../../shared/model.js';

const STAMP = '2026-01-01T00:00:00.000Z';
const TEXT = 'NATO members’ defence spending is supposed to amount to 2% of GDP, but only five out of 28 members met this target last year, according to a NATO report.';
const DOCUMENT: DocumentRecord = { id: 'doc_1', debateId: 'deb_1', title: 'Article', format: 'text', text: TEXT, version: 1, createdAt: STAMP, updatedAt: STAMP };
const SEED = { debates: [{ id: 'deb_1', title: 'Hustings', kind: 'article' as const, date: '2016-08-18', createdAt: STAMP, updatedAt: STAMP }], documents: [DOCUMENT] };
const CLAIM = 'only five out of 28 members met this target last year';

function span(words: string) {
  const start = TEXT.indexOf(words);
  return { documentId: 'doc_1', start, end: start + words.length };
}

describe('quantities stored with a claim', () => {
  it('are read when the claim is made, "last year" against the debate date', async () => {
    const store = new MemoryStore(SEED);
    const { claim } = await createClaim(store, { text: CLAIM, type: 'statistic' }, span(CLAIM));
    expect(claim.quantities).toHaveLength(1);
    expect(claim.quantities![0]).toMatchObject({ value: 5, unit: 'count', of: 28, what: 'members', comparison: 'only', time: 'last year', period: { from: 2015, to: 2015 }, text: 'five out of 28', origin: 'parsed' });
    expect(claim.quantities![0]!.id).toMatch(/^qty_/);
  });

  it('are corrected, added and removed by the analyst; a corrected one survives a new statement', async () => {
    const store = new MemoryStore(SEED);
    const { claim } = await createClaim(store, { text: CLAIM, type: 'statistic' }, span(CLAIM));
    const five = claim.quantities![0]!;
    const fixed = await saveClaimQuantity(store, claim.id, { id: five.id, value: 5, unit: 'count', of: 28, what: 'allies', comparison: 'only', time: 'in 2015', period: { from: 2015, to: 2015 } });
    expect(fixed).toMatchObject({ id: five.id, what: 'allies', origin: 'analyst', text: 'five out of 28' });
    const added = await saveClaimQuantity(store, claim.id, { value: 2, unit: 'percent-of-gdp', text: '2%' });
    expect(store.snapshot().claims[0]!.quantities!.map((q) => q.id)).toEqual([five.id, added.id]);
    await removeClaimQuantity(store, claim.id, added.id);
    const updated = await updateClaim(store, claim.id, { text: 'only five out of 28 members, and 3 in 10 voters, met it' });
    expect(updated.quantities!.map((q) => [q.value, q.origin])).toEqual([[3, 'parsed'], [5, 'analyst']]);
    const reread = await rereadClaimQuantities(store, claim.id);
    expect(reread.map((q) => q.value)).toEqual([3, 5]);
  });

  it('refuses a value that is not a number, a unit outside the vocabulary, and money without a currency, changing nothing', async () => {
    const store = new MemoryStore(SEED);
    const { claim } = await createClaim(store, { text: CLAIM, type: 'statistic' }, span(CLAIM));
    const before = store.snapshot();
    await expect(saveClaimQuantity(store, claim.id, { value: Number.NaN, unit: 'count' })).rejects.toThrow('a value that is a number');
    await expect(saveClaimQuantity(store, claim.id, { value: 1, unit: 'furlongs' as never })).rejects.toThrow('Choose a unit');
    await expect(saveClaimQuantity(store, claim.id, { value: 700, unit: 'money' })).rejects.toThrow('three-letter ISO code');
    await expect(saveClaimQuantity(store, claim.id, { value: 1, unit: 'count', period: { from: 2016, to: 2015 } })).rejects.toThrow('must not end before');
    await expect(saveClaimQuantity(store, claim.id, { id: 'qty_gone', value: 1, unit: 'count' })).rejects.toThrow('no longer on the claim');
    await expect(saveClaimQuantity(store, 'clm_gone', { value: 1, unit: 'count' })).rejects.toThrow('That claim no longer exists.');
    expect(store.snapshot()).toEqual(before);
  });

  it('a claim from an older library (no quantities yet) is read on its first correction', async () => {
    const store = new MemoryStore({ ...SEED, claims: [{ id: 'clm_old', text: 'We sent 12,000 troops since 2022.', topicIds: [], type: 'statistic', status: 'new', date: '2024-05-01', createdAt: STAMP, updatedAt: STAMP }] });
    await saveClaimQuantity(store, 'clm_old', { value: 3, unit: 'count', what: 'brigades' });
    expect(store.snapshot().claims[0]!.quantities!.map((q) => [q.value, q.unit, q.origin])).toEqual([[12000, 'people', 'parsed'], [3, 'count', 'analyst']]);
  });

  it('each correction is one undo step that restores the list before', async () => {
    const db = new ClaimdeskDb('quantities-undo', { indexedDB: new IDBFactory(), IDBKeyRange });
    const steps: ChangeSet[] = [];
    const store = createDexieStore(db, (c) => steps.push(c));
    await db.debates.bulkPut(SEED.debates);
    await db.documents.put(DOCUMENT);
    const { claim } = await createClaim(store, { text: CLAIM, type: 'statistic' }, span(CLAIM));
    const five = claim.quantities![0]!;
    await saveClaimQuantity(store, claim.id, { id: five.id, value: 4, unit: 'count', of: 28 });
    await removeClaimQuantity(store, claim.id, five.id);
    expect(steps.map((s) => s.label).slice(-2)).toEqual(['Correct quantity', 'Remove quantity']);
    expect((await db.claims.get(claim.id))!.quantities).toEqual([]);
    await applyChangeSet(db, steps.at(-1)!, 'undo');
    expect((await db.claims.get(claim.id))!.quantities![0]).toMatchObject({ value: 4, origin: 'analyst' });
    await applyChangeSet(db, steps.at(-2)!, 'undo');
    expect((await db.claims.get(claim.id))!.quantities![0]).toMatchObject({ value: 5, origin: 'parsed' });
    // A claim stored before quantities existed is read (against its debate's date) inside the same transaction.
    const { quantities: _gone, ...old } = (await db.claims.get(claim.id))!;
    await db.claims.put({ ...old, id: 'clm_old', date: undefined } as never);
    await db.appearances.put({ ...(await db.appearances.where('claimId').equals(claim.id).first())!, id: 'app_old', claimId: 'clm_old' });
    await saveClaimQuantity(store, 'clm_old', { value: 1, unit: 'count' });
    expect((await db.claims.get('clm_old'))!.quantities!.map((q) => [q.value, q.period])).toEqual([[5, { from: 2015, to: 2015 }], [1, undefined]]);
    db.close();
  });
});
