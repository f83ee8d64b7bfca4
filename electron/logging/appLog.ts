import log from 'electron-log/main';
import os from 'node:os';
import path from 'node:path';
import { redactValue, type RedactContext } from './redact.js';

/** The log the main process writes for support: what happened, never what the analyst wrote (see redact.ts). */
export type AppLog = Pick<typeof log, 'error' | 'warn' | 'info' | 'debug'>;

export const MAX_LOG_BYTES = 1024 * 1024;

/**
 * electron-log writing to <userData>/logs/main.log (rotated to main.old.log past 1 MB), every value redacted before
 * any transport sees it. Uncaught errors of the main process are logged, without a dialog.
 */
export function setUpAppLog(userDataPath: string): { log: AppLog; file: string } {
  const file = path.join(userDataPath, 'logs', 'main.log');
  const context: RedactContext = { userDataPath, homePath: os.homedir() };
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = MAX_LOG_BYTES;
  log.transports.file.level = 'info';
  log.transports.console.level = process.env.CLAIMDESK_TEST ? false : 'warn';
  // The window does not log through electron-log (it would need a preload of electron-log's own).
  log.transports.ipc.level = false;
  log.hooks.push((message) => ({ ...message, data: message.data.map((value) => redactValue(value, context)) }));
  log.errorHandler.startCatching({ showDialog: false });
  return { log, file };
}
