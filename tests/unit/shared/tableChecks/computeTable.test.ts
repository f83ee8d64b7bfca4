import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../../electron/sources/readTable.js';
import type { TableComputation } from '../../../../shared/model.js';
import { meets, runComputation, suggestExcludedRows, TableCheckError, type Sheet } from '../../../../shared/tableChecks/computeTable.js';
import { describeComputation, resultFigure } from '../../../../shared/tableChecks/describeComputation.js';
import { parseCell } from '../../../../shared/tableChecks/parseCell.js';

const NATO = path.resolve(import.meta.dirname, '../../../../electron/sample/nato-defence-expenditure-pct-gdp-2014-2024.csv');

/** A small table with what official tables contain: markers, separators, percent signs, gaps and a total row. */
const MESSY: Sheet = {
  name: 'spending',
  columns: ['Country', '2015', '2016e', 'Troops', 'Share'],
  rows: [
    ['Alpha', '2.31', '2.4e', '12,000', '2.1%'],
    ['Beta', '1.99', '2.0e', '1 500', '1.5 %'],
    ['Gamma', '', '2.16 (e)', 'n/a', '..'],
    ['Delta', '2.0*', '1.9', '3,250', '30%'],
    ['Epsilon', '(0.5)', '−0.2', '—', ''],
    ['Zeta', '2,03', '2.0¹', '1.234,5', '12'],
    ['Total', '10.1', '10.2', '18,250', '100%'],
  ],
};
const sheets = [MESSY];
const base = { sheet: 'spending', labelColumn: 'Country' } as const;
const run = (c: Partial<TableComputation>) => runComputation(sheets, { ...base, operation: 'count', ...c } as TableComputation);

describe('parseCell', () => {
  it.each([
    ['2.0e', 2, 'e'],
    ['3.61 (e)', 3.61, '(e)'],
    ['1.9*', 1.9, '*'],
    ['2.0¹', 2, '¹'],
    ['12,000', 12000, undefined],
    ['1 234', 1234, undefined],
    ["12'000", 12000, undefined],
    ['1.234,5', 1234.5, undefined],
    ['2,03', 2.03, undefined],
    ['2.1%', 2.1, undefined],
    ['$1,200', 1200, undefined],
    ['€ 5', 5, undefined],
    ['−0.2', -0.2, undefined],
    ['(1.2)', -1.2, undefined],
    ['-3', -3, undefined],
    ['1e3', 1000, undefined],
  ])('%s → %d', (cell, value, marker) => {
    const n = parseCell(cell)!;
    expect(n.value).toBeCloseTo(value, 10);
    expect(n.marker).toBe(marker);
  });

  it.each(['', '  ', '-', '—', '..', '...', 'n/a', 'N.A.', 'x', 'none', 'Greece', '2015-16', '12 troops'])('“%s” holds no number', (cell) => {
    expect(parseCell(cell)).toBeUndefined();
  });

  it('reads null and undefined as no number', () => {
    expect(parseCell(undefined)).toBeUndefined();
    expect(parseCell(null)).toBeUndefined();
  });
});

