import type { Anchor } from '../model.js';
import { CONTEXT_LENGTH } from './createAnchor.js';
import { diffText, PositionMap } from './diffText.js';
import { judgeSpan, reanchor, relocate, REVIEW_EDITED_QUOTE, REVIEW_QUOTE, type ReanchorResult } from './reanchor.js';

// The fast path looks for an anchor's quote with its surroundings this far (characters) either side of where the
// anchors before it say it should be, plus a share of the distance from the last anchor found.
const WINDOW = 512;
const WINDOW_SHARE = 1 / 16;
// …but no wider than this: when nothing has been found for a long way, the diff places the anchors.
const MAX_WINDOW = 16_384;
// After this many searches of the whole text in a row found nothing (a wholesale rewrite, such as captions replaced by
// a transcript), the fast path stops searching the whole text until an anchor is found near its place again.
const MAX_GLOBAL_MISSES = 16;
// Landmarks (see narrowed): their length, how far from an anchor's surroundings they are tried, how much further than
// the stretch's ends moved they are looked for, and the widest window worth searching.
const LANDMARK = 48;
const LANDMARK_STEPS = [0, 96, 384];
const LANDMARK_REACH = 256;
const MAX_LANDMARK_WINDOW = 8192;

/**
 * Re-anchors every annotation of a document after its text changed from oldText to newText.
 *
 * Fast path: most anchors survive an edit word for word, surroundings included. For each anchor (in text order), its
 * quote with the old text around it (up to 32 characters either side) is looked for where the anchors before it
 * moved to, then anywhere; found exactly once there, it is the same span. The places found must keep the order of the
 * old text (a longest increasing chain; the rest are not trusted).
 *
 * The rest go to the diff, restricted to the stretch between the nearest places the fast path established: the two
 * stretches are diffed word by word (the whole texts when nothing was found, as after captions are replaced by a
 * transcript), and each anchor is mapped through the diff. The diff aligns only what its anchors need: the parts of
 * a stretch that hold none of them are left out, which after captions are replaced is nearly all of the text. The diff is what tells the same sentence from a
 * look-alike: a span whose characters all survived is the same span, and one whose characters were deleted is gone
 * even if its words occur elsewhere (such a repeat is at most proposed for review). Anchors not made on oldText fall
 * back to reanchor(). Results come back in the order of `anchors`.
 */
export function reanchorAll(anchors: readonly Anchor[], oldText: string, newText: string, newVersion: number): ReanchorResult[] {
  if (oldText === newText) {
    return anchors.map((anchor) =>
      oldText.startsWith(anchor.quote.exact, anchor.position.start) && anchor.quote.exact.length > 0
        ? { state: 'anchored', anchor: { ...anchor, documentVersion: newVersion }, confidence: 1, reason: 'text unchanged' }
        : reanchor(anchor, newText, newVersion),
    );
  }
  const results: Array<ReanchorResult | undefined> = new Array(anchors.length);
  const order: number[] = [];
  anchors.forEach((anchor, i) => {
    const { start, end } = anchor.position;
    const { exact } = anchor.quote;
    if (exact.length === 0 || end - start !== exact.length || !oldText.startsWith(exact, start)) {
      results[i] = reanchor(anchor, newText, newVersion);
    } else {
      order.push(i);
    }
  });
  order.sort((x, y) => anchors[x]!.position.start - anchors[y]!.position.start || anchors[x]!.position.end - anchors[y]!.position.end);

  const found = findIntact(anchors, order, oldText, newText);
  const points = trustedPoints(anchors, order, found, oldText, newText.length);

  // Fast-path anchors are judged at the place found; the others are grouped by the stretch they lie in.
  const stretches = new Map<string, number[]>();
  for (const i of order) {
    const anchor = anchors[i]!;
    const { start, end } = anchor.position;
    if (found[i]! >= 0 && points.trusted[i]) {
      const at = found[i]!;
      const result = judgeSpan(anchor, newText, at, at + end - start, newVersion, at === start ? 'unchanged' : 'moved with the text');
      if (result) {
        results[i] = result;
        continue;
      }
    }
    const left = points.leftOf(start);
    const right = points.rightOf(end);
    const stretch = narrowed(anchor, oldText, newText, [points.old[left]!, points.old[right]!, points.new[left]!, points.new[right]!]);
    const key = stretch.join(',');
    const group = stretches.get(key);
    if (group) group.push(i);
    else stretches.set(key, [i]);
  }
  for (const [key, group] of stretches) {
    const [oldFrom, oldTo, newFrom, newTo] = key.split(',').map(Number) as Stretch;
    const whole = oldFrom === 0 && newFrom === 0 && oldTo === oldText.length && newTo === newText.length;
    const oldPart = whole ? oldText : oldText.slice(oldFrom, oldTo);
    const newPart = whole ? newText : newText.slice(newFrom, newTo);
    // The diff need only be right about these anchors' spans (a whole text of captions holds far more).
    const spans: number[] = [];
    for (const i of group) spans.push(anchors[i]!.position.start - oldFrom, anchors[i]!.position.end - oldFrom);
    const map = new PositionMap(diffText(oldPart, newPart, spans), oldPart.length, newPart.length);
    for (const i of group) results[i] = throughDiff(anchors[i]!, map, oldFrom, newFrom, newText, newVersion);
  }
  return results as ReanchorResult[];
}

