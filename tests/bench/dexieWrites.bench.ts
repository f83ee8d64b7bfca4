/**
 * The app's write path in Chromium's real IndexedDB (fake-indexeddb in Node is ~10× faster and hides the cost):
 * saving an imported 1,500-turn debate, and writing a project bundle of ~11.5k records into an empty library, each
 * through the Dexie Store with undo recorded, beside raw IndexedDB `put` of the very same rows in the same schema
 * (one transaction, no request awaited) and Dexie's own `bulkPut`. Runs are interleaved, each on a fresh database.
 * Goal: the app's throughput ≥ 0.8× raw put's, undo kept.
 */
import { figure, median, seeded } from './support/figures.js';
import { bundle, openBenchPage } from './support/browser.js';
import type { SaveImportInput } from '../../shared/domain/documents.js';
import type { ParsedDocument } from '../../shared/import/parsedDocument.js';
import type { ProjectSnapshot } from '../../shared/model.js';
import { generatedLibrary } from '../fixtures/exports/generatedLibrary.js';

const RUNS = Number(process.env.DEXIE_BENCH_RUNS ?? 11);

/** What the page offers (tests/bench/browser/dexieWrites.page.ts); inputs are named by a key set once. */
interface PageBench {
  setInput(key: string, value: SaveImportInput | ProjectSnapshot): Promise<void>;
  rawPut(name: string, key: string): Promise<number>;
  dexieBulkPut(name: string, key: string): Promise<number>;
  appImport(name: string, key: string): Promise<number>;
  appSnapshot(name: string, key: string): Promise<number>;
  /** Reads the rows the app wrote and keeps them under `key`; returns how many. */
  rowsOf(name: string, key: string): Promise<number>;
  undoLast(name: string): Promise<{ changes: number; left: number }>;
}

/** A reviewed import of a three-hour debate: 1,500 turns, four speakers, two new people and two matched to none. */
function parsedDebate(turnCount: number): SaveImportInput {
  const random = seeded(7);
  const words = 'the government unemployment fell by percent since billion pounds health service schools taxes we will build homes every year my opponent voted against crime police energy prices trade deal jobs'.split(' ');
  const turns: ParsedDocument['turns'] = [];
  for (let i = 0; i < turnCount; i++) {
    const n = 12 + Math.floor(random() * 30);
    const text = Array.from({ length: n }, () => words[Math.floor(random() * words.length)]!).join(' ');
    turns.push({ speaker: `s${(i % 4) + 1}`, kind: 'speech', text: `${text.charAt(0).toUpperCase()}${text.slice(1)}.`, start: i * 7, end: i * 7 + 6.5 });
  }
  const speakers = [1, 2, 3, 4].map((n) => ({ id: `s${n}`, name: `Speaker ${n}`, aliases: [] }));
  return {
    parsed: { title: 'A three-hour debate', format: 'text', speakers, turns, quotes: [], warnings: [] },
    fileHash: 'f'.repeat(64),
    fileName: 'debate.txt',
    target: { newDebate: { title: 'A three-hour debate', kind: 'tv-debate' } },
    speakers: speakers.map((s) => ({ parsedId: s.id, name: s.name, aliases: [], role: 'candidate' as const })),
  };
}

async function main(): Promise<void> {
  const { page, close } = await openBenchPage({ 'bench.js': await bundle('tests/bench/browser/dexieWrites.page.ts') });
  try {
    await page.waitForFunction(() => 'bench' in window);
    const call = <K extends keyof PageBench>(name: K, ...args: Parameters<PageBench[K]>) =>
      page.evaluate(([n, a]) => ((window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench[n as string]!(...(a as unknown[]))), [name, args] as const) as ReturnType<PageBench[K]>;

    const cases: Array<{ name: string; app: () => Promise<number>; db: string }> = [];
    await call('setInput', 'import', parsedDebate(1_500));
    cases.push({ name: 'save an imported 1,500-turn debate', db: 'bench-import', app: () => call('appImport', 'bench-import', 'import') });
    await call('setInput', 'bundle', generatedLibrary(50, 40).snapshot);
    cases.push({ name: 'write a project bundle into an empty library', db: 'bench-bundle', app: () => call('appSnapshot', 'bench-bundle', 'bundle') });

    for (const c of cases) {
      // The rows the app writes, so the peers write exactly the same records.
      await c.app();
      const check = await call('undoLast', c.db);
      await c.app();
      const records = await call('rowsOf', c.db, `${c.db}-rows`);
      const times = { app: [] as number[], raw: [] as number[], bulk: [] as number[] };
      const sides: Array<[keyof typeof times, () => Promise<number>]> = [
        ['app', c.app],
        ['raw', () => call('rawPut', `${c.db}-raw`, `${c.db}-rows`)],
        ['bulk', () => call('dexieBulkPut', `${c.db}-bulk`, `${c.db}-rows`)],
      ];
      for (let r = 0; r < RUNS + 1; r++) {
        // Each round in a different order, so no side always follows the same one.
        const order = [...sides.slice(r % 3), ...sides.slice(0, r % 3)];
        for (const [side, run] of order) {
          const ms = await run();
          if (r > 0) times[side].push(ms);
          console.error(`# ${c.name}, round ${r}: ${side} ${Math.round(ms)} ms`);
        }
      }
      const app = median(times.app);
      const raw = median(times.raw);
      const bulk = median(times.bulk);
      // Load on this machine comes and goes between rounds: the ratio is taken within each round, then the median.
      const paired = (peer: number[]) => median(times.app.map((ms, i) => peer[i]! / ms));
      const perSecond = (ms: number) => Math.round(records / (ms / 1000));
      figure(`dexie writes, ${c.name}: records`, records, 'records');
      figure(`dexie writes, ${c.name}: app write path (Dexie Store, undo recorded), median`, app, 'ms', { runs: times.app.map(Math.round), recordsPerSecond: perSecond(app) });
      figure(`dexie writes, ${c.name}: raw IndexedDB put, one transaction, median (peer)`, raw, 'ms', { runs: times.raw.map(Math.round), recordsPerSecond: perSecond(raw) });
      figure(`dexie writes, ${c.name}: app write path / raw IndexedDB put, throughput ratio`, paired(times.raw), 'x', { goal: '>= 0.8', how: 'median of per-round ratios' });
      figure(`dexie writes, ${c.name}: Dexie bulkPut, median (reference)`, bulk, 'ms', { runs: times.bulk.map(Math.round) });
      figure(`dexie writes, ${c.name}: Dexie bulkPut / raw IndexedDB put, throughput ratio (reference)`, median(times.bulk.map((ms, i) => times.raw[i]! / ms)), 'x');
      figure(`dexie writes, ${c.name}: undo records every record written`, check.changes, 'changes', { goal: `== ${records}` });
      figure(`dexie writes, ${c.name}: records left after undo`, check.left, 'records', { goal: '== 0' });
    }
  } finally {
    await close();
  }
}

await main();
