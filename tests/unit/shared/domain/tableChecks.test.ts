import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../../electron/sources/readTable.js';
import { ClaimdeskDb } from '../../../../renderer/db/database.js';
import { applyChangeSet, createDexieStore, type ChangeSet } from '../../../../renderer/db/dexieStore.js';
import { createClaim, ensureBuiltInScales, setVerdict } from '../../../../shared/domain/claims.js';
import { MemoryStore } from '../../../../shared/domain/memoryStore.js';
import { createSource } from '../../../../shared/domain/sources.js';
import type { Store } from '../../../../shared/domain/store.js';
import { ACCEPTED_SUGGESTION_WHY, acceptSuggestedVerdict, rerunChecksOnEdition, runOn, saveTableCheck } from '../../../../shared/domain/tableChecks.js';
import type { TableCheck, TableComputation } from '../../../../shared/model.js';
import { suggestVerdict } from '../../../../shared/tableChecks/suggestVerdict.js';
import { SIX_STEP_SCALE } from '../../../../shared/verdicts/scales.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const file = (p: string) => {
  const bytes = new Uint8Array(readFileSync(path.join(root, p)));
  return { bytes, name: path.basename(p), hash: createHash('sha256').update(bytes).digest('hex') };
};
const EDITION_2024 = file('electron/sample/nato-defence-expenditure-pct-gdp-2014-2024.csv');
const VARIANT = file('tests/fixtures/tableChecks/nato-edition-test-variant.csv');
const CLAIM = 'only five out of 28 members met this target last year';

async function setUp(store: Store) {
  await ensureBuiltInScales(store);
  const { claim } = await createClaim(store, { text: CLAIM, type: 'statistic' });
  const source = await createSource(store, { kind: 'dataset', csl: { title: 'Defence Expenditure of NATO Countries (2014-2024)' } });
  const table = await readTable(EDITION_2024.bytes, EDITION_2024.name);
  const sheet = table.sheets[0]!;
  const computation: TableComputation = { operation: 'count', sheet: sheet.name, labelColumn: 'Country', filter: { column: '2015', operator: '>=', value: '2.0' }, excludeRows: ['NATO Europe and Canada', 'NATO Total'], noun: 'allies', valueUnit: '% of GDP' };
  const run = runOn({ hash: EDITION_2024.hash, fileName: EDITION_2024.name, sheets: table.sheets, edition: 'June 2024 edition' }, computation);
  const q = claim.quantities![0]!;
  const check: TableCheck = { computation, runs: [run], claimed: { quantityId: q.id, value: q.value, unit: q.unit, text: q.text, comparison: q.comparison! } };
  return { claim, source, check };
}

describe('saveTableCheck', () => {
  it('keeps the check as structured evidence: table hash, sheet, columns, filter, operation, result, sentence', async () => {
    const store = new MemoryStore();
    const { claim, source, check } = await setUp(store);
    const link = await saveTableCheck(store, { claimId: claim.id, sourceId: source.id, check });
    expect(link).toMatchObject({
      claimId: claim.id,
      sourceId: source.id,
      relation: 'contradicts',
      edition: 'June 2024 edition',
      figureYear: '2015',
      locator: { table: 'nato-defence-expenditure-pct-gdp-2014-2024', column: '2015', attachmentHash: EDITION_2024.hash },
      excerpt: '4 of 31 allies had ≥ 2.0% of GDP in 2015 (leaving out NATO Europe and Canada, NATO Total) — June 2024 edition',
    });
    expect(link.check!.runs[0]).toMatchObject({ fileHash: EDITION_2024.hash, sheet: 'nato-defence-expenditure-pct-gdp-2014-2024', result: { value: 4, of: 31 } });
    expect(link.check!.computation).toMatchObject({ operation: 'count', filter: { column: '2015', operator: '>=', value: '2.0' } });
    expect(store.snapshot().evidence).toEqual([link]);
  });

  it('refuses a check without a result, or for a claim or source that is gone, storing nothing', async () => {
    const store = new MemoryStore();
    const { claim, source, check } = await setUp(store);
    const before = store.snapshot();
    const failed = { ...check, runs: [{ ...check.runs[0]!, result: undefined, error: 'This table has no column “2030”.' }] };
    await expect(saveTableCheck(store, { claimId: claim.id, sourceId: source.id, check: failed })).rejects.toThrow('This table has no column “2030”.');
    await expect(saveTableCheck(store, { claimId: 'clm_gone', sourceId: source.id, check })).rejects.toThrow('That claim no longer exists.');
    await expect(saveTableCheck(store, { claimId: claim.id, sourceId: 'src_gone', check })).rejects.toThrow('That source no longer exists.');
    await expect(saveTableCheck(store, { claimId: claim.id, sourceId: source.id, check: { ...check, runs: [] } })).rejects.toThrow('Run the computation');
    expect(store.snapshot()).toEqual(before);
  });
});

