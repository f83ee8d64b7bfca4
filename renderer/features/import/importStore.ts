import { create } from 'zustand';
import type { ParsedImport } from '../../../shared/import/parsedDocument.js';
import { newId } from '../../../shared/ids.js';
import { api, ApiFailure, request } from '../../api/api.js';
import { cleanFileName } from '../../../shared/fileNames.js';

/** One file on its way in: parsed by the main process, then reviewed and saved by the user. */
export interface ImportJob {
  id: string;
  fileName: string;
  size: number;
  status: 'queued' | 'parsing' | 'parsed' | 'failed' | 'cancelled' | 'saved' | 'skipped';
  stage?: string;
  fraction: number;
  error?: string;
  /** Set when parsed; the bytes are kept until saved so the original goes to the vault. */
  result?: ParsedImport;
  bytes?: Uint8Array;
  /** Documents saved from this file (a CSV can hold several debates). */
  savedDocuments: number;
  /** Which of result.documents the review screen shows. */
  reviewIndex: number;
}

export interface ImportState {
  open: boolean;
  jobs: ImportJob[];
  /** The debate new imports go into by default (set when importing from a debate's page). */
  targetDebateId: string | undefined;
}

export interface ImportActions {
  openImport(targetDebateId?: string): void;
  closeImport(): void;
  addFiles(files: { name: string; bytes: Uint8Array }[]): void;
  cancelJob(id: string): void;
  markReviewed(id: string, outcome: 'saved' | 'skipped'): void;
}

export function createInitialImportState(): ImportState {
  return { open: false, jobs: [], targetDebateId: undefined };
}

/** Files larger than this are refused before they are sent to the main process. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const useImportStore = create<ImportState & ImportActions>()((set, get) => {
  const update = (id: string, patch: Partial<ImportJob>) => set((s) => ({ jobs: s.jobs.map((j) => (j.id === id ? { ...j, ...patch } : j)) }));
  let running = false;

  async function pump() {
    if (running) return;
    running = true;
    try {
      for (;;) {
        const job = get().jobs.find((j) => j.status === 'queued');
        if (!job || !job.bytes) break;
        update(job.id, { status: 'parsing', stage: 'reading', fraction: 0 });
        const off = api.on('parseProgress', (p) => {
          if (p.jobId === job.id && get().jobs.find((j) => j.id === job.id)?.status === 'parsing') update(job.id, { stage: p.stage, fraction: p.fraction });
        });
        try {
          const result = await request('documentsParse', { fileName: job.fileName, bytes: job.bytes, jobId: job.id });
          if (get().jobs.find((j) => j.id === job.id)?.status === 'parsing') update(job.id, { status: 'parsed', fraction: 1, result });
        } catch (error) {
          const cancelled = error instanceof ApiFailure && error.code === 'cancelled';
          if (get().jobs.find((j) => j.id === job.id)?.status === 'parsing') {
            update(job.id, { status: cancelled ? 'cancelled' : 'failed', error: cancelled ? 'Cancelled.' : error instanceof Error ? error.message : String(error), bytes: undefined });
          }
        } finally {
          off();
        }
      }
    } finally {
      running = false;
    }
  }

  return {
    ...createInitialImportState(),
    openImport: (targetDebateId) => set({ open: true, targetDebateId }),
    closeImport: () => set((s) => ({ open: false, jobs: s.jobs.filter((j) => j.status === 'parsing' || j.status === 'queued') })),
    addFiles(files) {
      const jobs: ImportJob[] = files.map((f) => {
        const base = { id: newId('job_'), fileName: f.name, size: f.bytes.byteLength, fraction: 0, savedDocuments: 0, reviewIndex: 0 };
        if (f.bytes.byteLength > MAX_IMPORT_BYTES) {
          return { ...base, status: 'failed', error: `“${f.name}” is larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB import limit.` };
        }
        return { ...base, status: 'queued', bytes: f.bytes };
      });
      set((s) => ({ open: true, jobs: [...s.jobs, ...jobs] }));
      void pump();
    },
    cancelJob(id) {
      const job = get().jobs.find((j) => j.id === id);
      if (!job) return;
      if (job.status === 'parsing') void request('documentsCancelParse', { jobId: id }).catch(() => undefined);
      if (job.status === 'parsing' || job.status === 'queued') update(id, { status: 'cancelled', error: 'Cancelled.', bytes: undefined });
    },
    markReviewed(id, outcome) {
      const job = get().jobs.find((j) => j.id === id);
      if (!job?.result) return;
      const next = job.reviewIndex + 1;
      const saved = job.savedDocuments + (outcome === 'saved' ? 1 : 0);
      if (next < job.result.documents.length) update(id, { reviewIndex: next, savedDocuments: saved });
      else update(id, { status: saved > 0 ? 'saved' : 'skipped', savedDocuments: saved, bytes: undefined, reviewIndex: next });
    },
  };
});

/** Reads File objects (from a drop or a file input) into name + bytes; names lose hidden format characters. */
export async function readFiles(files: FileList | File[]): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all([...files].map(async (file) => ({ name: cleanFileName(file.name) || 'file', bytes: new Uint8Array(await file.arrayBuffer()) })));
}
