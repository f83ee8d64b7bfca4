import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { sha256Hex } from '../../shared/contract.js';
import { writeFileAtomic } from '../files/writeFileAtomic.js';

/**
 * Content-addressed file storage under the user-data folder: bytes are stored once under their SHA-256 and read
 * back by hash. A hash is the only name the vault accepts, so no request can reach a path outside its folder.
 */
export class FileVault {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Stores bytes; writing the same bytes twice keeps one copy. */
  async put(bytes: Uint8Array): Promise<{ hash: string; size: number; existed: boolean }> {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathFor(hash);
    if (await this.exists(target)) return { hash, size: bytes.byteLength, existed: true };
    await mkdir(path.dirname(target), { recursive: true });
    // Atomic, so a crash never leaves a half-written file under a valid hash.
    await writeFileAtomic(target, bytes);
    return { hash, size: bytes.byteLength, existed: false };
  }

  /** The stored bytes, or undefined when the vault has no such file. */
  async get(hash: string): Promise<Uint8Array | undefined> {
    const target = this.pathFor(hash);
    try {
      const data = await readFile(target);
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async has(hash: string): Promise<{ exists: boolean; size?: number }> {
    try {
      const info = await stat(this.pathFor(hash));
      return { exists: true, size: info.size };
    } catch {
      return { exists: false };
    }
  }

  /** Where a hash lives: two-level fan-out keeps folders small. Throws for anything that is not a SHA-256. */
  pathFor(hash: string): string {
    if (!sha256Hex.safeParse(hash).success) throw new Error('Not a SHA-256 hash.');
    const target = path.join(this.root, hash.slice(0, 2), hash);
    // Belt and braces: the regex already rules out separators and dots.
    if (!target.startsWith(this.root + path.sep)) throw new Error('Path escapes the vault.');
    return target;
  }

  private async exists(target: string): Promise<boolean> {
    try {
      await stat(target);
      return true;
    } catch {
      return false;
    }
  }
}
