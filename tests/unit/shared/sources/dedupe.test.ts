import { describe, expect, it } from 'vitest';
import type { CslItem, Source } from '../../../../shared/model.js';
import {
  findDuplicate,
  issuedYear,
  mergeSources,
  normaliseDoi,
  normaliseTitle,
  normaliseUrl,
} from '../../../../shared/sources/dedupe.js';

function source(id: string, csl: Partial<CslItem>, extra: Partial<Source> = {}): Source {
  return {
    id,
    kind: 'report',
    csl: { id, type: 'report', ...csl },
    tags: [],
    attachments: [],
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...extra,
  };
}

const item = (csl: Partial<CslItem>): CslItem => ({ id: 'new', type: 'report', ...csl });

describe('normalising identifiers', () => {
  it('reduces DOIs, URLs and titles to what tells works apart', () => {
    expect(normaliseDoi('https://doi.org/10.1080/ABC')).toBe('10.1080/abc');
    expect(normaliseDoi('doi: 10.1/x')).toBe('10.1/x');
    expect(normaliseDoi('not a doi')).toBeUndefined();
    expect(normaliseUrl('http://WWW.Nato.int/report/#top')).toBe('nato.int/report');
    expect(normaliseUrl('https://nato.int/report?id=2')).toBe('nato.int/report?id=2');
    expect(normaliseTitle('  Défense: NATO’s “Figures” (2016)! ')).toBe('defense nato s figures 2016');
    expect(normaliseTitle('!!')).toBeUndefined();
    expect(issuedYear(item({ issued: { 'date-parts': [['2016', 7]] } }))).toBe('2016');
    expect(issuedYear(item({ issued: { raw: 'July 2016' } }))).toBe('2016');
    expect(issuedYear(item({}))).toBeUndefined();
  });
});

describe('findDuplicate', () => {
  const library = [
    source('a', { title: 'Defence Expenditure of NATO Countries (2009-2016)', issued: { 'date-parts': [[2016, 7, 4]] } }),
    source('b', { title: 'Burden sharing', DOI: '10.1080/14751798.2017.1311039', issued: { 'date-parts': [[2017]] } }),
    source('c', { title: 'Debt and deficit', URL: 'https://www.ons.gov.uk/bulletin/march2016' }),
  ];

  it('matches by DOI first, then URL, then title and year', () => {
    expect(findDuplicate(item({ DOI: 'https://doi.org/10.1080/14751798.2017.1311039', title: 'Other' }), library))
      .toEqual({ source: library[1], reason: 'same DOI (10.1080/14751798.2017.1311039)' });
    expect(findDuplicate(item({ URL: 'http://ons.gov.uk/bulletin/march2016/' }), library)?.source.id).toBe('c');
    expect(
      findDuplicate(item({ title: 'Defence expenditure of NATO countries, 2009–2016', issued: { raw: '2016' } }), library),
    ).toEqual({ source: library[0], reason: 'same title and year (2016)' });
    expect(findDuplicate(item({ title: 'Debt and Deficit' }), library)).toEqual({
      source: library[2],
      reason: 'same title, and neither has a year',
    });
  });

  it('does not match the same title in another year, or a different DOI', () => {
    const nextEdition = item({ title: 'Defence Expenditure of NATO Countries (2009-2016)', issued: { 'date-parts': [[2017]] } });
    expect(findDuplicate(nextEdition, library)).toBeUndefined();
    expect(findDuplicate(item({ DOI: '10.1/other', title: 'New' }), library)).toBeUndefined();
    expect(findDuplicate(item({}), library)).toBeUndefined();
  });
});

describe('mergeSources', () => {
  it("keeps keep's id and values, fills gaps from drop, and unites tags and attachments", () => {
    const pdf = { hash: 'a'.repeat(64), name: 'report.pdf', mediaType: 'application/pdf', size: 10 };
    const csv = { hash: 'b'.repeat(64), name: 'data.csv', mediaType: 'text/csv', size: 5 };
    const keep = source(
      'keep',
      { title: 'NATO report', publisher: 'NATO', author: [] },
      { tags: ['NATO'], attachments: [pdf], reliability: 'Official figures.', createdAt: '2024-02-01T00:00:00.000Z' },
    );
    const drop = source(
      'drop',
      { title: 'Nato Report', publisher: 'Other', URL: 'https://nato.int/r', author: [{ literal: 'NATO PDD' }] },
      { kind: 'dataset', tags: ['defence', 'NATO'], attachments: [csv, pdf], reliability: 'Check the edition.' },
    );
    const merged = mergeSources(keep, drop);
    expect(merged).toMatchObject({
      id: 'keep',
      kind: 'report',
      csl: {
        id: 'keep',
        title: 'NATO report',
        publisher: 'NATO',
        URL: 'https://nato.int/r',
        author: [{ literal: 'NATO PDD' }],
      },
      tags: ['NATO', 'defence'],
      attachments: [pdf, csv],
      reliability: 'Official figures.\nCheck the edition.',
      createdAt: '2024-01-01T00:00:00.000Z',
    });
    expect(merged.updatedAt > keep.updatedAt).toBe(true);
    expect(keep.csl.URL).toBeUndefined();
  });

  it('leaves out a reliability note that neither has', () => {
    expect(mergeSources(source('k', {}), source('d', {}))).not.toHaveProperty('reliability');
  });
});
