import { Worker } from 'node:worker_threads';
import type { ParsedImport } from '../../shared/import/parsedDocument.js';
import { ImportError } from './importError.js';
import type { WorkerMessage, WorkerRequest } from './importWorker.js';
import type { Table } from '../sources/readTable.js';
import { MAX_TABLE_BYTES } from '../sources/tableLimits.js';
import { checkSize, type ProgressCallback } from './parseFile.js';

/** Limits for one import worker. */
export interface WorkerLimits {
  /** The worker is stopped after this long; default 60 s. */
  timeoutMs?: number;
  /** V8 old-generation heap cap for the worker; default 512 MB. */
  maxOldGenerationSizeMb?: number;
  maxYoungGenerationSizeMb?: number;
}

/** Options for one import run in a worker. */
export interface WorkerImportOptions {
  /** Lets the caller stop this parse with cancelImport(jobId). */
  jobId?: string;
  onProgress?: ProgressCallback;
  limits?: WorkerLimits;
}

export const DEFAULT_IMPORT_TIMEOUT_MS = 60_000;
export const DEFAULT_IMPORT_HEAP_MB = 512;

const running = new Map<string, () => void>();

/**
 * Parses one untrusted file in a fresh worker thread with a heap cap and a time limit. Whatever happens in the
 * worker (a throw, running out of memory, looping, being cancelled) comes back as an ImportError, never as a crash
 * of the caller. `workerScript` is the bundled worker, dist/electron/importWorker.mjs.
 */
export function runImportInWorker(workerScript: string, fileName: string, bytes: Uint8Array, options: WorkerImportOptions = {}): Promise<ParsedImport> {
  // Refuse the obvious before paying for a thread.
  try {
    checkSize(fileName, bytes.byteLength);
  } catch (error) {
    return Promise.reject(error as Error);
  }
  return runInWorker<ParsedImport>(workerScript, { fileName, bytes }, options);
}

/**
 * Reads a CSV or XLSX for the table viewer in the import worker, with the same memory and time limits as an
 * import: a workbook is a zip of XML from outside, and exceljs must not run in the main process on it.
 */
export function readTableInWorker(workerScript: string, fileName: string, bytes: Uint8Array, options: Omit<WorkerImportOptions, 'onProgress'> = {}): Promise<Table> {
  if (bytes.byteLength > MAX_TABLE_BYTES) {
    return Promise.reject(new ImportError(`${fileName} is larger than 50 MB, too large to open as a table.`, 'too-large'));
  }
  return runInWorker<Table>(workerScript, { fileName, bytes, task: 'read-table' }, options);
}

function runInWorker<T extends ParsedImport | Table>(workerScript: string, request: WorkerRequest, options: WorkerImportOptions): Promise<T> {
  const { fileName } = request;
  const limits = options.limits ?? {};
  const timeoutMs = limits.timeoutMs ?? DEFAULT_IMPORT_TIMEOUT_MS;
  const { jobId } = options;
  if (jobId !== undefined && running.has(jobId)) {
    return Promise.reject(new ImportError(`An import with the id ${jobId} is already running.`, 'parse-failed'));
  }

  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let worker: Worker;
    try {
      worker = new Worker(workerScript, {
        workerData: request,
        resourceLimits: {
          maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb ?? DEFAULT_IMPORT_HEAP_MB,
          maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb ?? 64,
          stackSizeMb: 4,
        },
      });
    } catch {
      reject(new ImportError('The import worker could not be started.', 'parse-failed'));
      return;
    }

    const finish = (outcome: { value: T } | { error: ImportError }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (jobId !== undefined) running.delete(jobId);
      void worker.terminate();
      if ('value' in outcome) resolve(outcome.value);
      else reject(outcome.error);
    };

    const timer = setTimeout(() => {
      finish({ error: new ImportError(`${fileName} took longer than ${timeoutMs >= 1000 ? Math.round(timeoutMs / 1000) : (timeoutMs / 1000).toFixed(1)} seconds to read, so the import was stopped.`, 'parse-failed') });
    }, timeoutMs);

    if (jobId !== undefined) {
      running.set(jobId, () => finish({ error: new ImportError(`The import of ${fileName} was cancelled.`, 'cancelled') }));
    }

    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.stage, message.fraction);
      else if (message.type === 'result') finish({ value: message.value as T });
      else if (message.type === 'error') finish({ error: new ImportError(message.message, message.code) });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      finish({
        error:
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ImportError(`${fileName} needs more memory to read than an import may use, so the import was stopped.`, 'too-large')
            : new ImportError(`${fileName} could not be imported because its reader failed unexpectedly.`, 'parse-failed'),
      });
    });
    worker.on('exit', (code) => {
      finish({ error: new ImportError(`${fileName} could not be imported because its reader stopped unexpectedly (exit code ${code}).`, 'parse-failed') });
    });
  });
}

/** Stops a running import; false when there is no such job (finished already, or never started). */
export function cancelImport(jobId: string): boolean {
  const cancel = running.get(jobId);
  if (!cancel) return false;
  cancel();
  return true;
}
