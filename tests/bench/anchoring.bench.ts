/**
 * Re-anchoring 5,000 annotations on a generated 3-hour debate (~30,000 words) after an edit, with reanchorAll and
 * with approx-string-match used the way Hypothesis uses it (match-quote.ts: exact occurrences first, else an
 * approximate search with up to quote.length / 2 errors; candidates scored by quote, prefix, suffix and distance
 * from the old position). Prints one JSON figure per line.
 */
import search from 'approx-string-match';
import { createAnchor } from '../../shared/anchoring/createAnchor.js';
import { reanchorAll } from '../../shared/anchoring/reanchorAll.js';
import type { Anchor } from '../../shared/model.js';

function figure(measure: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ measure, value: Math.round(value * 1000) / 1000, unit, ...extra }));
}

// Deterministic so runs compare.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20161009);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const FUNCTION_WORDS = 'the a of to and in that is we it for on this they are be have not with as you our will was at I what by but from my people'.split(' ');
const SYLLABLES = 'ta ri mon ver sel ka do pre lin gra tor mis ent ral cu bo fe nu shi war den tax job plan deal'.split(' ');
const LEXICON = Array.from({ length: 4000 }, () => {
  const n = 1 + Math.floor(random() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += pick(SYLLABLES);
  return w;
});
const SPEAKERS = ['HOLT', 'TRUMP', 'CLINTON', 'RADDATZ', 'COOPER'];

function sentence(): string {
  const length = 6 + Math.floor(random() * 18);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    const r = random();
    words.push(r < 0.45 ? pick(FUNCTION_WORDS) : r < 0.5 ? String(Math.floor(random() * 2000)) : pick(LEXICON));
  }
  const s = words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + pick(['.', '.', '.', '?', '!']);
}

function debate(targetWords: number): string {
  const turns: string[] = [];
  let words = 0;
  while (words < targetWords) {
    const sentences: string[] = [];
    const count = 1 + Math.floor(random() * 8);
    for (let i = 0; i < count; i++) sentences.push(sentence());
    const body = sentences.join(' ');
    words += body.split(' ').length;
    turns.push(`${pick(SPEAKERS)}: ${body}`);
    if (random() < 0.1) turns.push('(APPLAUSE)');
  }
  return turns.join('\n\n');
}

function makeAnchors(text: string, count: number): Anchor[] {
  const wordStarts: number[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) wordStarts.push(m.index);
  const anchors: Anchor[] = [];
  for (let i = 0; i < count; i++) {
    const w = Math.floor(random() * (wordStarts.length - 20));
    const span = 3 + Math.floor(random() * 12);
    const start = wordStarts[w]!;
    const lastWord = wordStarts[w + span - 1]!;
    const end = lastWord + /^\S+/.exec(text.slice(lastWord))![0].length;
    anchors.push(createAnchor(text, start, end, 1));
  }
  return anchors;
}

/** Scattered edits, applied back to front so earlier offsets stay valid: word swaps, insertions, deleted sentences. */
function scatteredEdits(text: string, count: number): string {
  const points = Array.from({ length: count }, () => Math.floor(random() * text.length)).sort((a, b) => b - a);
  let out = text;
  for (const p of points) {
    const at = out.indexOf(' ', p);
    if (at < 0) continue;
    const kind = random();
    if (kind < 0.4) {
      const next = out.indexOf(' ', at + 1);
      out = out.slice(0, at + 1) + pick(LEXICON) + out.slice(next < 0 ? out.length : next);
    } else if (kind < 0.7) {
      out = out.slice(0, at + 1) + 'indeed, frankly ' + out.slice(at + 1);
    } else {
      const end = out.indexOf('. ', at);
      if (end > 0 && end - at < 300) out = out.slice(0, at + 1) + out.slice(end + 2);
    }
  }
  return out;
}

