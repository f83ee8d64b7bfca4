import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../../electron/import/importError.js';
import { cancelImport, runImportInWorker } from '../../../../electron/import/runImportInWorker.js';

const root = path.join(import.meta.dirname, '../../../..');
// Inside the repository, so the bundle resolves external packages (pdfjs-dist) from node_modules as dist/ does.
const outDir = path.join(root, 'node_modules/.cache/claimdesk-tests/import-worker');
const workerScript = path.join(outDir, 'importWorker.mjs');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(root, 'tests/fixtures/import', name)));

// Stand-in workers that misbehave the ways an untrusted file can make a parser misbehave.
const misbehaving = {
  hang: 'while (true) {}',
  oom: 'const keep = []; while (true) keep.push(new Array(1e6).fill(Math.random()));',
  exit: 'process.exit(7);',
  throwing: 'throw new Error("parser bug at line 3");',
  slow: 'import { parentPort } from "node:worker_threads"; parentPort.postMessage({ type: "progress", stage: "parsing", fraction: 0.1 }); setInterval(() => {}, 1000);',
  // Answers, then ignores the request to close.
  lingering: 'import { parentPort } from "node:worker_threads"; parentPort.postMessage({ type: "result", value: { documents: [] } }); setInterval(() => {}, 1000);',
};

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  // The same settings as build/scripts/buildNode.mjs, for this one entry.
  await build({
    entryPoints: { importWorker: path.join(root, 'electron/import/importWorker.ts') },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
    external: ['electron', 'pdfjs-dist', 'pdfjs-dist/*'],
    banner: { js: "import { createRequire as __cdCreateRequire } from 'node:module'; const require = __cdCreateRequire(import.meta.url);" },
  });
  for (const [name, code] of Object.entries(misbehaving)) writeFileSync(path.join(outDir, `${name}.mjs`), code);
});

async function failure(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ImportError)) throw new Error(`expected an ImportError, got ${String(error)}`);
  return error;
}

describe('runImportInWorker', () => {
  it('parses a file in the bundled worker and forwards progress', async () => {
    const stages: string[] = [];
    const parsed = await runImportInWorker(workerScript, 'labels-colon.txt', fixture('labels-colon.txt'), {
      onProgress: (stage) => stages.push(stage),
    });
    expect(parsed.documents[0]?.speakers.map((s) => s.name)).toEqual(['Helen Marsh', 'Jeremy Corbyn', 'Owen Smith']);
    expect(stages[0]).toBe('reading');
    expect(stages.at(-1)).toBe('done');
  });

  it('imports the 2016 debates CSV in the worker as four documents', async () => {
    const parsed = await runImportInWorker(workerScript, 'us2016.csv', fixture('seed/us2016-general-debates.csv'));
    expect(parsed.documents.map((d) => d.date)).toEqual(['2016-09-26', '2016-10-04', '2016-10-09', '2016-10-19']);
  });

  it('passes the worker’s ImportError through with its code', async () => {
    const error = await failure(runImportInWorker(workerScript, 'malformed.json', fixture('malformed.json')));
    expect(error.code).toBe('parse-failed');
    expect(error.message).toMatch(/JSON file is malformed/);
  });

  it('refuses an empty file before starting a worker', async () => {
    const error = await failure(runImportInWorker(path.join(outDir, 'does-not-exist.mjs'), 'empty.txt', new Uint8Array(0)));
    expect(error.message).toBe('empty.txt is empty.');
  });

  it('stops a worker that runs past the time limit', async () => {
    const error = await failure(runImportInWorker(path.join(outDir, 'hang.mjs'), 'loop.txt', new Uint8Array([65]), { limits: { timeoutMs: 300 } }));
    expect(error.code).toBe('parse-failed');
    expect(error.message).toBe('loop.txt took longer than 0.3 seconds to read, so the import was stopped.');
  });

  it('turns running out of memory into an ImportError', async () => {
    const error = await failure(
      runImportInWorker(path.join(outDir, 'oom.mjs'), 'bomb.txt', new Uint8Array([65]), { limits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 } }),
    );
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('bomb.txt needs more memory to read than an import may use, so the import was stopped.');
  });

  it('turns a worker that exits or throws into an ImportError', async () => {
    expect((await failure(runImportInWorker(path.join(outDir, 'exit.mjs'), 'a.txt', new Uint8Array([65])))).message).toBe(
      'a.txt could not be imported because its reader stopped unexpectedly (exit code 7).',
    );
    expect((await failure(runImportInWorker(path.join(outDir, 'throwing.mjs'), 'b.txt', new Uint8Array([65])))).message).toBe(
      'b.txt could not be imported because its reader failed unexpectedly.',
    );
  });

  it('cancels a running job by id', async () => {
    let cancelled = false;
    const job = runImportInWorker(path.join(outDir, 'slow.mjs'), 'slow.txt', new Uint8Array([65]), {
      jobId: 'job-1',
      onProgress: () => {
        cancelled = cancelImport('job-1');
      },
    });
    const error = await failure(job);
    expect(cancelled).toBe(true);
    expect(error.code).toBe('cancelled');
    expect(error.message).toBe('The import of slow.txt was cancelled.');
    expect(cancelImport('job-1')).toBe(false);
    expect(cancelImport('never-started')).toBe(false);
  });

  it('starts and stops workers in turns, and every job of a crowd settles as it should', async () => {
    // Side by side: good files, one that hangs past its limit, one cancelled, one that answers and never closes.
    const good = ['labels-colon.txt', 'labels-colon.txt', 'labels-colon.txt'].map((name) => runImportInWorker(workerScript, name, fixture(name)));
    const hang = failure(runImportInWorker(path.join(outDir, 'hang.mjs'), 'loop.txt', new Uint8Array([65]), { limits: { timeoutMs: 300 } }));
    const slow = failure(
      runImportInWorker(path.join(outDir, 'slow.mjs'), 'slow.txt', new Uint8Array([65]), { jobId: 'crowd', onProgress: () => void cancelImport('crowd') }),
    );
    const lingering = runImportInWorker(path.join(outDir, 'lingering.mjs'), 'l.txt', new Uint8Array([65]));
    for (const parsed of await Promise.all(good)) expect(parsed.documents[0]?.speakers.map((s) => s.name)).toEqual(['Helen Marsh', 'Jeremy Corbyn', 'Owen Smith']);
    expect((await hang).message).toBe('loop.txt took longer than 0.3 seconds to read, so the import was stopped.');
    expect((await slow).code).toBe('cancelled');
    expect((await lingering).documents).toEqual([]);
    // The worker that would not close was terminated after its grace, so the turns go on: the next import runs.
    const next = await runImportInWorker(workerScript, 'labels-colon.txt', fixture('labels-colon.txt'));
    expect(next.documents).toHaveLength(1);
  });
});
