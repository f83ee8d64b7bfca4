import path from 'node:path';

/** The file-system failures a user can act on (free space, fix permissions, close programs), by errno code. */
const DISK_CODES = ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EMFILE', 'ENFILE', 'EIO'] as const;
type DiskCode = (typeof DISK_CODES)[number];

/** A write that failed for a reason on the user's machine; `message` names the cause in one sentence for the user. */
export class DiskError extends Error {
  override name = 'DiskError';
  constructor(
    readonly code: DiskCode,
    message: string,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

const errnoOf = (error: unknown): { code?: string; path?: string } =>
  typeof error === 'object' && error !== null ? (error as { code?: string; path?: string }) : {};

export function isDiskErrorCode(code: unknown): code is DiskCode {
  return typeof code === 'string' && (DISK_CODES as readonly string[]).includes(code);
}

/**
 * Turns a Node file-system error into a DiskError whose sentence names the cause and the folder; anything else
 * comes back unchanged. `target` is the file that was being written, when the caller knows it.
 */
export function describeDiskError(error: unknown, target?: string): unknown {
  if (error instanceof DiskError) return error;
  const { code, path: failedPath } = errnoOf(error);
  if (!isDiskErrorCode(code)) return error;
  const where = target ?? failedPath;
  const folder = where ? path.dirname(where) : 'the data folder';
  const nothingChanged = 'nothing was changed';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new DiskError(code, `The disk is full: there is no room left in ${folder}. Free some space and try again; ${nothingChanged}.`, error);
    case 'EROFS':
      return new DiskError(code, `The disk is not writable: ${folder} is on a read-only disk. ${capital(nothingChanged)}.`, error);
    case 'EACCES':
    case 'EPERM':
      return new DiskError(code, `The disk is not writable: Claimdesk has no permission to write in ${folder}. Check the folder's permissions; ${nothingChanged}.`, error);
    case 'EMFILE':
    case 'ENFILE':
      return new DiskError(code, `The disk is not writable right now: too many files are open at once. Close some programs and try again; ${nothingChanged}.`, error);
    case 'EIO':
      return new DiskError(code, `The disk could not be written: it reported an input/output error in ${folder}. Check the disk; ${nothingChanged}.`, error);
  }
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
