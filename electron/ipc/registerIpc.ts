import type { IpcMain, WebFrameMain } from 'electron';
import { contract, events, type ErrorCode, type EventName, type EventPayload, type MethodName } from '../../shared/contract.js';
import type { HandlerContext, Handlers } from '../handlers/createHandlers.js';
import { dispatch } from '../transport/dispatch.js';

/**
 * Binds every contract channel to ipcMain: the only file that touches ipcMain. Requests from any frame other
 * than our own app page are refused before validation.
 */
/** Told of every answered request: the channel and its outcome (an error code), never the payload. */
export type IpcObserver = (channel: string, outcome: 'ok' | ErrorCode) => void;

export function registerIpc(
  ipcMain: IpcMain,
  handlers: Handlers,
  isTrustedFrame: (frame: WebFrameMain | null) => boolean,
  observe?: IpcObserver,
): () => void {
  const methods = Object.keys(contract) as MethodName[];
  for (const method of methods) {
    ipcMain.handle(contract[method].channel, async (event, payload: unknown) => {
      if (!isTrustedFrame(event.senderFrame)) {
        observe?.(contract[method].channel, 'invalid-request');
        return { ok: false, error: { code: 'invalid-request', message: 'Request from an untrusted page.' } };
      }
      const context: HandlerContext = {
        emit<E extends EventName>(name: E, data: EventPayload<E>) {
          if (!event.sender.isDestroyed()) event.sender.send(events[name].channel, data);
        },
      };
      const result = await dispatch(handlers, method, payload, context);
      observe?.(contract[method].channel, result.ok ? 'ok' : result.error.code);
      return result;
    });
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(contract[method].channel);
  };
}
