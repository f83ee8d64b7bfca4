import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../../electron/import/parseFile.js';
import { buildComparison } from '../../../../shared/compare/buildComparison.js';
import { topicPath } from '../../../../shared/compare/topicPath.js';
import { MemoryStore } from '../../../../shared/domain/memoryStore.js';
import { buildSampleProject, SAMPLE_ARTICLE } from '../../../../shared/domain/sample.js';

const sampleDir = path.resolve(import.meta.dirname, '../../../../electron/sample');

async function sample() {
  const store = new MemoryStore();
  const files = [SAMPLE_ARTICLE, 'nato-defence-expenditure-pct-gdp-2014-2024.csv'].map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(sampleDir, name))) }));
  await buildSampleProject(store, { files, parse: parseFile, storeFile: async () => ({ hash: 'f'.repeat(64) }) });
  return store.snapshot();
}

describe('the sample’s stances', () => {
  it('put each candidate’s position on NATO Article 5, backed by their own quotes', async () => {
    const snap = await sample();
    const person = (name: string) => snap.people.find((p) => p.name === name)!;
    const quotesOf = (name: string) => {
      const stance = snap.stances.find((s) => s.personId === person(name).id)!;
      expect(topicPath(snap.topics, stance.topicId)).toBe('Defence › NATO › Article 5');
      return {
        label: stance.label,
        quotes: stance.appearanceIds.map((id) => snap.appearances.find((a) => a.id === id)!.anchor.quote.exact),
      };
    };
    expect(snap.stances).toHaveLength(3);
    expect(quotesOf('Owen Smith')).toEqual({ label: 'commits: we would have to come to the aid of a fellow member', quotes: ['We would have to come to the aid of a fellow member of NATO.'] });
    expect(quotesOf('Jeremy Corbyn')).toEqual({
      label: 'would not commit; stresses diplomacy and the OSCE',
      quotes: ['You would obviously try to avoid that happening in the first place', 'I would hope that we could strengthen our relationship and activity within the OSCE'],
    });
    expect(quotesOf('Donald Trump').label).toBe('conditional on 2% of GDP');
    expect(quotesOf('Donald Trump').quotes[0]).toContain('contributed 2% of its GDP');
  });

  it('compare Corbyn and Smith on the sample: stances, quotes, counts and the too-few-checked warning', async () => {
    const snap = await sample();
    const ids = ['Jeremy Corbyn', 'Owen Smith'].map((n) => snap.people.find((p) => p.name === n)!.id);
    const result = buildComparison(snap, { speakerIds: ids, scope: {} });
    const row = result.rows.find((r) => r.path === 'Defence › NATO › Article 5')!;
    const [corbyn, smith] = row.cells;
    expect(corbyn!.stance!.label).toBe('would not commit; stresses diplomacy and the OSCE');
    expect(corbyn!.keyQuotes).toHaveLength(2);
    expect(corbyn!.claimCount).toBe(3);
    expect(smith!.claimCount).toBe(1);
    // None of the candidates’ claims has a verdict in the sample (only the narrator’s 2% statistic does).
    expect([corbyn!.checked, smith!.checked]).toEqual([0, 0]);
    expect(corbyn!.tooFewChecked && smith!.tooFewChecked).toBe(true);
  });
});
