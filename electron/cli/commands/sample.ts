import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256Hex, writeBundle } from '../../../shared/bundle/bundle.js';
import { MemoryStore } from '../../../shared/domain/memoryStore.js';
import { buildSampleProject, SAMPLE_ARTICLE } from '../../../shared/domain/sample.js';
import { parseFile } from '../../import/parseFile.js';
import { readTable } from '../../sources/readTable.js';
import { UsageError, type CliCommand } from '../runCli.js';
import { parseOptions } from './export.js';
import { writeFileAtomic } from '../../files/writeFileAtomic.js';

const SAMPLE_FILES = [SAMPLE_ARTICLE, 'nato-defence-expenditure-pct-gdp-2014-2024.csv'];

/** The sample's files: next to the bundled CLI (dist/electron/sample) or in the source tree (electron/sample). */
export function findSampleDir(here: string = import.meta.dirname): string {
  const candidates = [path.join(here, 'sample'), path.resolve(here, '../../sample')];
  const found = candidates.find((dir) => existsSync(path.join(dir, SAMPLE_ARTICLE)));
  if (!found) throw new UsageError('the sample project files are missing from this installation');
  return found;
}

/**
 * `sample --out FILE.claimdesk`: builds the sample project exactly as the app does (the seed article through the
 * import pipeline, claims through the domain operations), in memory, and writes it as a bundle with its files.
 */
export function sampleCommand(sampleDir?: string): CliCommand {
  return {
    name: 'sample',
    usage: '--out FILE.claimdesk',
    summary: 'Write the sample project (the Corbyn and NATO article, its claims and verdict) as a bundle.',
    async run(args, io) {
      const { positional, options } = parseOptions(args, ['--out'], 'sample --out FILE.claimdesk');
      if (positional.length > 0) throw new UsageError(`unexpected argument ${positional[0]}; usage: sample --out FILE.claimdesk`);
      const out = options.get('--out');
      if (!out) throw new UsageError('--out is missing; usage: sample --out FILE.claimdesk');
      const dir = sampleDir ?? findSampleDir();
      // One at a time, in order, so a broken installation always reports the same (first) missing file.
      const files: { name: string; bytes: Uint8Array }[] = [];
      for (const name of SAMPLE_FILES) files.push({ name, bytes: new Uint8Array(await readFile(path.join(dir, name))) });
      const vault = new Map<string, Uint8Array>();
      const store = new MemoryStore();
      await buildSampleProject(store, {
        files,
        parse: parseFile,
        storeFile: async (bytes) => {
          const hash = sha256Hex(bytes);
          vault.set(hash, bytes);
          return { hash };
        },
        readTable: (_hash, fileName, bytes) => readTable(bytes, fileName),
      });
      const snapshot = store.snapshot();
      const bundle = writeBundle(snapshot, vault);
      await writeFileAtomic(path.resolve(out), bundle);
      io.stdout(`wrote the sample project to ${out}: ${snapshot.documents.length} document, ${snapshot.claims.length} claims, ${vault.size} files\n`);
      return 0;
    },
  };
}
