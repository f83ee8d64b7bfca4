import { CITATION_STYLES, type CitationStyle } from '../../shared/exports/bibliography.js';
import { DATA_EXPORT_FORMATS, exportData, ExportRefused, type DataExportFormat } from '../../shared/exports/exportData.js';
import { REPORT_SECTIONS, type ReportOptions } from '../../shared/exports/reportModel.js';
import type { ProjectSnapshot } from '../../shared/model.js';

/** What `claimdesk export --format` accepts: the app's formats except PDF, which needs the app's print engine. */
export const EXPORT_FORMATS = DATA_EXPORT_FORMATS;
export type ExportFormat = DataExportFormat;

export const isExportFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value);
export const isCitationStyle = (value: string): value is CitationStyle => (CITATION_STYLES as readonly string[]).includes(value);

/** A request the export cannot honour; `message` is for the user as it is. */
export { ExportRefused as ExportError };

/** The report's settings; everything but the organisation has a default. */
export interface ExportSettings extends Partial<Omit<ReportOptions, 'organisation'>> {
  organisation: { name: string; url?: string };
}

/**
 * One export of a project for the command line: the report settings' defaults, then the same shared exportData the
 * app's Reports section calls.
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
  try {
    return await exportData(snapshot, format, options);
  } catch (error) {
    if (error instanceof ExportRefused && error.reason === 'needs-organisation-url') {
      throw new ExportRefused(error.reason, 'ClaimReview needs the web address where the fact checks are published: pass --org-url with an http or https address.');
    }
    throw error;
  }
}
