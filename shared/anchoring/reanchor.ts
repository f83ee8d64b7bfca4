import search from 'approx-string-match';
import type { Anchor } from '../model.js';
import { createAnchor } from './createAnchor.js';
import { collapseSpace, contextScore, looseForm, similarity } from './similarity.js';

/** What became of one anchor after its document's text changed. */
export interface ReanchorResult {
  state: 'anchored' | 'review' | 'orphaned';
  /** The anchor on the new text: where it now is (anchored) or the best proposal (review). */
  anchor?: Anchor;
  /** 0..1: how sure the match is. */
  confidence: number;
  /** Why, in words the review queue can show. */
  reason: string;
}

/** Context at least this close (loose form, both sides averaged) lets an unchanged quote move silently. */
export const ANCHORED_CONTEXT = 0.7;
/** A changed quote at least this close to the old one is proposed for review; below, the span counts as gone. */
export const REVIEW_QUOTE = 0.5;
/** When part of the span's own text survived (the diff proves where it is), a looser likeness is still proposed. */
export const REVIEW_EDITED_QUOTE = 0.3;
/** Context a quote found elsewhere must have before it is even proposed: a bare look-alike is not. */
export const RELOCATE_CONTEXT = 0.5;
// Two candidates closer than this in score are "equally good": the user must choose.
const TIE_MARGIN = 0.1;
// A look-alike phrase can occur hundreds of times ("Thank you."); scoring all of them is pointless.
const MAX_OCCURRENCES = 200;

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

/** Shrinks [start, end) to exclude white space at its edges, so a proposal never starts or ends in a gap. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

export function orphaned(reason: string): ReanchorResult {
  return { state: 'orphaned', confidence: 0, reason };
}

/**
 * Judges a span of the new text that is believed to be where the anchor went (because the diff says so, or the
 * quote still stands at its old position): anchored when the words and the surroundings agree, otherwise review.
 * Returns undefined when the span reads too differently to propose.
 */
export function judgeSpan(
  anchor: Anchor,
  newText: string,
  start: number,
  end: number,
  newVersion: number,
  how: string,
  minQuote = REVIEW_QUOTE,
): ReanchorResult | undefined {
  [start, end] = trimSpan(newText, start, end);
  if (end <= start) return undefined;
  const { exact, prefix, suffix } = anchor.quote;
  const found = newText.slice(start, end);
  const context = contextScore(newText, start, end, prefix, suffix);
  const proposal = createAnchor(newText, start, end, newVersion);
  if (found === exact || collapseSpace(found) === collapseSpace(exact)) {
    const spaceOnly = found !== exact;
    if (context >= ANCHORED_CONTEXT) {
      return {
        state: 'anchored',
        anchor: proposal,
        confidence: (spaceOnly ? 0.95 : 1) * (0.5 + context / 2),
        reason: spaceOnly ? `${how}; only white space changed` : context === 1 ? how : `${how}; nearby text changed`,
      };
    }
    return { state: 'review', anchor: proposal, confidence: context, reason: `${how}, but the text around it changed` };
  }
  const quoteScore = similarity(exact, found);
  if (quoteScore < minQuote) return undefined;
  const loose = looseForm(found) === looseForm(exact);
  return {
    state: 'review',
    anchor: proposal,
    confidence: quoteScore * (0.5 + context / 2),
    reason: loose ? `${how}; case or punctuation of the quote changed` : `${how}; the quote was edited`,
  };
}

/** Every place the exact quote occurs in the text (up to a limit). */
function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  let at = text.indexOf(quote);
  while (at !== -1 && found.length < MAX_OCCURRENCES) {
    found.push(at);
    at = text.indexOf(quote, at + 1);
  }
  return found;
}

/**
 * Looks for the quote anywhere in the new text when its own span is gone. What it finds is only ever proposed
 * (review), never anchored: a repeated phrase elsewhere must not silently capture an annotation.
 */
