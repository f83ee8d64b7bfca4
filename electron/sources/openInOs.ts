import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileVault } from '../vault/fileVault.js';
import { HandlerError } from '../handlers/handlerError.js';

/**
 * Copies a vault file to `<userData>/opened-files/<hash>/<name>` so the OS application sees its real name and
 * extension, then hands that path to `open` (Electron's shell.openPath, xdg-open/open, or a test log). The name is
 * reduced to its last path segment, so it can never point outside that folder.
 */
export async function openVaultFileInOs(
  vault: FileVault,
  userDataPath: string,
  hash: string,
  fileName: string,
  open: (filePath: string) => Promise<void>,
): Promise<string> {
  const bytes = await vault.get(hash);
  if (!bytes) throw new HandlerError('not-found', 'That file is not in the vault any more, so it cannot be opened.');
  const safeName = path.basename(fileName).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '') || 'file';
  const folder = path.join(userDataPath, 'opened-files', hash);
  await mkdir(folder, { recursive: true });
  const target = path.join(folder, safeName);
  await writeFile(target, bytes);
  await open(target);
  return target;
}
