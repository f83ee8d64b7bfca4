import type { ComputationResult, TableComputation, TableCondition } from '../model.js';
import { parseCell } from './parseCell.js';

/** One sheet of a table as the table reader gives it: header names and rows of text cells. */
export interface Sheet {
  name: string;
  columns: string[];
  rows: string[][];
}

/** A computation that cannot run on this table; `message` is one sentence for the analyst. */
export class TableCheckError extends Error {
  override name = 'TableCheckError';
}

const KEEP_ROWS = 50;

/** The sheet a computation names, or the only sheet when the name is not there (a CSV renamed between editions). */
export function sheetFor(sheets: Sheet[], name: string): Sheet {
  const sheet = sheets.find((s) => s.name === name) ?? (sheets.length === 1 ? sheets[0] : undefined);
  if (!sheet) throw new TableCheckError(`The table has no sheet “${name}”.`);
  return sheet;
}

function columnIndex(sheet: Sheet, column: string | undefined, role: string): number {
  if (!column) throw new TableCheckError(`Choose the ${role}.`);
  const i = sheet.columns.indexOf(column);
  if (i < 0) throw new TableCheckError(`This table has no column “${column}”.`);
  return i;
}

function rowFor(sheet: Sheet, labelIndex: number, label: string | undefined): string[] {
  if (!label) throw new TableCheckError('Choose the row.');
  const wanted = normaliseLabel(label);
  const row = sheet.rows.find((r) => normaliseLabel(r[labelIndex] ?? '') === wanted);
  if (!row) throw new TableCheckError(`This table has no row “${label}”.`);
  return row;
}

function normaliseLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whether a cell meets a condition: numbers compare as numbers ("2.0e" ≥ 2), anything else as text. */
export function meets(cell: string | undefined, condition: TableCondition): boolean {
  const text = (cell ?? '').trim();
  if (condition.operator === 'not-empty') return text !== '' && parseCell(text) !== undefined;
  if (condition.operator === 'contains') return text.toLowerCase().includes(condition.value.trim().toLowerCase());
  const left = parseCell(text)?.value;
  const right = parseCell(condition.value)?.value;
  if (left === undefined || right === undefined) {
    if (condition.operator === '=') return normaliseLabel(text) === normaliseLabel(condition.value);
    if (condition.operator === '!=') return normaliseLabel(text) !== normaliseLabel(condition.value);
    return false;
  }
  switch (condition.operator) {
    case '>=':
      return left >= right;
    case '>':
      return left > right;
    case '<=':
      return left <= right;
    case '<':
      return left < right;
    case '=':
      return left === right;
    case '!=':
      return left !== right;
  }
  return false;
}

/** Rows the computation covers: not left out by the analyst, and meeting the filter when the operation filters. */
function includedRows(sheet: Sheet, computation: TableComputation, labelIndex: number): string[][] {
  const excluded = new Set((computation.excludeRows ?? []).map(normaliseLabel));
  return sheet.rows.filter((r) => !excluded.has(normaliseLabel(r[labelIndex] ?? '')) && (r[labelIndex] ?? '').trim() !== '');
}

function numbersIn(rows: string[][], index: number, labelIndex: number): { values: Array<{ label: string; value: number }>; skipped: string[] } {
  const values: Array<{ label: string; value: number }> = [];
  const skipped: string[] = [];
  for (const r of rows) {
    const n = parseCell(r[index]);
    if (n === undefined) skipped.push(r[labelIndex] ?? '');
    else values.push({ label: r[labelIndex] ?? '', value: n.value });
  }
  return { values, skipped };
}

function withRows(result: ComputationResult, rows: string[] | undefined, skipped: string[]): ComputationResult {
  if (rows) result.rows = rows.slice(0, KEEP_ROWS);
  if (skipped.length) result.skipped = skipped.slice(0, KEEP_ROWS);
  return result;
}

/**
 * Runs a computation over one sheet. Empty cells, "..", "n/a" and words are skipped (and listed); footnote markers,
 * thousands separators and percent signs are read through. Throws a TableCheckError with one sentence when the
 * table lacks what the computation names or gives nothing to compute.
 */
