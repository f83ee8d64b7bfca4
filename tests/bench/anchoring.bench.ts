/**
 * Re-anchoring annotations after a document's text changed: reanchorAll beside approx-string-match used the way
 * Hypothesis uses it (match-quote.ts: exact occurrences first, else an approximate search with up to quote.length / 2
 * errors; candidates scored by quote, prefix, suffix and distance from the old position), on the same anchors.
 * Generated debates of 30k, 100k and 1M words, with a rich and with a repetitive vocabulary (a small lexicon and a
 * quarter of the sentences slogans said word for word), under three changes: one paragraph inserted near the start,
 * scattered edits (one per 150 words), and a corrected transcript replacing live captions (every line differs).
 * Placements are scored against the generator's ground truth (tests/bench/support/anchoringCorpus.ts).
 * Goals: time ≤ 1/10 of the peer's; correct placements ≥ the peer's; nothing anchored silently in a wrong place.
 * ANCHORING_BENCH_SIZES=30000,100000 runs some sizes only; ANCHORING_BENCH_ONLY=captions the scenarios whose name holds
 * that text.
 */
import search from 'approx-string-match';
import { reanchorAll } from '../../shared/anchoring/reanchorAll.js';
import type { ReanchorResult } from '../../shared/anchoring/reanchor.js';
import type { Anchor } from '../../shared/model.js';
import { captions, Corpus, transcript, type TruthAnchor, type Vocabulary } from './support/anchoringCorpus.js';
import { figure, median } from './support/figures.js';

// ---- The peer: Hypothesis' match-quote.ts over approx-string-match. ----
interface Span {
  start: number;
  end: number;
}
function peerSearch(text: string, str: string, maxErrors: number): Array<Span & { errors: number }> {
  const exact: Array<Span & { errors: number }> = [];
  let at = text.indexOf(str);
  while (at !== -1) {
    exact.push({ start: at, end: at + str.length, errors: 0 });
    at = text.indexOf(str, at + 1);
  }
  return exact.length > 0 ? exact : search(text, str, maxErrors);
}
function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const matches = search(text, str, str.length);
  return 1 - matches[0]!.errors / str.length;
}
function peerMatchQuote(text: string, anchor: Anchor): Span | undefined {
  const { exact: quote, prefix, suffix } = anchor.quote;
  const hint = anchor.position.start;
  const maxErrors = Math.min(256, quote.length / 2);
  let best: Span | undefined;
  let bestScore = -Infinity;
  for (const m of peerSearch(text, quote, maxErrors)) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = prefix ? textMatchScore(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix) : 1;
    const suffixScore = suffix ? textMatchScore(text.slice(m.end, m.end + suffix.length), suffix) : 1;
    const posScore = 1 - Math.abs(m.start - hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (score > bestScore) {
      bestScore = score;
      best = { start: m.start, end: m.end };
    }
  }
  return best;
}

/** Right place: exactly, for a quote that survived word for word; within 2 characters at each end otherwise. */
function correct(placed: Span | undefined, c: TruthAnchor): boolean {
  if (!c.truth) return placed === undefined;
  if (!placed) return false;
  const slack = c.intact ? 0 : 2;
  return Math.abs(placed.start - c.truth[0]) <= slack && Math.abs(placed.end - c.truth[1]) <= slack;
}

const ONLY = process.env.ANCHORING_BENCH_ONLY;

