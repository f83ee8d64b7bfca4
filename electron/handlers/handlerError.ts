import type { ErrorCode } from '../../shared/contract.js';

/** Thrown by a handler to answer with a typed error; `message` is shown to the user as it is. */
export class HandlerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}