/** old[oldFrom, oldTo) became new[newFrom, newTo). */
type Stretch = [oldFrom: number, oldTo: number, newFrom: number, newTo: number];

/**
 * Narrows the stretch around an anchor that has to be diffed: a little of the old text just outside the anchor's
 * surroundings (a landmark), found exactly once near where the stretch's ends went, is a closer corresponding point.
 * The edit that kept the anchor from the fast path is most likely within its surroundings, so the landmarks nearest
 * to them usually survived. Without trusted points at all (a wholesale rewrite) the whole stretch is kept.
 */
function narrowed(anchor: Anchor, oldText: string, newText: string, stretch: Stretch): Stretch {
  const [oldFrom, oldTo, newFrom, newTo] = stretch;
  if (oldFrom === 0 && newFrom === 0 && oldTo === oldText.length && newTo === newText.length) return stretch;
  const leftDelta = newFrom - oldFrom;
  const rightDelta = newTo - oldTo;
  const low = Math.min(leftDelta, rightDelta) - LANDMARK_REACH;
  const high = Math.max(leftDelta, rightDelta) + LANDMARK_REACH;
  if (high - low > MAX_LANDMARK_WINDOW) return stretch;
  const { from, to } = contextOf(anchor, oldText);
  // The landmark at old[at, at + LANDMARK): where it is in the new text, if once, inside the stretch.
  const place = (at: number): number => {
    const needle = oldText.slice(at, at + LANDMARK);
    return uniqueIn(newText, needle, Math.max(newFrom, at + low), Math.min(newTo, at + LANDMARK + high));
  };
  let left: [number, number] = [oldFrom, newFrom];
  for (const step of LANDMARK_STEPS) {
    const at = from - step - LANDMARK;
    if (at < oldFrom) break;
    const found = place(at);
    if (found >= 0) {
      left = [at + LANDMARK, found + LANDMARK];
      break;
    }
  }
  let right: [number, number] = [oldTo, newTo];
  for (const step of LANDMARK_STEPS) {
    const at = to + step;
    if (at + LANDMARK > oldTo) break;
    const found = place(at);
    if (found >= 0) {
      right = [at, found];
      break;
    }
  }
  if (left[0] > right[0] || left[1] > right[1]) return stretch;
  return [left[0], right[0], left[1], right[1]];
}

/** Places an anchor through the diff of the stretch old[oldFrom, …) → new[newFrom, …) that holds it. */
function throughDiff(anchor: Anchor, map: PositionMap, oldFrom: number, newFrom: number, newText: string, newVersion: number): ReanchorResult {
  const { start, end } = anchor.position;
  const local = map.mapSpan(start - oldFrom, end - oldFrom);
  const mapped = { start: local.start + newFrom, end: local.end + newFrom };
  if (local.intact) {
    const result = judgeSpan(anchor, newText, mapped.start, mapped.end, newVersion, mapped.start === start ? 'unchanged' : 'moved with the text');
    if (result) return result;
  } else if (mapped.end > mapped.start) {
    // The more of its own text survived, the surer the diff is that this is where it went (words inserted into
    // the middle of a span leave all of it standing, however unlike the old quote the whole now reads).
    const minQuote = local.kept >= 0.5 ? 0 : local.kept > 0 ? REVIEW_EDITED_QUOTE : REVIEW_QUOTE;
    const result = judgeSpan(anchor, newText, mapped.start, mapped.end, newVersion, 'edited in place', minQuote);
    if (result) return result;
    return relocate(anchor, newText, newVersion, 'the span was rewritten');
  }
  return relocate(anchor, newText, newVersion, 'the span was deleted');
}

/** The old text an anchor's place is recognised by: its quote with up to CONTEXT_LENGTH characters either side. */
function contextOf(anchor: Anchor, oldText: string): { from: number; to: number } {
  const { start, end } = anchor.position;
  return { from: Math.max(0, start - CONTEXT_LENGTH), to: Math.min(oldText.length, end + CONTEXT_LENGTH) };
}

