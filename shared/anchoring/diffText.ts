/**
 * A word-level diff of two texts, made once per edit so thousands of anchors can be mapped through it by binary
 * search instead of each being searched for. Patience diff (align on words that occur once in both texts, then
 * recurse into the gaps) keeps it near-linear on long transcripts; Myers' O(ND) diff fills the small gaps between.
 * No library is used because the general-purpose ones are character-level (diff-match-patch) or build an object
 * per token (jsdiff), both far too slow for 180 KB with many edits.
 */

/** old[oldStart, oldStart + length) equals new[newStart, newStart + length). */
export interface EqualRun {
  oldStart: number;
  newStart: number;
  length: number;
}

// Myers is O((n + m) · d); past this many steps a gap is treated as rewritten rather than aligned word by word.
const MYERS_BUDGET = 4_000_000;
// Lines are only a shortcut (what they leave unmatched is diffed word by word), so a long gap of lines that do not
// align (captions against a transcript: no line the same) is given up on early.
const LINE_MYERS_BUDGET = 250_000;
// Texts longer than this (characters) are first checked for lines worth aligning, by this many sampled lines.
const LINE_SAMPLE_ABOVE = 65_536;
const LINE_SAMPLES = 16;
const LINE_SAMPLE_REACH = 32_768;
// Tokens up to this long are copied when first interned (V8 copies such short slices anyway).
const SHORT_TOKEN = 12;
// A diff of a short stretch (re-anchoring diffs many, between the anchors found intact) reuses the buffers of the
// last one, when they stayed this small (entries); a long text's buffers are let go.
const POOL_LIMIT = 1 << 13;
// Equal lines shorter than this (in all) do not split a changed stretch; see diffText.
const MIN_LINE_RUN = 64;
// Stretches longer than this (tokens, both sides) with no unique token are split on unique runs of words.
const LOOSE_ABOVE = 256;
// Runs of up to this many words are tried; a run found once per this many words is enough to split on.
const MAX_LOOSE_RUN = 16;
const LOOSE_SPACING = 200;

const WORD = 0;
const SPACE = 1;
const OTHER = 2;

function classify(code: number): number {
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f) {
      return WORD;
    }
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return SPACE;
    return OTHER;
  }
  if (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000) {
    return SPACE;
  }
  // Latin-1 punctuation, general punctuation (curly quotes, dashes), CJK punctuation.
  if ((code >= 0xa1 && code <= 0xbf) || code === 0xd7 || code === 0xf7 || (code >= 0x2010 && code <= 0x206f) || (code >= 0x3001 && code <= 0x303f)) {
    return OTHER;
  }
  return WORD;
}

// The class of every UTF-16 code unit, looked up rather than computed: tokenizing a million-word text asks 6M times.
const CLASS = new Uint8Array(0x10000);
for (let code = 0; code < 0x10000; code++) CLASS[code] = classify(code);

interface Tokens {
  /** Char offset where token i starts; starts[count] is the end of the text. */
  starts: Int32Array;
  ids: Int32Array;
  count: number;
}

/** Gives each distinct token an integer id. */
interface Interner {
  readonly size: number;
  /** The id of text[start, end); `hash` is a hash of those characters when the caller has one. */
  id(text: string, start: number, end: number, hash: number): number;
  /** The text of each id, in id order. */
  tokens(): Iterable<string>;
}

/**
 * Words, spaces and lines: millions of tokens in a long transcript, so ids are found by a hash of the characters
 * (computed while scanning) in an open-addressing table, without making a string per token.
 */
class TokenInterner implements Interner {
  private slots = new Int32Array(1024).fill(-1);
  private hashes = new Int32Array(256);
  private starts = new Int32Array(256);
  private lengths = new Int32Array(256);
  private readonly texts: string[] = [];
  size = 0;

  // Spaces and punctuation are mostly one ASCII character: their ids are kept by character code. (Small: a diff
  // of scattered edits makes an interner per changed stretch.)
  private readonly single = new Int32Array(128).fill(-1);

  id(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    if (length === 1 && text.charCodeAt(start) < 128) {
      const code = text.charCodeAt(start);
      const known = this.single[code]!;
      if (known !== -1) return known;
      return (this.single[code] = this.insert(text, start, end, hash));
    }
    return this.insert(text, start, end, hash);
  }

  private insert(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    const mask = this.slots.length - 1;
    let s = Math.imul(hash, 0x9e3779b1) >>> 0 & mask;
    for (let id = this.slots[s]!; id !== -1; id = this.slots[s]!) {
      if (this.hashes[id] === hash && this.lengths[id] === length && sameChars(this.texts[id]!, this.starts[id]!, text, start, length)) return id;
      s = (s + 1) & mask;
    }
    const id = this.size++;
    if (id === this.hashes.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.hashes = grow(this.hashes);
      this.starts = grow(this.starts);
      this.lengths = grow(this.lengths);
    }
    this.hashes[id] = hash;
    this.lengths[id] = length;
    // A short token (most words) keeps its own copy of its characters: comparing each later occurrence against its
    // first one, somewhere in a text of megabytes, missed the cache nearly every time.
    if (length <= SHORT_TOKEN) {
      this.texts[id] = text.slice(start, end);
      this.starts[id] = 0;
    } else {
      this.texts[id] = text;
      this.starts[id] = start;
    }
    this.slots[s] = id;
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let s = Math.imul(this.hashes[id]!, 0x9e3779b1) >>> 0 & mask;
      while (this.slots[s] !== -1) s = (s + 1) & mask;
      this.slots[s] = id;
    }
  }

  /** Forgets every token (and the texts they point into), keeping the tables for the next diff. */
  reset(): void {
    this.slots.fill(-1);
    this.single.fill(-1);
    this.texts.length = 0;
    this.size = 0;
  }

  /** Whether the tables are still small enough to keep between diffs. */
  get small(): boolean {
    return this.slots.length <= POOL_LIMIT;
  }

  *tokens(): Iterable<string> {
    for (let id = 0; id < this.size; id++) yield this.token(id);
  }

  token(id: number): string {
    return this.texts[id]!.slice(this.starts[id]!, this.starts[id]! + this.lengths[id]!);
  }
}

