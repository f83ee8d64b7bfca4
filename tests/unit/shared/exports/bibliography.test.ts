import { describe, expect, it } from 'vitest';
import { bibliography } from '../../../../shared/exports/bibliography.js';
import { sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';

describe('bibliography', () => {
  const sources = sampleSnapshot().sources;

  it('formats APA: author, (year), title in sentence form, publisher', () => {
    const entries = bibliography(sources, 'apa');
    expect(entries.map((e) => e.sourceId)).toEqual(['source-nato-expenditure', 'source-nato-treaty']);
    expect(entries[0]?.text).toBe(
      'NATO Public Diplomacy Division. (2016). Defence Expenditure of NATO Countries (2009-2016) (PR/CP(2016)116). NATO. https://www.nato.int/nato_static_fl2014/assets/pdf/pdf_2016_07/20160704_160704-pr2016-116.pdf',
    );
  });

  it('formats Chicago author-date with the bundled style: year after author, quoted title, place: publisher', () => {
    const entries = bibliography(sources, 'chicago');
    expect(entries[0]?.text).toBe(
      'NATO Public Diplomacy Division. 2016. “Defence Expenditure of NATO Countries (2009-2016).” PR/CP(2016)116. Brussels: NATO. https://www.nato.int/nato_static_fl2014/assets/pdf/pdf_2016_07/20160704_160704-pr2016-116.pdf.',
    );
    expect(entries.map((e) => e.text)).not.toEqual(bibliography(sources, 'apa').map((e) => e.text));
  });

  it('returns nothing for no sources', () => {
    expect(bibliography([], 'apa')).toEqual([]);
  });
});
