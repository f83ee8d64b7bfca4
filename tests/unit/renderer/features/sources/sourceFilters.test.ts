import { describe, expect, it } from 'vitest';
import type { Source } from '../../../../../shared/model.js';
import { allTags, dateText, filterSources, namesText, parseDate, parseNames } from '../../../../../renderer/features/sources/sourceFilters.js';

const now = '2026-01-01T00:00:00.000Z';
const source = (id: string, title: string, kind: Source['kind'], tags: string[], extra: Partial<Source['csl']> = {}): Source => ({
  id,
  kind,
  csl: { id, type: 'report', title, ...extra },
  tags,
  attachments: [],
  createdAt: now,
  updatedAt: now,
});

describe('the sources list filters', () => {
  const library = [
    source('a', 'Defence Expenditure of NATO Countries', 'dataset', ['NATO']),
    source('b', 'UK Government Debt and Deficit', 'report', ['economy'], { author: [{ literal: 'Office for National Statistics' }] }),
    source('c', 'Defense of the West', 'book', ['NATO', 'history']),
  ];

  it('filters by kind, tag and words in title, authors or tags, sorted by title', () => {
    expect(filterSources(library, { text: '', kind: '', tag: '' }).map((s) => s.id)).toEqual(['a', 'c', 'b']);
    expect(filterSources(library, { text: '', kind: 'book', tag: '' }).map((s) => s.id)).toEqual(['c']);
    expect(filterSources(library, { text: '', kind: '', tag: 'NATO' }).map((s) => s.id)).toEqual(['a', 'c']);
    expect(filterSources(library, { text: 'national statistics', kind: '', tag: '' }).map((s) => s.id)).toEqual(['b']);
    expect(filterSources(library, { text: 'nato west', kind: '', tag: '' }).map((s) => s.id)).toEqual(['c']);
    expect(allTags(library)).toEqual(['economy', 'history', 'NATO']);
  });

  it('reads and writes the form’s names and dates', () => {
    expect(parseNames('Smith, Jane; NATO Public Diplomacy Division')).toEqual([{ family: 'Smith', given: 'Jane' }, { literal: 'NATO Public Diplomacy Division' }]);
    expect(namesText([{ family: 'Smith', given: 'Jane' }, { literal: 'NATO' }])).toBe('Smith, Jane; NATO');
    expect(parseDate('2016-07-04')).toEqual({ 'date-parts': [[2016, 7, 4]] });
    expect(parseDate('2024-06')).toEqual({ 'date-parts': [[2024, 6]] });
    expect(parseDate('summer 2016')).toEqual({ raw: 'summer 2016' });
    expect(parseDate(' ')).toBeUndefined();
    expect(dateText({ 'date-parts': [[2016, 7, 4]] })).toBe('2016-07-04');
  });
});
