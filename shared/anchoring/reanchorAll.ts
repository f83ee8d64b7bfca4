import type { Anchor } from '../model.js';
import { diffText, PositionMap } from './diffText.js';
import { judgeSpan, reanchor, relocate, REVIEW_EDITED_QUOTE, REVIEW_QUOTE, type ReanchorResult } from './reanchor.js';

/**
 * Re-anchors every annotation of a document after its text changed from oldText to newText. The two texts are
 * diffed once; each anchor is then mapped through the diff by binary search, so the work is one diff plus
 * O(log n) per anchor. The diff is what tells the same sentence from a look-alike: a span whose characters all
 * survived is the same span, and one whose characters were deleted is gone even if its words occur elsewhere (such
 * a repeat is at most proposed for review). Anchors not made on oldText fall back to reanchor().
 * Results come back in the order of `anchors`.
 */
export function reanchorAll(anchors: readonly Anchor[], oldText: string, newText: string, newVersion: number): ReanchorResult[] {
  if (oldText === newText) {
    return anchors.map((anchor) =>
      oldText.startsWith(anchor.quote.exact, anchor.position.start) && anchor.quote.exact.length > 0
        ? { state: 'anchored', anchor: { ...anchor, documentVersion: newVersion }, confidence: 1, reason: 'text unchanged' }
        : reanchor(anchor, newText, newVersion),
    );
  }
  const map = new PositionMap(diffText(oldText, newText), oldText.length, newText.length);
  return anchors.map((anchor) => {
    const { start, end } = anchor.position;
    const { exact } = anchor.quote;
    if (exact.length === 0 || end - start !== exact.length || !oldText.startsWith(exact, start)) {
      return reanchor(anchor, newText, newVersion);
    }
    const mapped = map.mapSpan(start, end);
    if (mapped.intact) {
      const result = judgeSpan(anchor, newText, mapped.start, mapped.end, newVersion, mapped.start === start ? 'unchanged' : 'moved with the text');
      if (result) return result;
    } else if (mapped.end > mapped.start) {
      // The more of its own text survived, the surer the diff is that this is where it went (words inserted into
      // the middle of a span leave all of it standing, however unlike the old quote the whole now reads).
      const minQuote = mapped.kept >= 0.5 ? 0 : mapped.kept > 0 ? REVIEW_EDITED_QUOTE : REVIEW_QUOTE;
      const result = judgeSpan(anchor, newText, mapped.start, mapped.end, newVersion, 'edited in place', minQuote);
      if (result) return result;
      return relocate(anchor, newText, newVersion, 'the span was rewritten');
    }
    return relocate(anchor, newText, newVersion, 'the span was deleted');
  });
}
