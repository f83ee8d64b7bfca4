import { parentPort, workerData } from 'node:worker_threads';
import type { ParsedImport } from '../../shared/import/parsedDocument.js';
import { readTable, type Table } from '../sources/readTable.js';
import { ImportError } from './importError.js';
import { parseFile } from './parseFile.js';

/**
 * The worker entry (bundled to dist/electron/importWorker.mjs): parses one untrusted file and posts the result, so
 * a parser that loops or eats memory takes down only this thread. One file per worker keeps the limits per file.
 */

/** What runImportInWorker hands the worker: a file to import, or (`read-table`) a CSV/XLSX to read as a table. */
export interface WorkerRequest {
  fileName: string;
  bytes: Uint8Array;
  task?: 'parse' | 'read-table';
}

/** What the worker posts back. */
export type WorkerMessage =
  | { type: 'progress'; stage: 'reading' | 'parsing' | 'structuring' | 'done'; fraction: number }
  | { type: 'result'; value: ParsedImport | Table }
  | { type: 'error'; code: ImportError['code']; message: string };

const port = parentPort;
if (port) {
  // The thread ends when the parent says so (it starts and stops workers in turns; see runImportInWorker).
  port.on('message', (message: unknown) => {
    if (message === 'close') port.close();
  });
  const { fileName, bytes, task } = workerData as WorkerRequest;
  const post = (message: WorkerMessage): void => port.postMessage(message);
  // Spreadsheets are zips of XML from outside, as Word files are: read here, under the same limits, never in main.
  const work: Promise<ParsedImport | Table> =
    task === 'read-table' ? readTable(bytes, fileName) : parseFile(fileName, bytes, (stage, fraction) => post({ type: 'progress', stage, fraction }));
  work
    .then((value) => post({ type: 'result', value }))
    .catch((error: unknown) => {
      const failure =
        error instanceof ImportError
          ? error
          : new ImportError(`${fileName} could not be imported because its reader failed unexpectedly.`, 'parse-failed');
      post({ type: 'error', code: failure.code, message: failure.message });
    });
}
