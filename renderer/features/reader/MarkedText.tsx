/** A span of a document to mark in a turn's text; `layer` (a reader highlight layer) becomes the class `hl-<layer>`. */
export interface MarkSpan {
  start: number;
  end: number;
  layer?: string;
}

/**
 * A turn's text with document spans as <mark> elements: the reader's fallback where the CSS Custom Highlight API is
 * missing (every Electron we ship has it), and the quotes in the compare view's side-by-side reading. Overlapping
 * spans become one mark per stretch, carrying the layers of every span that covers it. `offset` is where the text
 * starts in the document.
 */
export function MarkedText(props: { text: string; offset: number; spans: readonly MarkSpan[] }) {
  const { text, offset, spans } = props;
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.min(text.length, Math.max(0, s.start - offset)));
    cuts.add(Math.min(text.length, Math.max(0, s.end - offset)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  return (
    <>
      {points.slice(0, -1).map((from, i) => {
        const to = points[i + 1]!;
        const piece = text.slice(from, to);
        const covering = spans.filter((s) => s.start - offset <= from && s.end - offset >= to);
        if (covering.length === 0) return piece;
        const layers = [...new Set(covering.flatMap((s) => (s.layer ? [`hl-${s.layer}`] : [])))];
        return (
          <mark key={from} className={layers.length > 0 ? layers.join(' ') : undefined}>
            {piece}
          </mark>
        );
      })}
    </>
  );
}
