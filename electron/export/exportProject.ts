import { strToU8 } from 'fflate';
import { CITATION_STYLES, type CitationStyle } from '../../shared/exports/bibliography.js';
import { claimReviewsJson } from '../../shared/exports/claimReview.js';
import { claimsCsv } from '../../shared/exports/claimsCsv.js';
import { projectJson } from '../../shared/exports/projectJson.js';
import { exportQdpx } from '../../shared/exports/refiQda.js';
import { reportDocx } from '../../shared/exports/reportDocx.js';
import { reportHtml } from '../../shared/exports/reportHtml.js';
import { reportMarkdown } from '../../shared/exports/reportMarkdown.js';
import { buildReport, REPORT_SECTIONS, safeHttpUrl, type ReportOptions } from '../../shared/exports/reportModel.js';
import { webAnnotationCollection } from '../../shared/exports/webAnnotation.js';
import type { ProjectSnapshot } from '../../shared/model.js';
import { exportCslJson } from '../../shared/sources/cslExport.js';

/** What `claimdesk export --format` accepts: the app's formats except PDF, which needs the app's print engine. */
export const EXPORT_FORMATS = ['html', 'md', 'docx', 'csv', 'json', 'claimreview', 'web-annotation', 'qdpx', 'csl-json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const isExportFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value);
export const isCitationStyle = (value: string): value is CitationStyle => (CITATION_STYLES as readonly string[]).includes(value);

/** A request the export cannot honour; `message` is for the user as it is. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
}

/** The report's settings; everything but the organisation has a default. */
export interface ExportSettings extends Partial<Omit<ReportOptions, 'organisation'>> {
  organisation: { name: string; url?: string };
}

/**
 * One export of a project, through the shared generators the app's Reports section uses (renderer/features/reports/
 * exportFormats.ts makes the same calls in the window); the command line writes the bytes it returns.
 */
export async function exportProject(snapshot: ProjectSnapshot, format: ExportFormat, settings: ExportSettings): Promise<Uint8Array> {
  const options: ReportOptions = {
    title: settings.title ?? 'Fact-check report',
    filter: settings.filter ?? {},
    sections: settings.sections ?? [...REPORT_SECTIONS],
    citationStyle: settings.citationStyle ?? 'apa',
    organisation: settings.organisation,
    ...(settings.documentIds ? { documentIds: settings.documentIds } : {}),
    ...(settings.generatedAt ? { generatedAt: settings.generatedAt } : {}),
  };
  switch (format) {
    case 'html':
      return strToU8(reportHtml(buildReport(snapshot, options)));
    case 'md':
      return strToU8(reportMarkdown(buildReport(snapshot, options)));
    case 'docx':
      return reportDocx(buildReport(snapshot, options));
    case 'csv':
      return strToU8(claimsCsv(snapshot, { filter: options.filter, ...(options.documentIds ? { documentIds: options.documentIds } : {}) }));
    case 'json':
      return strToU8(projectJson(snapshot, options.generatedAt ? { exportedAt: options.generatedAt } : {}));
    case 'claimreview':
      if (!safeHttpUrl(options.organisation.url)) {
        throw new ExportError('ClaimReview needs the web address where the fact checks are published: set the organisation URL (http or https).');
      }
      return strToU8(claimReviewsJson(snapshot, { organisation: options.organisation }));
    case 'web-annotation':
      return strToU8(webAnnotationCollection(snapshot, options.documentIds ? { documentIds: options.documentIds } : {}));
    case 'qdpx':
      return exportQdpx(snapshot, { projectName: options.title, ...(options.generatedAt ? { exportedAt: options.generatedAt } : {}) });
    case 'csl-json':
      return strToU8(JSON.stringify(exportCslJson(snapshot.sources), null, 2) + '\n');
  }
}
