import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { COMMANDS, runCli, type CliCommand } from '../../../../electron/cli/runCli.js';

const fixtures = path.join(import.meta.dirname, '../../../fixtures/import');
const root = path.join(import.meta.dirname, '../../../..');

async function run(argv: string[], commands?: CliCommand[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
  const status = commands ? await runCli(argv, io, commands) : await runCli(argv, io);
  return { status, stdout, stderr };
}

describe('runCli import', () => {
  it('prints one JSON document in the issue 3 shape for a transcript', async () => {
    const { status, stdout, stderr } = await run(['import', path.join(fixtures, 'timestamps.txt'), '--json']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({
      title: 'Radio interview transcript',
      format: 'text',
      speakers: [
        { id: 's1', name: 'Presenter', aliases: [], role: 'moderator' },
        { id: 's2', name: 'Corbyn', aliases: [] },
        { id: 's3', name: 'Smith', aliases: [] },
      ],
      turns: [
        { speaker: 's1', kind: 'speech', text: 'Good morning.', start: 5 },
        { speaker: 's2', kind: 'speech', text: 'Good morning to you.', start: 751 },
        { speaker: 's3', kind: 'speech', text: 'Thank you.', start: 3723 },
        { speaker: 's3', kind: 'speech', text: 'And one more thing from me.', start: 3900 },
      ],
      quotes: [],
    });
  });

  it('prints {title, format, documents} for a file holding several documents', async () => {
    const { status, stdout } = await run(['import', path.join(fixtures, 'seed/us2016-general-debates.csv'), '--json']);
    expect(status).toBe(0);
    const out = JSON.parse(stdout) as { title: string; format: string; documents: Array<{ title: string; turns: unknown[] }> };
    expect(out.title).toBe('us2016-general-debates');
    expect(out.format).toBe('csv');
    expect(out.documents.map((d) => d.turns.length)).toEqual([352, 361, 313, 363]);
  });

  it('writes warnings to stderr and keeps stdout pure JSON', async () => {
    const { status, stdout, stderr } = await run(['import', path.join(fixtures, 'backwards.srt'), '--json']);
    expect(status).toBe(0);
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(stderr).toBe('warning: Cue 2 starts at 00:00:02.000, before the cue ahead of it; its times are kept as they are.\n');
  });

  it.each([
    [['import', path.join(fixtures, 'malformed.json'), '--json'], 'error: This JSON file is malformed and cannot be read (Unterminated string in JSON at position 48).\n'],
    [['import', path.join(fixtures, 'nope.txt'), '--json'], `error: no such file: ${path.join(fixtures, 'nope.txt')}\n`],
    [['import', fixtures, '--json'], `error: ${fixtures} is not a regular file\n`],
    [['import', '--json'], 'error: give exactly one file; usage: import FILE [--json]\n'],
    [['import', 'a.txt', '--yaml'], 'error: unknown option --yaml; usage: import FILE [--json]\n'],
    [['frobnicate'], `error: unknown command "frobnicate"; try one of: ${COMMANDS.map((c) => c.name).join(', ')}\n`],
    [[], `error: no command given; try one of: ${COMMANDS.map((c) => c.name).join(', ')}\n`],
  ])('fails %j with one error line and nothing on stdout', async (argv, message) => {
    const { status, stdout, stderr } = await run(argv);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(message);
  });

  it('dispatches to commands others add, and hides their unexpected errors behind one line', async () => {
    const boom: CliCommand = { name: 'boom', usage: '', summary: 'fails', run: () => Promise.reject(new TypeError('x is undefined\n    at foo (bar.ts:1:1)')) };
    const ok: CliCommand = { name: 'ok', usage: '', summary: 'works', run: async (args, io) => (io.stdout(args.join(',')), 0) };
    expect(await run(['ok', 'a', 'b'], [ok, boom])).toEqual({ status: 0, stdout: 'a,b', stderr: '' });
    expect(await run(['boom'], [ok, boom])).toEqual({ status: 1, stdout: '', stderr: 'error: the command failed unexpectedly\n' });
  });

  it('prints usage on --help', async () => {
    const { status, stdout, stderr } = await run(['--help']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('claimdesk import FILE [--json]');
  });

  it('exits 1 as a real process, with only the error line on stderr', async () => {
    const child = promisify(execFile)(process.execPath, ['--import', 'tsx', 'electron/cli/cli.ts', 'import', path.join(fixtures, 'malformed.csv'), '--json'], { cwd: root });
    const error = (await child.then(() => undefined, (e: unknown) => e)) as { code: number; stdout: string; stderr: string } | undefined;
    expect(error?.code).toBe(1);
    expect(error?.stdout).toBe('');
    expect(error?.stderr).toBe('error: This CSV file is malformed at row 2: a quoted cell is never closed.\n');
  });
});