describe('runComputation', () => {
  it('counts rows meeting a condition, reading through footnote markers and decimal commas, leaving out empty cells', () => {
    const result = run({ filter: { column: '2015', operator: '>=', value: '2.0' }, excludeRows: ['Total'] });
    // Alpha 2.31, Delta 2.0*, Zeta 2,03; Beta 1.99 and Epsilon (0.5) are below; Gamma has no figure.
    expect(result).toEqual({ value: 3, of: 5, rows: ['Alpha', 'Delta', 'Zeta'], skipped: ['Gamma'] });
    expect(run({ filter: { column: '2016e', operator: '>=', value: '2.0' }, excludeRows: ['Total'] }).value).toBe(4);
    expect(run({ filter: { column: '2015', operator: '>', value: '2.0' }, excludeRows: ['Total'] }).value).toBe(2);
  });

  it('counts a total row unless it is left out', () => {
    expect(run({ filter: { column: '2015', operator: '>=', value: '2.0' } }).value).toBe(4);
  });

  it('shares: rows meeting the condition as a percentage of the rows with a figure', () => {
    const result = runComputation(sheets, { ...base, operation: 'share', filter: { column: '2015', operator: '<', value: '2' }, excludeRows: ['Total'] });
    expect(result).toMatchObject({ value: 40, count: 2, of: 5 });
  });

  it('sums and means with thousands separators and percent signs, skipping what holds no number', () => {
    const sum = runComputation(sheets, { ...base, operation: 'sum', column: 'Troops', excludeRows: ['Total'] });
    expect(sum.value).toBeCloseTo(12000 + 1500 + 3250 + 1234.5);
    expect(sum.of).toBe(4);
    expect(sum.skipped).toEqual(['Gamma', 'Epsilon']);
    const mean = runComputation(sheets, { ...base, operation: 'mean', column: 'Share', excludeRows: ['Total'] });
    expect(mean.value).toBeCloseTo((2.1 + 1.5 + 30 + 12) / 4);
    const filtered = runComputation(sheets, { ...base, operation: 'sum', column: 'Troops', filter: { column: '2015', operator: '>=', value: '2' }, excludeRows: ['Total'] });
    expect(filtered.value).toBeCloseTo(12000 + 3250 + 1234.5);
  });

  it('multiplies figures given in thousands', () => {
    expect(runComputation(sheets, { ...base, operation: 'cell', row: 'Alpha', column: 'Troops', multiplier: 1000 }).value).toBe(12_000_000);
  });

  it('ranks a row, ties sharing a rank, highest or lowest first', () => {
    expect(runComputation(sheets, { ...base, operation: 'rank', row: 'Beta', column: '2015', excludeRows: ['Total'] })).toMatchObject({ value: 4, of: 5 });
    expect(runComputation(sheets, { ...base, operation: 'rank', row: 'Beta', column: '2015', order: 'lowest-first', excludeRows: ['Total'] })).toMatchObject({ value: 2, of: 5 });
    expect(runComputation(sheets, { ...base, operation: 'rank', row: 'Alpha', column: '2016e', excludeRows: ['Total'] })).toMatchObject({ value: 1 });
  });

  it('gives the change between two columns, absolute and in percent', () => {
    const result = runComputation(sheets, { ...base, operation: 'change', row: 'Beta', fromColumn: '2015', toColumn: '2016e' });
    expect(result.value).toBeCloseTo(0.01);
    expect(result.from).toBe(1.99);
    expect(result.to).toBe(2);
    expect(result.percent).toBeCloseTo(0.5025, 3);
  });

  it('finds the minimum and maximum, with the column (year) or row where it occurred', () => {
    expect(runComputation(sheets, { ...base, operation: 'max', row: 'Alpha', columns: ['2015', '2016e'] })).toMatchObject({ value: 2.4, at: '2016e' });
    expect(runComputation(sheets, { ...base, operation: 'min', row: 'Gamma', columns: ['2015', '2016e'] })).toMatchObject({ value: 2.16, at: '2016e', skipped: ['2015'] });
    expect(runComputation(sheets, { ...base, operation: 'max', column: '2015', excludeRows: ['Total'] })).toMatchObject({ value: 2.31, at: 'Alpha' });
    expect(runComputation(sheets, { ...base, operation: 'min', column: '2015' })).toMatchObject({ value: -0.5, at: 'Epsilon' });
  });

  it('reads one cell; an empty one is one clear sentence', () => {
    expect(runComputation(sheets, { ...base, operation: 'cell', row: 'delta', column: '2015' }).value).toBe(2);
    expect(() => runComputation(sheets, { ...base, operation: 'cell', row: 'Gamma', column: '2015' })).toThrow('The cell Gamma, 2015 holds no number');
  });

  it('names what is missing in one sentence', () => {
    expect(() => run({ filter: { column: '2030', operator: '>=', value: '1' } })).toThrow(new TableCheckError('This table has no column “2030”.'));
    expect(() => run({ filter: { column: '2015', operator: '>=', value: '' } })).toThrow('Give the value the condition compares with');
    expect(() => run({})).toThrow('Say which rows to count');
    expect(() => runComputation(sheets, { ...base, operation: 'rank', row: 'Omega', column: '2015' })).toThrow('This table has no row “Omega”.');
    expect(() => runComputation([MESSY, { ...MESSY, name: 'other' }], { ...base, sheet: 'missing', operation: 'cell', row: 'Alpha', column: '2015' })).toThrow('no sheet “missing”');
    expect(() => runComputation(sheets, { ...base, operation: 'sum', column: 'Country' })).toThrow('No row has a figure in “Country”.');
  });

  it('compares text when the condition is not a number', () => {
    expect(meets('United Kingdom', { column: 'Country', operator: 'contains', value: 'kingdom' })).toBe(true);
    expect(meets('Greece', { column: 'Country', operator: '=', value: 'greece' })).toBe(true);
    expect(meets('', { column: '2015', operator: 'not-empty', value: '' })).toBe(false);
  });
});

