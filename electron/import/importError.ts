import type { ErrorCode } from '../../shared/contract.js';

/** Why an import failed, as the contract's error codes name it. */
export type ImportErrorCode = Extract<ErrorCode, 'too-large' | 'unsupported' | 'parse-failed' | 'cancelled'>;

/**
 * A failed import: `message` is one sentence the user reads as it is (no stack trace, no library jargon), so
 * every importer throws this rather than letting a library's error escape.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly code: ImportErrorCode;

  constructor(message: string, code: ImportErrorCode = 'parse-failed', options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isImportError(value: unknown): value is ImportError {
  return value instanceof ImportError;
}
