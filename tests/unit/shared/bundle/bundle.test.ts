import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_TABLES, type ProjectSnapshot } from '../../../../shared/model.js';
import { BundleError, readBundle, referencedFiles, selectDebates, writeBundle } from '../../../../shared/bundle/bundle.js';
import { ARTICLE_HASH, REPORT_HASH, sampleFiles, sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';

const rezip = (bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array => {
  const files = unzipSync(bytes);
  change(files);
  return zipSync(files);
};

/** A second debate with its own document, person, claim and topic, to test cutting a selection. */
function twoDebates(): ProjectSnapshot {
  const s = sampleSnapshot();
  const t = '2020-01-01T00:00:00.000Z';
  const stamp = { createdAt: t, updatedAt: t };
  s.debates.push({ id: 'debate-other', title: 'Other', kind: 'tv-debate', ...stamp });
  s.people.push({ id: 'person-other', name: 'Other Speaker', aliases: [], ...stamp });
  s.participants.push({ id: 'part-other', debateId: 'debate-other', personId: 'person-other', role: 'candidate', ...stamp });
  s.documents.push({ id: 'doc-other', debateId: 'debate-other', title: 'Other transcript', format: 'text', text: 'Taxes went up.', version: 1, ...stamp });
  s.topics.push({ id: 'topic-tax', name: 'Tax', ...stamp });
  s.claims.push({ id: 'claim-other', text: 'Taxes went up.', claimantId: 'person-other', topicIds: ['topic-tax'], type: 'statistic', status: 'new', ...stamp });
  s.appearances.push({
    id: 'app-other',
    claimId: 'claim-other',
    documentId: 'doc-other',
    anchor: { quote: { exact: 'Taxes went up.', prefix: '', suffix: '' }, position: { start: 0, end: 14 }, documentVersion: 1 },
    state: 'anchored',
    ...stamp,
  });
  return s;
}

describe('bundle', () => {
  it('round-trips every record and every referenced vault file unchanged', () => {
    const snapshot = sampleSnapshot();
    const files = sampleFiles();
    const bytes = writeBundle(snapshot, files, { createdAt: '2016-09-01T00:00:00.000Z', schemaVersion: 4 });
    const back = readBundle(bytes);
    expect(back.snapshot).toEqual(snapshot);
    expect([...back.files.keys()].sort()).toEqual([ARTICLE_HASH, REPORT_HASH].sort());
    for (const [hash, data] of files) expect(back.files.get(hash)).toEqual(data);
    expect(back.manifest).toMatchObject({ format: 'claimdesk-bundle', formatVersion: 1, schemaVersion: 4, createdAt: '2016-09-01T00:00:00.000Z' });
    expect(back.manifest.counts.claims).toBe(5);
    expect(back.manifest.files.sort()).toEqual([ARTICLE_HASH, REPORT_HASH].sort());
    const names = Object.keys(unzipSync(bytes)).sort();
    expect(names).toEqual(['manifest.json', ...SNAPSHOT_TABLES.map((t) => `records/${t}.json`), `files/${ARTICLE_HASH}`, `files/${REPORT_HASH}`].sort());
  });

  it('lists referenced files the vault lacks instead of failing, and refuses a damaged vault file', () => {
    const only = new Map([[ARTICLE_HASH, sampleFiles().get(ARTICLE_HASH) as Uint8Array]]);
    expect(readBundle(writeBundle(sampleSnapshot(), only)).manifest.missingFiles).toEqual([REPORT_HASH]);
    const bad = new Map([[ARTICLE_HASH, strToU8('tampered')]]);
    expect(() => writeBundle(sampleSnapshot(), bad)).toThrow(/damaged/);
  });

  it('cuts a selection of debates with everything that hangs off them', () => {
    const s = twoDebates();
    const part = selectDebates(s, ['debate-other']);
    expect(part.debates.map((d) => d.id)).toEqual(['debate-other']);
    expect(part.claims.map((c) => c.id)).toEqual(['claim-other']);
    expect(part.people.map((p) => p.id)).toEqual(['person-other']);
    expect(part.topics.map((t) => t.id)).toEqual(['topic-tax']);
    expect(part.sources).toEqual([]);
    expect(referencedFiles(part)).toEqual([]);
    const nato = selectDebates(s, ['debate-labour-2016']);
    expect(nato.claims).toHaveLength(5);
    expect(nato.topics.map((t) => t.id).sort()).toEqual(['topic-article5', 'topic-defence', 'topic-nato', 'topic-russia', 'topic-spending']);
    const bundle = readBundle(writeBundle(s, sampleFiles(), { debateIds: ['debate-labour-2016'] }));
    expect(bundle.snapshot).toEqual(nato);
    expect(bundle.manifest.debateIds).toEqual(['debate-labour-2016']);
  });

  it('refuses other formats, newer versions, miscounted records and files that do not match their hash', () => {
    const good = writeBundle(sampleSnapshot(), sampleFiles());
    const withManifest = (m: object) => rezip(good, (f) => (f['manifest.json'] = strToU8(JSON.stringify(m))));
    const manifest = JSON.parse(strFromU8(unzipSync(good)['manifest.json'] as Uint8Array));
    expect(() => readBundle(strToU8('not a zip'))).toThrow(BundleError);
    expect(() => readBundle(withManifest({ ...manifest, format: 'other' }))).toThrow(/not a Claimdesk bundle/);
    expect(() => readBundle(withManifest({ ...manifest, formatVersion: 2 }))).toThrow(/newer Claimdesk \(bundle format 2; this version reads up to 1\)/);
    expect(() => readBundle(withManifest({ ...manifest, counts: { ...manifest.counts, claims: 6 } }))).toThrow(/lists 6 claims but 5/);
    expect(() => readBundle(rezip(good, (f) => (f[`files/${REPORT_HASH}`] = strToU8('swapped'))))).toThrow(/damaged/);
    expect(() => readBundle(rezip(good, (f) => delete f[`files/${REPORT_HASH}`]))).toThrow(/missing/);
    expect(() => readBundle(rezip(good, (f) => delete f['manifest.json']))).toThrow(/no manifest/);
  });

  it('refuses archives past the unzip limits (zip bombs)', () => {
    const good = writeBundle(sampleSnapshot(), sampleFiles());
    expect(() => readBundle(good, { maxEntryBytes: 1000 })).toThrow(/too large to unpack/);
    expect(() => readBundle(good, { maxEntries: 3 })).toThrow(/more than 3 files/);
    const bomb = zipSync({ 'manifest.json': new Uint8Array(5 * 1024 * 1024) }, { level: 9 });
    expect(() => readBundle(bomb)).toThrow(/zip bomb/);
  });
});