describe('rerunChecksOnEdition', () => {
  it('re-runs every stored computation on another edition; both answers stay, each pointing at its own bytes', async () => {
    const store = new MemoryStore();
    const { claim, source, check } = await setUp(store);
    await saveTableCheck(store, { claimId: claim.id, sourceId: source.id, check });
    const variant = await readTable(VARIANT.bytes, VARIANT.name);
    const outcome = await rerunChecksOnEdition(store, source.id, { hash: VARIANT.hash, fileName: VARIANT.name, sheets: variant.sheets, edition: 'test variant edition' });
    expect(outcome).toEqual({ rerun: 1, changed: 1, failed: 0 });
    const runs = store.snapshot().evidence[0]!.check!.runs;
    expect(runs.map((r) => [r.fileHash, r.result?.value, r.edition])).toEqual([
      [EDITION_2024.hash, 4, 'June 2024 edition'],
      [VARIANT.hash, 5, 'test variant edition'],
    ]);
    // The same edition again replaces its run; the file the check was made on is never re-run.
    await rerunChecksOnEdition(store, source.id, { hash: VARIANT.hash, fileName: VARIANT.name, sheets: variant.sheets, edition: 'test variant edition' });
    expect(await rerunChecksOnEdition(store, source.id, { hash: EDITION_2024.hash, fileName: EDITION_2024.name, sheets: variant.sheets })).toEqual({ rerun: 0, changed: 0, failed: 0 });
    expect(store.snapshot().evidence[0]!.check!.runs).toHaveLength(2);
    expect(suggestVerdict(SIX_STEP_SCALE, store.snapshot().evidence[0]!.check!)!.reasoning).toContain('The editions disagree: 4 in June 2024 edition; 5 in test variant edition.');
  });

  it('keeps a run that cannot be computed on an edition (a column it lacks) with its reason', async () => {
    const store = new MemoryStore();
    const { claim, source, check } = await setUp(store);
    await saveTableCheck(store, { claimId: claim.id, sourceId: source.id, check });
    const sheets = [{ name: 'old', columns: ['Country', '2009', '2010'], rows: [['Greece', '3.1', '2.6']] }];
    const outcome = await rerunChecksOnEdition(store, source.id, { hash: 'c'.repeat(64), fileName: 'old.csv', sheets, edition: '2010 edition' });
    expect(outcome).toEqual({ rerun: 1, changed: 0, failed: 1 });
    expect(store.snapshot().evidence[0]!.check!.runs[1]).toMatchObject({ error: 'This table has no column “2015”.', sentence: 'Could not be computed on 2010 edition: This table has no column “2015”.' });
  });
});

describe('acceptSuggestedVerdict', () => {
  it('saves the verdict and marks the claim checked in one undo step; an existing verdict keeps its history', async () => {
    const db = new ClaimdeskDb('accept-undo', { indexedDB: new IDBFactory(), IDBKeyRange });
    const steps: ChangeSet[] = [];
    const store = createDexieStore(db, (c) => steps.push(c));
    const { claim, source, check } = await setUp(store);
    await saveTableCheck(store, { claimId: claim.id, sourceId: source.id, check });
    const s = suggestVerdict(SIX_STEP_SCALE, check)!;
    const accept = { scaleId: s.scaleId, stepId: s.stepId!, conclusion: s.conclusion, reasoning: s.reasoning, author: 'B', why: ACCEPTED_SUGGESTION_WHY, status: 'checked' as const };
    // A claim with no verdict yet: one step saves the verdict and checks the claim, one undo takes back both.
    await acceptSuggestedVerdict(store, claim.id, accept);
    expect((await db.claims.get(claim.id))!.status).toBe('checked');
    expect(steps.at(-1)!.label).toBe('Accept suggested verdict');
    await applyChangeSet(db, steps.at(-1)!, 'undo');
    expect((await db.claims.get(claim.id))!.status).toBe('new');
    expect(await db.verdicts.where('claimId').equals(claim.id).count()).toBe(0);
    // A claim with a verdict already: the accepted one joins its history.
    await setVerdict(store, claim.id, { scaleId: SIX_STEP_SCALE.id, stepId: 'true', conclusion: '', reasoning: 'First look.', author: 'A', why: 'First verdict.' });
    const verdict = await acceptSuggestedVerdict(store, claim.id, accept);
    expect(verdict).toMatchObject({ stepId: 'half-true', conclusion: 'The table gives 4, not five.', author: 'B' });
    expect(verdict.history.map((h) => h.why)).toEqual(['First verdict.', ACCEPTED_SUGGESTION_WHY]);
    await applyChangeSet(db, steps.at(-1)!, 'undo');
    expect((await db.verdicts.where('claimId').equals(claim.id).first())!.stepId).toBe('true');
    // A refused verdict changes nothing, the status included.
    await db.claims.update(claim.id, { status: 'researching' });
    await expect(acceptSuggestedVerdict(store, claim.id, { ...accept, conclusion: '', reasoning: '', why: '' })).rejects.toThrow('Say why the verdict changes.');
    expect((await db.claims.get(claim.id))!.status).toBe('researching');
    // Re-running on an edition goes through the same Dexie transaction path as the window.
    const variant = await readTable(VARIANT.bytes, VARIANT.name);
    expect(await rerunChecksOnEdition(store, source.id, { hash: VARIANT.hash, fileName: VARIANT.name, sheets: variant.sheets, edition: 'variant' })).toEqual({ rerun: 1, changed: 1, failed: 0 });
    expect((await db.evidence.toArray())[0]!.check!.runs).toHaveLength(2);
    db.close();
  });
});
