import { contract, type MethodName, type Result } from '../../shared/contract.js';
import { DiskError, describeDiskError } from '../files/diskError.js';
import { HandlerError } from '../handlers/handlerError.js';
import type { HandlerContext, Handlers } from '../handlers/createHandlers.js';

/**
 * The one entry point both transports call: the payload is untrusted, so it is validated against the channel's
 * schema before any handler sees it, and every failure becomes a typed error result, never a stack trace.
 */
export async function dispatch(
  handlers: Handlers,
  method: MethodName,
  payload: unknown,
  context: HandlerContext,
  log: (message: string, error?: unknown) => void = console.error,
): Promise<Result<unknown>> {
  const parsed = contract[method].request.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    return {
      ok: false,
      error: { code: 'invalid-request', message: `Malformed request for ${contract[method].channel}${where}: ${issue?.message ?? 'invalid'}.` },
    };
  }
  try {
    // The schema and the handler are paired by method name, so this call is type-correct at run time.
    const handler = handlers[method] as (request: unknown, context: HandlerContext) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data, context) };
  } catch (error) {
    if (error instanceof HandlerError) return { ok: false, error: { code: error.code, message: error.message } };
    // A full or read-only disk is the user's to fix: name the cause instead of "Something went wrong".
    const disk = describeDiskError(error);
    if (disk instanceof DiskError) return { ok: false, error: { code: 'unavailable', message: disk.message } };
    const coded = error as { code?: unknown; message?: unknown; userMessage?: unknown };
    // Import errors carry a user-facing message and one of the contract's codes.
    if (typeof coded.userMessage === 'string' || (error instanceof Error && error.name === 'ImportError')) {
      const code = typeof coded.code === 'string' && ['too-large', 'unsupported', 'parse-failed', 'cancelled'].includes(coded.code) ? coded.code : 'parse-failed';
      const message = typeof coded.userMessage === 'string' ? coded.userMessage : String(coded.message);
      return { ok: false, error: { code: code as 'parse-failed', message } };
    }
    log(`Handler for ${contract[method].channel} failed`, error);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong in Claimdesk; the details are in the log. Nothing was changed.' } };
  }
}
