import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import yauzl from 'yauzl';
import { decodeText } from '../import/decodeText.js';
import { ImportError, isImportError } from '../import/importError.js';

/** One sheet of a table file: its header row as columns, and every row below it as text cells. */
export interface TableSheet {
  name: string;
  columns: string[];
  rows: string[][];
}

/** A CSV or XLSX attachment read for the table viewer. */
export interface Table {
  sheets: TableSheet[];
}

import { MAX_TABLE_BYTES, MAX_TABLE_CELLS, MAX_TABLE_ROWS } from './tableLimits.js';

export { MAX_TABLE_BYTES, MAX_TABLE_CELLS, MAX_TABLE_ROWS };
// An XLSX is a zip: its size says little about what inflating it takes, so the archive's own figures are read first.
const MAX_XLSX_INFLATED_BYTES = 500 * 1024 * 1024;

/**
 * Reads a CSV (UTF-8, UTF-16 or Windows-1252, any delimiter papaparse can detect) or an XLSX workbook into sheets of
 * text cells. Throws an ImportError with one sentence when the file is too large or cannot be read.
 */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  if (bytes.byteLength > MAX_TABLE_BYTES) {
    throw new ImportError(`${fileName} is larger than 50 MB, too large to open as a table.`, 'too-large');
  }
  if (bytes.byteLength === 0) throw new ImportError(`${fileName} is empty.`);
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(bytes, fileName);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    const message = `${fileName} is an old-style Excel file (.xls); save it as .xlsx or CSV to open it here.`;
    throw new ImportError(message, 'unsupported');
  }
  if (extension === 'xlsx' || extension === 'xlsm') {
    throw new ImportError(`${fileName} is not a readable XLSX workbook.`);
  }
  return { sheets: [readCsv(bytes, fileName)] };
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

function sheetName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'Sheet 1';
}

function readCsv(bytes: Uint8Array, fileName: string): TableSheet {
  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch (error) {
    if (isImportError(error)) {
      throw new ImportError(`${fileName} looks binary, not like a CSV table.`, 'unsupported');
    }
    throw error;
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    const where = broken.row === undefined ? '' : ` at row ${broken.row + 1}`;
    throw new ImportError(`${fileName} is not a readable CSV${where}: a quoted cell is never closed.`);
  }
  return toSheet(sheetName(fileName), parsed.data, fileName);
}

/** The first row names the columns; blank or repeated names are made unique, since locators cite columns by name. */
function toSheet(name: string, grid: string[][], fileName: string): TableSheet {
  const [header = [], ...body] = grid;
  if (body.length > MAX_TABLE_ROWS) {
    const sheet = name === sheetName(fileName) ? '' : ` in sheet "${name}"`;
    throw new ImportError(
      `${fileName} has ${body.length.toLocaleString('en-GB')} rows${sheet}; ` +
        `tables of up to ${MAX_TABLE_ROWS.toLocaleString('en-GB')} rows can be opened.`,
      'too-large',
    );
  }
  let width = body.reduce((max, row) => Math.max(max, row.length), header.length);
  // Spreadsheets and trailing delimiters leave blank columns at the right that nobody means to cite.
  const blank = (i: number): boolean => [header, ...body].every((row) => (row[i] ?? '').trim() === '');
  while (width > 0 && blank(width - 1)) width--;
  if (width * (body.length + 1) > MAX_TABLE_CELLS) {
    throw new ImportError(`${fileName} has too many cells to open as a table.`, 'too-large');
  }
  const seen = new Map<string, number>();
  const columns = Array.from({ length: width }, (_, i) => {
    const base = header[i]?.trim() || `Column ${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
  const rows = body.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
  return { name, columns, rows };
}

// --- XLSX ------------------------------------------------------------------------------------------------------

/** The archive's entry names and inflated size, from its central directory, without inflating anything. */
async function zipContents(bytes: Uint8Array): Promise<{ names: Set<string>; size: number }> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file)));
  });
  return new Promise((resolve, reject) => {
    const names = new Set<string>();
    let size = 0;
    zip.on('entry', (entry: yauzl.Entry) => {
      names.add(entry.fileName);
      size += entry.uncompressedSize;
      zip.readEntry();
    });
    zip.on('end', () => resolve({ names, size }));
    zip.on('error', reject);
    zip.readEntry();
  });
}

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<Table> {
  let contents: { names: Set<string>; size: number };
  try {
    contents = await zipContents(bytes);
  } catch {
    throw new ImportError(`${fileName} is a damaged zip archive, not a readable XLSX workbook.`);
  }
  // A DOCX, an ODS or a plain zip is a zip too.
  if (!contents.names.has('xl/workbook.xml')) throw new ImportError(`${fileName} is not a readable XLSX workbook.`);
  if (contents.size > MAX_XLSX_INFLATED_BYTES) {
    throw new ImportError(`${fileName} unpacks to more than 500 MB, too large to open as a table.`, 'too-large');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type, a bare ArrayBuffer, where it takes Node's Buffer.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new ImportError(`${fileName} is not a readable XLSX workbook.`);
  }
  const sheets: TableSheet[] = [];
  for (const worksheet of workbook.worksheets) {
    if (worksheet.rowCount > MAX_TABLE_ROWS + 1) {
      throw new ImportError(
        `${fileName} has more than ${MAX_TABLE_ROWS.toLocaleString('en-GB')} rows in sheet "${worksheet.name}"; ` +
          'larger tables cannot be opened.',
        'too-large',
      );
    }
    const grid: string[][] = [];
    worksheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell.value);
      });
      grid.push(Array.from(cells, (c) => c ?? ''));
    });
    const filled = grid.filter((row) => row.some((c) => c.trim() !== ''));
    if (filled.length > 0) sheets.push(toSheet(worksheet.name, filled, fileName));
  }
  if (sheets.length === 0) throw new ImportError(`${fileName} has no cells with anything in them.`);
  return { sheets };
}

/** A cell as the viewer shows it: formula results rather than formulas, dates as ISO dates, links by their text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  return '';
}
