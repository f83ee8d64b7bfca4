/**
 * How long the compare view takes to aggregate: 6 speakers × 30 topics over 50 debates and 20,000 claims, with
 * verdicts on about half the claims under two scales, and stances. Prints one JSON object per figure.
 */
import { performance } from 'node:perf_hooks';
import { buildComparison, type ComparisonInput } from '../../shared/compare/buildComparison.js';
import { compareCsv } from '../../shared/compare/compareCsv.js';
import type { Appearance, Claim, Stance, Topic, Verdict, VerdictScale } from '../../shared/model.js';
import { CLAIM_STATUSES, CLAIM_TYPES } from '../../shared/model.js';

// A fixed seed so every run measures the same library.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(6);
const int = (n: number): number => Math.floor(random() * n);
const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
const stamp = { createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' };

const DEBATES = 50;
const DOCS_PER_DEBATE = 2;
const PEOPLE = 20;
const CLAIMS = 20_000;

const debates = Array.from({ length: DEBATES }, (_, i) => ({
  id: `d${i}`,
  date: `2024-${String(1 + Math.floor(i / 5)).padStart(2, '0')}-${String(1 + (i % 5) * 5).padStart(2, '0')}`,
}));
const documents = debates.flatMap((d) => Array.from({ length: DOCS_PER_DEBATE }, (_, j) => ({ id: `${d.id}-doc${j}`, debateId: d.id })));
const people = Array.from({ length: PEOPLE }, (_, i) => ({ id: `p${i}`, name: `Speaker ${i}` }));
// 6 roots with 4 subtopics each.
const topics: Topic[] = [];
for (let r = 0; r < 6; r++) {
  topics.push({ id: `t${r}`, name: `Topic ${r}`, ...stamp });
  for (let c = 0; c < 4; c++) topics.push({ id: `t${r}-${c}`, name: `Topic ${r}.${c}`, parentId: `t${r}`, ...stamp });
}
const scales: VerdictScale[] = [
  {
    id: 'six',
    name: 'Six-step',
    kind: 'rated',
    builtIn: true,
    steps: [1, 0.8, 0.6, 0.4, 0.2, 0].map((value, i) => ({ id: `s${i}`, label: `Six ${i}`, color: '#000', value })),
    ...stamp,
  },
  {
    id: 'three',
    name: 'Three-step',
    kind: 'rated',
    builtIn: true,
    steps: [1, 0.5, 0].map((value, i) => ({ id: `s${i}`, label: `Three ${i}`, color: '#000', value })),
    ...stamp,
  },
];

const claims: Claim[] = [];
const appearances: Appearance[] = [];
const verdicts: Verdict[] = [];
const appearancesOf = new Map<string, string[]>();
for (let i = 0; i < CLAIMS; i++) {
  const id = `c${i}`;
  const claimantId = pick(people).id;
  const topicIds = random() < 0.7 ? [pick(topics).id] : [pick(topics).id, pick(topics).id];
  claims.push({ id, text: `claim ${i}`, claimantId, topicIds, type: pick(CLAIM_TYPES), status: pick(CLAIM_STATUSES), ...stamp });
  const n = 1 + int(2);
  for (let k = 0; k < n; k++) {
    const start = int(50_000);
    const appearanceId = `${id}-a${k}`;
    appearances.push({
      id: appearanceId,
      claimId: id,
      documentId: pick(documents).id,
      anchor: { quote: { exact: `quote ${i}`, prefix: '', suffix: '' }, position: { start, end: start + 40 }, documentVersion: 1 },
      state: 'anchored',
      ...stamp,
    });
    const key = `${claimantId}|${topicIds[0]}`;
    const list = appearancesOf.get(key);
    if (list) list.push(appearanceId);
    else appearancesOf.set(key, [appearanceId]);
  }
  if (random() < 0.5) {
    const scale = random() < 0.6 ? scales[0]! : scales[1]!;
    verdicts.push({
      id: `v${i}`,
      claimId: id,
      scaleId: scale.id,
      stepId: pick(scale.steps).id,
      conclusion: '',
      reasoning: '',
      author: 'bench',
      history: [],
      ...stamp,
    });
  }
}
const stances: Stance[] = [];
const LABELS = ['commits', 'will not commit', 'conditional'];
for (const person of people) {
  for (const topic of topics) {
    const backing = appearancesOf.get(`${person.id}|${topic.id}`) ?? [];
    for (let k = int(4); k > 0; k--) {
      stances.push({
        id: `st-${person.id}-${topic.id}-${k}`,
        personId: person.id,
        topicId: topic.id,
        label: pick(LABELS),
        date: pick(debates).date,
        appearanceIds: backing.length > 0 ? [pick(backing), pick(backing)] : [],
        ...stamp,
      });
    }
  }
}

const input: ComparisonInput = { claims, appearances, verdicts, scales, topics, stances, documents, people, debates };
const speakerIds = people.slice(0, 6).map((p) => p.id);
const allDebates = { speakerIds, scope: { debateIds: debates.map((d) => d.id) } };
const dateRange = { speakerIds, scope: { from: '2024-03-01', to: '2024-08-31' } };

/**
 * Wall time and this process's CPU time per run. The CPU figure is steadier on a shared machine, where other work
 * stretches wall time without any change in our code.
 */
function time(run: () => unknown, runs = 30, warmup = 10): { median: number; p95: number; cpuMedian: number } {
  for (let i = 0; i < warmup; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    wall.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
  }
  const at = (samples: number[], q: number): number => {
    const sorted = [...samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  };
  return { median: at(wall, 0.5), p95: at(wall, 0.95), cpuMedian: at(cpu, 0.5) };
}
const print = (measure: string, value: number, unit: string): void =>
  console.log(JSON.stringify({ measure, value: Math.round(value * 100) / 100, unit }));

const sample = buildComparison(input, allDebates);
print('compare.input.claims', claims.length, 'count');
print('compare.result.rows', sample.rows.length, 'count');
print('compare.result.claims-of-speakers', sample.speakers.reduce((n, s) => n + s.claimCount, 0), 'count');
const build = time(() => buildComparison(input, allDebates));
print('compare.build.6x30.all-debates.median', build.median, 'ms');
print('compare.build.6x30.all-debates.p95', build.p95, 'ms');
print('compare.build.6x30.all-debates.cpu.median', build.cpuMedian, 'ms');
const ranged = time(() => buildComparison(input, dateRange));
print('compare.build.6x30.date-range.median', ranged.median, 'ms');
print('compare.build.6x30.date-range.p95', ranged.p95, 'ms');
print('compare.build.6x30.date-range.cpu.median', ranged.cpuMedian, 'ms');
const csv = time(() => compareCsv(sample));
print('compare.csv.6x30.median', csv.median, 'ms');
