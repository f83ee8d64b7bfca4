import { stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpenedFile } from '../../shared/contract.js';
import { cleanFileName } from '../../shared/fileNames.js';
import { kindOfFile, type OpenedKind } from './fileArguments.js';

/** Limits on what the OS may hand us: the import dialog's own limit for documents, a generous one for projects. */
export const MAX_OPENED_BYTES: Record<OpenedKind, number> = {
  document: 50 * 1024 * 1024,
  project: 1024 * 1024 * 1024,
};

/** Why a file the OS handed us was not opened: one sentence for the user, naming the file but never its contents. */
export interface OpenFailure {
  name: string;
  message: string;
}

/**
 * Files the OS asked us to open, held until the window takes them. The window may not exist yet (a double-click
 * starts the app) or still be loading, so it pulls them (files:take-opened) when it is ready and whenever it is told
 * more arrived. The main process reads the files itself: the window never names a path.
 */
export class OpenedFileQueue {
  private pending: OpenedFile[] = [];
  private failures: OpenFailure[] = [];

  constructor(private readonly read: (filePath: string) => Promise<Uint8Array> = async (p) => new Uint8Array(await readFile(p))) {}

  /** Reads the file now (so a file deleted before the window asks is reported at once) and queues it. */
  async add(filePath: string, kind: OpenedKind | undefined = kindOfFile(filePath)): Promise<OpenedFile | OpenFailure> {
    // The name the window sees and shows: format characters (a bidi override that disguises the extension) removed.
    const name = cleanFileName(path.basename(filePath)) || 'file';
    const failure = (message: string): OpenFailure => {
      const entry = { name, message };
      this.failures.push(entry);
      return entry;
    };
    if (!kind) return failure(`“${name}” is not a file Claimdesk opens.`);
    try {
      const info = await stat(filePath);
      if (!info.isFile()) return failure(`“${name}” is not a file.`);
      if (info.size > MAX_OPENED_BYTES[kind]) return failure(`“${name}” is too large to open (${Math.round(info.size / 1024 / 1024)} MB).`);
      const file: OpenedFile = { name, kind, bytes: await this.read(filePath) };
      this.pending.push(file);
      return file;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return failure(code === 'ENOENT' ? `“${name}” is no longer there.` : code === 'EACCES' || code === 'EPERM' ? `Claimdesk may not read “${name}”.` : `“${name}” could not be read.`);
    }
  }

  /** Everything waiting, in the order it came; the queue is empty afterwards. */
  take(): { files: OpenedFile[]; failures: OpenFailure[] } {
    const taken = { files: this.pending, failures: this.failures };
    this.pending = [];
    this.failures = [];
    return taken;
  }

  get size(): number {
    return this.pending.length + this.failures.length;
  }
}
