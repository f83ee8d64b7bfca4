import type { Comparison } from './buildComparison.js';

/**
 * Spreadsheets run a cell that starts with one of these as a formula; a quote, a speaker's name or a stance label
 * can start with "-" or "=" by accident or by design, so such cells get a leading apostrophe (OWASP's advice).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: guarded against formula injection, quoted per RFC 4180 when it needs to be. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The comparison as CSV: one line per topic and speaker, with a column per verdict bucket of the legend, CRLF line
 * ends (RFC 4180). Shares are left to the spreadsheet; the mean common value has two decimals.
 */
export function compareCsv(result: Comparison): string {
  const names = new Map(result.speakers.map((s) => [s.personId, s.name]));
  const bucketHeader = result.legend.map((b) => (b.scaleName ? `${b.scaleName}: ${b.label}` : b.label));
  const lines: string[] = [];
  lines.push(
    [
      'Topic',
      'Speaker',
      'Stance',
      'Stance date',
      'Claims',
      'Checked',
      'Too few checked',
      'Mean common value',
      ...bucketHeader,
      'Key quotes',
      'Flags',
    ]
      .map(csvField)
      .join(','),
  );
  for (const row of result.rows) {
    for (const cell of row.cells) {
      const counts = new Map(cell.byVerdict.map((b) => [b.key, b.count]));
      const flags = result.flags.filter((f) => f.topicId === row.topic.id && f.personId === cell.personId);
      lines.push(
        [
          row.path,
          names.get(cell.personId) ?? cell.personId,
          cell.stance?.label,
          cell.stance?.date,
          cell.claimCount,
          cell.checked,
          cell.tooFewChecked ? 'yes' : 'no',
          cell.meanCommonValue === undefined ? undefined : cell.meanCommonValue.toFixed(2),
          ...result.legend.map((b) => counts.get(b.key) ?? 0),
          cell.keyQuotes.map((q) => `“${q.quote}”`).join(' | '),
          flags.map((f) => f.detail).join('; '),
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return lines.join('\r\n') + '\r\n';
}