describe('the NATO table (2024 edition)', () => {
  it('counts 4 allies at or above 2.0% of GDP in 2015 once the totals are left out; Estonia (1.99) is not one of them', async () => {
    const table = await readTable(new Uint8Array(readFileSync(NATO)), path.basename(NATO));
    const sheet = table.sheets[0]!;
    const excludeRows = suggestExcludedRows(sheet);
    expect(excludeRows).toEqual(['NATO Europe and Canada', 'NATO Total']);
    const computation: TableComputation = { operation: 'count', sheet: sheet.name, labelColumn: 'Country', filter: { column: '2015', operator: '>=', value: '2.0' }, excludeRows, noun: 'allies', valueUnit: '% of GDP' };
    const result = runComputation(table.sheets, computation);
    expect(result).toMatchObject({ value: 4, of: 31, rows: ['Greece', 'Poland', 'United Kingdom', 'United States'] });
    expect(describeComputation(computation, result, 'Defence Expenditure of NATO Countries (2014-2024), June 2024')).toBe(
      '4 of 31 allies had ≥ 2.0% of GDP in 2015 (leaving out NATO Europe and Canada, NATO Total) — Defence Expenditure of NATO Countries (2014-2024), June 2024',
    );
    expect(resultFigure(computation, result)).toBe('4 of 31');
    // Left in, "NATO Total" (2.46) would make it five.
    expect(runComputation(table.sheets, { ...computation, excludeRows: [] }).value).toBe(5);
    // The year the UK spent most, across the columns of its row.
    expect(runComputation(table.sheets, { ...computation, operation: 'max', row: 'United Kingdom' })).toMatchObject({ at: '2020' });
  });
});

describe('describeComputation', () => {
  const c = (x: Partial<TableComputation>): TableComputation => ({ ...base, operation: 'count', ...x }) as TableComputation;
  it('phrases every operation', () => {
    expect(describeComputation(c({ operation: 'sum', column: 'Troops', noun: 'allies' }), { value: 18_000, of: 4 })).toBe('The total of Troops over 4 allies is 18,000');
    expect(describeComputation(c({ operation: 'mean', column: '2015' }), { value: 1.4123, of: 30 })).toBe('The mean of 2015 over 30 rows is 1.41');
    expect(describeComputation(c({ operation: 'rank', row: 'Beta', column: '2015' }), { value: 2, of: 5 })).toBe('Beta ranks 2nd of 5 rows on 2015 (highest first)');
    expect(describeComputation(c({ operation: 'change', row: 'Beta', fromColumn: '2014', toColumn: '2015' }), { value: -0.11, from: 2.14, to: 2.03, percent: -5.14 })).toBe('Beta went from 2.14 in 2014 to 2.03 in 2015: −0.11 (−5.1%)');
    expect(describeComputation(c({ operation: 'max', row: 'United Kingdom' }), { value: 2.35, at: '2020' })).toBe("United Kingdom's highest figure is 2.35, in 2020");
    expect(describeComputation(c({ operation: 'min', column: '2015' }), { value: 0.41, at: 'Luxembourg' })).toBe('The lowest 2015 figure is 0.41, for Luxembourg');
    expect(describeComputation(c({ operation: 'share', filter: { column: 'Status', operator: 'contains', value: 'member' } }), { value: 12.5, count: 1, of: 8 })).toBe('1 of 8 rows (12.5%) had “member” in Status');
    expect(describeComputation(c({ operation: 'cell', row: 'UK', column: '2015', valueUnit: '% of GDP' }), { value: 2.03 }, 'NATO')).toBe('UK, 2015: 2.03% of GDP — NATO');
  });
});
