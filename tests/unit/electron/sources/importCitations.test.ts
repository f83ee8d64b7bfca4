import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCitationFile, importCitations } from '../../../../electron/sources/importCitations.js';
import { ImportError } from '../../../../electron/import/importError.js';
import type { Source } from '../../../../shared/model.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/sources/${name}`, import.meta.url), 'utf8');

const NATO_2016 = 'Defence Expenditure of NATO Countries (2009-2016)';
const BECKER = 'The correlates of transatlantic burden sharing: revising the agenda for theoretical and policy analysis';
const ONS = 'UK Government Debt and Deficit: March 2016';
const SLOAN = 'Defense of the West: NATO, the European Union and the transatlantic bargain';

function titles(sources: Source[]): unknown[] {
  return sources.map((s) => s.csl.title);
}

function expectFreshIds(sources: Source[]): void {
  const ids = sources.map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const source of sources) {
    expect(source.csl.id).toBe(source.id);
    expect(source.csl).not.toHaveProperty('_graph');
    expect(source.tags).toEqual([]);
    expect(source.attachments).toEqual([]);
  }
}

describe('importCitations on a Zotero BibTeX export', () => {
  const result = importCitations(fixture('zotero-library.bib'), [], 'zotero-library.bib');

  it('imports the good entries and keeps their citation keys', () => {
    expect(result.format).toBe('bibtex');
    expect(titles(result.sources)).toEqual([NATO_2016, BECKER, ONS, SLOAN]);
    expect(result.sources.map((s) => s.csl['citation-key'])).toEqual([
      'nato_public_diplomacy_division_defence_2016',
      'becker_correlates_2017',
      'office_for_national_statistics_uk_2016',
      'sloan_defense_2016',
    ]);
    expectFreshIds(result.sources);
  });

  it('maps BibTeX types to source kinds through CSL', () => {
    expect(result.sources.map((s) => [s.csl.type, s.kind])).toEqual([
      ['report', 'report'],
      ['article-journal', 'article'],
      ['document', 'report'],
      ['book', 'book'],
    ]);
    const nato = result.sources[0]!;
    expect(nato.csl.publisher).toBe('NATO');
    expect(nato.csl.issued).toEqual({ 'date-parts': [[2016, 7]] });
    expect(result.sources[1]!.csl.DOI).toBe('10.1080/14751798.2017.1311039');
  });

  it('lists each broken entry with its reason', () => {
    expect(result.errors).toEqual([
      {
        entry: 'broken_missing_comma_2016',
        reason:
          'The BibTeX is malformed in the entry starting on line 34: expected "}" but found a field name (a comma may be missing).',
      },
      {
        entry: 'the entry on line 57: @report{,',
        reason: 'The BibTeX is malformed in the entry starting on line 57: expected a citation key but found ",".',
      },
    ]);
  });

  it('catches a duplicate DOI within the file, written as a doi.org link', () => {
    expect(result.duplicates).toEqual([
      {
        entry: 'becker_transatlantic_2017_copy',
        reason: 'Same DOI (10.1080/14751798.2017.1311039) as "becker_correlates_2017" earlier in the file.',
      },
    ]);
  });
});

describe('importCitations on a Zotero RIS export', () => {
  const result = importCitations(fixture('zotero-library.ris'), []);

  it('imports the good records', () => {
    expect(result.format).toBe('ris');
    expect(titles(result.sources)).toEqual([NATO_2016, BECKER, ONS, SLOAN]);
    expect(result.sources.map((s) => s.kind)).toEqual(['report', 'article', 'web-page', 'book']);
    expect(result.sources[0]!.csl.issued).toEqual({ 'date-parts': [[2016, 7, 4]] });
    expect(result.sources[0]!.csl.author).toEqual([{ literal: 'NATO Public Diplomacy Division' }]);
    expectFreshIds(result.sources);
  });

  it('lists the record cut short and the one without a title', () => {
    expect(result.errors).toEqual([
      {
        entry: 'Spending targets and what they measure',
        reason: 'The record has no closing "ER  - " line, so it may be cut short.',
      },
      { entry: 'the record on line 55', reason: 'It has no title.' },
    ]);
    expect(titles(result.sources)).not.toContain('Spending targets and what they measure');
  });

  it('catches the same URL written with http, www and a trailing slash', () => {
    expect(result.duplicates).toHaveLength(1);
    expect(result.duplicates[0]!.entry).toBe('UK government debt and deficit - March 2016');
    expect(result.duplicates[0]!.existingId).toBeUndefined();
    expect(result.duplicates[0]!.reason).toMatch(/^Same URL \(.*\) as "UK Government Debt and Deficit: March 2016"/);
  });
});

