import Papa from 'papaparse';
import type { ProjectSnapshot } from '../model.js';
import { formatLocator, selectClaims, type ReportOptions } from './reportModel.js';
import { indexSnapshot, resolveVerdict, topicPath } from './snapshotIndex.js';

export const CLAIMS_CSV_COLUMNS = [
  'id',
  'text',
  'claimant',
  'date',
  'topics',
  'type',
  'status',
  'verdict',
  'common value',
  'reasoning',
  'evidence',
] as const;

// papaparse's own `escapeFormulae: true` tests /^[=+\-@\t\r].*$/, which misses a multi-line cell such as "=A1\nx";
// a spreadsheet still reads that as a formula, so the test looks at the first character only.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Claims as CSV, one row per claim (RFC 4180, CRLF), optionally narrowed like a report. */
export function claimsCsv(snapshot: ProjectSnapshot, selection: Partial<Pick<ReportOptions, 'filter' | 'documentIds'>> = {}): string {
  const index = indexSnapshot(snapshot);
  const claims = selectClaims(index, { filter: selection.filter ?? {}, ...(selection.documentIds ? { documentIds: selection.documentIds } : {}) });
  const rows = claims.map((claim) => {
    const verdict = resolveVerdict(index, claim);
    const evidence = (index.evidenceByClaim.get(claim.id) ?? []).map((link) => {
      const title = index.sources.get(link.sourceId)?.csl.title ?? link.sourceId;
      const details = [formatLocator(link.locator), link.edition && `edition ${link.edition}`, link.figureYear && `figures for ${link.figureYear}`]
        .filter(Boolean)
        .join('; ');
      return `${link.relation}: ${title}${details ? ` (${details})` : ''}`;
    });
    return [
      claim.id,
      claim.text,
      claim.claimantId ? (index.people.get(claim.claimantId)?.name ?? '') : '',
      claim.date ?? '',
      claim.topicIds.map((t) => topicPath(index, t)).filter(Boolean).join('; '),
      claim.type,
      claim.status,
      verdict?.label ?? '',
      verdict?.step ? verdict.step.value : '',
      verdict?.verdict.reasoning ?? '',
      evidence.join(' | '),
    ];
  });
  return Papa.unparse(
    { fields: [...CLAIMS_CSV_COLUMNS], data: rows },
    { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false },
  ) + '\r\n';
}