// ---- The peer: Hypothesis' match-quote.ts over approx-string-match. ----
interface PeerMatch {
  start: number;
  end: number;
}
function peerSearch(text: string, str: string, maxErrors: number): Array<{ start: number; end: number; errors: number }> {
  const exact: Array<{ start: number; end: number; errors: number }> = [];
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
function peerMatchQuote(text: string, anchor: Anchor): PeerMatch | null {
  const { exact: quote, prefix, suffix } = anchor.quote;
  const hint = anchor.position.start;
  const maxErrors = Math.min(256, quote.length / 2);
  const matches = peerSearch(text, quote, maxErrors);
  let best: PeerMatch | null = null;
  let bestScore = -Infinity;
  for (const m of matches) {
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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function compare(label: string, oldText: string, newText: string, anchors: Anchor[], runs: number): void {
  // Interleaved and reported as medians: this machine is shared, and load comes and goes.
  const oursTimes: number[] = [];
  const peerTimes: number[] = [];
  let ours = reanchorAll(anchors, oldText, newText, 2);
  let peer = anchors.map((a) => peerMatchQuote(newText, a));
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    ours = reanchorAll(anchors, oldText, newText, 2);
    oursTimes.push(performance.now() - t);
    t = performance.now();
    peer = anchors.map((a) => peerMatchQuote(newText, a));
    peerTimes.push(performance.now() - t);
  }
  const oursTime = median(oursTimes);
  const peerTime = median(peerTimes);

  let agree = 0;
  let agreeMoved = 0;
  let movedByUs = 0;
  let peerAttachedOrphan = 0;
  let agreeReview = 0;
  let nearlySame = 0;
  const states = { anchored: 0, review: 0, orphaned: 0 };
  ours.forEach((result, i) => {
    states[result.state]++;
    const p = peer[i];
    const a = result.anchor;
    if (result.state === 'anchored') movedByUs++;
    if (!a && p) peerAttachedOrphan++;
    const same = a && p ? a.position.start === p.start && a.position.end === p.end : !a && !p;
    if (same) {
      agree++;
      if (result.state === 'anchored') agreeMoved++;
      if (result.state === 'review') agreeReview++;
    } else if (a && p && Math.abs(a.position.start - p.start) <= 3 && Math.abs(a.position.end - p.end) <= 3) {
      nearlySame++;
    }
  });
  figure(`reanchorAll ${label}`, oursTime, 'ms', { anchors: anchors.length, chars: newText.length, runs });
  figure(`approx-string-match ${label}`, peerTime, 'ms', { anchors: anchors.length });
  figure(`speed-up ${label}`, peerTime / oursTime, 'x');
  figure(`same position ${label}`, agree, 'anchors', { of: anchors.length, ...states });
  figure(`same position among silently anchored ${label}`, agreeMoved, 'anchors', { of: movedByUs });
  figure(`same position among proposed for review ${label}`, agreeReview, 'anchors', { of: states.review });
  figure(`within 3 characters at both ends, otherwise ${label}`, nearlySame, 'anchors');
  figure(`peer attaches where we orphan ${label}`, peerAttachedOrphan, 'anchors');
}

const text = debate(30_000);
const anchors = makeAnchors(text, 5_000);
figure('document', text.split(/\s+/).length, 'words', { chars: text.length });

// One edit: a paragraph inserted near the start shifts every anchor after it.
const cut = text.indexOf('\n\n', 2_000);
const oneEdit = text.slice(0, cut) + '\n\nHOLT: ' + sentence() + ' ' + sentence() + text.slice(cut);
compare('one edit', text, oneEdit, anchors, 3);

/** Live captions of a text: lower case, no punctuation, re-broken into short lines, 3% of words misheard. */
function captionsOf(source: string): string {
  const words = source
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (random() < 0.03 ? pick(LEXICON) : w));
  const lines: string[] = [];
  for (let i = 0; i < words.length; i += 7) lines.push(words.slice(i, i + 7).join(' '));
  return lines.join('\n');
}

// A batch of 200 scattered edits.
const scattered = scatteredEdits(text, 200);
compare('200 scattered edits', text, scattered, anchors, 3);

// The corrected transcript replacing live captions: every line changes, so there is no line-level shortcut.
const captions = captionsOf(text);
compare('captions to transcript', captions, text, makeAnchors(captions, 5_000), 3);
