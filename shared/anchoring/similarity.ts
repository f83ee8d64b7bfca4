/** Collapses runs of white space to one space and trims, so re-wrapped or re-spaced text compares equal. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Lower case, letters and digits only, single spaces: what survives a captions → transcript correction. */
export function looseForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Above this many DP cells the exact distance costs more than it tells; word overlap is used instead.
const MAX_CELLS = 250_000;

// Reused between calls: re-anchoring compares thousands of short contexts, and fresh rows each time fed the GC.
let rowA = new Int32Array(128);
let rowB = new Int32Array(128);

/**
 * Levenshtein distance. Re-anchoring mostly compares near-identical strings (a quote or its surroundings with case,
 * punctuation or a word changed), so the table is computed only in a band around its diagonal (Ukkonen): the band
 * starts at 8 and doubles until the distance found lies within it, which makes it exact, in O(n · distance).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const longer = Math.max(a.length, b.length);
  for (let band = Math.max(8, Math.abs(a.length - b.length)); ; band *= 2) {
    if (band >= longer) return fullDistance(a, b);
    const d = bandedDistance(a, b, band);
    if (d <= band) return d;
  }
}

/** Levenshtein distance with two rows, over the whole table. */
function fullDistance(a: string, b: string): number {
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length * 2 + 2);
    rowB = new Int32Array(b.length * 2 + 2);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const sub = prev[j - 1]! + cost;
      cur[j] = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * The distance if it is at most `band`, else some number above `band`: only cells with |i − j| ≤ band are computed,
 * the rest count as band + 1 (a path through them costs more than band anyway).
 */
function bandedDistance(a: string, b: string, band: number): number {
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length * 2 + 2);
    rowB = new Int32Array(b.length * 2 + 2);
  }
  const over = band + 1;
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j <= band ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    cur[from - 1] = from === 1 && i <= band ? i : over;
    const ca = a.charCodeAt(i - 1);
    let best = cur[from - 1]!;
    for (let j = from; j <= to; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const del = j <= i - 1 + band ? prev[j]! + 1 : over;
      const ins = cur[j - 1]! + 1;
      const sub = prev[j - 1]! + cost;
      let v = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
      if (v > over) v = over;
      cur[j] = v;
      if (v < best) best = v;
    }
    if (to < b.length) cur[to + 1] = over;
    if (best > band) return over;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

function wordOverlap(a: string, b: string): number {
  const wa = a.split(' ');
  const wb = b.split(' ');
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of wb) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(w, c - 1);
    }
  }
  return (2 * shared) / (wa.length + wb.length);
}

/** 1 for equal strings, 0 for nothing in common: 1 − edit distance / longer length, on white-space-collapsed text. */
export function similarity(a: string, b: string): number {
  const x = collapseSpace(a);
  const y = collapseSpace(b);
  if (x === y) return 1;
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 1;
  if (x.length * y.length > MAX_CELLS) return wordOverlap(x, y);
  return 1 - editDistance(x, y) / longer;
}

/**
 * How well the text around a candidate span matches an anchor's stored prefix and suffix, 0..1. Context is compared
 * in loose form (case, punctuation and spacing ignored) because a corrected transcript changes those everywhere
 * without moving anything; only the characters nearest the span are compared, as many as were stored.
 */
export function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const side = (stored: string, actual: string): number => {
    if (stored === actual) return 1;
    const a = looseForm(stored);
    const b = looseForm(actual);
    if (a.length === 0 && b.length === 0) return 1;
    if (a === b) return 1;
    const longer = Math.max(a.length, b.length);
    return 1 - editDistance(a, b) / longer;
  };
  const before = side(prefix, text.slice(Math.max(0, start - prefix.length), start));
  const after = side(suffix, text.slice(end, end + suffix.length));
  return (before + after) / 2;
}