/** The one place needle occurs in text[from, to), or -1 (absent, or there more than once). */
function uniqueIn(text: string, needle: string, from: number, to: number): number {
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  if (to - from < needle.length) return -1;
  // A slice is a view, not a copy; searching it keeps the search inside the window.
  const hay = from === 0 && to === text.length ? text : text.slice(from, to);
  const first = hay.indexOf(needle);
  if (first < 0 || hay.indexOf(needle, first + 1) >= 0) return -1;
  return from + first;
}

/**
 * For each anchor (by index, -1 if not found): where its quote now starts, if the quote and its old surroundings
 * occur once near where the anchors before it went, or once in the whole new text.
 */
function findIntact(anchors: readonly Anchor[], order: readonly number[], oldText: string, newText: string): Int32Array {
  const found = new Int32Array(anchors.length).fill(-1);
  let delta = 0;
  let lastOld = 0;
  let windowMisses = 0;
  let globalMisses = 0;
  for (const i of order) {
    const anchor = anchors[i]!;
    const { from, to } = contextOf(anchor, oldText);
    const needle = oldText.slice(from, to);
    const expected = from + delta;
    let at = newText.startsWith(needle, expected) ? expected : -1;
    if (at < 0) {
      const reach = WINDOW + Math.min(MAX_WINDOW, Math.floor((from - lastOld) * WINDOW_SHARE));
      at = uniqueIn(newText, needle, expected - reach, expected + needle.length + reach);
    }
    // One anchor missing near its place is most likely edited; two in a row suggest the text moved further than
    // the window (a long passage inserted, deleted or moved): only then is the whole text searched.
    if (at < 0 && ++windowMisses >= 2 && globalMisses < MAX_GLOBAL_MISSES) {
      at = uniqueIn(newText, needle, 0, newText.length);
      globalMisses = at < 0 ? globalMisses + 1 : 0;
    }
    if (at < 0) continue;
    windowMisses = 0;
    globalMisses = 0;
    delta = at - from;
    lastOld = from;
    found[i] = anchor.position.start + delta;
  }
  return found;
}

/**
 * The places the fast path found that keep the old text's order (the longest chain increasing in both texts), as
 * corresponding points old ↔ new (the edges of each found quote with its surroundings, plus both texts' ends), and
 * for any span the nearest points around it.
 */
function trustedPoints(anchors: readonly Anchor[], order: readonly number[], found: Int32Array, oldText: string, newLength: number) {
  const chain = order.filter((i) => found[i]! >= 0);
  // Longest chain with the new start non-decreasing (the old starts already are), by patience sorting.
  const tails: number[] = [];
  const previous = new Int32Array(chain.length).fill(-1);
  for (let c = 0; c < chain.length; c++) {
    const value = found[chain[c]!]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (found[chain[tails[mid]!]!]! <= value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[c] = tails[lo - 1]!;
    tails[lo] = c;
  }
  const trusted = new Uint8Array(anchors.length);
  for (let c = tails.length > 0 ? tails[tails.length - 1]! : -1; c >= 0; c = previous[c]!) trusted[chain[c]!] = 1;

  // Points: each trusted context's two edges. Overlapping contexts that moved by different amounts contradict each
  // other; the later one is then not trusted.
  const oldAt: number[] = [0];
  const newAt: number[] = [0];
  let lastEnd = -1;
  let lastDelta = 0;
  for (const i of order) {
    if (!trusted[i]) continue;
    const anchor = anchors[i]!;
    const { from, to } = contextOf(anchor, oldText);
    const delta = found[i]! - anchor.position.start;
    if (from < lastEnd && delta !== lastDelta) {
      trusted[i] = 0;
      continue;
    }
    oldAt.push(from, to);
    newAt.push(from + delta, to + delta);
    lastEnd = Math.max(lastEnd, to);
    lastDelta = delta;
  }
  oldAt.push(oldText.length);
  newAt.push(newLength);
  return { trusted, ...pointsIndex(oldAt, newAt) };
}

/**
 * Keeps the points (in the order given: contexts by their start) that lie after the last one kept in both texts. A
 * point skipped lies inside a context already kept that moved by the same amount, or contradicts the points before.
 */
function pointsIndex(oldAt: number[], newAt: number[]) {
  const olds: number[] = [];
  const news: number[] = [];
  for (let k = 0; k < oldAt.length; k++) {
    const o = oldAt[k]!;
    const n = newAt[k]!;
    if (olds.length > 0 && (o <= olds[olds.length - 1]! || n < news[news.length - 1]!)) continue;
    olds.push(o);
    news.push(n);
  }
  return {
    old: olds,
    new: news,
    /** Index of the last point at or before old position pos. */
    leftOf(pos: number): number {
      let lo = 0;
      let hi = olds.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (olds[mid]! <= pos) lo = mid + 1;
        else hi = mid;
      }
      return lo - 1;
    },
    /** Index of the first point at or after old position pos. */
    rightOf(pos: number): number {
      let lo = 0;
      let hi = olds.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (olds[mid]! < pos) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}
