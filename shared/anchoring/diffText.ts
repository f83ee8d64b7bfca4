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
// Equal lines shorter than this (in all) do not split a changed stretch; see diffText.
const MIN_LINE_RUN = 64;

const WORD = 0;
const SPACE = 1;
const OTHER = 2;

function charClass(code: number): number {
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

interface Tokens {
  /** Char offset where token i starts; starts[count] is the end of the text. */
  starts: Int32Array;
  ids: Int32Array;
  count: number;
}

/** Words, runs of white space and single other characters, each interned to an integer id. */
function tokenize(text: string, from: number, to: number, intern: Map<string, number>): Tokens {
  const starts = new Int32Array(to - from + 1);
  const ids = new Int32Array(to - from);
  let count = 0;
  let i = from;
  while (i < to) {
    const start = i;
    const cls = charClass(text.charCodeAt(i));
    i++;
    if (cls !== OTHER) {
      while (i < to && charClass(text.charCodeAt(i)) === cls) i++;
    }
    starts[count] = start;
    ids[count] = internId(intern, text.slice(start, i));
    count++;
  }
  starts[count] = to;
  return { starts, ids, count };
}

/** Lines, each with its line break, interned to integer ids. */
function splitLines(text: string, from: number, to: number, intern: Map<string, number>): Tokens {
  const starts: number[] = [];
  const ids: number[] = [];
  let i = from;
  while (i < to) {
    const br = text.indexOf('\n', i);
    const end = br < 0 || br >= to ? to : br + 1;
    starts.push(i);
    ids.push(internId(intern, text.slice(i, end)));
    i = end;
  }
  starts.push(to);
  return { starts: Int32Array.from(starts), ids: Int32Array.from(ids), count: ids.length };
}

function internId(intern: Map<string, number>, key: string): number {
  let id = intern.get(key);
  if (id === undefined) {
    id = intern.size;
    intern.set(key, id);
  }
  return id;
}

/** Token-level diff of a and b, writing matched index pairs (in order) to matchA/matchB. */
class TokenDiff {
  private readonly countA: Int32Array;
  private readonly countB: Int32Array;
  private readonly posA: Int32Array;
  private readonly posB: Int32Array;
  // Preallocated: there are at most min(n, m) matches, and growing plain arrays dominated the run time.
  readonly matchA: Int32Array;
  readonly matchB: Int32Array;
  matches = 0;

  /** stride: how far the neighbouring unit is (2 for words, past the space between; 1 for lines). */
  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    vocabulary: number,
    private readonly stride: number,
  ) {
    this.countA = new Int32Array(vocabulary);
    this.countB = new Int32Array(vocabulary);
    this.posA = new Int32Array(vocabulary);
    this.posB = new Int32Array(vocabulary);
    this.matchA = new Int32Array(Math.min(a.length, b.length));
    this.matchB = new Int32Array(Math.min(a.length, b.length));
  }

  private match(i: number, j: number): void {
    this.matchA[this.matches] = i;
    this.matchB[this.matches] = j;
    this.matches++;
  }

  diff(a0: number, a1: number, b0: number, b1: number): void {
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
      if (anchors.length === 0) {
        this.myers(a0, a1, b0, b1);
      } else {
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
    const agrees = (i: number, j: number, step: number): boolean => {
      const i2 = i + stride * step;
      const j2 = j + stride * step;
      if (i2 < a0 || i2 >= a1 || j2 < b0 || j2 >= b1) return false;
      return a[i + step] === b[j + step] && a[i2] === b[j2];
    };
    for (let i = a0; i < a1; i++) {
      const id = a[i]!;
      if (countA[id] === 1 && countB[id] === 1) {
        const j = posB[id]!;
        if (agrees(i, j, 1) || agrees(i, j, -1)) {
          candA.push(i);
          candB.push(j);
        }
      }
    }
    if (candA.length === 0) return [];
    // Longest increasing subsequence of candB (patience sorting), keeping the pairs in both orders.
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

  private myers(a0: number, a1: number, b0: number, b1: number): void {
    const { a, b } = this;
    const n = a1 - a0;
    const m = b1 - b0;
    const maxD = Math.min(n + m, Math.max(1, Math.floor(MYERS_BUDGET / (n + m))));
    const offset = maxD + 1;
    const v = new Int32Array(2 * maxD + 3);
    const snapshots: Int32Array[] = [];
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
        if (x >= n && y >= m) {
          snapshots.push(v.slice(offset - d, offset + d + 1));
          found = d;
          break outer;
        }
      }
      snapshots.push(v.slice(offset - d, offset + d + 1));
    }
    if (found < 0) return; // too different to align word by word: the whole gap counts as rewritten
    const pairs: number[] = [];
    let x = n;
    let y = m;
    for (let d = found; d > 0; d--) {
      const vp = snapshots[d - 1]!;
      const k = x - y;
      const at = (kk: number): number => vp[kk + d - 1]!;
      const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
      const prevX = at(prevK);
      const prevY = prevX - prevK;
      const snakeStartX = prevK === k + 1 ? prevX : prevX + 1;
      while (x > snakeStartX) {
        x--;
        y--;
        pairs.push(x, y);
      }
      x = prevX;
      y = prevY;
    }
    while (x > 0 && y > 0) {
      x--;
      y--;
      pairs.push(x, y);
    }
    for (let p = pairs.length - 2; p >= 0; p -= 2) this.match(a0 + pairs[p]!, b0 + pairs[p + 1]!);
  }
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

type Splitter = (text: string, from: number, to: number, intern: Map<string, number>) => Tokens;

/** Diffs old[oldFrom, oldTo) against new[newFrom, newTo) in units of `split`, calling `each` on matched units and `gap` on the unmatched stretches between them. */
function diffUnits(
  oldText: string,
  oldFrom: number,
  oldTo: number,
  newText: string,
  newFrom: number,
  newTo: number,
  split: Splitter,
  stride: number,
  each: (oldStart: number, newStart: number, length: number) => void,
  gap: (oldStart: number, oldEnd: number, newStart: number, newEnd: number) => void,
): void {
  const intern = new Map<string, number>();
  const ta = split(oldText, oldFrom, oldTo, intern);
  const tb = split(newText, newFrom, newTo, intern);
  const differ = new TokenDiff(ta.ids.subarray(0, ta.count), tb.ids.subarray(0, tb.count), intern.size, stride);
  differ.diff(0, ta.count, 0, tb.count);
  const { matchA, matchB, matches } = differ;
  let nextA = 0;
  let nextB = 0;
  for (let p = 0; p <= matches; p++) {
    const i = p < matches ? matchA[p]! : ta.count;
    const j = p < matches ? matchB[p]! : tb.count;
    if (i > nextA || j > nextB) gap(ta.starts[nextA]!, ta.starts[i]!, tb.starts[nextB]!, tb.starts[j]!);
    if (p < matches) each(ta.starts[i]!, tb.starts[j]!, ta.starts[i + 1]! - ta.starts[i]!);
    nextA = i + 1;
    nextB = j + 1;
  }
}

/**
 * The runs of text two versions have in common, in order, adjacent runs merged. Lines are aligned first, so that
 * only the lines an edit touched are split into words: scattered edits then cost little more than hashing lines.
 */
export function diffText(oldText: string, newText: string): EqualRun[] {
  const oldLength = oldText.length;
  const newLength = newText.length;
  let prefix = 0;
  const limit = Math.min(oldLength, newLength);
  while (prefix < limit && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && oldText.charCodeAt(oldLength - 1 - suffix) === newText.charCodeAt(newLength - 1 - suffix)) suffix++;
  // Keep whole words in the middle so a word changed in its last letters is compared as a word.
  while (prefix > 0 && charClass(oldText.charCodeAt(prefix - 1)) === WORD && charClass(oldText.charCodeAt(prefix)) === WORD) prefix--;
  while (suffix > 0 && charClass(oldText.charCodeAt(oldLength - suffix)) === WORD && charClass(oldText.charCodeAt(oldLength - suffix - 1)) === WORD) suffix--;

  const out = new RunList();
  const push = out.push.bind(out);
  out.push(0, 0, prefix);
  const oldEnd = oldLength - suffix;
  const newEnd = newLength - suffix;
  if (prefix < oldEnd && prefix < newEnd) {
    const lines = new RunList();
    diffUnits(oldText, prefix, oldEnd, newText, prefix, newEnd, splitLines, 1, lines.push.bind(lines), () => undefined);
    // Blank and very short lines match almost anywhere; trusting them would cut a changed stretch in two at the
    // wrong place. Only substantial runs of equal lines split the text; the rest is diffed word by word.
    let oldAt = prefix;
    let newAt = prefix;
    const words = (oldTo: number, newTo: number): void => {
      if (oldAt < oldTo && newAt < newTo) diffUnits(oldText, oldAt, oldTo, newText, newAt, newTo, tokenize, 2, push, () => undefined);
    };
    for (const run of lines.runs) {
      if (run.length < MIN_LINE_RUN) continue;
      words(run.oldStart, run.newStart);
      push(run.oldStart, run.newStart, run.length);
      oldAt = run.oldStart + run.length;
      newAt = run.newStart + run.length;
    }
    words(oldEnd, newEnd);
  }
  out.push(oldEnd, newEnd, suffix);
  return out.runs;
}

/** Maps positions of the old text into the new one through the equal runs of a diff. */
export class PositionMap {
  private readonly oldStarts: Int32Array;

  constructor(
    readonly runs: readonly EqualRun[],
    private readonly oldLength: number,
    private readonly newLength: number,
  ) {
    this.oldStarts = Int32Array.from(runs, (r) => r.oldStart);
  }

  /** Index of the last run starting at or before pos, or -1. */
  runIndexAt(pos: number): number {
    const starts = this.oldStarts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
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
