import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileVault } from '../../../../electron/vault/fileVault.js';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('FileVault', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'vault-'));
  const vault = new FileVault(path.join(root, 'vault'));

  it('stores bytes under their SHA-256 and reads them back', async () => {
    const bytes = new TextEncoder().encode('only five out of 28 members met this target');
    const entry = await vault.put(bytes);
    expect(entry.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(entry.existed).toBe(false);
    expect(new TextDecoder().decode(await vault.get(entry.hash))).toBe('only five out of 28 members met this target');
    expect(await vault.has(entry.hash)).toEqual({ exists: true, size: bytes.byteLength });
  });

  it('keeps one copy of the same bytes', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const first = await vault.put(bytes);
    const second = await vault.put(bytes);
    expect(second).toEqual({ ...first, existed: true });
  });

  it('answers undefined for a hash it does not hold', async () => {
    expect(await vault.get('0'.repeat(64))).toBeUndefined();
    expect(await vault.has('0'.repeat(64))).toEqual({ exists: false });
  });

  it('refuses anything that is not a hash, including path traversal', async () => {
    for (const bad of ['../../etc/passwd', '..', '', 'a'.repeat(63), `${'a'.repeat(62)}/.`, 'A'.repeat(64), `../${'a'.repeat(61)}`]) {
      await expect(vault.get(bad), bad).rejects.toThrow('Not a SHA-256 hash.');
      expect(() => vault.pathFor(bad)).toThrow();
    }
  });

  it('never writes outside its folder, and leaves no temp files', async () => {
    await vault.put(new Uint8Array(1024).fill(7));
    const files = listFiles(root);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(file.startsWith(path.join(root, 'vault') + path.sep)).toBe(true);
      expect(file.endsWith('.tmp')).toBe(false);
      expect(path.basename(file)).toMatch(/^[0-9a-f]{64}$/);
      expect(statSync(file).isFile()).toBe(true);
    }
  });
});
