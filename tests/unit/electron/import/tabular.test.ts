import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../electron/import/importError.js';
import { structureCsv, structureJson } from '../../../../electron/import/tabular.js';

const fixture = (name: string): string => readFileSync(path.join(import.meta.dirname, '../../../fixtures/import', name), 'utf8');

describe('structureCsv', () => {
  it('finds columns by synonym in any order, keeps extra columns as metadata, reads quoted multi-line cells', () => {
    const [doc, ...more] = structureCsv(fixture('rows.csv'), { title: 'rows' });
    expect(more).toHaveLength(0);
    expect(doc?.speakers.map((s) => [s.name, s.role])).toEqual([['Jane Doe', 'moderator'], ['Clinton', undefined], ['Trump', undefined]]);
    expect(doc?.turns).toEqual([
      { speaker: 's1', kind: 'speech', text: 'Welcome, everyone.', start: 5, metadata: { Topic: 'intro' } },
      { speaker: 's2', kind: 'speech', text: 'Thank you.\nIt is good to be here.', start: 12, metadata: { Topic: 'intro', 'Fact-check': 'none' } },
      { speaker: 's3', kind: 'speech', text: 'She said "never", I said "always".', start: 20, metadata: { Topic: 'economy', 'Fact-check': 'needs check' } },
      { speaker: null, kind: 'stage', text: '(APPLAUSE)', start: 30, metadata: { speaker: 'Audience' } },
    ]);
  });

  it('imports the 2016 debates as four documents, one per date, with pseudo-speakers handled', () => {
    const docs = structureCsv(fixture('seed/us2016-general-debates.csv'), { title: 'us2016' });
    expect(docs.map((d) => d.date)).toEqual(['2016-09-26', '2016-10-04', '2016-10-09', '2016-10-19']);
    expect(docs.map((d) => d.turns.length)).toEqual([352, 361, 313, 363]);
    expect(docs.map((d) => d.speakers.map((s) => s.name))).toEqual([
      ['Holt', 'Clinton', 'Trump'],
      ['Quijano', 'Kaine', 'Pence'],
      ['Raddatz', 'Cooper', 'Question', 'Clinton', 'Trump'],
      ['Wallace', 'Clinton', 'Trump'],
    ]);
    expect(docs[2]?.speakers.find((s) => s.name === 'Question')?.role).toBe('audience');
    const first = docs[0]!;
    expect(first.turns[1]).toEqual({ speaker: null, kind: 'stage', text: '(APPLAUSE)', metadata: { Line: '2', speaker: 'Audience' } });
    expect(first.turns[2]).toEqual({ speaker: 's2', kind: 'speech', text: 'How are you, Donald?', metadata: { Line: '3' } });
    // Every (APPLAUSE)/(CROSSTALK)/(LAUGHTER) row is a stage turn of nobody, never a speaker's speech.
    const all = docs.flatMap((d) => d.turns);
    expect(all.filter((t) => /^\((APPLAUSE|CROSSTALK|LAUGHTER)\)$/.test(t.text)).every((t) => t.kind === 'stage' && t.speaker === null)).toBe(true);
    expect(all.filter((t) => t.kind === 'stage')).toHaveLength(83);
    expect(docs[0]?.title).toBe('us2016 (2016-09-26)');
  });

  it.each([
    ['an unclosed quote', 'malformed.csv', /malformed at row 2: a quoted cell is never closed/],
    ['no text column', 'no-text-column.csv', /no text column/],
  ])('refuses %s', (_what, name, message) => {
    expect(() => structureCsv(fixture(name))).toThrow(ImportError);
    expect(() => structureCsv(fixture(name))).toThrow(message);
  });

  it('refuses a header with no rows', () => {
    expect(() => structureCsv('speaker,text\n')).toThrow(/no rows/);
  });
});

describe('structureJson', () => {
  it('reads {title, date, turns:[…]} with times as seconds or timecodes', () => {
    const [doc] = structureJson(fixture('rows.json'), { title: 'rows' });
    expect(doc).toMatchObject({ title: 'Town hall', date: '2016-10-09', format: 'json' });
    expect(doc?.turns).toEqual([
      { speaker: 's1', kind: 'speech', text: 'Good evening.', start: 1.5, end: 3, metadata: { segment: 'open' } },
      { speaker: 's2', kind: 'speech', text: 'And welcome.', start: 4 },
      { speaker: null, kind: 'stage', text: '(APPLAUSE)', metadata: { speaker: 'Audience' } },
      { speaker: 's3', kind: 'speech', text: 'Thank you very much.' },
    ]);
  });

  it('reads an array of rows with other header names and a date column', () => {
    const [doc] = structureJson(fixture('rows-array.json'), { title: 'vp' });
    expect(doc?.date).toBe('2016-10-04');
    expect(doc?.speakers.map((s) => s.name)).toEqual(['Kaine', 'Pence']);
    expect(doc?.turns.map((t) => t.text)).toEqual(['Thank you, Elaine.', 'Thank you.']);
  });

  it('reads back the shape the CLI prints', () => {
    const cli = {
      title: 'Back',
      format: 'text',
      speakers: [{ id: 's1', name: 'Helen Marsh', aliases: ['MARSH'], role: 'moderator' }],
      turns: [
        { speaker: 's1', kind: 'speech', text: 'Welcome.' },
        { speaker: null, kind: 'stage', text: 'The lights go down' },
      ],
      quotes: [],
    };
    const [doc] = structureJson(JSON.stringify(cli));
    expect(doc?.speakers).toEqual([{ id: 's1', name: 'Helen Marsh', aliases: [], role: 'moderator' }]);
    expect(doc?.turns).toEqual([
      { speaker: 's1', kind: 'speech', text: 'Welcome.' },
      { speaker: null, kind: 'stage', text: 'The lights go down' },
    ]);
  });

  it.each([
    ['malformed JSON', fixture('malformed.json'), /JSON file is malformed/],
    ['a bare number', '42', /no transcript rows/],
    ['an empty list', '[]', /empty list/],
    ['rows that are not objects', '["a", "b"]', /Row 1 .* not an object/],
  ])('refuses %s', (_what, text, message) => {
    expect(() => structureJson(text)).toThrow(ImportError);
    expect(() => structureJson(text)).toThrow(message);
  });
});
