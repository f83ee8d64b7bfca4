import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/runCli.js';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/triage');
const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-triage-'));

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { status, stdout, stderr };
}

interface Out {
  sentences: Array<{ turn: number; speaker: string; role: string; start: number; end: number; text: string; score: number; reasons: string[] }>;
}

describe('claimdesk triage FILE --json', () => {
  it('ranks a real CLEF-style debate line by line, in document order, with no QUESTION or stage line in the top 10', async () => {
    const result = await run(['triage', path.join(fixtures, 'clef-20181112_trump_pelosi.tsv'), '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as Out;
    // One sentence per source line, in the source's order.
    expect(out.sentences).toHaveLength(446);
    expect(out.sentences.map((s) => s.turn)).toEqual(out.sentences.map((_, i) => i));
    expect(Object.keys(out.sentences[0]!)).toEqual(['turn', 'speaker', 'role', 'start', 'end', 'text', 'score', 'reasons']);
    expect(out.sentences[0]!.speaker).toBe('Trump');
    const roles = new Map(out.sentences.map((s) => [s.speaker, s.role]));
    expect(roles.get('Question')).toBe('audience');
    expect(roles.get('Pelosi')).toBe('candidate');
    const top = [...out.sentences].sort((a, b) => b.score - a.score).slice(0, 10);
    expect(top.every((s) => s.role === 'candidate')).toBe(true);
    expect(top.every((s) => s.reasons.length > 0)).toBe(true);
  });

  it('reads a plain "SPEAKER: text" debate, infers the moderator and never ranks (APPLAUSE)', async () => {
    const result = await run(['triage', path.join(fixtures, 'debate-plain.txt'), '--json']);
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as Out;
    const harper = out.sentences.filter((s) => s.speaker === 'Harper');
    expect(harper.length).toBeGreaterThan(5);
    expect(harper.every((s) => s.role === 'moderator')).toBe(true);
    expect(out.sentences.find((s) => s.text === '(APPLAUSE)')).toMatchObject({ role: 'system', score: 0 });
    const top3 = [...out.sentences].sort((a, b) => b.score - a.score).slice(0, 3);
    expect(top3.every((s) => s.speaker === 'Lindqvist' || s.speaker === 'Osei')).toBe(true);
  });

  it('prints a ranked list without --json, and fails as import does', async () => {
    const text = await run(['triage', path.join(fixtures, 'debate-plain.txt'), '--top', '3']);
    expect(text.status).toBe(0);
    expect(text.stdout.trim().split('\n')).toHaveLength(6);
    const missing = await run(['triage', path.join(dir, 'nope.txt'), '--json']);
    expect(missing).toEqual({ status: 1, stdout: '', stderr: `error: no such file: ${path.join(dir, 'nope.txt')}\n` });
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const empty = await run(['triage', path.join(dir, 'empty.txt'), '--json']);
    const emptyImport = await run(['import', path.join(dir, 'empty.txt'), '--json']);
    expect(empty).toEqual(emptyImport);
    expect(empty.stderr).toBe('error: empty.txt is empty.\n');
    expect((await run(['triage', '--bogus'])).stderr).toMatch(/^error: unknown option --bogus/);
  });
});
