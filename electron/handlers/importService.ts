import type { ParsedImport } from '../../shared/import/parsedDocument.js';
import { ImportError } from '../import/importError.js';
import { cancelImport, runImportInWorker } from '../import/runImportInWorker.js';
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
  };
}