export function runComputation(sheets: Sheet[], computation: TableComputation): ComputationResult {
  const sheet = sheetFor(sheets, computation.sheet);
  const labelIndex = columnIndex(sheet, computation.labelColumn || sheet.columns[0], 'column that names the rows');
  const multiplier = computation.multiplier ?? 1;
  const scaled = (v: number) => v * multiplier;
  switch (computation.operation) {
    case 'cell': {
      const row = rowFor(sheet, labelIndex, computation.row);
      const i = columnIndex(sheet, computation.column, 'column');
      const n = parseCell(row[i]);
      if (!n) throw new TableCheckError(`The cell ${computation.row}, ${computation.column} holds no number (“${row[i] ?? ''}”).`);
      return { value: scaled(n.value) };
    }
    case 'count':
    case 'share': {
      const filter = computation.filter;
      if (!filter) throw new TableCheckError('Say which rows to count: a column and a condition.');
      const i = columnIndex(sheet, filter.column, 'column to test');
      if (filter.operator !== 'not-empty' && filter.value.trim() === '') throw new TableCheckError('Give the value the condition compares with, such as 2.0.');
      const rows = includedRows(sheet, computation, labelIndex);
      // The whole is the rows that have something to test: an ally with no figure for 2015 is not counted in or out.
      const numeric = filter.operator !== 'contains' && filter.operator !== '=' && filter.operator !== '!=' ? true : parseCell(filter.value) !== undefined;
      const testable = numeric ? rows.filter((r) => parseCell(r[i]) !== undefined) : rows;
      const skipped = numeric ? rows.filter((r) => parseCell(r[i]) === undefined).map((r) => r[labelIndex] ?? '') : [];
      const meeting = testable.filter((r) => meets(r[i], filter)).map((r) => r[labelIndex] ?? '');
      if (testable.length === 0) throw new TableCheckError(`No row has a figure in “${filter.column}” to test.`);
      const result: ComputationResult =
        computation.operation === 'count'
          ? { value: meeting.length, of: testable.length }
          : { value: (100 * meeting.length) / testable.length, count: meeting.length, of: testable.length };
      return withRows(result, meeting, skipped);
    }
    case 'sum':
    case 'mean': {
      const i = columnIndex(sheet, computation.column, 'column to add up');
      let rows = includedRows(sheet, computation, labelIndex);
      if (computation.filter) {
        const f = computation.filter;
        const fi = columnIndex(sheet, f.column, 'column to test');
        rows = rows.filter((r) => meets(r[fi], f));
      }
      const { values, skipped } = numbersIn(rows, i, labelIndex);
      if (values.length === 0) throw new TableCheckError(`No row has a figure in “${computation.column}”.`);
      const sum = values.reduce((s, v) => s + v.value, 0);
      const value = computation.operation === 'sum' ? sum : sum / values.length;
      return withRows({ value: scaled(value), of: values.length }, values.map((v) => v.label), skipped);
    }
    case 'rank': {
      const i = columnIndex(sheet, computation.column, 'column to rank by');
      const row = rowFor(sheet, labelIndex, computation.row);
      const own = parseCell(row[i]);
      if (!own) throw new TableCheckError(`${computation.row} has no figure in “${computation.column}” to rank.`);
      const { values, skipped } = numbersIn(includedRows(sheet, computation, labelIndex), i, labelIndex);
      const lowestFirst = computation.order === 'lowest-first';
      // Competition ranking: ties share a rank ("joint 3rd").
      const ahead = values.filter((v) => (lowestFirst ? v.value < own.value : v.value > own.value)).length;
      const inList = values.some((v) => normaliseLabel(v.label) === normaliseLabel(computation.row ?? ''));
      return withRows({ value: ahead + 1, of: values.length + (inList ? 0 : 1) }, undefined, skipped);
    }
    case 'change': {
      const row = rowFor(sheet, labelIndex, computation.row);
      const from = parseCell(row[columnIndex(sheet, computation.fromColumn, 'first column')]);
      const to = parseCell(row[columnIndex(sheet, computation.toColumn, 'second column')]);
      if (!from || !to) {
        const which = !from ? computation.fromColumn : computation.toColumn;
        throw new TableCheckError(`${computation.row} has no figure in “${which}”.`);
      }
      const result: ComputationResult = { value: scaled(to.value - from.value), from: scaled(from.value), to: scaled(to.value) };
      if (from.value !== 0) result.percent = (100 * (to.value - from.value)) / Math.abs(from.value);
      return result;
    }
    case 'min':
    case 'max': {
      const highest = computation.operation === 'max';
      const better = (a: number, b: number) => (highest ? a > b : a < b);
      if (computation.row) {
        // Across a row: the year (column) it was lowest or highest.
        const row = rowFor(sheet, labelIndex, computation.row);
        const columns = computation.columns?.length ? computation.columns : sheet.columns.filter((_, k) => k !== labelIndex);
        let best: { column: string; value: number } | undefined;
        const skipped: string[] = [];
        for (const column of columns) {
          const n = parseCell(row[columnIndex(sheet, column, 'column')]);
          if (!n) {
            skipped.push(column);
            continue;
          }
          if (!best || better(n.value, best.value)) best = { column, value: n.value };
        }
        if (!best) throw new TableCheckError(`${computation.row} has no figures in those columns.`);
        return withRows({ value: scaled(best.value), at: best.column, of: columns.length - skipped.length }, undefined, skipped);
      }
      const i = columnIndex(sheet, computation.column, 'column');
      const { values, skipped } = numbersIn(includedRows(sheet, computation, labelIndex), i, labelIndex);
      if (values.length === 0) throw new TableCheckError(`No row has a figure in “${computation.column}”.`);
      let best = values[0]!;
      for (const v of values) if (better(v.value, best.value)) best = v;
      return withRows({ value: scaled(best.value), at: best.label, of: values.length }, undefined, skipped);
    }
  }
  throw new TableCheckError('That computation is not one Claimdesk knows.');
}

const SUMMARY_LABEL = /\b(?:sub)?totals?\b|\baverage\b|\bavg\b|\bmean\b|\bmedian\b|\boverall\b|\baggregate\b|\ball\s+(?:countries|members|allies|states|regions)\b|\bworld\b|\beuro\s?(?:zone|area)\b|\boecd\b/i;

/**
 * Rows that look like totals or averages rather than members ("NATO Total", "OECD average"), to leave out of a
 * count by default; rows named with the same first word as one of them ("NATO Europe and Canada") are suggested too.
 */
export function suggestExcludedRows(sheet: Sheet, labelColumn?: string): string[] {
  const index = Math.max(0, labelColumn ? sheet.columns.indexOf(labelColumn) : 0);
  const labels = sheet.rows.map((r) => (r[index] ?? '').trim()).filter((l) => l !== '');
  const summary = labels.filter((l) => SUMMARY_LABEL.test(l));
  const prefixes = new Set(summary.map((l) => l.split(/\s+/)[0]!.toLowerCase()).filter((w) => !SUMMARY_LABEL.test(w)));
  return labels.filter((l) => SUMMARY_LABEL.test(l) || (l.includes(' ') && prefixes.has(l.split(/\s+/)[0]!.toLowerCase())));
}
