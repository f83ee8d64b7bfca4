// One parse of one file, alone in its process, for importWorstCases.bench.ts: reads the file, notes the resident
// memory, parses it with the app's own parseFile, and prints {bytes, wallMs, cpuMs, peakBytes, outcome} where
// peakBytes is the process's highest resident memory minus what it held before parsing. Run by the bench, not alone.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseFile } from '../../electron/import/parseFile.js';

const [file, name] = process.argv.slice(2);
if (!file || !name) throw new Error('usage: importWorstCasesChild FILE NAME');
const bytes = new Uint8Array(readFileSync(file));
(globalThis as { gc?: () => void }).gc?.();
const before = process.memoryUsage.rss();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let outcome: string;
try {
  const parsed = await parseFile(name, bytes);
  const doc = parsed.documents[0]!;
  outcome = `${doc.turns.length} turns, ${doc.speakers.length} speakers, ${doc.quotes.length} quotes${doc.warnings.length ? `; ${doc.warnings.join(' ')}` : ''}`;
} catch (error) {
  outcome = `refused: ${(error as Error).message}`;
}
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const peakBytes = process.resourceUsage().maxRSS * 1024 - before;
console.log(JSON.stringify({ bytes: bytes.byteLength, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, peakBytes, outcome }));
