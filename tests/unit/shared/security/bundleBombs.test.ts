import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/runCli.js';
import { BundleError, readBundle } from '../../../../shared/bundle/bundle.js';
import { sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';
import { rawZip, bundleEntries, zeroEntryBomb } from '../../../fixtures/hostile/bundleBombs.js';

const MiB = 1024 * 1024;
const ENTRIES = 3000;
const dir = mkdtempSync(path.join(os.tmpdir(), 'bundle-bombs-'));
const root = path.resolve(import.meta.dirname, '../../../..');

type Probe = { ok: boolean; message?: string; inflatedBytes?: number; baselineRssBytes: number; peakRssBytes: number; bundleBytes: number };

/** Reads bundles one after another in a fresh Node process; reports each outcome and the process's peak memory. */
function probe(bundles: Record<string, Uint8Array>): Record<string, Probe> {
  const files = Object.entries(bundles).map(([name, bytes]) => {
    const file = path.join(dir, `${name}.claimdesk`);
    writeFileSync(file, bytes);
    return file;
  });
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'tests/fixtures/hostile/readBundleProbe.ts'), ...files], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Probe);
  return Object.fromEntries(Object.keys(bundles).map((name, i) => [name, lines[i]!]));
}

describe(`a bundle of ${ENTRIES} × 1 MiB zero entries (≈${ENTRIES} MiB inflated, ≈3 MB on disk)`, () => {
  const listed = zeroEntryBomb(ENTRIES, 'listed-files');
  const lying = zeroEntryBomb(ENTRIES, 'lying-sizes');
  const padding = zeroEntryBomb(ENTRIES, 'padding', sampleSnapshot());

  it('named as files the manifest lists: refused before anything is inflated', () => {
    expect(listed.length).toBeLessThan(5 * MiB);
    expect(() => readBundle(listed)).toThrow(/unpacks to more than \d+ MB, more than a \d+ MB bundle can honestly hold; refusing it \(possible zip bomb\)/);
  });

  it('declaring 1 KiB each but inflating to 1 MiB: stopped at the declared size and refused', () => {
    expect(() => readBundle(lying)).toThrow(/unpacks to more than it declares; refusing it \(possible zip bomb\)/);
  });

  it('all named records/claims.json: duplicate names are refused', () => {
    expect(() => readBundle(zeroEntryBomb(ENTRIES, 'duplicates'))).toThrow(/holds two entries named “records\/claims.json”/);
  });

  it('under a folder the format does not define: never inflated, the bundle itself reads', () => {
    const bundle = readBundle(padding);
    expect(bundle.snapshot.claims).toHaveLength(5);
    expect(bundle.inflatedBytes).toBeLessThan(1 * MiB);
  });

  it('reading each in a fresh process takes a few MB of memory, not gigabytes', () => {
    const result = probe({ listed, lying, padding });
    expect(result.listed).toMatchObject({ ok: false, message: expect.stringMatching(/possible zip bomb/) });
    expect(result.lying).toMatchObject({ ok: false, message: expect.stringMatching(/possible zip bomb/) });
    expect(result.padding).toMatchObject({ ok: true });
    expect(result.padding!.inflatedBytes).toBeLessThan(1 * MiB);
    expect(result.padding!.peakRssBytes - result.padding!.baselineRssBytes).toBeLessThan(64 * MiB);
  });

  it('entries of the format that honestly inflate far past the bundle size: refused by the running cap', () => {
    // An empty list padded with 900 KiB of spaces as records/turns.json, in a bundle of a few KB: past 40 × its size
    // once the fixed allowance is off.
    const padded = new TextEncoder().encode(`[${' '.repeat(900 * 1024)}]`);
    const bomb = rawZip([...bundleEntries({}).filter((e) => e.name !== 'records/turns.json'), { name: 'records/turns.json', data: padded }]);
    expect(bomb.length).toBeLessThan(8 * 1024);
    expect(readBundle(bomb).inflatedBytes).toBeGreaterThan(900 * 1024);
    expect(() => readBundle(bomb, { ratioAllowanceBytes: 0 })).toThrow(BundleError);
    expect(() => readBundle(bomb, { ratioAllowanceBytes: 0 })).toThrow(/possible zip bomb/);
  });

  it('the command line refuses it in one line and exits 1', async () => {
    const file = path.join(dir, 'cli-bomb.claimdesk');
    writeFileSync(file, zeroEntryBomb(ENTRIES, 'listed-files'));
    const out: string[] = [];
    const err: string[] = [];
    const status = await runCli(['export', file, '--format', 'json', '--out', path.join(dir, 'out.json')], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
    expect(status).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('')).toMatch(/^error: .*cli-bomb\.claimdesk: The bundle unpacks to more than .* \(possible zip bomb\)\.?\n$/);
  });
});
