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

// Starting a worker thread while another is being torn down can crash the whole process: nodejs/node#56312, a
// segfault in the new thread's isolate set-up while the old one is disposed (our browser preview died of it twice
// in test runs that imported files side by side). So threads are started and stopped in turns, each start or stop
// after the one before has finished; running workers still run side by side.
let turn: Promise<void> = Promise.resolve();

/** Runs `step` when the steps before it are done; it calls `done` when it is done itself. */
function inTurn(step: (done: () => void) => void): void {
  turn = turn.then(() => new Promise<void>((done) => step(done)));
}

// A worker that has answered is asked to close and ends on its own; one that has not within this long is terminated.
const CLOSE_GRACE_MS = 2_000;

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
    let worker: Worker | undefined;
    let exited = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Ends this worker's start turn (once it is online, has exited, or the job is over).
    let started = (): void => undefined;

    /** Stops the worker in its turn: asked to close when it has answered, terminated when it has not. */
    const stop = (gently: boolean): void => {
      inTurn((done) => {
        const current = worker;
        if (!current || exited) return done();
        const grace = gently ? setTimeout(() => void current.terminate(), CLOSE_GRACE_MS) : undefined;
        current.once('exit', () => {
          clearTimeout(grace);
          done();
        });
        if (gently) current.postMessage('close');
        else void current.terminate();
      });
    };

    const finish = (outcome: { value: T } | { error: ImportError }, answered = false): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      started();
      if (jobId !== undefined) running.delete(jobId);
      stop(answered);
      if ('value' in outcome) resolve(outcome.value);
      else reject(outcome.error);
    };

    if (jobId !== undefined) {
      running.set(jobId, () => finish({ error: new ImportError(`The import of ${fileName} was cancelled.`, 'cancelled') }));
    }

    inTurn((done) => {
      started = done;
      // Cancelled while waiting for its turn.
      if (settled) return done();
      let created: Worker;
      try {
        created = new Worker(workerScript, {
          workerData: request,
          resourceLimits: {
            maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb ?? DEFAULT_IMPORT_HEAP_MB,
            maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb ?? 64,
            stackSizeMb: 4,
          },
        });
      } catch {
        finish({ error: new ImportError('The import worker could not be started.', 'parse-failed') });
        return;
      }
      worker = created;
      timer = setTimeout(() => {
        finish({ error: new ImportError(`${fileName} took longer than ${timeoutMs >= 1000 ? Math.round(timeoutMs / 1000) : (timeoutMs / 1000).toFixed(1)} seconds to read, so the import was stopped.`, 'parse-failed') });
      }, timeoutMs);
      created.once('online', () => done());
      created.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') options.onProgress?.(message.stage, message.fraction);
        else if (message.type === 'result') finish({ value: message.value as T }, true);
        else if (message.type === 'error') finish({ error: new ImportError(message.message, message.code) }, true);
      });
      created.on('error', (error: Error & { code?: string }) => {
        finish({
          error:
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new ImportError(`${fileName} needs more memory to read than an import may use, so the import was stopped.`, 'too-large')
              : new ImportError(`${fileName} could not be imported because its reader failed unexpectedly.`, 'parse-failed'),
        });
      });
      created.on('exit', (code) => {
        exited = true;
        done();
        finish({ error: new ImportError(`${fileName} could not be imported because its reader stopped unexpectedly (exit code ${code}).`, 'parse-failed') });
      });
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
