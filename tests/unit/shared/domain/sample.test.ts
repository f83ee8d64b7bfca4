import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../../electron/import/parseFile.js';
import { MemoryStore } from '../../../../shared/domain/memoryStore.js';
import { buildSampleProject, SAMPLE_ARTICLE } from '../../../../shared/domain/sample.js';

const sampleDir = path.resolve(import.meta.dirname, '../../../../electron/sample');

describe('the sample project', () => {
  it('is built by importing the seed article and marking its claims through the domain operations', async () => {
    const store = new MemoryStore();
    const files = [SAMPLE_ARTICLE, 'nato-defence-expenditure-pct-gdp-2014-2024.csv'].map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(sampleDir, name))) }));
    const stored: string[] = [];
    await buildSampleProject(store, { files, parse: parseFile, storeFile: async () => (stored.push('x'), { hash: 'f'.repeat(64) }) });
    const snap = store.snapshot();
    expect(snap.debates).toHaveLength(1);
    expect(snap.documents).toHaveLength(1);
    const byName = new Map(snap.people.map((p) => [p.name, p]));
    expect([...byName.keys()].sort()).toEqual(['Donald Trump', 'Jeremy Corbyn', 'Owen Smith']);
    const text = snap.documents[0]!.text;
    // Each appearance's anchor points at its exact words.
    for (const a of snap.appearances) expect(text.slice(a.anchor.position.start, a.anchor.position.end)).toBe(a.anchor.quote.exact);
    const claimOf = (words: string) => snap.claims.find((c) => c.text.includes(words))!;
    expect(claimOf('five out of 28').type).toBe('statistic');
    expect(claimOf('come to the aid of a fellow member').claimantId).toBe(byName.get('Owen Smith')!.id);
    expect(claimOf('I don’t wish to go to war').claimantId).toBe(byName.get('Jeremy Corbyn')!.id);
    expect(claimOf('contributed 2% of its GDP').claimantId).toBe(byName.get('Donald Trump')!.id);
    expect(snap.topics.map((t) => t.name).sort()).toEqual(['Article 5', 'Defence', 'Defence spending', 'NATO']);
    expect(snap.verdicts).toHaveLength(1);
    expect(snap.scales.map((s) => s.id).sort()).toEqual(['scale-conclusion-only', 'scale-six-step', 'scale-three-step']);
  });
});