function sameChars(a: string, aStart: number, b: string, bStart: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a.charCodeAt(aStart + k) !== b.charCodeAt(bStart + k)) return false;
  return true;
}

/**
 * Words, runs of white space and single other characters, each interned to an integer id. With `into`, its arrays
 * are used and grown as needed. They start at one token per two characters: English has about one per 2.5 to 3
 * (words, the spaces between, punctuation), and starting at one per three outgrew the arrays on a million-word text
 * of short words, which then held and copied both sizes. Arrays as long as the text made such a diff allocate and
 * clear 90 MB.
 */
function tokenize(text: string, from: number, to: number, intern: Interner, into?: { starts: Int32Array<ArrayBuffer>; ids: Int32Array<ArrayBuffer> }): Tokens {
  const guess = Math.min(to - from, Math.ceil((to - from) / 2) + 16) + 1;
  let starts = into && into.starts.length >= guess ? into.starts : new Int32Array(guess);
  let ids = into && into.ids.length >= guess ? into.ids : new Int32Array(guess);
  let count = 0;
  let i = from;
  while (i < to) {
    if (count + 1 >= ids.length) {
      const size = Math.min(to - from + 1, ids.length * 2);
      const moreStarts = new Int32Array(size);
      const moreIds = new Int32Array(size);
      moreStarts.set(starts.subarray(0, count));
      moreIds.set(ids.subarray(0, count));
      starts = moreStarts;
      ids = moreIds;
    }
    const start = i;
    let code = text.charCodeAt(i);
    const cls = CLASS[code]!;
    let hash = Math.imul(0x811c9dc5 ^ code, 0x01000193);
    i++;
    if (cls !== OTHER) {
      while (i < to) {
        code = text.charCodeAt(i);
        if (CLASS[code] !== cls) break;
        hash = Math.imul(hash ^ code, 0x01000193);
        i++;
      }
    }
    starts[count] = start;
    ids[count] = intern.id(text, start, i, hash);
    count++;
  }
  starts[count] = to;
  if (into) {
    into.starts = starts;
    into.ids = ids;
  }
  return { starts, ids, count };
}

/** Lines, each with its line break, interned to integer ids (hashed while scanning, like words). */
function splitLines(text: string, from: number, to: number, intern: Interner): Tokens {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count + 2);
  const ids = new Int32Array(count + 1);
  count = 0;
  let i = from;
  while (i < to) {
    const start = i;
    let hash = 0x811c9dc5;
    let code = 0;
    while (i < to && code !== 0x0a) {
      code = text.charCodeAt(i++);
      hash = Math.imul(hash ^ code, 0x01000193);
    }
    starts[count] = start;
    ids[count] = intern.id(text, start, i, hash);
    count++;
  }
  starts[count] = to;
  return { starts, ids, count };
}

function internId(intern: Map<string, number>, key: string): number {
  let id = intern.get(key);
  if (id === undefined) {
    id = intern.size;
    intern.set(key, id);
  }
  return id;
}

/**
 * Pairs (candA[c], candB[c]), candA increasing: the longest chain with candB increasing too (patience sorting), as a
 * flat [a, b, a, b, …].
 */