export function relocate(anchor: Anchor, newText: string, newVersion: number, why: string): ReanchorResult {
  const { exact, prefix, suffix } = anchor.quote;
  const scored = occurrences(newText, exact)
    .map((start) => ({ start, score: contextScore(newText, start, start + exact.length, prefix, suffix) }))
    .sort((x, y) => y.score - x.score);
  const best = scored[0];
  if (!best || best.score < RELOCATE_CONTEXT) return orphaned(scored.length > 0 ? `${why}; the same words elsewhere have different surroundings` : why);
  const ties = scored.filter((c) => best.score - c.score < TIE_MARGIN).length;
  return {
    state: 'review',
    anchor: createAnchor(newText, best.start, best.start + exact.length, newVersion),
    confidence: best.score * (ties > 1 ? 0.5 : 0.8),
    reason: ties > 1 ? `${why}; the quote occurs ${ties} times with similar surroundings` : `${why}; the same words found elsewhere`,
  };
}

interface Candidate {
  start: number;
  end: number;
  quote: number;
  context: number;
  score: number;
}

/**
 * Re-anchors one annotation on a changed text without the old text: the quote at its old position, else its exact
 * occurrences, else an approximate search (approx-string-match, as Hypothesis does), scored by quote, context and
 * distance from the old position. Only a unique, well-surrounded exact quote moves silently.
 * For many anchors after one edit use reanchorAll, which knows what changed.
 */
export function reanchor(anchor: Anchor, newText: string, newVersion: number): ReanchorResult {
  const { exact, prefix, suffix } = anchor.quote;
  if (exact.length === 0) return orphaned('the anchor has no quote');
  const hint = anchor.position.start;
  if (newText.startsWith(exact, hint)) {
    const context = contextScore(newText, hint, hint + exact.length, prefix, suffix);
    if (context >= ANCHORED_CONTEXT) {
      const result = judgeSpan(anchor, newText, hint, hint + exact.length, newVersion, 'quote unchanged in place');
      if (result) return result;
    }
  }

  const positionScore = (start: number): number => 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, newText.length));
  const exactHits = occurrences(newText, exact);
  const candidates: Candidate[] = [];
  if (exactHits.length > 0) {
    for (const start of exactHits) {
      const end = start + exact.length;
      const context = contextScore(newText, start, end, prefix, suffix);
      candidates.push({ start, end, quote: 1, context, score: 0.5 + 0.4 * context + 0.1 * positionScore(start) });
    }
  } else {
    const maxErrors = Math.floor(exact.length / 4);
    for (const match of search(newText, exact, maxErrors)) {
      const [start, end] = trimSpan(newText, match.start, match.end);
      if (end <= start) continue;
      const quote = similarity(exact, newText.slice(start, end));
      const context = contextScore(newText, start, end, prefix, suffix);
      candidates.push({ start, end, quote, context, score: 0.5 * quote + 0.4 * context + 0.1 * positionScore(start) });
    }
  }
  candidates.sort((x, y) => y.score - x.score);
  const best = candidates[0];
  if (!best) return orphaned('the quote is no longer in the text');
  const rivals = candidates.filter((c) => best.score - c.score < TIE_MARGIN * 0.4).length;
  const proposal = createAnchor(newText, best.start, best.end, newVersion);
  const found = newText.slice(best.start, best.end);
  const spaceOnly = found !== exact && collapseSpace(found) === collapseSpace(exact);

  if ((best.quote === 1 || spaceOnly) && best.context >= 0.9 && rivals === 1) {
    return {
      state: 'anchored',
      anchor: proposal,
      confidence: (spaceOnly ? 0.95 : 1) * (0.5 + best.context / 2),
      reason: spaceOnly ? 'quote found with only white space changed' : 'quote moved',
    };
  }
  if (best.quote < REVIEW_QUOTE || (best.quote < 1 && best.context < RELOCATE_CONTEXT && best.quote < 0.8)) {
    return orphaned('only a distant look-alike of the quote remains');
  }
  if (best.quote === 1 && best.context < RELOCATE_CONTEXT) {
    return orphaned('the same words elsewhere have different surroundings');
  }
  const reason =
    rivals > 1
      ? `${rivals} equally good places for the quote`
      : best.quote === 1
        ? 'quote found, but the text around it changed'
        : 'quote found with changes';
  return { state: 'review', anchor: proposal, confidence: best.quote * (0.5 + best.context / 2) * (rivals > 1 ? 0.5 : 1), reason };
}
