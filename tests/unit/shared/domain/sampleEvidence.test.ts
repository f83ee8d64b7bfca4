import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../../electron/import/parseFile.js';
import { MemoryStore } from '../../../../shared/domain/memoryStore.js';
import { buildSampleProject, SAMPLE_ARTICLE } from '../../../../shared/domain/sample.js';
import { NATO_CSV_FILE, NATO_CSV_TABLE, SAMPLE_CLAIM_QUOTE } from '../../../../shared/sources/sampleSources.js';

const sampleDir = path.resolve(import.meta.dirname, '../../../../electron/sample');

describe('the sample project’s sources and evidence', () => {
  it('creates the NATO sources, attaches the 2024 CSV from the vault, and links the five-of-28 claim to both', async () => {
    const store = new MemoryStore();
    const files = [SAMPLE_ARTICLE, NATO_CSV_FILE].map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(sampleDir, name))) }));
    const vault = new Map<string, Uint8Array>();
    const storeFile = async (bytes: Uint8Array) => {
      const hash = createHash('sha256').update(bytes).digest('hex');
      vault.set(hash, bytes);
      return { hash };
    };
    await buildSampleProject(store, { files, parse: parseFile, storeFile });
    const snap = store.snapshot();

    expect(snap.sources.map((s) => s.csl.title).sort()).toEqual(['Defence Expenditure of NATO Countries (2009-2016)', 'Defence Expenditure of NATO Countries (2014-2024)']);
    const dataset = snap.sources.find((s) => s.kind === 'dataset')!;
    const report = snap.sources.find((s) => s.kind === 'report')!;
    expect(dataset.attachments).toHaveLength(1);
    const csv = dataset.attachments[0]!;
    expect(csv.name).toBe(NATO_CSV_FILE);
    expect(csv.mediaType).toBe('text/csv');
    expect(vault.get(csv.hash)).toEqual(files[1]!.bytes);
    expect(report.attachments).toEqual([]);

    const claim = snap.claims.find((c) => c.text === SAMPLE_CLAIM_QUOTE)!;
    const links = snap.evidence.filter((e) => e.claimId === claim.id);
    expect(links).toHaveLength(2);
    const toReport = links.find((l) => l.sourceId === report.id)!;
    const toDataset = links.find((l) => l.sourceId === dataset.id)!;
    expect(toReport.relation).toBe('supports');
    expect(toReport.figureYear).toBe('2016 (estimates)');
    expect(toReport.excerpt).toContain('Estonia 2.16');
    expect(toDataset.relation).toBe('context');
    expect(toDataset.locator).toMatchObject({ table: NATO_CSV_TABLE, column: '2015', attachmentHash: csv.hash });
    expect(toDataset.edition).toContain('2024');
    expect(toDataset.excerpt).toContain('United Kingdom 2.031899571');
    for (const link of links) expect(link.note).toMatch(/Edition matters/);
    // Every other claim has no evidence.
    expect(snap.evidence).toHaveLength(2);
  });
});