function increasingChain(candA: readonly number[], candB: readonly number[]): number[] {
  if (candA.length === 0) return [];
  const tails: number[] = [];
  const prev = new Int32Array(candB.length);
  for (let c = 0; c < candB.length; c++) {
    const value = candB[c]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candB[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    prev[c] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = c;
  }
  const chain: number[] = new Array<number>(tails.length * 2);
  let c = tails[tails.length - 1]!;
  for (let k = tails.length - 1; k >= 0; k--) {
    chain[2 * k] = candA[c]!;
    chain[2 * k + 1] = candB[c]!;
    c = prev[c]!;
  }
  return chain;
}

/** Indices of the word tokens of ids[from, to). */
function wordsOf(ids: Int32Array, fold: Int32Array, from: number, to: number): Int32Array {
  // A word is a whole run of word characters, so no two words are next to each other.
  const out = new Int32Array(Math.ceil((to - from) / 2));
  let n = 0;
  for (let i = from; i < to; i++) if (fold[ids[i]!]! >= 0) out[n++] = i;
  return out.subarray(0, n);
}

// Bases of the two rolling hashes of runs of words (odd, so no word's id is lost to the wrap-around).
const RUN_BASE_1 = 0x01000193;
const RUN_BASE_2 = 0x5bd1e995;

/** A 32-bit mix (MurmurHash3's finaliser): every bit of h affects every bit of the result, and no two h give one. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Two independent 32-bit hashes of each run of k consecutive words (words[i] … words[i + k - 1], by folded id), so
 * that unrelated runs of a million-word text practically never share both (sameRun checks the few that do). They
 * are rolling (polynomial) hashes: each run costs two multiplications whatever k is, where hashing every run
 * afresh cost k for each word of the text.
 */
function runKeys(ids: Int32Array, fold: Int32Array, words: Int32Array, k: number, sample: number): { at: Int32Array; h1: Int32Array; h2: Int32Array } {
  const count = Math.max(0, words.length - k + 1);
  let at = new Int32Array(Math.ceil(count / sample) * 2 + 16);
  let h1 = new Int32Array(at.length);
  let h2 = new Int32Array(at.length);
  let n = 0;
  if (count === 0) return { at: at.subarray(0, 0), h1: h1.subarray(0, 0), h2: h2.subarray(0, 0) };
  // The weight of the run's first word, which leaves it as the run moves on: base^(k - 1).
  let out1 = 1;
  let out2 = 1;
  for (let t = 1; t < k; t++) {
    out1 = Math.imul(out1, RUN_BASE_1);
    out2 = Math.imul(out2, RUN_BASE_2);
  }
  let x = 0;
  let y = 0;
  for (let t = 0; t < k - 1; t++) {
    const id = fold[ids[words[t]!]!]!;
    x = (Math.imul(x, RUN_BASE_1) + id) | 0;
    y = (Math.imul(y, RUN_BASE_2) + id) | 0;
  }
  for (let i = 0; i < count; i++) {
    const id = fold[ids[words[i + k - 1]!]!]!;
    x = (Math.imul(x, RUN_BASE_1) + id) | 0;
    y = (Math.imul(y, RUN_BASE_2) + id) | 0;
    const key = mix(x);
    // Only runs whose hash falls in 1/sample of the range are kept: chosen by content, so the same run is kept or
    // dropped in both texts, and a long stretch needs a table a fraction of its size.
    if ((key >>> 0) % sample === 0) {
      if (n === at.length) {
        at = doubled(at);
        h1 = doubled(h1);
        h2 = doubled(h2);
      }
      at[n] = i;
      h1[n] = key;
      h2[n] = mix(y);
      n++;
    }
    const first = fold[ids[words[i]!]!]!;
    x = (x - Math.imul(first, out1)) | 0;
    y = (y - Math.imul(first, out2)) | 0;
  }
  return { at: at.subarray(0, n), h1: h1.subarray(0, n), h2: h2.subarray(0, n) };
}

/**
 * Runs that occur exactly once in each of two texts, by their hash pairs: an open-addressing table over typed arrays
 * (a Map keyed by numbers made a million entries' worth of garbage). Returns, for each run of A, the index of the
 * same run in B when both are unique, else -1.
 */
function uniqueInBoth(a: { h1: Int32Array; h2: Int32Array }, b: { h1: Int32Array; h2: Int32Array }): Int32Array {
  const n = a.h1.length + b.h1.length;
  let capacity = 16;
  while (capacity < n * 2) capacity *= 2;
  const mask = capacity - 1;
  // Four numbers a slot, side by side so a probe touches one cache line: the two hashes, then where the run is in
  // A and in B (-2: not there, -1: more than once, else its index). A slot with neither position is empty.
  const table = new Int32Array(capacity * 4).fill(-2);
  const slotsA = new Int32Array(a.h1.length);
  for (let i = 0; i < a.h1.length; i++) {
    const s = slotOf(table, mask, a.h1[i]!, a.h2[i]!);
    slotsA[i] = s;
    table[s + 2] = table[s + 2] === -2 ? i : -1;
  }
  for (let j = 0; j < b.h1.length; j++) {
    const s = slotOf(table, mask, b.h1[j]!, b.h2[j]!);
    table[s + 3] = table[s + 3] === -2 ? j : -1;
  }
  const out = new Int32Array(a.h1.length);
  for (let i = 0; i < a.h1.length; i++) {
    const s = slotsA[i]!;
    out[i] = table[s + 2] === i && table[s + 3]! >= 0 ? table[s + 3]! : -1;
  }
  return out;
}

/** The slot of hash pair (x, y) in uniqueInBoth's table, claimed if it was empty. */
function slotOf(table: Int32Array, mask: number, x: number, y: number): number {
  let s = ((Math.imul(x, 0x9e3779b1) ^ y) & mask) * 4;
  while ((table[s + 2] !== -2 || table[s + 3] !== -2) && (table[s] !== x || table[s + 1] !== y)) s = (s + 4) & (mask * 4 + 3);
  table[s] = x;
  table[s + 1] = y;
  return s;
}

function sameRun(a: Int32Array, wa: Int32Array, i: number, b: Int32Array, wb: Int32Array, j: number, k: number, fold: Int32Array): boolean {
  for (let t = 0; t < k; t++) if (fold[a[wa[i + t]!]!] !== fold[b[wb[j + t]!]!]) return false;
  return true;
}

let spare: { lines: Scratch; words: Scratch } | undefined;

const grown = (a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> => (a.length >= n ? a : new Int32Array(Math.max(n, a.length * 2)));

/** Twice as long, holding what `a` held. */
function doubled(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(256, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Buffers shared by the word-level diffs of one diffText call, and one vocabulary for all of them: a diff of
 * scattered edits runs thousands of small ones, and fresh typed arrays for each made most of its time garbage
 * collection.
 */
class Scratch {
  countA = new Int32Array(256);
  countB = new Int32Array(256);
  posA = new Int32Array(256);
  posB = new Int32Array(256);
  matchA = new Int32Array(256);
  matchB = new Int32Array(256);
  tokensA: { starts: Int32Array<ArrayBuffer>; ids: Int32Array<ArrayBuffer> } = { starts: new Int32Array(256), ids: new Int32Array(256) };
  tokensB: { starts: Int32Array<ArrayBuffer>; ids: Int32Array<ArrayBuffer> } = { starts: new Int32Array(256), ids: new Int32Array(256) };
  private foldOf = new Int32Array(256);
  private foldedUpTo = 0;
  private readonly folded = new Map<string, number>();

  constructor(readonly intern: Interner & { token?(id: number): string }) {}

  /** Forgets the vocabulary, keeping the buffers for the next diff. */
  reset(): void {
    (this.intern as TokenInterner).reset();
    this.foldedUpTo = 0;
    this.folded.clear();
  }

  /** Whether the buffers are still small enough to keep between diffs. */
  get small(): boolean {
    const lengths = [this.countA, this.matchA, this.tokensA.starts, this.tokensB.starts, this.foldOf].map((a) => a.length);
    return (this.intern as TokenInterner).small && Math.max(...lengths) <= POOL_LIMIT;
  }

  /** Room for `vocabulary` token ids and `matches` matches. */
  prepare(vocabulary: number, matches: number): void {
    if (this.countA.length < vocabulary) {
      this.countA = grown(this.countA, vocabulary);
      this.countB = grown(this.countB, vocabulary);
      this.posA = grown(this.posA, vocabulary);
      this.posB = grown(this.posB, vocabulary);
    }
    this.matchA = grown(this.matchA, matches);
    this.matchB = grown(this.matchB, matches);
  }


  /** By token id: the id of the word in lower case, or -1 for spaces and punctuation (each token folded once). */
  fold(): Int32Array {
    const size = this.intern.size;
    if (this.foldedUpTo < size && this.intern.token) {
      this.foldOf = grown(this.foldOf, size);
      for (let id = this.foldedUpTo; id < size; id++) {
        const token = this.intern.token(id);
        this.foldOf[id] = CLASS[token.charCodeAt(0)] === WORD ? internId(this.folded, token.toLowerCase()) : -1;
      }
      this.foldedUpTo = size;
    }
    return this.foldOf;
  }
}

/** Sorted, disjoint ranges [start, end) of positions (characters, or token indices). */
class Ranges {
  readonly starts: Int32Array;
  readonly ends: Int32Array;

  /** From [start, end) pairs in any order, overlapping or not; empty ones are dropped. */
  constructor(pairs: readonly number[]) {
    const order: number[] = [];
    for (let k = 0; k + 1 < pairs.length; k += 2) if (pairs[k]! < pairs[k + 1]!) order.push(k);
    order.sort((x, y) => pairs[x]! - pairs[y]!);
    const starts: number[] = [];
    const ends: number[] = [];
    for (const k of order) {
      const start = pairs[k]!;
      const end = pairs[k + 1]!;
      if (ends.length > 0 && start <= ends[ends.length - 1]!) ends[ends.length - 1] = Math.max(ends[ends.length - 1]!, end);
      else {
        starts.push(start);
        ends.push(end);
      }
    }
    this.starts = Int32Array.from(starts);
    this.ends = Int32Array.from(ends);
  }

  /** Whether any range shares a position with [from, to). */
  meets(from: number, to: number): boolean {
    const { starts, ends } = this;
    // The first range ending after `from` (ends increase, the ranges being sorted and disjoint).
    const first = lastAtOrBefore(ends, ends.length, from) + 1;
    return first < starts.length && starts[first]! < to && from < to;
  }

  /** The same ranges as token indices: the tokens (starting at tokenStarts; tokenStarts[count] is their end) that hold any of their characters. */
  tokens(tokenStarts: Int32Array, count: number): Ranges {
    const from = tokenStarts[0]!;
    const to = tokenStarts[count]!;
    const pairs: number[] = [];
    for (let r = 0; r < this.starts.length; r++) {
      const start = Math.max(this.starts[r]!, from);
      const end = Math.min(this.ends[r]!, to);
      if (start < end) pairs.push(lastAtOrBefore(tokenStarts, count, start), lastAtOrBefore(tokenStarts, count, end - 1) + 1);
    }
    return new Ranges(pairs);
  }
}

/**
 * In sorted[0, count), ascending: the index of the last value at or before pos, or -1. (Of token starts: the token
 * holding character pos.)
 */
function lastAtOrBefore(sorted: Int32Array, count: number, pos: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Token-level diff of a and b, writing matched index pairs (in order) to matchA/matchB. */
class TokenDiff {
  private readonly countA: Int32Array;
  private readonly countB: Int32Array;
  private readonly posA: Int32Array;
  private readonly posB: Int32Array;
  // Preallocated for a whole diff: there are at most min(n, m) matches, and growing plain arrays dominated the run
  // time. A diff of some spans only (`only`) has far fewer, so its arrays grow as needed.
  matchA: Int32Array<ArrayBuffer>;
  matchB: Int32Array<ArrayBuffer>;
  matches = 0;

  /**
   * stride: how far the neighbouring unit is (2 for words, past the space between; 1 for lines). With `loose`,
   * long stretches with no unique token are split on runs of words that occur once in both, whatever their case
   * and punctuation (see looseAnchors).
   */
  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    private readonly stride: number,
    private readonly scratch: Scratch,
    private readonly loose: boolean,
    private readonly budget: number,
    private readonly only?: Ranges,
  ) {
    scratch.prepare(scratch.intern.size, only ? 0 : Math.min(a.length, b.length));
    this.countA = scratch.countA;
    this.countB = scratch.countB;
    this.posA = scratch.posA;
    this.posB = scratch.posB;
    this.matchA = scratch.matchA;
    this.matchB = scratch.matchB;
  }

  // With `only`: the ranges left unaligned since the last match (a0, a1, b0, b1, and 1 for a run of words to give
  // to Myers' diff, 0 for a range to diff), and whether the first match from here on is wanted (see diff).
  private readonly skipped: number[] = [];
  private wantNext = false;

  private match(i: number, j: number): void {
    this.skipped.length = 0;
    this.wantNext = false;
    if (this.matches === this.matchA.length) {
      this.matchA = this.scratch.matchA = doubled(this.matchA);
      this.matchB = this.scratch.matchB = doubled(this.matchB);
    }
    this.matchA[this.matches] = i;
    this.matchB[this.matches] = j;
    this.matches++;
  }

  /**
   * Aligns a[a0, a1) with b[b0, b1). With `only`, a range holding none of its tokens is left unaligned, unless the
   * caller's spans need a match in it: a span's end that did not survive maps to the first match after it, and a
   * span's start to the last match before it (see PositionMap.mapSpan). So after a range that holds some of the
   * spans, the ranges after it are aligned until one match is made; and before such a range, the ranges skipped
   * since the last match are aligned, latest first, until one yields a match. Matches are made in the same order,
   * and each range is aligned exactly as in a whole diff, so every span maps as it would through a whole diff.
   */
  diff(a0: number, a1: number, b0: number, b1: number): void {
    this.visit(a0, a1, b0, b1, 0);
  }

  /** Aligns the range as diff (myers 0) or as myers (1) does, or leaves it unaligned; see diff. */
  private visit(a0: number, a1: number, b0: number, b1: number, myers: number): void {
    const wanted = this.only ? this.only.meets(a0, a1) : true;
    if (this.only) {
      if (a0 >= a1 || b0 >= b1) return;
      if (!wanted && !this.wantNext) {
        this.skipped.push(a0, a1, b0, b1, myers);
        return;
      }
      const skipped = this.skipped;
      while (wanted && skipped.length > 0) {
        const m = skipped.pop()!;
        const t1 = skipped.pop()!;
        const t0 = skipped.pop()!;
        const s1 = skipped.pop()!;
        const s0 = skipped.pop()!;
        if (m) this.myers(s0, s1, t0, t1);
        else this.align(s0, s1, t0, t1);
      }
    }
    if (myers) this.myers(a0, a1, b0, b1);
    else this.align(a0, a1, b0, b1);
    if (this.only && wanted) this.wantNext = true;
  }

  private align(a0: number, a1: number, b0: number, b1: number): void {
    const { a, b } = this;
    while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) this.match(a0++, b0++);
    let tail = 0;
    while (a1 > a0 && b1 > b0 && a[a1 - 1] === b[b1 - 1]) {
      a1--;
      b1--;
      tail++;
    }
    if (a0 < a1 && b0 < b1) {
      const anchors = this.uniqueAnchors(a0, a1, b0, b1);
      if (anchors.length > 0) {
        let pa = a0;
        let pb = b0;
        for (let k = 0; k < anchors.length; k += 2) {
          const ia = anchors[k]!;
          const ib = anchors[k + 1]!;
          this.diff(pa, ia, pb, ib);
          this.match(ia, ib);
          pa = ia + 1;
          pb = ib + 1;
        }
        this.diff(pa, a1, pb, b1);
      } else {
        const runs = a1 - a0 + (b1 - b0) > LOOSE_ABOVE ? this.looseAnchors(a0, a1, b0, b1) : [];
        if (runs.length === 0) {
          this.myers(a0, a1, b0, b1);
        } else {
          // Runs of words the same but for case: the stretches between are diffed again, each run word by word.
          let pa = a0;
          let pb = b0;
          for (let k = 0; k < runs.length; k += 4) {
            this.diff(pa, runs[k]!, pb, runs[k + 1]!);
            this.visit(runs[k]!, runs[k + 2]!, runs[k + 1]!, runs[k + 3]!, 1);
            pa = runs[k + 2]!;
            pb = runs[k + 3]!;
          }
          this.diff(pa, a1, pb, b1);
        }
      }
    }
    for (let t = 0; t < tail; t++) this.match(a1 + t, b1 + t);
  }

  /** Tokens occurring exactly once in both ranges, longest increasing chain: flat [ia, ib, ia, ib, …]. */
  private uniqueAnchors(a0: number, a1: number, b0: number, b1: number): number[] {
    const { a, b, countA, countB, posA, posB } = this;
    for (let i = a0; i < a1; i++) countA[a[i]!] = 0;
    for (let j = b0; j < b1; j++) countB[b[j]!] = 0;
    for (let i = a0; i < a1; i++) {
      const id = a[i]!;
      countA[id]!++;
      posA[id] = i;
    }
    for (let j = b0; j < b1; j++) {
      const id = b[j]!;
      countB[id]!++;
      posB[id] = j;
    }
    const candA: number[] = [];
    const candB: number[] = [];
    // A word unique in both texts can still be a stray: one moved or typed in far away. Requiring the next or the
    // previous word (past the space) to agree as well keeps such strays from skewing the alignment.
    const stride = this.stride;
    for (let i = a0; i < a1; i++) {
      const id = a[i]!;
      if (countA[id] === 1 && countB[id] === 1) {
        const j = posB[id]!;
        // countB and posB are only reset for the tokens of this range of b (and shared by every diff of a text): a
        // token absent from it can carry a count and a position from an earlier range.
        if (j < b0 || j >= b1 || b[j] !== id) continue;
        // (No closure for this: a million-word diff calls it hundreds of thousands of times.)
        const after = i + stride < a1 && j + stride < b1 && a[i + 1] === b[j + 1] && a[i + stride] === b[j + stride];
        const before = !after && i - stride >= a0 && j - stride >= b0 && a[i - 1] === b[j - 1] && a[i - stride] === b[j - stride];
        if (after || before) {
          candA.push(i);
          candB.push(j);
        }
      }
    }
    return increasingChain(candA, candB);
  }

  /**
   * For a long stretch where no single token is unique in both texts (a small vocabulary, slogans said again and
   * again; or captions against a transcript, where case, punctuation and line breaks differ everywhere): runs of k
   * words, compared in lower case and skipping what lies between words, that occur exactly once in both. k grows
   * (1, 2, 4, … words) until such runs are found often enough; the longest increasing chain of them splits the
   * stretch. Returns the runs as [startA, startB, endA, endB, …] (token indices, ends exclusive), or [] if none.
   */
  private looseAnchors(a0: number, a1: number, b0: number, b1: number): number[] {
    if (!this.loose) return [];
    const fold = this.scratch.fold();
    const { a, b } = this;
    const wa = wordsOf(a, fold, a0, a1);
    const wb = wordsOf(b, fold, b0, b1);
    let best: number[] = [];
    let bestK = 1;
    for (let k = 1; k <= MAX_LOOSE_RUN && k <= wa.length && k <= wb.length; k *= 2) {
      // Sampled so that about one run in LOOSE_SPACING / 8 words is looked at: still several per piece.
      const sample = Math.max(1, Math.min(LOOSE_SPACING >> 3, Math.floor(wa.length / (LOOSE_SPACING * 64))));
      const keysA = runKeys(a, fold, wa, k, sample);
      const keysB = runKeys(b, fold, wb, k, sample);
      const partner = uniqueInBoth(keysA, keysB);
      const candA: number[] = [];
      const candB: number[] = [];
      for (let p = 0; p < partner.length; p++) {
        const q = partner[p]!;
        if (q < 0) continue;
        const i = keysA.at[p]!;
        const j = keysB.at[q]!;
        if (!sameRun(a, wa, i, b, wb, j, k, fold)) continue;
        candA.push(i);
        candB.push(j);
      }
      const chain = increasingChain(candA, candB);
      if (chain.length > best.length) {
        best = chain;
        bestK = k;
      }
      // Enough to cut the stretch into pieces of a few hundred words; the pieces find their own anchors.
      if (best.length / 2 >= Math.max(1, wa.length / LOOSE_SPACING / sample)) break;
    }
    // As token ranges, dropping runs that overlap the one before (neighbouring runs can both be unique).
    const runs: number[] = [];
    let endA = a0;
    let endB = b0;
    for (let c = 0; c < best.length; c += 2) {
      const startA = wa[best[c]!]!;
      const startB = wb[best[c + 1]!]!;
      if (startA < endA || startB < endB) continue;
      endA = wa[best[c]! + bestK - 1]! + 1;
      endB = wb[best[c + 1]! + bestK - 1]! + 1;
      runs.push(startA, startB, endA, endB);
    }
    return runs;
  }

  private myers(a0: number, a1: number, b0: number, b1: number): void {
    const { a, b } = this;
    const n = a1 - a0;
    const m = b1 - b0;
    if (n <= 0 || m <= 0) return;
    if (n === 1 || m === 1) {
      // The commonest gap between captions and a transcript (a line break for a space, a word's case): one token
      // on a side matches at most one on the other.
      if (n === 1) {
        for (let j = b0; j < b1; j++) if (a[a0] === b[j]) return this.match(a0, j);
      } else {
        for (let i = a0; i < a1; i++) if (a[i] === b[b0]) return this.match(i, b0);
      }
      return;
    }
    const maxD = Math.min(n + m, Math.max(1, Math.floor(this.budget / (n + m))));
    const offset = maxD + 1;
    const v = buffer(0, 2 * maxD + 3);
    v[offset + 1] = 0;
    // The frontier after each step d, kept for the way back: step d's 2d + 1 values start at d².
    let trace = buffer(1, 64);
    let found = -1;
    outer: for (let d = 0; d <= maxD; d++) {
      for (let k = -d; k <= d; k += 2) {
        let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
        let y = x - k;
        while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) found = d;
        if (found >= 0) break;
      }
      if (trace.length < (d + 1) * (d + 1)) trace = grownBuffer(1, trace, (d + 1) * (d + 1));
      trace.set(v.subarray(offset - d, offset + d + 1), d * d);
      if (found >= 0) break outer;
    }
    if (found < 0) return; // too different to align word by word: the whole gap counts as rewritten
    // Matched pairs, found from the end, written backwards so they come out in order.
    const pairs = buffer(2, 2 * Math.min(n, m));
    let p = pairs.length;
    let x = n;
    let y = m;
    for (let d = found; d > 0; d--) {
      const base = (d - 1) * (d - 1) + d - 1;
      const k = x - y;
      const prevK = k === -d || (k !== d && trace[base + k - 1]! < trace[base + k + 1]!) ? k + 1 : k - 1;
      const prevX = trace[base + prevK]!;
      const prevY = prevX - prevK;
      const snakeStartX = prevK === k + 1 ? prevX : prevX + 1;
      while (x > snakeStartX) {
        x--;
        y--;
        pairs[--p] = y;
        pairs[--p] = x;
      }
      x = prevX;
      y = prevY;
    }
    while (x > 0 && y > 0) {
      x--;
      y--;
      pairs[--p] = y;
      pairs[--p] = x;
    }
    for (; p < pairs.length; p += 2) this.match(a0 + pairs[p]!, b0 + pairs[p + 1]!);
  }
}

// Myers' working arrays (frontier, trace, matched pairs), reused between the many small gaps of a diff; a gap that
// needs more than POOL_LIMIT entries gets arrays of its own.
const buffers: Int32Array[] = [new Int32Array(256), new Int32Array(256), new Int32Array(256)];

/** Working array `which`, exactly `length` long (a view of the shared one when that is big enough). */
function buffer(which: number, length: number): Int32Array {
  let shared = buffers[which]!;
  if (shared.length < length) {
    if (length > POOL_LIMIT) return new Int32Array(length);
    shared = buffers[which] = new Int32Array(Math.min(POOL_LIMIT, Math.max(length, shared.length * 2)));
  }
  return shared.subarray(0, length);
}

/** A longer working array `which` holding what `current` held. */
function grownBuffer(which: number, current: Int32Array, length: number): Int32Array {
  const next = buffer(which, Math.max(length, current.length * 2));
  if (next.buffer !== current.buffer) next.set(current);
  return next;
}

/** Collects equal runs in order, merging a run into the previous one when both continue it. */
class RunList {
  readonly runs: EqualRun[] = [];
  private lastOld = -1;
  private lastNew = -1;

  push(oldStart: number, newStart: number, length: number): void {
    if (length <= 0) return;
    if (oldStart === this.lastOld && newStart === this.lastNew) {
      this.runs[this.runs.length - 1]!.length += length;
    } else {
      this.runs.push({ oldStart, newStart, length });
    }
    this.lastOld = oldStart + length;
    this.lastNew = newStart + length;
  }
}

/**
 * Diffs old[oldFrom, oldTo) against new[newFrom, newTo) in lines, or in words with `scratch` (shared by the word
 * diffs of one text), calling `each` on matched units. With `only`, stretches of the old text that hold none of
 * its characters may be left unaligned.
 */
function diffUnits(
  oldText: string,
  oldFrom: number,
  oldTo: number,
  newText: string,
  newFrom: number,
  newTo: number,
  unit: 'lines' | 'words',
  scratch: Scratch,
  each: (oldStart: number, newStart: number, length: number) => void,
  only?: Ranges,
): void {
  let ta: Tokens;
  let tb: Tokens;
  if (unit === 'words') {
    ta = tokenize(oldText, oldFrom, oldTo, scratch.intern, scratch.tokensA);
    tb = tokenize(newText, newFrom, newTo, scratch.intern, scratch.tokensB);
  } else {
    ta = splitLines(oldText, oldFrom, oldTo, scratch.intern);
    tb = splitLines(newText, newFrom, newTo, scratch.intern);
  }
  const words = unit === 'words';
  const differ = new TokenDiff(ta.ids.subarray(0, ta.count), tb.ids.subarray(0, tb.count), words ? 2 : 1, scratch, words, words ? MYERS_BUDGET : LINE_MYERS_BUDGET, only?.tokens(ta.starts, ta.count));
  differ.diff(0, ta.count, 0, tb.count);
  const { matchA, matchB, matches } = differ;
  for (let p = 0; p < matches; p++) {
    const i = matchA[p]!;
    each(ta.starts[i]!, tb.starts[matchB[p]!]!, ta.starts[i + 1]! - ta.starts[i]!);
  }
}

/**
 * The runs of text two versions have in common, in order, adjacent runs merged. Lines are aligned first, so that
 * only the lines an edit touched are split into words: scattered edits then cost little more than hashing lines.
 *
 * With `only` (spans of the old text as [start, end) pairs), the diff need only be right about those spans: where
 * each of their characters went, and what replaced those that did not survive. Stretches between the places it
 * aligns that hold none of them are left unaligned. A few hundred annotations on a million-word text that changed
 * everywhere (live captions replaced by a transcript) then cost the alignment of their own stretches, not of all.
 */
export function diffText(oldText: string, newText: string, only?: readonly number[]): EqualRun[] {
  const wanted = only ? new Ranges(only) : undefined;
  const out = new RunList();
  const push = out.push.bind(out);
  const [prefix, suffix] = commonEnds(oldText, 0, oldText.length, newText, 0, newText.length);
  out.push(0, 0, prefix);
  const oldEnd = oldText.length - suffix;
  const newEnd = newText.length - suffix;
  if (prefix < oldEnd && prefix < newEnd) {
    const lines = new RunList();
    // Taken from the pool while in use, so a diff can never share buffers with another.
    const scratch = spare ?? { lines: new Scratch(new TokenInterner()), words: new Scratch(new TokenInterner()) };
    spare = undefined;
    scratch.lines.reset();
    scratch.words.reset();
    if (linesMayAlign(oldText, prefix, oldEnd, newText)) diffUnits(oldText, prefix, oldEnd, newText, prefix, newEnd, 'lines', scratch.lines, lines.push.bind(lines));
    const words = scratch.words;
    // Blank and very short lines match almost anywhere; trusting them would cut a changed stretch in two at the
    // wrong place. Only substantial runs of equal lines split the text; the rest is diffed word by word.
    let oldAt = prefix;
    let newAt = prefix;
    const diffWords = (oldTo: number, newTo: number): void => {
      if (oldAt >= oldTo || newAt >= newTo || (wanted && !wanted.meets(oldAt, oldTo))) return;
      // An edit changes a line in one place: what the two lines share at either end needs no tokens.
      const [head, tail] = commonEnds(oldText, oldAt, oldTo, newText, newAt, newTo);
      push(oldAt, newAt, head);
      if (oldAt + head < oldTo - tail && newAt + head < newTo - tail) {
        diffUnits(oldText, oldAt + head, oldTo - tail, newText, newAt + head, newTo - tail, 'words', words, push, wanted);
      }
      push(oldTo - tail, newTo - tail, tail);
    };
    for (const run of lines.runs) {
      if (run.length < MIN_LINE_RUN) continue;
      diffWords(run.oldStart, run.newStart);
      push(run.oldStart, run.newStart, run.length);
      oldAt = run.oldStart + run.length;
      newAt = run.newStart + run.length;
    }
    diffWords(oldEnd, newEnd);
    scratch.lines.reset();
    scratch.words.reset();
    if (scratch.lines.small && scratch.words.small) spare = scratch;
  }
  out.push(oldEnd, newEnd, suffix);
  return out.runs;
}

/**
 * Whether aligning lines first is worth it: false for a long text none of whose sampled lines occurs near the same
 * place in the new text (captions against a transcript, where line breaks and case differ everywhere), which is then
 * diffed word by word straight away. Short texts are always aligned by lines; it costs little.
 */
function linesMayAlign(oldText: string, from: number, to: number, newText: string): boolean {
  if (to - from < LINE_SAMPLE_ABOVE) return true;
  let tried = 0;
  for (let k = 0; k < 64 && tried < LINE_SAMPLES; k++) {
    const at = from + Math.floor(((k + 0.5) / 64) * (to - from));
    const start = oldText.lastIndexOf('\n', at) + 1;
    let end = oldText.indexOf('\n', at);
    if (end < 0 || end > to) end = to;
    // A whole line, with the line breaks around it: words of a caption line can occur inside a transcript's turn.
    if (start - 1 < from || end >= to || end - start < 24) continue;
    tried++;
    // Looked for near the same share of the new text: a whole text searched for each sample cost more than it saved.
    const near = Math.floor((at - from) * (newText.length / (to - from)));
    const window = newText.slice(Math.max(0, near - LINE_SAMPLE_REACH), near + LINE_SAMPLE_REACH);
    if (window.includes(oldText.slice(start - 1, end + 1))) return true;
  }
  return tried === 0;
}

/**
 * How many characters old[oldFrom, oldTo) and new[newFrom, newTo) share at the start and at the end (not
 * overlapping), each cut back to a word boundary so a word changed in its last letters is compared as a word.
 */
function commonEnds(oldText: string, oldFrom: number, oldTo: number, newText: string, newFrom: number, newTo: number): [number, number] {
  const limit = Math.min(oldTo - oldFrom, newTo - newFrom);
  let prefix = 0;
  while (prefix < limit && oldText.charCodeAt(oldFrom + prefix) === newText.charCodeAt(newFrom + prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && oldText.charCodeAt(oldTo - 1 - suffix) === newText.charCodeAt(newTo - 1 - suffix)) suffix++;
  const word = (text: string, at: number) => at >= 0 && at < text.length && CLASS[text.charCodeAt(at)] === WORD;
  while (prefix > 0 && word(oldText, oldFrom + prefix - 1) && (word(oldText, oldFrom + prefix) || word(newText, newFrom + prefix))) prefix--;
  while (suffix > 0 && word(oldText, oldTo - suffix) && (word(oldText, oldTo - suffix - 1) || word(newText, newTo - suffix - 1))) suffix--;
  return [prefix, suffix];
}

/** Maps positions of the old text into the new one through the equal runs of a diff. */
export class PositionMap {
  private readonly oldStarts: Int32Array;

  constructor(
    readonly runs: readonly EqualRun[],
    private readonly oldLength: number,
    private readonly newLength: number,
  ) {
    // A loop, not Int32Array.from with a mapping function: captions against a transcript give hundreds of thousands
    // of runs.
    this.oldStarts = new Int32Array(runs.length);
    for (let r = 0; r < runs.length; r++) this.oldStarts[r] = runs[r]!.oldStart;
  }

  /** Index of the last run starting at or before pos, or -1. */
  runIndexAt(pos: number): number {
    return lastAtOrBefore(this.oldStarts, this.oldStarts.length, pos);
  }

  /** Whether old[pos] survived unchanged, and in which run. */
  private locate(pos: number): { run: number; inside: boolean } {
    const run = this.runIndexAt(pos);
    const r = run >= 0 ? this.runs[run]! : undefined;
    return { run, inside: r !== undefined && pos < r.oldStart + r.length };
  }

  /** The gap (changed region) after run index `run` in the new text: [start, end). */
  private newGap(run: number): [number, number] {
    const before = run >= 0 ? this.runs[run]! : undefined;
    const after = this.runs[run + 1];
    return [before ? before.newStart + before.length : 0, after ? after.newStart : this.newLength];
  }

  /**
   * Where old[start, end) is in the new text. `intact` means every character survived in one piece, so the new
   * span reads exactly the same; `kept` is the share of its characters that survived. A span whose ends were changed
   * is widened to what replaced them.
   */
  mapSpan(start: number, end: number): { start: number; end: number; intact: boolean; kept: number } {
    const first = this.locate(start);
    const last = this.locate(end - 1);
    let newStart: number;
    let newEnd: number;
    if (first.inside) {
      const r = this.runs[first.run]!;
      newStart = r.newStart + (start - r.oldStart);
    } else {
      newStart = this.newGap(first.run)[0];
    }
    if (last.inside) {
      const r = this.runs[last.run]!;
      newEnd = r.newStart + (end - r.oldStart);
    } else {
      newEnd = this.newGap(last.run)[1];
    }
    const intact = first.inside && last.inside && first.run === last.run;
    let kept = end - start;
    if (!intact) {
      kept = 0;
      for (let r = Math.max(0, first.run); r <= last.run; r++) {
        const run = this.runs[r]!;
        kept += Math.max(0, Math.min(end, run.oldStart + run.length) - Math.max(start, run.oldStart));
      }
    }
    return { start: newStart, end: Math.max(newStart, newEnd), intact, kept: kept / (end - start) };
  }

  get sizes(): { oldLength: number; newLength: number } {
    return { oldLength: this.oldLength, newLength: this.newLength };
  }
}
