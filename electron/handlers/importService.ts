import type { ParsedImport } from '../../shared/import/parsedDocument.js';
import { ImportError } from '../import/importError.js';
import { cancelImport, readTableInWorker, runImportInWorker } from '../import/runImportInWorker.js';
import type { Table } from '../sources/readTable.js';
import { HandlerError } from './handlerError.js';

type Stage = 'reading' | 'parsing' | 'structuring' | 'done';

/**
 * Parses untrusted files in a worker with memory and time limits (electron/import/runImportInWorker.ts), turning
 * import failures into the contract's typed errors.
 */
export function createImportService(workerPath: string) {
  return {
    async parse(fileName: string, bytes: Uint8Array, jobId: string | undefined, onProgress: (stage: Stage, fraction: number) => void): Promise<ParsedImport> {
      try {
        return await runImportInWorker(workerPath, fileName, bytes, { ...(jobId ? { jobId } : {}), onProgress });
      } catch (error) {
        if (error instanceof ImportError) throw new HandlerError(error.code, error.message);
        throw error;
      }
    },
    cancel(jobId: string): boolean {
      return cancelImport(jobId);
    },
    /** A CSV or XLSX for the table viewer, read in the import worker under the same limits. */
    async readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
      try {
        return await readTableInWorker(workerPath, fileName, bytes);
      } catch (error) {
        if (error instanceof ImportError) throw new HandlerError(error.code, error.message);
        throw error;
      }
    },
  };
}
