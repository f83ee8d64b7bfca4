import { HIGHLIGHT_LAYERS, type HighlightLayer, type PaintSpan } from './spans.js';

/** Whether this browser paints ranges with the CSS Custom Highlight API (Chromium 105+, so every Electron we ship). */
export const canPaintHighlights = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/** The text node of a turn's text paragraph (React renders the turn text as one text node). */
function textNodeOf(element: Element): Text | undefined {
  const node = element.firstChild;
  return node instanceof Text ? node : undefined;
}

interface PaintedTurn {
  spans: readonly PaintSpan[] | undefined;
  offset: number;
  ranges: [HighlightLayer, StaticRange][];
}

/**
 * Paints the spans of the turns now in the DOM as CSS highlights: one StaticRange per span and turn, over the turn's
 * own text node, no wrapper elements; overlapping spans simply overlap. Turns off screen are not in the DOM, so they
 * cost nothing. Each repaint touches only what changed: turns that scrolled in get their ranges, turns that scrolled
 * out lose theirs, and a turn whose spans changed is redone; the rest are left as they are, so scrolling makes little
 * garbage and no long pauses. `spansOf(turnIndex)` gives a turn's spans (a new array when they change) and
 * `offsetOf(turnIndex)` where its text starts.
 */
export class HighlightPainter {
  private readonly highlights = new Map<HighlightLayer, Highlight>();
  private painted = new Map<Text, PaintedTurn>();

  paint(container: Element, spansOf: (turnIndex: number) => readonly PaintSpan[] | undefined, offsetOf: (turnIndex: number) => number | undefined): void {
    if (!canPaintHighlights) return;
    const seen = new Map<Text, PaintedTurn>();
    for (const element of container.querySelectorAll('[data-turn-text]')) {
      const node = textNodeOf(element);
      const index = Number((element as HTMLElement).dataset.turnText);
      const offset = offsetOf(index);
      if (!node || offset === undefined) continue;
      const spans = spansOf(index);
      const before = this.painted.get(node);
      if (before && before.spans === spans && before.offset === offset) {
        seen.set(node, before);
        continue;
      }
      if (before) this.remove(before);
      const turn: PaintedTurn = { spans, offset, ranges: [] };
      const length = node.length;
      for (const span of spans ?? []) {
        const start = Math.max(0, span.start - offset);
        const end = Math.min(length, span.end - offset);
        if (end <= start) continue;
        // StaticRange, not Range: live Ranges are tracked by the document and updated on every DOM change, which made
        // each node Virtuoso removed cost milliseconds. Nothing needs these kept up to date: a changed turn is redone.
        const range = new StaticRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end });
        turn.ranges.push([span.layer, range]);
        this.layer(span.layer).add(range);
      }
      seen.set(node, turn);
    }
    for (const [node, turn] of this.painted) if (!seen.has(node)) this.remove(turn);
    this.painted = seen;
  }

  /** Removes every highlight (when the reader closes). */
  clear(): void {
    if (!canPaintHighlights) return;
    for (const layer of HIGHLIGHT_LAYERS) CSS.highlights.delete(`cd-${layer}`);
    this.highlights.clear();
    this.painted.clear();
  }

  private layer(layer: HighlightLayer): Highlight {
    let highlight = this.highlights.get(layer);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(layer, highlight);
      CSS.highlights.set(`cd-${layer}`, highlight);
    }
    return highlight;
  }

  private remove(turn: PaintedTurn): void {
    for (const [layer, range] of turn.ranges) this.highlights.get(layer)?.delete(range);
  }
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
