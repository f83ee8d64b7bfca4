import type { ReportModel, ReportOptions } from '../../../shared/exports/reportModel.js';
import type { ProjectSnapshot } from '../../../shared/model.js';
import { ExportRefused, type AppExport } from './exportFormats.js';
import type { ReportJob, ReportJobResult } from './reportWorker.js';

type Job = ReportJob extends infer J ? (J extends ReportJob ? Omit<J, 'id'> : never) : never;

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: ReportJobResult & { ok: true }) => void; reject: (e: Error) => void }>();

function reportWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./reportWorker.ts', import.meta.url), { type: 'module', name: 'reports' });
  worker.addEventListener('message', (event: MessageEvent<ReportJobResult>) => {
    const result = event.data;
    const waiting = pending.get(result.id);
    if (!waiting) return;
    pending.delete(result.id);
    if (result.ok) waiting.resolve(result);
    else waiting.reject(result.refused ? new ExportRefused(result.reason ?? 'no-checked-claims', result.message) : new Error(result.message));
  });
  return worker;
}

function run(job: Job): Promise<ReportJobResult & { ok: true }> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    reportWorker().postMessage({ ...job, id });
  });
}

/** The report's data, for the live preview. */
export async function buildReportModel(snapshot: ProjectSnapshot, options: ReportOptions): Promise<ReportModel> {
  return (await run({ kind: 'model', snapshot, options })).model!;
}

/** The report as self-contained HTML (what is exported, and what is printed to PDF). */
export async function buildReportHtml(snapshot: ProjectSnapshot, options: ReportOptions): Promise<string> {
  return (await run({ kind: 'html', snapshot, options })).html!;
}

/** The bytes of one export; an ExportRefused says what the user should change. */
export async function buildExport(snapshot: ProjectSnapshot, format: Exclude<AppExport, 'pdf'>, options: ReportOptions): Promise<Uint8Array> {
  return (await run({ kind: 'export', snapshot, format, options })).bytes!;
}
