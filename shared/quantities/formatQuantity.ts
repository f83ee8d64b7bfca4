import type { Quantity, QuantityUnit } from '../model.js';

export const QUANTITY_UNIT_LABELS: Record<QuantityUnit, string> = {
  count: 'count',
  percent: 'percent',
  'percent-of-gdp': 'percent of GDP',
  money: 'money',
  people: 'people',
  ratio: 'ratio',
  year: 'years',
};

const COMPACT: Array<[number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

function plain(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: 3 }).replace(/^-/, '−');
}

/** A value in words a reader takes in at a glance: "700 billion", "12,000", "1.4". */
export function formatValue(value: number): string {
  const abs = Math.abs(value);
  for (const [size, word] of COMPACT) if (abs >= size) return `${plain(value / size)} ${word}`;
  return plain(value);
}

/** The figure of a quantity with its unit: "5 of 28", "2% of GDP", "USD 700 billion", "12,000 people", "×2". */
export function formatFigure(q: Pick<Quantity, 'value' | 'unit' | 'currency' | 'of'>): string {
  const of = q.of !== undefined ? ` of ${formatValue(q.of)}` : '';
  switch (q.unit) {
    case 'percent':
      return `${formatValue(q.value)}%${of}`;
    case 'percent-of-gdp':
      return `${formatValue(q.value)}% of GDP`;
    case 'money':
      return `${q.currency ?? ''} ${formatValue(q.value)}`.trim();
    case 'ratio':
      return q.value >= 1 ? `×${formatValue(q.value)}` : `${formatValue(q.value)} (ratio)`;
    case 'year':
      return `${formatValue(q.value)} year${q.value === 1 ? '' : 's'}`;
    case 'people':
      return `${formatValue(q.value)}${of} people`;
    default:
      return `${formatValue(q.value)}${of}`;
  }
}

/** A quantity as a chip says it: "5 of 28 members · only · last year (2015)". */
export function formatQuantity(q: Quantity): string {
  const parts = [q.what && q.unit !== 'people' ? `${formatFigure(q)} ${q.what}` : q.what && q.unit === 'people' ? `${formatFigure(q).replace(/ people$/, '')} ${q.what}` : formatFigure(q)];
  if (q.comparison) parts.push(q.comparison);
  if (q.time) {
    const p = q.period;
    const years = p && (p.from !== undefined || p.to !== undefined) ? (p.from === p.to ? ` (${p.from})` : ` (${p.from ?? '…'}–${p.to ?? '…'})`) : '';
    parts.push(`${q.time}${years}`);
  }
  return parts.join(' · ');
}
