import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleCommand, findSampleDir } from '../../../../electron/cli/commands/sample.js';
import { runCli } from '../../../../electron/cli/runCli.js';
import { readBundle, sha256Hex } from '../../../../shared/bundle/bundle.js';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { status, stdout, stderr };
}

describe('claimdesk sample', () => {
  it('writes the sample project as a bundle that reads back with its records and files', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'cli-sample-')), 'sample.claimdesk');
    const { status, stdout, stderr } = await run(['sample', '--out', out]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^wrote the sample project to .*sample\.claimdesk: 1 document, 7 claims, \d+ files\n$/);
    const bundle = readBundle(new Uint8Array(readFileSync(out)));
    const { snapshot, files, manifest } = bundle;
    expect(snapshot.debates.map((d) => d.title)).toEqual(['Labour leadership debate: Corbyn and Smith on NATO']);
    expect(snapshot.claims).toHaveLength(7);
    // The 2% verdict, and the NATO check's accepted suggestion on the five-of-28 claim (marked checked).
    expect(snapshot.verdicts).toHaveLength(2);
    const five = snapshot.claims.find((c) => c.text.startsWith('only five out of 28'))!;
    expect(five.status).toBe('checked');
    expect(snapshot.verdicts.find((v) => v.claimId === five.id)).toMatchObject({ stepId: 'half-true', conclusion: 'The table gives 4, not five.' });
    const check = snapshot.evidence.find((e) => e.check)!;
    expect(check.check!.runs[0]!.result).toMatchObject({ value: 4, of: 31 });
    expect(files.get(check.check!.runs[0]!.fileHash)).toBeDefined();
    expect(snapshot.people.map((p) => p.name).sort()).toEqual(['Donald Trump', 'Jeremy Corbyn', 'Owen Smith']);
    // The article's original is in the bundle, under the hash its document names.
    const doc = snapshot.documents[0]!;
    expect(doc.fileHash).toBeDefined();
    const original = files.get(doc.fileHash!);
    expect(original && sha256Hex(original)).toBe(doc.fileHash);
    expect(new TextDecoder().decode(original)).toBe(readFileSync(path.join(findSampleDir(path.resolve('electron/cli/commands')), 'corbyn-nato-article.txt'), 'utf8'));
    expect(manifest.missingFiles).toBeUndefined();
    for (const a of snapshot.appearances) expect(doc.text.slice(a.anchor.position.start, a.anchor.position.end)).toBe(a.anchor.quote.exact);
  });

  it('fails with one line on stderr and nothing on stdout without --out, with an unknown option, or with a broken installation', async () => {
    for (const argv of [['sample'], ['sample', '--out'], ['sample', '--into', 'x'], ['sample', 'extra', '--out', 'x']]) {
      const { status, stdout, stderr } = await run(argv);
      expect(status, argv.join(' ')).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^error: [^\n]+\n$/);
    }
    let stderr = '';
    const status = await runCli(['sample', '--out', path.join(os.tmpdir(), 'never.claimdesk')], { stdout: () => undefined, stderr: (t) => void (stderr += t) }, [
      sampleCommand(path.join(os.tmpdir(), 'no-such-sample-dir')),
    ]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^error: no such file: .*corbyn-nato-article\.txt\n$/);
  });
});
