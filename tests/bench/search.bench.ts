/**
 * Search on a 1M-word library: 40 generated debates of ~25,000 words (sentences of the 2016 US debates, reshuffled,
 * spoken by three people each) and 2,000 claims. Our index (one entry per turn, claims, filters) beside MiniSearch on
 * the raw texts (one entry per whole document, same search options): build time, serialised size, load-from-JSON
 * time, and latency p50/p95 over 200 realistic queries (words, two-word queries, prefixes, typos, names, a filter).
 * One JSON object per line: {"measure","value","unit"}.
 */
import { existsSync, readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import Papa from 'papaparse';
import type { Claim, DocumentRecord, Turn } from '../../shared/model.js';
import { claimEntry, fingerprint, planUpdate, turnEntries } from '../../shared/search/searchEntries.js';
import { SearchIndex, hitSpan, tokenize } from '../../shared/search/searchIndex.js';

const line = (o: Record<string, unknown>): void => console.log(JSON.stringify(o));
const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

// Seeded, so every run searches the same library with the same queries.
let seed = 42;
function random(): number {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const csv = [new URL('../../../shared/samples/us2016-general-debates.csv', import.meta.url), new URL('../fixtures/import/seed/us2016-general-debates.csv', import.meta.url)]
  .filter((url) => existsSync(url))
  .map((url) => readFileSync(url, 'utf8'))[0];
if (csv === undefined) throw new Error('us2016-general-debates.csv not found');
const rows = Papa.parse<{ Text: string }>(csv, { header: true, skipEmptyLines: true }).data.filter((r) => typeof r.Text === 'string' && r.Text.trim());
const sentences = rows.flatMap((r) => r.Text.split(/(?<=[.!?])\s+/)).filter((s) => s.split(' ').length >= 4);

const DEBATES = 40;
const WORDS_PER_DEBATE = 25_000;
const t0 = '2026-01-01T00:00:00.000Z';
const documents: { document: DocumentRecord; turns: Turn[] }[] = [];
let totalWords = 0;
for (let d = 0; d < DEBATES; d++) {
  const id = `doc_${d}`;
  const people = [`per_${d % 7}`, `per_${(d + 3) % 7}`, 'per_moderator'];
  const turns: Turn[] = [];
  const texts: string[] = [];
  let words = 0;
  let offset = 0;
  while (words < WORDS_PER_DEBATE) {
    const n = 2 + Math.floor(random() * 10);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(pick(sentences));
    const text = parts.join(' ');
    words += text.split(/\s+/).length;
    turns.push({ id: `${id}_t${turns.length}`, documentId: id, index: turns.length, personId: pick(people), kind: 'speech', text, offset });
    texts.push(text);
    offset += text.length + 2;
  }
  totalWords += words;
  documents.push({ document: { id, debateId: `deb_${d}`, title: `Debate ${d}`, format: 'text', text: texts.join('\n\n'), version: 1, createdAt: t0, updatedAt: t0 }, turns });
}
const claims: Claim[] = Array.from({ length: 2000 }, (_, i) => ({
  id: `clm_${i}`,
  text: pick(sentences),
  topicIds: [`top_${i % 12}`],
  type: 'statistic',
  status: pick(['new', 'researching', 'checked', 'published'] as const),
  claimantId: `per_${i % 7}`,
  createdAt: t0,
  updatedAt: t0,
}));
line({ measure: 'search library', value: totalWords, unit: 'words', documents: DEBATES, turns: documents.reduce((n, d) => n + d.turns.length, 0), claims: claims.length });

// Queries a fact-checker would type: whole words, two words, prefixes while typing, typos, names.
const vocabulary = [...new Set(sentences.flatMap((s) => tokenize(s)).filter((w) => w.length >= 4))];
const names = ['Clinton', 'Trump', 'Obama', 'Putin', 'Russia', 'China', 'Mexico', 'NAFTA', 'ISIS', 'Iran', 'Syria', 'Aleppo', 'Pence', 'Kaine'];
function typo(word: string): string {
  const i = 1 + Math.floor(random() * (word.length - 2));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}
const queries: string[] = [];
for (let i = 0; i < 200; i++) {
  const kind = i % 5;
  if (kind === 0) queries.push(pick(vocabulary));
  else if (kind === 1) queries.push(`${pick(vocabulary)} ${pick(vocabulary)}`);
  else if (kind === 2) queries.push(pick(vocabulary).slice(0, 4));
  else if (kind === 3) queries.push(typo(pick(vocabulary.filter((w) => w.length >= 6))));
  else queries.push(pick(names));
}

function percentiles(times: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length * 0.5)]!, p95: sorted[Math.floor(sorted.length * 0.95)]!, max: sorted[sorted.length - 1]! };
}
function time<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}

