/**
 * Project bundles end to end, as the app runs them: the library read from Dexie (over fake-indexeddb) into a snapshot,
 * written as a bundle with its vault files; and a bundle read back and written into a fresh database in one
 * transaction. A generated 50-debate library. Prints one JSON object per line: {"measure", "value", "unit"}.
 */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { ClaimdeskDb } from '../../renderer/db/database.js';
import { createDexieStore } from '../../renderer/db/dexieStore.js';
import { readBundle, writeBundle } from '../../shared/bundle/bundle.js';
import { readSnapshot, writeSnapshot } from '../../shared/domain/snapshot.js';
import { SNAPSHOT_TABLES } from '../../shared/model.js';
import { generatedLibrary } from '../fixtures/exports/generatedLibrary.js';

const print = (measure: string, value: number, unit: string, goal?: string): void =>
  console.log(JSON.stringify({ measure, value: Math.round(value * 100) / 100, unit, ...(goal ? { goal } : {}) }));

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

async function main() {
  const library = generatedLibrary(50, 100);
  const records = SNAPSHOT_TABLES.reduce((n, t) => n + library.snapshot[t].length, 0);
  print('bundles: library debates', library.snapshot.debates.length, 'debates');
  print('bundles: library records', records, 'records');
  print('bundles: library vault files', library.files.size, 'files');

  const source = new ClaimdeskDb('bench-source', { indexedDB: new IDBFactory(), IDBKeyRange });
  const sourceStore = createDexieStore(source);
  print('bundles: fill the library (writeSnapshot, one transaction)', (await timed(() => writeSnapshot(sourceStore, library.snapshot))).ms, 'ms');

  // Export: every table read in one transaction, then zipped with the vault files.
  const read = await timed(() => readSnapshot(sourceStore));
  print('bundles: export, read the library (readSnapshot)', read.ms, 'ms');
  const written = await timed(() => writeBundle(read.value, library.files));
  print('bundles: export, write the bundle (writeBundle)', written.ms, 'ms');
  print('bundles: export total', read.ms + written.ms, 'ms');
  print('bundles: bundle size', written.value.byteLength / 1024 / 1024, 'MiB');

  // Import into a fresh profile: open and check the bundle, then write every record in one transaction.
  const opened = await timed(() => readBundle(written.value));
  print('bundles: import, read the bundle (readBundle)', opened.ms, 'ms');
  const target = new ClaimdeskDb('bench-target', { indexedDB: new IDBFactory(), IDBKeyRange });
  const targetStore = createDexieStore(target);
  const loaded = await timed(() => writeSnapshot(targetStore, opened.value.snapshot, 'Load a project'));
  print('bundles: import, write the records (writeSnapshot)', loaded.ms, 'ms');
  print('bundles: import total', opened.ms + loaded.ms, 'ms');

  // Merging the same bundle again: every record compared, nothing written.
  print('bundles: re-import unchanged (writeSnapshot, no writes)', (await timed(() => writeSnapshot(targetStore, opened.value.snapshot))).ms, 'ms');

  const back = await readSnapshot(targetStore);
  // Equal as data: every record with the same fields and values, whatever the order of its keys (a bundle's records
  // are checked against the schema on the way in, which writes their keys in the schema's order).
  const differing = SNAPSHOT_TABLES.filter((t) => !isDeepStrictEqual(back[t], read.value[t]));
  for (const t of differing) console.log(`# bundles: table ${t} differs after the round trip`);
  const same = differing.length === 0;
  print('bundles: round trip identical', same ? 1 : 0, 'bool', '== 1');
  source.close();
  target.close();
  if (!same) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
