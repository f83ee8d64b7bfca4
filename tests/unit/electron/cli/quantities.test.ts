import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/runCli.js';

const root = path.join(import.meta.dirname, '../../../..');
const SEED = 'NATO members’ defence spending is supposed to amount to 2% of GDP, but only five out of 28 members met this target last year, according to a NATO report.';

async function run(argv: string[], lines: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    async *stdinLines() {
      yield* lines;
    },
  });
  return { status, stdout, stderr };
}

describe('claimdesk quantities --json', () => {
  it('prints one object per input line in the issue 15 shape, empty lines included', async () => {
    const { status, stdout, stderr } = await run(['quantities', '--json'], [SEED, '', 'We sent 12,000 troops since 2022.']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        text: SEED,
        quantities: [
          { value: 2, unit: 'percent-of-gdp', start: 56, end: 65 },
          { value: 5, unit: 'count', of: 28, what: 'members', comparison: 'only', time: 'last year', start: 76, end: 90 },
        ],
      },
      { text: '', quantities: [] },
      { text: 'We sent 12,000 troops since 2022.', quantities: [{ value: 12000, unit: 'people', what: 'troops', time: 'since 2022', start: 8, end: 14 }] },
    ]);
    // Keys come in the documented order.
    expect(stdout.split('\n')[0]).toContain('{"value":5,"unit":"count","of":28,"what":"members","comparison":"only","time":"last year","start":76,"end":90}');
  });

  it('adds each period when --date resolves the time', async () => {
    const { stdout } = await run(['quantities', '--json', '--date', '2016-08-18'], [SEED]);
    expect(JSON.parse(stdout).quantities[1]).toEqual({ value: 5, unit: 'count', of: 28, what: 'members', comparison: 'only', time: 'last year', period: { from: 2015, to: 2015 }, start: 76, end: 90 });
  });

  it('money carries its currency; a line without quantities has an empty list', async () => {
    const { stdout } = await run(['quantities', '--json'], ['They want $700bn.', 'Nothing to count here.']);
    const [money, none] = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(money.quantities).toEqual([{ value: 7e11, unit: 'money', currency: 'USD', start: 10, end: 16 }]);
    expect(none).toEqual({ text: 'Nothing to count here.', quantities: [] });
  });

  it('refuses a bad date or a stray argument in one line on stderr', async () => {
    const bad = await run(['quantities', '--json', '--date', 'last week'], [SEED]);
    expect(bad).toMatchObject({ status: 1, stdout: '' });
    expect(bad.stderr).toMatch(/^error: --date takes a date as YYYY-MM-DD/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const stray = await run(['quantities', 'file.txt'], []);
    expect(stray.status).toBe(1);
    expect(stray.stderr).toMatch(/^error: unexpected argument file.txt/);
  });

  it('reads real standard input: CRLF, a byte-order mark, a last line without newline', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/cli.ts', 'quantities', '--json'], { cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.stdin.end('\uFEFFonly five out of 28 members\r\n\r\nabout 2 percent');
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(status).toBe(0);
    expect(out.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual([
      { text: 'only five out of 28 members', quantities: [{ value: 5, unit: 'count', of: 28, what: 'members', comparison: 'only', start: 5, end: 19 }] },
      { text: '', quantities: [] },
      { text: 'about 2 percent', quantities: [{ value: 2, unit: 'percent', comparison: 'about', start: 6, end: 15 }] },
    ]);
  }, 30_000);
});
