import { describe, expect, it } from 'vitest';
import { createClaim } from '../../../../shared/domain/claims.js';
import { MemoryStore } from '../../../../shared/domain/memoryStore.js';
import {
  attachFile,
  createSource,
  deleteSource,
  describeLocator,
  importSources,
  linkEvidence,
  mediaTypeFor,
  mergeSourcesInto,
  removeEvidence,
  updateEvidence,
  updateSource,
  viewerFor,
} from '../../../../shared/domain/sources.js';
import type { Source } from '../../../../shared/model.js';

const HASH = 'a'.repeat(64);

async function setup() {
  const store = new MemoryStore();
  const { claim } = await createClaim(store, { text: 'Only five out of 28 members met the target', type: 'statistic' });
  return { store, claim };
}

describe('sources', () => {
  it('creates a source with a CSL type from its kind, trimmed tags and no empty fields', async () => {
    const { store } = await setup();
    const source = await createSource(store, { kind: 'dataset', csl: { title: '  NATO figures ', publisher: '', URL: 'https://nato.int' }, tags: ['NATO', ' NATO', ''], reliability: ' ' });
    expect(source.csl).toMatchObject({ title: 'NATO figures', type: 'dataset', URL: 'https://nato.int', id: source.id });
    expect(source.csl).not.toHaveProperty('publisher');
    expect(source.tags).toEqual(['NATO']);
    expect(source).not.toHaveProperty('reliability');
    expect(store.snapshot().sources).toHaveLength(1);
  });

  it('refuses a source without a title and stores nothing', async () => {
    const { store } = await setup();
    await expect(createSource(store, { kind: 'report', csl: { title: ' ' } })).rejects.toThrow('A source needs a title.');
    expect(store.snapshot().sources).toHaveLength(0);
  });

  it('edits a source and keeps its attachments', async () => {
    const { store } = await setup();
    const source = await createSource(store, { kind: 'report', csl: { title: 'A' } });
    await attachFile(store, source.id, { hash: HASH, name: 'a.pdf', mediaType: 'application/pdf', size: 3 });
    const edited = await updateSource(store, source.id, { kind: 'book', csl: { title: 'B', edition: '2' }, tags: ['x'] });
    expect(edited.csl).toMatchObject({ title: 'B', edition: '2', type: 'book' });
    expect(edited.attachments).toHaveLength(1);
    expect(edited.createdAt).toBe(source.createdAt);
  });

  it('attaches a file once, and refuses a hash that is not the vault’s', async () => {
    const { store } = await setup();
    const source = await createSource(store, { kind: 'report', csl: { title: 'A' } });
    await attachFile(store, source.id, { hash: HASH, name: 'a.pdf', mediaType: 'application/pdf', size: 3 });
    const again = await attachFile(store, source.id, { hash: HASH, name: 'copy.pdf', mediaType: 'application/pdf', size: 3 });
    expect(again.attachments).toHaveLength(1);
    await expect(attachFile(store, source.id, { hash: '../x', name: 'x', mediaType: 'x', size: 1 })).rejects.toThrow();
  });

  it('links, edits and removes evidence; deleting a source removes the links that cite it', async () => {
    const { store, claim } = await setup();
    const source = await createSource(store, { kind: 'dataset', csl: { title: 'NATO' } });
    const link = await linkEvidence(store, claim.id, source.id, { relation: 'context', locator: { table: 'nato', row: 'United Kingdom', column: '2015', section: ' ' }, excerpt: 'United Kingdom, 2015: 2.03', figureYear: '2015' });
    expect(link.locator).toEqual({ table: 'nato', row: 'United Kingdom', column: '2015' });
    const edited = await updateEvidence(store, link.id, { relation: 'supports', locator: { page: 4 }, excerpt: '' });
    expect(edited).toMatchObject({ relation: 'supports', locator: { page: 4 } });
    expect(edited).not.toHaveProperty('excerpt');
    await expect(updateEvidence(store, link.id, { relation: 'supports', locator: { page: 0 } })).rejects.toThrow(/page/);
    await removeEvidence(store, link.id);
    expect(store.snapshot().evidence).toHaveLength(0);
    await linkEvidence(store, claim.id, source.id, { relation: 'supports', locator: {} });
    await deleteSource(store, source.id);
    expect(store.snapshot().evidence).toHaveLength(0);
    expect(store.snapshot().sources).toHaveLength(0);
  });

  it('refuses evidence for a missing claim or source', async () => {
    const { store, claim } = await setup();
    await expect(linkEvidence(store, claim.id, 'nope', { relation: 'supports', locator: {} })).rejects.toThrow('That source no longer exists.');
    await expect(linkEvidence(store, 'nope', 'nope', { relation: 'supports', locator: {} })).rejects.toThrow('That claim no longer exists.');
  });

  it('merges duplicates: evidence is repointed and the dropped source deleted, in one transaction', async () => {
    const { store, claim } = await setup();
    const keep = await createSource(store, { kind: 'report', csl: { title: 'NATO report' }, tags: ['a'] });
    const drop = await createSource(store, { kind: 'report', csl: { title: 'NATO report', DOI: '10.1/x' }, tags: ['b'] });
    await linkEvidence(store, claim.id, drop.id, { relation: 'supports', locator: {} });
    const merged = await mergeSourcesInto(store, keep.id, drop.id);
    expect(merged.csl.DOI).toBe('10.1/x');
    expect(merged.tags).toEqual(['a', 'b']);
    const snap = store.snapshot();
    expect(snap.sources.map((s) => s.id)).toEqual([keep.id]);
    expect(snap.evidence[0]!.sourceId).toBe(keep.id);
    await expect(mergeSourcesInto(store, keep.id, keep.id)).rejects.toThrow();
  });

  it('imports a batch all or nothing', async () => {
    const { store } = await setup();
    const now = new Date().toISOString();
    const make = (id: string, title: string): Source => ({ id, kind: 'report', csl: { id, type: 'report', title }, tags: [], attachments: [], createdAt: now, updatedAt: now });
    expect(await importSources(store, [make('s1', 'One'), make('s2', 'Two')])).toBe(2);
    await expect(importSources(store, [make('s3', 'Three'), make('s1', 'One again')])).rejects.toThrow(/nothing was added/);
    expect(store.snapshot().sources.map((s) => s.id).sort()).toEqual(['s1', 's2']);
  });

  it('names media types, viewers and locators', () => {
    expect(mediaTypeFor('x.PDF')).toBe('application/pdf');
    expect(viewerFor({ name: 'a.xlsx', mediaType: mediaTypeFor('a.xlsx') })).toBe('table');
    expect(viewerFor({ name: 'a.pdf', mediaType: 'application/pdf' })).toBe('pdf');
    expect(viewerFor({ name: 'a.html', mediaType: 'text/html' })).toBe('other');
    expect(describeLocator({ page: 3, table: 't', row: 'UK', column: '2015' })).toBe('p. 3 · t · row UK · column 2015');
  });
});
