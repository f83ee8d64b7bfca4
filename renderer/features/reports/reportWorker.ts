import { reportHtml } from '../../../shared/exports/reportHtml.js';
import { buildReport, type ReportModel, type ReportOptions } from '../../../shared/exports/reportModel.js';
import type { ProjectSnapshot } from '../../../shared/model.js';
import { exportBytes, ExportRefused, type AppExport } from './exportFormats.js';
import type { ExportRefusal } from '../../../shared/exports/exportData.js';

/** What the window asks the report worker for. */
export type ReportJob =
  | { id: number; kind: 'model'; snapshot: ProjectSnapshot; options: ReportOptions }
  | { id: number; kind: 'html'; snapshot: ProjectSnapshot; options: ReportOptions }
  | { id: number; kind: 'export'; snapshot: ProjectSnapshot; options: ReportOptions; format: Exclude<AppExport, 'pdf'> };

export type ReportJobResult =
  | { id: number; ok: true; model?: ReportModel; html?: string; bytes?: Uint8Array }
  | { id: number; ok: false; message: string; refused: boolean; reason?: ExportRefusal };

// The citation library formats the first bibliography slowly (seconds), so reports are built here, off the window's
// thread: the builder stays responsive while the preview and exports are made.
const post = (result: ReportJobResult, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(result, transfer);

self.addEventListener('message', (event: MessageEvent<ReportJob>) => {
  const job = event.data;
  void (async () => {
    try {
      if (job.kind === 'model') return post({ id: job.id, ok: true, model: buildReport(job.snapshot, job.options) });
      if (job.kind === 'html') return post({ id: job.id, ok: true, html: reportHtml(buildReport(job.snapshot, job.options)) });
      const bytes = await exportBytes(job.snapshot, job.format, job.options);
      post({ id: job.id, ok: true, bytes }, [bytes.buffer as ArrayBuffer]);
    } catch (error) {
      post({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error), refused: error instanceof ExportRefused, ...(error instanceof ExportRefused ? { reason: error.reason } : {}) });
    }
  })();
});
