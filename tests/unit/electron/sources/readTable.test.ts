import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../electron/import/importError.js';
import { MAX_TABLE_ROWS, readTable } from '../../../../electron/sources/readTable.js';
import { NATO_CSV_FILE, NATO_CSV_TABLE, sampleEvidence } from '../../../../shared/sources/sampleSources.js';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/sources/${name}`, import.meta.url)));

async function failure(bytes: Uint8Array, fileName: string): Promise<ImportError> {
  const error: unknown = await readTable(bytes, fileName).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('readTable on the NATO CSV', () => {
  it('reads every ally and year', async () => {
    const { sheets } = await readTable(fixture(NATO_CSV_FILE), NATO_CSV_FILE);
    expect(sheets).toHaveLength(1);
    const [sheet] = sheets;
    expect(sheet!.name).toBe(NATO_CSV_TABLE);
    expect(sheet!.columns).toEqual(['Country', ...Array.from({ length: 10 }, (_, i) => String(2014 + i)), '2024e']);
    expect(sheet!.rows).toHaveLength(33);
    expect(sheet!.rows.every((row) => row.length === 12)).toBe(true);
  });

  it('shows exactly four allies at or above 2% in 2015: US, Greece, Poland, UK', async () => {
    const [sheet] = (await readTable(fixture(NATO_CSV_FILE), NATO_CSV_FILE)).sheets;
    const column = sheet!.columns.indexOf('2015');
    const allies = sheet!.rows.filter((row) => !row[0]!.startsWith('NATO '));
    expect(allies).toHaveLength(31);
    const atTarget = allies.filter((row) => Number(row[column]) >= 2.0).map((row) => row[0]);
    expect(atTarget).toEqual(['Greece', 'Poland', 'United Kingdom', 'United States']);
    const estonia = allies.find((row) => row[0] === 'Estonia');
    expect(Number(estonia![column]).toFixed(2)).toBe('1.99');
  });

  it('holds the sample evidence excerpt to the cells it quotes', async () => {
    const [sheet] = (await readTable(fixture(NATO_CSV_FILE), NATO_CSV_FILE)).sheets;
    const link = sampleEvidence().find((e) => e.sourceKey === 'nato-2024-dataset')!.link;
    expect(link.locator.table).toBe(sheet!.name);
    const column = sheet!.columns.indexOf(link.locator.column!);
    expect(column).toBeGreaterThan(0);
    for (const country of link.locator.row!.split('; ')) {
      const row = sheet!.rows.find((r) => r[0] === country);
      expect(link.excerpt).toContain(`${country} ${row![column]}`);
    }
  });
});

describe('readTable on other CSVs', () => {
  it('reads Windows-1252 with semicolons and quoted cells', async () => {
    const { sheets } = await readTable(fixture('nato-windows-1252.csv'), 'budget.csv');
    expect(sheets).toEqual([
      {
        name: 'budget',
        columns: ['Country', 'Budget (£bn)', 'Note'],
        rows: [
          ['Türkiye', '12,5', 'Includes "coast guard"; estimate'],
          ["Côte d'Ivoire", '0,4', 'Not a NATO member – comparison'],
        ],
      },
    ]);
  });

  it('names blank and repeated headers and pads short rows', async () => {
    const csv = strToU8('\uFEFFCountry,,Country\nA,1\nB,2,3,4\n');
    const [sheet] = (await readTable(csv, 'x.csv')).sheets;
    expect(sheet!.columns).toEqual(['Country', 'Column 2', 'Country (2)', 'Column 4']);
    expect(sheet!.rows).toEqual([
      ['A', '1', '', ''],
      ['B', '2', '3', '4'],
    ]);
  });

  it('refuses a quoted cell that is never closed', async () => {
    const error = await failure(strToU8('a,b\n1,"open\n2,3\n'), 'broken.csv');
    expect(error.message).toBe('broken.csv is not a readable CSV at row 2: a quoted cell is never closed.');
  });

  it('refuses binary bytes and empty files', async () => {
    const binary = new Uint8Array([0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x10, 0x00]);
    expect((await failure(binary, 'data.csv')).message).toBe('data.csv looks binary, not like a CSV table.');
    expect((await failure(new Uint8Array(), 'empty.csv')).message).toBe('empty.csv is empty.');
  });

  it('refuses more rows than the limit rather than cutting the table short', async () => {
    const csv = strToU8(`n\n${'1\n'.repeat(MAX_TABLE_ROWS + 1)}`);
    const error = await failure(csv, 'long.csv');
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('long.csv has 100,001 rows; tables of up to 100,000 rows can be opened.');
  });
});

describe('readTable on XLSX', () => {
  it('reads each sheet with values, formula results, dates, rich text and links as text', async () => {
    const { sheets } = await readTable(fixture('tiny.xlsx'), 'tiny.xlsx');
    expect(sheets).toEqual([
      {
        name: 'Spending',
        columns: ['Country', '2015', '2016', 'Published'],
        rows: [
          ['United Kingdom', '2.031899571', '2.088204876', '2024-06-17'],
          ['United States', '3.505068784', '3.488763768', ''],
          ['Average', '2.7684841775', '5.576968644', 'NATO'],
        ],
      },
      { name: 'Notes', columns: ['Note', 'Note (2)'], rows: [['Figures are % of GDP', 'Source: NATO']] },
    ]);
  });

  it('refuses a zip that is not a workbook, a damaged one, and old .xls files', async () => {
    const notWorkbook = zipSync({ 'readme.txt': strToU8('hello') });
    expect((await failure(notWorkbook, 'a.xlsx')).message).toBe('a.xlsx is not a readable XLSX workbook.');
    const damaged = fixture('tiny.xlsx').slice(0, 2000);
    expect((await failure(damaged, 'b.xlsx')).message).toBe(
      'b.xlsx is a damaged zip archive, not a readable XLSX workbook.',
    );
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = await failure(xls, 'c.xls');
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe('c.xls is an old-style Excel file (.xls); save it as .xlsx or CSV to open it here.');
    expect((await failure(strToU8('Country,2015'), 'd.xlsx')).message).toBe('d.xlsx is not a readable XLSX workbook.');
  });
});
