import { unzipSync, type UnzipFileInfo } from 'fflate';
import { ArchiveError } from './zipReader.js';

export { ArchiveError };

/** Limits for archives that come from outside: a crafted zip must not fill memory or the disk. */
export interface UnzipLimits {
  maxEntries: number;
  /** Largest uncompressed size of any one entry, in bytes. */
  maxEntryBytes: number;
  /** Largest uncompressed size of all entries together, in bytes. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of an entry bigger than 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = {
  maxEntries: 200_000,
  maxEntryBytes: 2 * 1024 ** 3,
  maxTotalBytes: 8 * 1024 ** 3,
  maxRatio: 1000,
};


/**
 * Unzips after checking the central directory's declared sizes against the limits, then checks the sizes that
 * actually came out, since a crafted archive can declare small sizes and inflate to large ones.
 */
export function safeUnzip(bytes: Uint8Array, limits: Partial<UnzipLimits> = {}): Record<string, Uint8Array> {
  const l = { ...DEFAULT_UNZIP_LIMITS, ...limits };
  let entries = 0;
  let declared = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        entries += 1;
        declared += file.originalSize;
        if (entries > l.maxEntries) throw new ArchiveError(`The archive holds more than ${l.maxEntries} files.`);
        if (file.originalSize > l.maxEntryBytes) throw new ArchiveError(`"${file.name}" is too large to unpack (${file.originalSize} bytes).`);
        if (declared > l.maxTotalBytes) throw new ArchiveError('The archive unpacks to more than the allowed total size.');
        if (file.originalSize > 1024 ** 2 && file.size > 0 && file.originalSize / file.size > l.maxRatio) {
          throw new ArchiveError(`"${file.name}" is compressed suspiciously well; refusing to unpack it (possible zip bomb).`);
        }
        if (file.name.split('/').some((part) => part === '..') || file.name.startsWith('/')) {
          throw new ArchiveError(`"${file.name}" points outside the archive.`);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`This file is not a readable zip archive (${error instanceof Error ? error.message : String(error)}).`);
  }
  let total = 0;
  for (const [name, data] of Object.entries(files)) {
    total += data.length;
    if (data.length > l.maxEntryBytes || total > l.maxTotalBytes) throw new ArchiveError(`"${name}" unpacks to more than declared.`);
  }
  return files;
}
