import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../../electron/import/parseFile.js';
import { readTable } from '../../../../electron/sources/readTable.js';
import { readBundle, sha256Hex, writeBundle } from '../../../../shared/bundle/bundle.js';
import { normaliseSnapshot } from '../../../../shared/bundle/normaliseSnapshot.js';
import { MemoryStore } from '../../../../shared/domain/memoryStore.js';
import { buildSampleProject, SAMPLE_ARTICLE } from '../../../../shared/domain/sample.js';
import { projectJson } from '../../../../shared/exports/projectJson.js';
import { NATO_CSV_FILE } from '../../../../shared/sources/sampleSources.js';

const STAMP = '2026-01-01T00:00:00.000Z';
const sampleDir = path.resolve(import.meta.dirname, '../../../../electron/sample');

async function sample() {
  const files = [SAMPLE_ARTICLE, NATO_CSV_FILE].map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(sampleDir, name))) }));
  const vault = new Map<string, Uint8Array>();
  const store = new MemoryStore();
  await buildSampleProject(store, {
    files,
    parse: parseFile,
    storeFile: async (bytes) => {
      const hash = sha256Hex(bytes);
      vault.set(hash, bytes);
      return { hash };
    },
    readTable: (_hash, name, bytes) => readTable(bytes, name),
  });
  return { snapshot: store.snapshot(), vault };
}

describe('claim quantities and table checks from outside', () => {
  it('round-trip through a bundle and project JSON unchanged, with the file the check ran on', async () => {
    const { snapshot, vault } = await sample();
    const checked = snapshot.evidence.find((e) => e.check)!;
    const read = readBundle(writeBundle(snapshot, vault));
    expect(read.snapshot.claims).toEqual(snapshot.claims);
    expect(read.snapshot.evidence).toEqual(snapshot.evidence);
    expect(read.files.get(checked.check!.runs[0]!.fileHash)).toEqual(vault.get(checked.check!.runs[0]!.fileHash));
    const json = JSON.parse(projectJson(snapshot));
    expect(normaliseSnapshot(json).evidence).toEqual(snapshot.evidence);
    expect(normaliseSnapshot(json).claims.find((c) => c.id === checked.claimId)!.quantities![0]).toMatchObject({ value: 5, unit: 'count', of: 28 });
  });

  it('drops unusable quantities and checks, keeps unknown fields, and leaves never-read quantities absent', () => {
    const claim = { id: 'c1', text: 'five', topicIds: [], type: 'statistic', status: 'new', createdAt: STAMP, updatedAt: STAMP };
    const out = normaliseSnapshot({
      claims: [
        { ...claim, quantities: [{ value: 5, unit: 'count', start: 0, end: 4, text: 'five', id: 'q1', origin: 'parsed', future: 1 }, { value: 'five', unit: 'count' }, { value: 2, unit: 'furlongs' }, { value: 3, unit: 'people' }] },
        { ...claim, id: 'c2' },
        { ...claim, id: 'c3', quantities: 'nonsense' },
      ],
      evidence: [
        { id: 'e1', claimId: 'c1', sourceId: 's1', relation: 'contradicts', locator: {}, check: { computation: { operation: 'count', sheet: 'S', labelColumn: 'Country' }, runs: [{ fileHash: 'a'.repeat(64), result: { value: 4 } }, { nohash: true }, { fileHash: 'b'.repeat(64), result: { value: 'x' } }] } },
        { id: 'e2', claimId: 'c1', sourceId: 's1', relation: 'context', locator: {}, check: { runs: [] } },
      ],
    });
    const [c1, c2, c3] = out.claims;
    expect(c1!.quantities).toEqual([
      { value: 5, unit: 'count', start: 0, end: 4, text: 'five', id: 'q1', origin: 'parsed', future: 1 },
      { value: 3, unit: 'people', id: 'qty_imported_2', start: 0, end: 0, text: '3', origin: 'parsed' },
    ]);
    expect(c2).not.toHaveProperty('quantities');
    expect(c3!.quantities).toEqual([]);
    const runs = out.evidence[0]!.check!.runs;
    expect(runs.map((r) => [r.fileHash.slice(0, 1), r.result?.value])).toEqual([['a', 4], ['b', undefined]]);
    expect(runs[0]).toMatchObject({ fileName: 'table', sheet: '', sentence: '' });
    expect(out.evidence[1]).not.toHaveProperty('check');
  });
});
