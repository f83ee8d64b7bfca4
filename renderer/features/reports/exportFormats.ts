import { exportData, ExportRefused, type DataExportFormat } from '../../../shared/exports/exportData.js';
import type { ReportOptions } from '../../../shared/exports/reportModel.js';
import type { ProjectSnapshot } from '../../../shared/model.js';

export { ExportRefused };

/** What the Reports section can export; PDF is the HTML through a print engine (see printReport.ts). */
export const APP_EXPORTS = {
  html: { label: 'HTML', extension: 'html', mime: 'text/html', filter: 'Web page' },
  pdf: { label: 'PDF', extension: 'pdf', mime: 'application/pdf', filter: 'PDF document' },
  docx: { label: 'Word (DOCX)', extension: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', filter: 'Word document' },
  md: { label: 'Markdown', extension: 'md', mime: 'text/markdown', filter: 'Markdown' },
  csv: { label: 'Claims CSV', extension: 'csv', mime: 'text/csv', filter: 'CSV table' },
  json: { label: 'Project JSON', extension: 'json', mime: 'application/json', filter: 'JSON' },
  claimreview: { label: 'ClaimReview JSON-LD', extension: 'jsonld', mime: 'application/ld+json', filter: 'JSON-LD' },
  'web-annotation': { label: 'Web Annotation JSON-LD', extension: 'jsonld', mime: 'application/ld+json', filter: 'JSON-LD' },
  qdpx: { label: 'REFI-QDA project (.qdpx)', extension: 'qdpx', mime: 'application/zip', filter: 'REFI-QDA project' },
  'csl-json': { label: 'Sources CSL-JSON', extension: 'json', mime: 'application/vnd.citationstyles.csl+json', filter: 'CSL-JSON' },
} as const;
export type AppExport = keyof typeof APP_EXPORTS;

/** A file name from the report title: letters, digits and dashes, never empty. */
export function fileNameFor(title: string, format: AppExport): string {
  const base = title.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_]+/g, '-').toLowerCase().slice(0, 80) || 'claimdesk-report';
  const suffix: Partial<Record<AppExport, string>> = { claimreview: '-claimreview', 'web-annotation': '-annotations', 'csl-json': '-sources', csv: '-claims', json: '-project' };
  return `${base}${suffix[format] ?? ''}.${APP_EXPORTS[format].extension}`;
}

/** The bytes of one export (shared/exports/exportData.ts), with refusals worded for the Reports section. */
export async function exportBytes(snapshot: ProjectSnapshot, format: Exclude<AppExport, 'pdf'>, options: ReportOptions): Promise<Uint8Array> {
  try {
    return await exportData(snapshot, format satisfies DataExportFormat, options);
  } catch (error) {
    if (error instanceof ExportRefused && error.reason === 'needs-organisation-url') {
      throw new ExportRefused(error.reason, 'ClaimReview needs the web address where the fact checks are published: enter the organisation URL (http or https) above.');
    }
    throw error;
  }
}
