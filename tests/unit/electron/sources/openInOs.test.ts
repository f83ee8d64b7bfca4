import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVaultFileInOs } from '../../../../electron/sources/openInOs.js';
import { FileVault } from '../../../../electron/vault/fileVault.js';

describe('opening a vault file in the OS application', () => {
  it('writes the file under user data with its own name and hands that path to the opener', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'open-'));
    const vault = new FileVault(path.join(dir, 'vault'));
    const { hash } = await vault.put(new TextEncoder().encode('a,b\n1,2\n'));
    const opened: string[] = [];
    const target = await openVaultFileInOs(vault, dir, hash, '../../evil/nato.csv', async (p) => void opened.push(p));
    expect(opened).toEqual([target]);
    expect(target).toBe(path.join(dir, 'opened-files', hash, 'nato.csv'));
    expect(readFileSync(target, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('says so when the file is not in the vault, and opens nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'open-'));
    const opened: string[] = [];
    await expect(openVaultFileInOs(new FileVault(path.join(dir, 'vault')), dir, 'c'.repeat(64), 'a.pdf', async (p) => void opened.push(p))).rejects.toThrow(/not in the vault/);
    expect(opened).toEqual([]);
  });
});
