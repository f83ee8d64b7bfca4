import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { describeDiskError } from './diskError.js';

/**
 * Writes a file so that a crash leaves either the old state or the whole new file: temp file, fsync, rename.
 * Whatever fails (open, write, fsync, close, rename), the temp file is removed, so a full disk is not left fuller,
 * and a disk that is full or not writable is reported as a DiskError naming the cause. The vault, the backups and
 * saved exports all rely on it.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  let handle: FileHandle | undefined;
  let created = false;
  try {
    handle = await open(temp, 'wx');
    created = true;
    await handle.writeFile(data);
    await handle.sync();
    const opened = handle;
    handle = undefined;
    await opened.close();
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    if (created) await unlink(temp).catch(() => undefined);
    throw describeDiskError(error, target);
  }
}
