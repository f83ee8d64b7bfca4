import { HIGHLIGHT_LAYERS, type HighlightLayer, type PaintSpan } from './spans.js';

/** Whether this browser paints ranges with the CSS Custom Highlight API (Chromium 105+, so every Electron we ship). */
export const canPaintHighlights = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/** The text node of a turn's text paragraph (React renders the turn text as one text node). */
function textNodeOf(element: Element): Text | undefined {
  const node = element.firstChild;
  return node instanceof Text ? node : undefined;
}

/**
 * Paints the spans of the turns now in the DOM as CSS highlights: one Range per span and turn, over the turn's own
 * text node, no wrapper elements. Overlapping spans simply overlap. Turns off screen are not in the DOM, so they cost
 * nothing; `spansOf(turnIndex)` gives a turn's spans and `offsetOf(turnIndex)` where its text starts.
 */
export function paintHighlights(container: Element, spansOf: (turnIndex: number) => readonly PaintSpan[] | undefined, offsetOf: (turnIndex: number) => number | undefined): void {
  if (!canPaintHighlights) return;
  const layers = new Map<HighlightLayer, StaticRange[]>(HIGHLIGHT_LAYERS.map((l) => [l, []]));
  for (const element of container.querySelectorAll('[data-turn-text]')) {
    const index = Number((element as HTMLElement).dataset.turnText);
    const spans = spansOf(index);
    const offset = offsetOf(index);
    if (!spans || offset === undefined) continue;
    const node = textNodeOf(element);
    if (!node) continue;
    const length = node.length;
    for (const span of spans) {
      const start = Math.max(0, span.start - offset);
      const end = Math.min(length, span.end - offset);
      if (end <= start) continue;
      // StaticRange, not Range: live Ranges are tracked by the document and updated on every DOM change, so the
      // thousands a long scroll leaves behind (until GC) made each node Virtuoso removed cost milliseconds. We repaint
      // after every change anyway, so nothing needs to keep these up to date.
      layers.get(span.layer)!.push(new StaticRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end }));
    }
  }
  for (const [layer, ranges] of layers) {
    const name = `cd-${layer}`;
    if (ranges.length === 0) CSS.highlights.delete(name);
    else CSS.highlights.set(name, new Highlight(...ranges));
  }
}

/** Removes the reader's highlights (when the reader closes). */
export function clearHighlights(): void {
  if (!canPaintHighlights) return;
  for (const layer of HIGHLIGHT_LAYERS) CSS.highlights.delete(`cd-${layer}`);
}

/** The document offset of a DOM boundary point inside the turn list, or undefined when it is outside any turn. */
export function documentOffset(node: Node, offset: number, offsetOf: (turnIndex: number) => number | undefined): number | undefined {
  const element = node instanceof Element ? node : node.parentElement;
  const turn = element?.closest('[data-turn-index]');
  if (!turn) return undefined;
  const index = Number((turn as HTMLElement).dataset.turnIndex);
  const base = offsetOf(index);
  const text = turn.querySelector('[data-turn-text]');
  if (base === undefined || !text) return undefined;
  const length = text.textContent?.length ?? 0;
  if (text.contains(node)) {
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(node, offset);
    return base + Math.min(length, range.toString().length);
  }
  // A boundary in the turn's heading counts as its start; anywhere after the text, its end.
  const before = text.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING;
  return before ? base : base + length;
}
