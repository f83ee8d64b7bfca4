import { describe, expect, it } from 'vitest';
import { cslItemProblems } from '../../../../shared/sources/cslItemCheck.js';
import { SAMPLE_CLAIM_QUOTE, sampleEvidence, sampleSources } from '../../../../shared/sources/sampleSources.js';
import { sourceKindFromCslType } from '../../../../shared/sources/sourceKind.js';

describe('the sample sources', () => {
  it('are the 2016 NATO report and the 2024 NATO dataset, as well-formed CSL', () => {
    const samples = sampleSources();
    expect(samples.map((s) => [s.key, s.source.kind, s.source.csl.title, s.source.csl.issued])).toEqual([
      ['nato-2016-report', 'report', 'Defence Expenditure of NATO Countries (2009-2016)', { 'date-parts': [[2016, 7, 4]] }],
      ['nato-2024-dataset', 'dataset', 'Defence Expenditure of NATO Countries (2014-2024)', { 'date-parts': [[2024, 6]] }],
    ]);
    for (const { source } of samples) {
      expect(cslItemProblems(source.csl)).toEqual([]);
      expect(sourceKindFromCslType(source.csl.type)).toBe(source.kind);
      expect(source.csl.author).toEqual([{ literal: 'NATO Public Diplomacy Division' }]);
      expect(source).not.toHaveProperty('id');
    }
    expect(samples[1]!.attachmentFile).toBe('nato-defence-expenditure-pct-gdp-2014-2024.csv');
  });

  it('link the seed claim to both editions, each naming its edition, year and figures', () => {
    const [report, dataset] = sampleEvidence();
    expect(report!.claimQuote).toBe(SAMPLE_CLAIM_QUOTE);
    expect(report!.link).toMatchObject({
      relation: 'supports',
      locator: { column: '2016e' },
      figureYear: '2016 (estimates)',
    });
    for (const figure of ['United States 3.61', 'Greece 2.38', 'United Kingdom 2.21', 'Estonia 2.16', 'Poland 2.00']) {
      expect(report!.link.excerpt).toContain(figure);
    }
    expect(dataset!.link).toMatchObject({ relation: 'context', locator: { column: '2015' }, figureYear: '2015' });
    for (const { link } of [report!, dataset!]) {
      expect(link.edition).toMatch(/Defence Expenditure of NATO Countries \((2009-2016|2014-2024)\)/);
      expect(link.note).toContain('five of 28');
      expect(link.note).toContain('four (US 3.51, Greece 2.32, Poland 2.21, UK 2.03)');
      expect(link.note).toContain('Estonia just under at 1.99');
      expect(link).not.toHaveProperty('claimId');
      expect(link).not.toHaveProperty('sourceId');
    }
  });

  it('returns fresh objects on every call, so a caller cannot change the next sample', () => {
    const first = sampleSources();
    first[0]!.source.tags.push('changed');
    expect(sampleSources()[0]!.source.tags).toEqual(['NATO', 'defence spending']);
  });
});
