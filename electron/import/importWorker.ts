import { parentPort, workerData } from 'node:worker_threads';
import { ImportError } from './importError.js';
import { parseFile } from './parseFile.js';

/**
 * The worker entry (bundled to dist/electron/importWorker.mjs): parses one untrusted file and posts the result, so
 * a parser that loops or eats memory takes down only this thread. One file per worker keeps the limits per file.
 */

/** What runImportInWorker hands the worker. */
export interface WorkerRequest {
  fileName: string;
  bytes: Uint8Array;
}

/** What the worker posts back. */
export type WorkerMessage =
  | { type: 'progress'; stage: 'reading' | 'parsing' | 'structuring' | 'done'; fraction: number }
  | { type: 'result'; value: import('../../shared/import/parsedDocument.js').ParsedImport }
  | { type: 'error'; code: ImportError['code']; message: string };

const port = parentPort;
if (port) {
  const { fileName, bytes } = workerData as WorkerRequest;
  const post = (message: WorkerMessage): void => port.postMessage(message);
  parseFile(fileName, bytes, (stage, fraction) => post({ type: 'progress', stage, fraction }))
    .then((value) => post({ type: 'result', value }))
    .catch((error: unknown) => {
      const failure =
        error instanceof ImportError
          ? error
          : new ImportError(`${fileName} could not be imported because its reader failed unexpectedly.`, 'parse-failed');
      post({ type: 'error', code: failure.code, message: failure.message });
    });
}
