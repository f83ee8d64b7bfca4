import type { IpcMain, WebFrameMain } from 'electron';
import { contract, events, type EventName, type EventPayload, type MethodName } from '../../shared/contract.js';
import type { HandlerContext, Handlers } from '../handlers/createHandlers.js';
import { dispatch } from '../transport/dispatch.js';

/**
 * Binds every contract channel to ipcMain: the only file that touches ipcMain. Requests from any frame other
 * than our own app page are refused before validation.
 */
export function registerIpc(ipcMain: IpcMain, handlers: Handlers, isTrustedFrame: (frame: WebFrameMain | null) => boolean): () => void {
  const methods = Object.keys(contract) as MethodName[];
  for (const method of methods) {
    ipcMain.handle(contract[method].channel, async (event, payload: unknown) => {
      if (!isTrustedFrame(event.senderFrame)) {
        return { ok: false, error: { code: 'invalid-request', message: 'Request from an untrusted page.' } };
      }
      const context: HandlerContext = {
        emit<E extends EventName>(name: E, data: EventPayload<E>) {
          if (!event.sender.isDestroyed()) event.sender.send(events[name].channel, data);
        },
      };
      return dispatch(handlers, method, payload, context);
    });
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(contract[method].channel);
  };
}
