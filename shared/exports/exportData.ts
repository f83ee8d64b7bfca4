import { strToU8 } from 'fflate';
import type { ProjectSnapshot } from '../model.js';
import { exportCslJson } from '../sources/cslExport.js';
import { claimReviews, claimReviewsJson } from './claimReview.js';
import { claimsCsv } from './claimsCsv.js';
import { projectJson } from './projectJson.js';
import { exportQdpx } from './refiQda.js';
import { reportDocx } from './reportDocx.js';
import { reportHtml } from './reportHtml.js';
import { reportMarkdown } from './reportMarkdown.js';
import { buildReport, safeHttpUrl, type ReportOptions } from './reportModel.js';
import { webAnnotationCollection } from './webAnnotation.js';

/** Every export made from a project snapshot alone; PDF is the HTML through a print engine, so it is not here. */
export const DATA_EXPORT_FORMATS = ['html', 'md', 'docx', 'csv', 'json', 'claimreview', 'web-annotation', 'qdpx', 'csl-json'] as const;
export type DataExportFormat = (typeof DATA_EXPORT_FORMATS)[number];

/** Why an export cannot be made from the current choices; each surface words the fix its own way. */
export type ExportRefusal = 'needs-organisation-url' | 'no-checked-claims';

export class ExportRefused extends Error {
  override readonly name = 'ExportRefused';
  constructor(
    readonly reason: ExportRefusal,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The bytes of one export, through the shared generators. The window's Reports section and the command line both
 * call this, so an export from the app and from `claimdesk export` are the same file. Data exports follow the
 * report's document and claim choices where the format has them.
 */
export async function exportData(snapshot: ProjectSnapshot, format: DataExportFormat, options: ReportOptions): Promise<Uint8Array> {
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
      return strToU8(projectJson(snapshot, options.generatedAt ? { exportedAt: options.generatedAt } : {}));
    case 'claimreview': {
      if (!safeHttpUrl(options.organisation.url)) {
        throw new ExportRefused('needs-organisation-url', 'ClaimReview needs the web address where the fact checks are published (http or https).');
      }
      if (claimReviews(snapshot, { organisation: options.organisation }).length === 0) {
        throw new ExportRefused('no-checked-claims', 'ClaimReview covers only claims marked checked or published that have a verdict, and there are none yet.');
      }
      return strToU8(claimReviewsJson(snapshot, { organisation: options.organisation }));
    }
    case 'web-annotation':
      return strToU8(webAnnotationCollection(snapshot, selection.documentIds ? { documentIds: selection.documentIds } : {}));
    case 'qdpx':
      return exportQdpx(snapshot, { projectName: options.title, ...(options.generatedAt ? { exportedAt: options.generatedAt } : {}) });
    case 'csl-json':
      return strToU8(JSON.stringify(exportCslJson(snapshot.sources), null, 2) + '\n');
  }
}