// Our index: an entry per turn, per claim.
const ours = time(() => {
  const index = SearchIndex.empty();
  for (const { document, turns } of documents) index.putSource(`doc:${document.id}`, document.updatedAt, turnEntries(document, turns));
  for (const claim of claims) {
    const entry = claimEntry(claim, [], undefined, () => undefined);
    index.putSource(`claim:${claim.id}`, fingerprint(entry), [entry]);
  }
  return index;
});
const index = ours.result;
line({ measure: 'search build (ours)', value: Math.round(ours.ms), unit: 'ms', entries: index.size });

// MiniSearch on the raw texts: one entry per whole document, the same search options.
const raw = time(() => {
  const mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], searchOptions: { prefix: true, fuzzy: (term) => (term.length >= 5 ? 0.2 : false), combineWith: 'AND' } });
  mini.addAll(documents.map((d) => ({ id: d.document.id, text: d.document.text })));
  return mini;
});
line({ measure: 'search build (raw MiniSearch)', value: Math.round(raw.ms), unit: 'ms', entries: raw.result.documentCount });

const saved = time(() => index.save());
const savedJson = JSON.stringify(saved.result);
line({ measure: 'search serialise (ours)', value: Math.round(saved.ms), unit: 'ms' });
line({ measure: 'search serialised size (ours)', value: round(savedJson.length / 1e6), unit: 'MB' });
line({ measure: 'search serialised size (raw MiniSearch)', value: round(JSON.stringify(raw.result).length / 1e6), unit: 'MB' });
const loaded = time(() => SearchIndex.load(JSON.parse(savedJson) as unknown)!);
line({ measure: 'search load from JSON (ours)', value: Math.round(loaded.ms), unit: 'ms' });

// What a start with nothing changed costs before the index is usable: the stamps compared.
const current = new Map(Object.entries(loaded.result.manifest).map(([k, v]) => [k, v.stamp]));
const plan = time(() => planUpdate(loaded.result.manifest, current));
line({ measure: 'search plan update, nothing changed', value: round(plan.ms), unit: 'ms', build: plan.result.build.length });

// The window's share of every change: claim entries fingerprinted to see which changed (the index is in a worker).
const stampClaims = time(() => claims.map((c) => fingerprint(claimEntry(c, [], undefined, () => undefined))));
line({ measure: 'search stamp 2,000 claims (window, per change)', value: round(stampClaims.ms, 1), unit: 'ms' });

// A changed document: its turns out and in again (a transcript corrected).
const changed = documents[0]!;
const reindex = time(() => loaded.result.putSource(`doc:${changed.document.id}`, 'changed', turnEntries(changed.document, changed.turns)));
line({ measure: 'search re-index one 25k-word debate', value: round(reindex.ms, 1), unit: 'ms' });

/**
 * Wall-clock latency, and CPU time of this process per query beside it: the machine these figures come from is
 * shared, and CPU time is what other processes cannot inflate.
 */
function measure(label: string, run: (q: string) => unknown): void {
  for (const q of queries.slice(0, 20)) run(q); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const start = performance.now();
    const c = process.cpuUsage();
    const result = run(q) as unknown[];
    const used = process.cpuUsage(c);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
    hits += result.length;
  }
  const p = percentiles(times);
  const c = percentiles(cpu);
  line({ measure: `search p50 (${label})`, value: round(p.p50), unit: 'ms', cpu: round(c.p50) });
  line({ measure: `search p95 (${label})`, value: round(p.p95), unit: 'ms', cpu: round(c.p95), max: round(p.max), queries: queries.length, meanResults: round(hits / queries.length, 1) });
}

const textOf = new Map<string, string>(documents.flatMap((d) => d.turns.map((t) => [`turn:${t.id}`, t.text] as const)));
measure('ours', (q) => loaded.result.search(q));
// What the dialog does per keystroke: search, then the exact word in each of the 50 turns shown.
measure('ours, with exact hit offsets', (q) => {
  const hits = loaded.result.search(q);
  for (const h of hits) if (h.kind === 'turn') hitSpan(textOf.get(h.id) ?? '', h.terms);
  return hits;
});
measure('ours, speaker filter', (q) => loaded.result.search(q, { personId: 'per_3' }));
measure('raw MiniSearch, whole documents', (q) => raw.result.search(q));