describe('importCitations on a Zotero CSL-JSON export', () => {
  const result = importCitations(fixture('zotero-library.json'), []);

  it('imports the good items, keeping every CSL field', () => {
    expect(result.format).toBe('csl-json');
    expect(titles(result.sources)).toEqual([NATO_2016, BECKER, ONS, 'Armed Forces Act 2016']);
    expect(result.sources.map((s) => s.kind)).toEqual(['report', 'article', 'web-page', 'statute']);
    const nato = result.sources[0]!;
    expect(nato.csl).toMatchObject({
      type: 'report',
      genre: 'Press release',
      number: 'PR/CP(2016)116',
      'publisher-place': 'Brussels',
      'citation-key': 'http://zotero.org/users/local/Xq3cW8aL/items/7TQ2KXNA',
    });
    expectFreshIds(result.sources);
  });

  it('lists each malformed item with every reason', () => {
    expect(result.errors).toEqual([
      {
        entry: 'item 4: Spending targets and what they measure',
        reason:
          'The field "author" must be a list of names (family and given, or literal); ' +
          'the field "issued" must be a CSL date (date-parts, raw or literal).',
      },
      { entry: 'item 7: A type CSL does not have', reason: '"press-release" is not a CSL item type.' },
    ]);
  });

  it('catches the same title and year written differently', () => {
    expect(result.duplicates).toEqual([
      {
        entry: 'item 5: Defence expenditure of NATO countries, 2009–2016',
        reason: `Same title and year (2016) as "item 1: ${NATO_2016}" earlier in the file.`,
      },
    ]);
  });
});

describe('importCitations against the library', () => {
  it('names the source already in the library that an entry duplicates', () => {
    const library = importCitations(fixture('zotero-library.json'), []).sources;
    const result = importCitations(fixture('zotero-library.bib'), library);
    expect(titles(result.sources)).toEqual([SLOAN]);
    const byEntry = new Map(result.duplicates.map((d) => [d.entry, d]));
    expect(byEntry.get('nato_public_diplomacy_division_defence_2016')).toEqual({
      entry: 'nato_public_diplomacy_division_defence_2016',
      existingId: library[0]!.id,
      reason: `Same URL (${String(library[0]!.csl.URL)}) as "${NATO_2016}" in the library.`,
    });
    expect(byEntry.get('becker_correlates_2017')?.existingId).toBe(library[1]!.id);
    expect(byEntry.get('becker_transatlantic_2017_copy')?.existingId).toBe(library[1]!.id);
    expect(byEntry.get('office_for_national_statistics_uk_2016')?.existingId).toBe(library[2]!.id);
  });
});

describe('importCitations on files it cannot read', () => {
  function thrown(run: () => unknown): ImportError {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      return error as ImportError;
    }
    throw new Error('expected an ImportError');
  }

  it('rejects a CSL-JSON file that is not JSON, saying where', () => {
    const error = thrown(() => importCitations('[\n  {"type": "report",\n  "title": "x",\n}\n]', [], 'lib.json'));
    expect(error.message).toBe('The file is not valid JSON (the error is on line 4), so it cannot be read as CSL-JSON.');
    expect(error.code).toBe('parse-failed');
  });

  it('rejects JSON that holds no citation items', () => {
    const error = thrown(() => importCitations('{"items": 3}', []));
    expect(error.message).toBe('The file is JSON but not CSL-JSON: it should hold a list of citation items.');
  });

  it('rejects a file in none of the three formats', () => {
    const error = thrown(() => importCitations('Just some notes about NATO.', [], 'notes.txt'));
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe('The file is not CSL-JSON, BibTeX or RIS, so no citations could be read from it.');
  });

  it('rejects an export with no entries', () => {
    expect(thrown(() => importCitations('[]', [])).message).toBe('The file has no CSL-JSON entries in it.');
  });

  it('reads a single CSL item and a UTF-8 byte order mark', () => {
    const result = importCitations('\uFEFF{"id": "a", "type": "dataset", "title": "Figures"}', []);
    expect(result.sources.map((s) => [s.kind, s.csl.title])).toEqual([['dataset', 'Figures']]);
  });
});

describe('importCitationFile', () => {
  it('decodes the bytes, BOM and all, before reading them', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(fixture('zotero-library.ris'))]);
    const result = importCitationFile(bytes, 'library.ris', []);
    expect(result.format).toBe('ris');
    expect(result.sources).toHaveLength(4);
  });

  it('reads a Windows-1252 BibTeX file', () => {
    const latin = Uint8Array.from('@book{k, title={D\xe9fense}, year={2016}}', (c) => c.charCodeAt(0));
    expect(importCitationFile(latin, 'k.bib', []).sources[0]!.csl.title).toBe('Défense');
  });

  it('refuses binary bytes in one sentence', () => {
    expect(() => importCitationFile(new Uint8Array([0, 1, 2, 3, 0, 0xff]), 'x.ris', [])).toThrow(
      new ImportError('x.ris looks binary, not like a citation export.', 'unsupported'),
    );
  });
});
