import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Disk faults injected under the real code: `open`, a handle's `writeFile` and `sync`, and `rename` fail the way a
 * full, read-only or exhausted file system makes them fail. A failing write first writes part of the data, as a
 * full disk does, so a temp file left behind would be seen.
 */
const fault = vi.hoisted(() => ({ at: undefined as undefined | 'open' | 'write' | 'sync' | 'rename', code: 'ENOSPC' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const failure = (syscall: string) => Object.assign(new Error(`${fault.code}: injected, ${syscall}`), { code: fault.code, syscall });
  const open: typeof real.open = async (file, flags, mode) => {
    if (fault.at === 'open' && String(flags).includes('w')) throw Object.assign(failure('open'), { path: String(file) });
    const handle = await real.open(file, flags, mode);
    return new Proxy(handle, {
      get(target, key) {
        if (key === 'writeFile' && fault.at === 'write') {
          return async (data: Uint8Array | string) => {
            const bytes = typeof data === 'string' ? Buffer.from(data) : data;
            await target.writeFile(bytes.subarray(0, Math.floor(bytes.length / 2)));
            throw failure('write');
          };
        }
        if (key === 'sync' && fault.at === 'sync') return async () => Promise.reject(failure('fsync'));
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  const rename: typeof real.rename = async (from, to) => {
    if (fault.at === 'rename') throw failure('rename');
    return real.rename(from, to);
  };
  return { ...real, open, rename, default: { ...real, open, rename } };
});

const { writeFileAtomic } = await import('../../../../electron/files/writeFileAtomic.js');
const { FileVault } = await import('../../../../electron/vault/fileVault.js');
const { createHandlers } = await import('../../../../electron/handlers/createHandlers.js');
const { dispatch } = await import('../../../../electron/transport/dispatch.js');
const { writeBundle } = await import('../../../../shared/bundle/bundle.js');
const { sampleFiles, sampleSnapshot } = await import('../../../fixtures/exports/sampleSnapshot.js');

function listAll(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listAll(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'disk-faults-'));
afterEach(() => {
  fault.at = undefined;
});

describe('writeFileAtomic under disk faults', () => {
  it.each(['write', 'sync', 'rename'] as const)('a failed %s deletes its temp file and leaves the old file as it was', async (at) => {
    const dir = tmp();
    const target = path.join(dir, 'library.claimdesk');
    await writeFileAtomic(target, 'the old backup');
    fault.at = at;
    fault.code = 'ENOSPC';
    await expect(writeFileAtomic(target, new Uint8Array(778 * 1024).fill(7))).rejects.toThrow(/^The disk is full: there is no room left in .+\. Free some space and try again; nothing was changed\.$/);
    fault.at = undefined;
    expect(readdirSync(dir)).toEqual(['library.claimdesk']);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(target, 'utf8')).toBe('the old backup');
  });

  it.each([
    ['ENOSPC', /^The disk is full: /],
    ['EDQUOT', /^The disk is full: /],
    ['EROFS', /^The disk is not writable: .+ is on a read-only disk\./],
    ['EACCES', /^The disk is not writable: Claimdesk has no permission to write in /],
    ['EPERM', /^The disk is not writable: /],
    ['EMFILE', /^The disk is not writable right now: too many files are open at once\./],
    ['ENFILE', /^The disk is not writable right now: /],
  ])('%s says what happened in one sentence', async (code, sentence) => {
    const dir = tmp();
    fault.at = 'open';
    fault.code = code;
    await expect(writeFileAtomic(path.join(dir, 'x.json'), '{}')).rejects.toThrow(sentence);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the user hears the cause, not "Something went wrong"', () => {
  const context = { emit: () => undefined };
  function handlers(root: string) {
    return createHandlers({
      shell: 'preview',
      version: 'test',
      userDataPath: root,
      vault: new FileVault(path.join(root, 'vault')),
      openExternal: async () => undefined,
      parseDocument: async () => {
        throw new Error('not used');
      },
      cancelParse: () => false,
      sampleDir: root,
    });
  }

  it.each([
    ['ENOSPC', 'write', /^The disk is full: /],
    ['EROFS', 'open', /^The disk is not writable: /],
    ['EACCES', 'open', /^The disk is not writable: /],
    ['EMFILE', 'open', /^The disk is not writable right now: /],
  ] as const)('vault:put with %s at %s', async (code, at, sentence) => {
    const root = tmp();
    const h = handlers(root);
    // The shard folder exists already, so only the file write meets the fault.
    await h.vaultPut({ bytes: new Uint8Array([1]) }, context);
    fault.at = at;
    fault.code = code;
    const result = await dispatch(h, 'vaultPut', { bytes: new Uint8Array(300_000).fill(1) }, context, () => undefined);
    fault.at = undefined;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(sentence);
    expect(result.error.message).not.toMatch(/went wrong/);
    expect(listAll(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('backups:write on a full disk leaves no temp file and no half backup', async () => {
    const root = tmp();
    const h = handlers(root);
    const bytes = writeBundle(sampleSnapshot(), sampleFiles());
    await dispatch(h, 'backupsWrite', { bytes, reason: 'manual' }, context);
    const before = listAll(root).sort();
    fault.at = 'write';
    fault.code = 'ENOSPC';
    const result = await dispatch(h, 'backupsWrite', { bytes, reason: 'manual' }, context, () => undefined);
    fault.at = undefined;
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^The disk is full: /) } });
    expect(listAll(root).sort()).toEqual(before);
  });
});