function scenario(name: string, oldText: string, newText: string, cases: TruthAnchor[], runs: number): void {
  const anchors = cases.map((c) => c.anchor);
  let ours: ReanchorResult[] = [];
  let peer: Array<Span | undefined> = [];
  const oursTimes: number[] = [];
  const peerTimes: number[] = [];
  const oursCpu: number[] = [];
  const peerCpu: number[] = [];
  // Wall time, and this process's CPU time beside it: on this shared machine other processes stretch wall time
  // (and starve the garbage collector's helper threads, which the side that allocates more waits for), but they
  // cannot inflate the CPU time a side uses.
  const timed = (work: () => void, wall: number[], cpu: number[]) => {
    collect();
    const c = process.cpuUsage();
    const t = performance.now();
    work();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  };
  // Interleaved: ours, the peer, ours… so a burst of load lands on both. The peer runs once: it is the slow side.
  for (let r = 0; r < runs; r++) {
    timed(() => (ours = reanchorAll(anchors, oldText, newText, 2)), oursTimes, oursCpu);
    if (r === 0) timed(() => (peer = anchors.map((a) => peerMatchQuote(newText, a))), peerTimes, peerCpu);
  }
  const oursMs = median(oursTimes);
  const peerMs = median(peerTimes);
  const states = { anchored: 0, review: 0, orphaned: 0 };
  let oursCorrect = 0;
  let peerCorrect = 0;
  let silentlyWrong = 0;
  let reviewCorrect = 0;
  ours.forEach((result, i) => {
    const c = cases[i]!;
    states[result.state]++;
    const placed = result.anchor ? { start: result.anchor.position.start, end: result.anchor.position.end } : undefined;
    const right = correct(placed, c);
    if (right) oursCorrect++;
    if (right && result.state === 'review') reviewCorrect++;
    if (result.state === 'anchored' && !right) silentlyWrong++;
    if (correct(peer[i], c)) peerCorrect++;
  });
  const about = { anchors: anchors.length, intact: cases.filter((c) => c.intact).length, deleted: cases.filter((c) => !c.truth).length, chars: newText.length };
  figure(`re-anchoring, ${name}: reanchorAll, CPU time`, median(oursCpu), 'ms', { wall: Math.round(oursMs), runs: oursCpu.map(Math.round), ...about });
  figure(`re-anchoring, ${name}: approx-string-match as Hypothesis uses it (peer), CPU time`, median(peerCpu), 'ms', { wall: Math.round(peerMs), perAnchor: median(peerCpu) / anchors.length });
  figure(`re-anchoring, ${name}: CPU time, reanchorAll / peer`, median(oursCpu) / median(peerCpu), 'x', { goal: '<= 0.1', wallRatio: Math.round((oursMs / peerMs) * 1000) / 1000 });
  figure(`re-anchoring, ${name}: correct placements, reanchorAll`, oursCorrect, 'anchors', { of: anchors.length, ...states, correctInReview: reviewCorrect });
  figure(`re-anchoring, ${name}: correct placements, peer`, peerCorrect, 'anchors', { of: anchors.length });
  figure(`re-anchoring, ${name}: correct placements, reanchorAll − peer`, oursCorrect - peerCorrect, 'anchors', { goal: '>= 0' });
  figure(`re-anchoring, ${name}: anchored silently in a wrong place`, silentlyWrong, 'anchors', { goal: '== 0' });
}

const SIZES = (process.env.ANCHORING_BENCH_SIZES ?? '30000,100000,1000000').split(',').map(Number);
// As many anchors as the peer can place in reasonable time; our time is mostly the one diff, whatever the count.
const anchorsFor = (size: number) => (size <= 30_000 ? 1_000 : size <= 100_000 ? 500 : 200);
const runsFor = (size: number) => (size <= 100_000 ? 5 : 3);
const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`);

// Collected between timings when the bench runs with --expose-gc (npm run bench does), so no side pays for the
// other's garbage or the generator's.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

for (const vocabulary of ['rich', 'repetitive'] as Vocabulary[]) {
  for (const size of SIZES) {
    const what = `${label(size)} words, ${vocabulary} vocabulary`;
    const changes: Array<[string, (corpus: Corpus, words: ReturnType<Corpus['debate']>) => { oldText: string; newText: string; cases: TruthAnchor[] }]> = [
      ['one paragraph inserted', (corpus, words) => {
        const before = transcript(words);
        const after = transcript(corpus.oneEdit(words));
        return { oldText: before.text, newText: after.text, cases: corpus.anchors(words, before, after, anchorsFor(size)) };
      }],
      ['scattered edits', (corpus, words) => {
        const before = transcript(words);
        const after = transcript(corpus.scatteredEdits(words, 150));
        return { oldText: before.text, newText: after.text, cases: corpus.anchors(words, before, after, anchorsFor(size)) };
      }],
      ['captions to transcript', (corpus, words) => {
        const live = captions(words, corpus, size);
        const after = transcript(words);
        return { oldText: live.text, newText: after.text, cases: corpus.anchors(words, live, after, anchorsFor(size)) };
      }],
    ];
    for (const [change, make] of changes) {
      const name = `${change}, ${what}`;
      if (ONLY && !name.includes(ONLY)) continue;
      // Each scenario from its own seed, so running one alone measures the same texts and anchors.
      const corpus = new Corpus(vocabulary, size + (vocabulary === 'rich' ? 1 : 2));
      const words = corpus.debate(size);
      const { oldText, newText, cases } = make(corpus, words);
      scenario(name, oldText, newText, cases, runsFor(size));
    }
  }
}
