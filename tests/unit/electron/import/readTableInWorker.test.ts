import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../../electron/import/importError.js';
import { readTableInWorker } from '../../../../electron/import/runImportInWorker.js';

const root = path.join(import.meta.dirname, '../../../..');
const outDir = path.join(root, 'node_modules/.cache/claimdesk-tests/table-worker');
const workerScript = path.join(outDir, 'importWorker.mjs');
const tiny = new Uint8Array(readFileSync(path.join(root, 'tests/fixtures/sources/tiny.xlsx')));
const common = {
  bundle: true,
  platform: 'node' as const,
  target: 'node20',
  logLevel: 'error' as const,
  external: ['electron', 'pdfjs-dist', 'pdfjs-dist/*'],
};
let mainInputs: string[] = [];

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  // The import worker as build/scripts/buildNode.mjs makes it.
  await build({
    ...common,
    entryPoints: { importWorker: path.join(root, 'electron/import/importWorker.ts') },
    format: 'esm',
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    banner: { js: "import { createRequire as __cdCreateRequire } from 'node:module'; const require = __cdCreateRequire(import.meta.url);" },
  });
  // And the main process, only to see what goes into it.
  const main = await build({ ...common, entryPoints: [path.join(root, 'electron/main.ts')], format: 'cjs', write: false, metafile: true, outfile: path.join(outDir, 'main.cjs') });
  mainInputs = Object.keys(main.metafile.inputs);
}, 120_000);

describe('tables are read in the import worker, not in the main process', () => {
  it('reads an XLSX in the worker', async () => {
    const table = await readTableInWorker(workerScript, 'tiny.xlsx', tiny);
    expect(table.sheets[0]).toMatchObject({ name: 'Spending', columns: ['Country', '2015', '2016', 'Published'] });
    expect(table.sheets[0]!.rows[0]).toEqual(['United Kingdom', '2.031899571', '2.088204876', '2024-06-17']);
  });

  it('refuses a damaged workbook with the reader’s sentence', async () => {
    await expect(readTableInWorker(workerScript, 'b.xlsx', tiny.slice(0, 2000))).rejects.toThrow(new ImportError('b.xlsx is a damaged zip archive, not a readable XLSX workbook.'));
  });

  it('stops a read that runs past the worker’s time limit, as an import would be', async () => {
    const error = await readTableInWorker(workerScript, 'tiny.xlsx', tiny, { limits: { timeoutMs: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/took longer than 0\.0 seconds to read/);
  });

  it('the main process bundle holds no spreadsheet parser', () => {
    expect(mainInputs.length).toBeGreaterThan(10);
    expect(mainInputs.filter((input) => /exceljs|readTable\.ts/.test(input))).toEqual([]);
  });
});
