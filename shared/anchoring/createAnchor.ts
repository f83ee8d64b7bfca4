import type { Anchor } from '../model.js';

/** How much text either side of a quote an anchor keeps; the length Hypothesis and Recogito use. */
export const CONTEXT_LENGTH = 32;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Moves a cut point off the middle of a surrogate pair, so no selector holds half an emoji. */
function clampToCodePoint(text: string, index: number, forward: boolean): number {
  if (index <= 0 || index >= text.length) return index;
  if (isLowSurrogate(text.charCodeAt(index)) && isHighSurrogate(text.charCodeAt(index - 1))) {
    return forward ? index + 1 : index - 1;
  }
  return index;
}

/**
 * The W3C TextQuoteSelector and TextPositionSelector for text[start, end), for the document version it is made on.
 */
export function createAnchor(text: string, start: number, end: number, documentVersion: number): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`createAnchor: [${start}, ${end}) is not a non-empty span of a ${text.length}-character text`);
  }
  const prefixStart = clampToCodePoint(text, Math.max(0, start - CONTEXT_LENGTH), true);
  const suffixEnd = clampToCodePoint(text, Math.min(text.length, end + CONTEXT_LENGTH), false);
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { start, end },
    documentVersion,
  };
}
