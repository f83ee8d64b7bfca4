import { strToU8 } from 'fflate';
import { claimReviews, claimReviewsJson } from '../../../shared/exports/claimReview.js';
import { claimsCsv } from '../../../shared/exports/claimsCsv.js';
import { projectJson } from '../../../shared/exports/projectJson.js';
import { exportQdpx } from '../../../shared/exports/refiQda.js';
import { reportDocx } from '../../../shared/exports/reportDocx.js';
import { reportHtml } from '../../../shared/exports/reportHtml.js';
import { reportMarkdown } from '../../../shared/exports/reportMarkdown.js';
import { buildReport, safeHttpUrl, type ReportOptions } from '../../../shared/exports/reportModel.js';
import { webAnnotationCollection } from '../../../shared/exports/webAnnotation.js';
import type { ProjectSnapshot } from '../../../shared/model.js';
import { exportCslJson } from '../../../shared/sources/cslExport.js';

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

/** An export the current choices cannot make; `message` tells the user what to change. */
export class ExportRefused extends Error {
  override readonly name = 'ExportRefused';
}

/** A file name from the report title: letters, digits and dashes, never empty. */
export function fileNameFor(title: string, format: AppExport): string {
  const base = title.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_]+/g, '-').toLowerCase().slice(0, 80) || 'claimdesk-report';
  const suffix: Partial<Record<AppExport, string>> = { claimreview: '-claimreview', 'web-annotation': '-annotations', 'csl-json': '-sources', csv: '-claims', json: '-project' };
  return `${base}${suffix[format] ?? ''}.${APP_EXPORTS[format].extension}`;
}

/**
 * The bytes of one export, from the same shared generators the command line calls (electron/export/exportProject.ts);
 * data exports follow the report's document and claim choices where the format has them.
 */
export async function exportBytes(snapshot: ProjectSnapshot, format: Exclude<AppExport, 'pdf'>, options: ReportOptions): Promise<Uint8Array> {
  const selection = { filter: options.filter, ...(options.documentIds?.length ? { documentIds: options.documentIds } : {}) };
  switch (format) {
    case 'html':
      return strToU8(reportHtml(buildReport(snapshot, options)));
    case 'md':
      return strToU8(reportMarkdown(buildReport(snapshot, options)));
    case 'docx':
      return reportDocx(buildReport(snapshot, options));
    case 'csv':
      return strToU8(claimsCsv(snapshot, selection));
    case 'json':
      return strToU8(projectJson(snapshot));
    case 'claimreview': {
      if (!safeHttpUrl(options.organisation.url)) {
        throw new ExportRefused('ClaimReview needs the web address where the fact checks are published: enter the organisation URL (http or https) above.');
      }
      if (claimReviews(snapshot, { organisation: options.organisation }).length === 0) {
        throw new ExportRefused('ClaimReview covers only claims marked checked or published that have a verdict, and there are none yet.');
      }
      return strToU8(claimReviewsJson(snapshot, { organisation: options.organisation }));
    }
    case 'web-annotation':
      return strToU8(webAnnotationCollection(snapshot, selection.documentIds ? { documentIds: selection.documentIds } : {}));
    case 'qdpx':
      return exportQdpx(snapshot, { projectName: options.title });
    case 'csl-json':
      return strToU8(JSON.stringify(exportCslJson(snapshot.sources), null, 2) + '\n');
  }
}
