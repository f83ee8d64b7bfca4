import type { ComputationResult, ConditionOperator, TableComputation } from '../model.js';

export const OPERATOR_SYMBOLS: Record<ConditionOperator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '=',
  '!=': '≠',
  contains: 'contains',
  'not-empty': 'has a figure',
};

/** A figure as a sentence shows it: thousands separated, at most two decimals ("3.51", "12,000", "−0.11"). */
export function formatNumber(value: number, decimals = 2): string {
  const text = value.toLocaleString('en-GB', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
  return text.replace(/^-/, '−');
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

const isYearLike = (column: string | undefined): boolean => column !== undefined && /^(?:1[6-9]|20)\d\d(?:e|\s*\(e\)|\s*est\.?)?$/i.test(column.trim());

/** "≥ 2.0% of GDP in 2015" or "2015 ≥ 2.0": the condition, phrased around a year column when there is one. */
function conditionText(computation: TableComputation): string {
  const f = computation.filter;
  if (!f) return '';
  const unit = computation.valueUnit ? `${computation.valueUnit.startsWith('%') ? '' : ' '}${computation.valueUnit}` : '';
  if (f.operator === 'not-empty') return `a figure in ${f.column}`;
  if (f.operator === 'contains') return `“${f.value}” in ${f.column}`;
  const value = `${f.value.trim()}${unit}`;
  if (isYearLike(f.column)) return `${OPERATOR_SYMBOLS[f.operator]} ${value} in ${f.column}`;
  return `${f.column} ${OPERATOR_SYMBOLS[f.operator]} ${value}`;
}

function leftOut(computation: TableComputation): string {
  const rows = computation.excludeRows ?? [];
  if (rows.length === 0) return '';
  return ` (leaving out ${rows.join(', ')})`;
}

function withUnit(value: number, computation: TableComputation): string {
  const unit = computation.valueUnit;
  if (!unit) return formatNumber(value);
  return unit.startsWith('%') ? `${formatNumber(value)}${unit}` : `${formatNumber(value)} ${unit}`;
}

/**
 * The computation and its result as one sentence, as the claim panel, reports and ClaimReview show it: "4 of 30
 * allies had ≥ 2.0% of GDP in 2015 (leaving out NATO Total) — Defence Expenditure of NATO Countries (2014-2024),
 * June 2024". `source` names the table and its edition.
 */
export function describeComputation(computation: TableComputation, result: ComputationResult, source?: string): string {
  const noun = computation.noun?.trim() || 'rows';
  let sentence: string;
  switch (computation.operation) {
    case 'cell':
      sentence = `${computation.row}, ${computation.column}: ${withUnit(result.value, computation)}`;
      break;
    case 'count':
      sentence = `${formatNumber(result.value)} of ${formatNumber(result.of ?? 0)} ${noun} had ${conditionText(computation)}${leftOut(computation)}`;
      break;
    case 'share':
      sentence = `${formatNumber(result.count ?? 0)} of ${formatNumber(result.of ?? 0)} ${noun} (${formatNumber(result.value, 1)}%) had ${conditionText(computation)}${leftOut(computation)}`;
      break;
    case 'sum':
    case 'mean': {
      const filtered = computation.filter ? ` with ${conditionText(computation)}` : '';
      sentence = `The ${computation.operation === 'sum' ? 'total' : 'mean'} of ${computation.column} over ${formatNumber(result.of ?? 0)} ${noun}${filtered} is ${withUnit(result.value, computation)}${leftOut(computation)}`;
      break;
    }
    case 'rank':
      sentence = `${computation.row} ranks ${ordinal(result.value)} of ${formatNumber(result.of ?? 0)} ${noun} on ${computation.column} (${computation.order === 'lowest-first' ? 'lowest' : 'highest'} first)${leftOut(computation)}`;
      break;
    case 'change': {
      const percent = result.percent === undefined ? '' : ` (${result.percent >= 0 ? '+' : ''}${formatNumber(result.percent, 1)}%)`;
      const sign = result.value >= 0 ? '+' : '';
      sentence = `${computation.row} went from ${withUnit(result.from ?? 0, computation)} in ${computation.fromColumn} to ${withUnit(result.to ?? 0, computation)} in ${computation.toColumn}: ${sign}${formatNumber(result.value)}${percent}`;
      break;
    }
    case 'min':
    case 'max': {
      const word = computation.operation === 'max' ? 'highest' : 'lowest';
      sentence = computation.row
        ? `${computation.row}'s ${word} figure is ${withUnit(result.value, computation)}, in ${result.at}`
        : `The ${word} ${computation.column} figure is ${withUnit(result.value, computation)}, for ${result.at}${leftOut(computation)}`;
      break;
    }
    default:
      sentence = formatNumber(result.value);
  }
  return source ? `${sentence} — ${source}` : sentence;
}

/** The headline figure of a result, as a short chip: "4 of 30", "13.3%", "2nd of 30", "−0.11 (−5.2%)". */
export function resultFigure(computation: TableComputation, result: ComputationResult): string {
  switch (computation.operation) {
    case 'count':
      return `${formatNumber(result.value)} of ${formatNumber(result.of ?? 0)}`;
    case 'share':
      return `${formatNumber(result.value, 1)}%`;
    case 'rank':
      return `${ordinal(result.value)} of ${formatNumber(result.of ?? 0)}`;
    case 'change':
      return `${result.value >= 0 ? '+' : ''}${formatNumber(result.value)}${result.percent === undefined ? '' : ` (${result.percent >= 0 ? '+' : ''}${formatNumber(result.percent, 1)}%)`}`;
    case 'min':
    case 'max':
      return `${formatNumber(result.value)} (${result.at})`;
    default:
      return withUnit(result.value, computation);
  }
}
