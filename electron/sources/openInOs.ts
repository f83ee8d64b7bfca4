import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { diskFileName } from '../../shared/fileNames.js';
import { checkOpenable } from '../../shared/openableFiles.js';
import { writeFileAtomic } from '../files/writeFileAtomic.js';
import type { FileVault } from '../vault/fileVault.js';
import { HandlerError } from '../handlers/handlerError.js';

/** Copies a vault file to `<userData>/opened-files/<hash>/<name>`, never executable; returns its path. */
async function copyOut(vault: FileVault, userDataPath: string, hash: string, bytes: Uint8Array, name: string): Promise<string> {
  const folder = path.join(userDataPath, 'opened-files', hash);
  await mkdir(folder, { recursive: true });
  const target = path.join(folder, diskFileName(name));
  // diskFileName never yields a separator or a leading dot; this holds the line anyway.
  if (path.dirname(target) !== folder) throw new HandlerError('invalid-request', 'That file name cannot be used.');
  await writeFileAtomic(target, bytes);
  return target;
}

async function vaultBytes(vault: FileVault, hash: string): Promise<Uint8Array> {
  const bytes = await vault.get(hash);
  if (!bytes) throw new HandlerError('not-found', 'That file is not in the vault any more, so it cannot be opened.');
  return bytes;
}

/**
 * Opens a vault file in its OS application, only when it is a document type Claimdesk knows, checked by content as
 * well as name (shared/openableFiles.ts): anything else would be run as a program by the OS. The copy gets the
 * cleaned name (no bidi overrides) so the OS sees the real extension; HTML is opened as text.
 */
export async function openVaultFileInOs(
  vault: FileVault,
  userDataPath: string,
  hash: string,
  fileName: string,
  open: (filePath: string) => Promise<void>,
): Promise<string> {
  const bytes = await vaultBytes(vault, hash);
  const check = checkOpenable(path.basename(fileName), bytes);
  if (!check.ok) throw new HandlerError('unsupported', check.reason);
  const target = await copyOut(vault, userDataPath, hash, bytes, check.openAs);
  await open(target);
  return target;
}

/**
 * Shows a vault file in the OS file manager without opening it, whatever its type: the copy carries the cleaned
 * name with its real extension, and is written without execute permission.
 */
export async function showVaultFileInFolder(
  vault: FileVault,
  userDataPath: string,
  hash: string,
  fileName: string,
  show: (filePath: string) => Promise<void>,
): Promise<string> {
  const bytes = await vaultBytes(vault, hash);
  const target = await copyOut(vault, userDataPath, hash, bytes, path.basename(fileName));
  await show(target);
  return target;
}
