import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations.
import { CONFIG_KEYS, EXPECTED_FUSES } from '../../../build/scripts/electronFuses.mjs';

const fuses = EXPECTED_FUSES as Record<string, '0' | '1'>;
const keys = CONFIG_KEYS as Record<string, string>;

/** The `electronFuses:` block of electron-builder.yml, as key → boolean. */
function configuredFuses(): Record<string, boolean> {
  const yml = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');
  const block = /^electronFuses:\n((?:[ \t]+.*\n|[ \t]*#.*\n)+)/m.exec(yml)?.[1] ?? '';
  return Object.fromEntries([...block.matchAll(/^\s+([A-Za-z]+):\s*(true|false)\s*$/gm)].map((m) => [m[1]!, m[2] === 'true']));
}

describe('Electron fuses', () => {
  it('turns off GrantFileProtocolExtraPrivileges, and dist:check reads it back from the binary', () => {
    expect(fuses.GrantFileProtocolExtraPrivileges).toBe('0');
    expect(configuredFuses().grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('configures every fuse dist:check expects, the way it expects it', () => {
    const configured = configuredFuses();
    for (const [fuse, expected] of Object.entries(fuses)) {
      expect(configured[keys[fuse]!], fuse).toBe(expected === '1');
    }
    expect(Object.keys(configured).sort()).toEqual(Object.values(keys).sort());
  });
});
