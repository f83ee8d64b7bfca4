import { request } from '../../api/api.js';
import type { ProjectMirror } from '../../../shared/sync/projectMirror.js';
import type { SyncRole } from '../../../shared/sync/serverApi.js';
import { downloadFile, missingFiles, uploadFile } from './serverClient.js';

/**
 * Vault files travel beside the records, content-addressed: the server is asked which hashes it lacks and only those
 * are sent (so a file is never sent twice), and a file that arrives is hashed again before it enters the vault.
 */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Every file the project's records point at. */
export function projectFileHashes(mirror: ProjectMirror): string[] {
  const hashes = new Set<string>();
  for (const doc of mirror.all('documents')) if (typeof doc.fileHash === 'string') hashes.add(doc.fileHash);
  for (const source of mirror.all('sources')) {
    for (const a of (source.attachments as Array<{ hash?: unknown }> | undefined) ?? []) if (typeof a.hash === 'string') hashes.add(a.hash);
  }
  return [...hashes].filter((h) => /^[0-9a-f]{64}$/.test(h));
}

export class FileTransfer {
  /** Hashes settled in this session (here, and on the server when we may write). */
  private done = new Set<string>();
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly serverUrl: string,
    private readonly token: string,
    private readonly role: SyncRole,
    private readonly mirror: ProjectMirror,
    private readonly onProblem: (message: string) => void,
  ) {}

  /** Brings the vault and the server level; runs once at a time, and once more if asked while running. */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run()
      .catch((error: unknown) => this.onProblem(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          void this.sync();
        }
      });
    return this.running;
  }

  private async run(): Promise<void> {
    const hashes = projectFileHashes(this.mirror).filter((h) => !this.done.has(h));
    if (hashes.length === 0) return;
    const serverLacks = new Set(this.role === 'viewer' ? [] : await missingFiles(this.serverUrl, this.token, hashes));
    for (const hash of hashes) {
      const here = await request('vaultHas', { hash });
      if (here.exists && serverLacks.has(hash)) {
        const { bytes } = await request('vaultGet', { hash });
        await uploadFile(this.serverUrl, this.token, hash, bytes);
        this.done.add(hash);
      } else if (!here.exists) {
        const bytes = await downloadFile(this.serverUrl, this.token, hash);
        if (!bytes) continue; // the teammate who has it has not sent it yet; asked again on the next change
        if ((await sha256Hex(bytes)) !== hash) throw new Error('A file from the server arrived damaged and was not kept; it will be fetched again.');
        await request('vaultPut', { bytes });
        this.done.add(hash);
      } else {
        this.done.add(hash);
      }
    }
  }
}
