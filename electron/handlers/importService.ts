import type { ParsedImport } from '../../shared/import/parsedDocument.js';
import { HandlerError } from './handlerError.js';

type Stage = 'reading' | 'parsing' | 'structuring' | 'done';

/** Parses untrusted files in a worker with memory and time limits; wired to electron/import once it lands. */
export function createImportService(workerPath: string) {
  void workerPath;
  return {
    async parse(_fileName: string, _bytes: Uint8Array, _jobId: string | undefined, _onProgress: (stage: Stage, fraction: number) => void): Promise<ParsedImport> {
      throw new HandlerError('unavailable', 'Importing is not available yet.');
    },
    cancel(_jobId: string): boolean {
      return false;
    },
  };
}
