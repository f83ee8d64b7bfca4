import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CLAIMS_CSV_COLUMNS, claimsCsv } from '../../../../shared/exports/claimsCsv.js';
import { sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';

const parse = (csv: string) => Papa.parse<string[]>(csv.trimEnd(), { skipEmptyLines: false }).data;

describe('claimsCsv', () => {
  it('writes one row per claim with verdict, value, topics and evidence', () => {
    const rows = parse(claimsCsv(sampleSnapshot()));
    expect(rows[0]).toEqual([...CLAIMS_CSV_COLUMNS]);
    expect(rows).toHaveLength(6);
    const five = rows.find((r) => r[0] === 'claim-five-of-28');
    expect(five).toEqual([
      'claim-five-of-28',
      'Only five out of 28 NATO members met the 2% of GDP defence spending target last year.',
      '',
      '2016-08-18',
      'Defence › Defence spending',
      'statistic',
      'checked',
      'Mostly true',
      '0.75',
      expect.stringContaining('Table 3'),
      'supports: Defence Expenditure of NATO Countries (2009-2016) (p. 8, Table 3, column 2015e; edition July 2016; figures for 2015)',
    ]);
    expect(rows.find((r) => r[0] === 'claim-trump-2pc')?.[4]).toBe('Defence › NATO › Article 5; Defence › Defence spending');
  });

  it('quotes per RFC 4180 and uses CRLF', () => {
    const s = sampleSnapshot();
    (s.claims[0] as { text: string }).text = 'He said "no", twice\nthen left';
    const csv = claimsCsv(s);
    expect(csv).toContain('"He said ""no"", twice\nthen left"');
    expect(csv.split('\r\n')[0]).toBe(CLAIMS_CSV_COLUMNS.join(','));
    expect(parse(csv).find((r) => r[0] === 'claim-aid')?.[1]).toBe('He said "no", twice\nthen left');
  });

  it('prefixes cells that a spreadsheet would run as a formula', () => {
    const s = sampleSnapshot();
    const texts = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '=A1\nsecond line'];
    texts.forEach((t, i) => ((s.claims[i] as { text: string }).text = t));
    const rows = parse(claimsCsv(s));
    for (const t of texts) expect(rows.some((r) => r[1] === `'${t}`)).toBe(true);
    expect(rows.find((r) => r[0] === 'claim-aid')?.[8]).toBe('1'); // numbers are left alone
  });

  it('narrows like a report', () => {
    const rows = parse(claimsCsv(sampleSnapshot(), { filter: { speakerIds: ['person-corbyn'] } }));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['claim-dialogue', 'claim-osce']);
  });
});
