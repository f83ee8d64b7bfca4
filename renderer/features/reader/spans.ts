import type { Turn } from '../../../shared/model.js';

/** A span to paint: [start, end) in the document text, in one highlight layer. */
export interface PaintSpan {
  start: number;
  end: number;
  layer: HighlightLayer;
  /** The claim or note it belongs to, for clicks. */
  ref?: { kind: 'claim' | 'note'; id: string };
}

/** The highlight names the reader registers in CSS.highlights; reader.css styles each `::highlight(name)`. */
export const HIGHLIGHT_LAYERS = ['quote', 'claim', 'claim-review', 'note', 'tag', 'claim-selected', 'claim-current', 'reveal', 'pending', 'selection'] as const;
export type HighlightLayer = (typeof HIGHLIGHT_LAYERS)[number];

/** The index of the turn holding a document position (the last turn starting at or before it). */
export function turnIndexAt(turns: readonly Pick<Turn, 'offset'>[], pos: number): number {
  let lo = 0;
  let hi = turns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid]!.offset <= pos) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/**
 * Spans grouped by the turns they touch (keyed by Turn.index), so painting the visible turns looks at their spans
 * only. `turns` may be a run of a document's turns (the reader opens on a few before reading the rest): spans
 * outside it are left out.
 */
export function spansByTurn(turns: readonly Pick<Turn, 'index' | 'offset' | 'text'>[], spans: readonly PaintSpan[]): Map<number, PaintSpan[]> {
  const out = new Map<number, PaintSpan[]>();
  const firstTurn = turns[0];
  const lastTurn = turns.at(-1);
  if (!firstTurn || !lastTurn) return out;
  for (const span of spans) {
    if (span.end <= firstTurn.offset || span.start >= lastTurn.offset + lastTurn.text.length) continue;
    const first = turnIndexAt(turns, span.start);
    const last = turnIndexAt(turns, Math.max(span.start, span.end - 1));
    for (let i = first; i <= last; i++) {
      const key = turns[i]!.index;
      const list = out.get(key);
      if (list) list.push(span);
      else out.set(key, [span]);
    }
  }
  return out;
}

/** Parses "12" (a turn number, from 1) or "1:02:03" / "12:30" (a time) from the go-to box. */
export function parseGoTo(input: string): { turn: number } | { seconds: number } | undefined {
  const value = input.trim();
  if (/^\d+$/.test(value)) return { turn: Number(value) };
  const parts = value.split(':');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return undefined;
  return { seconds: parts.reduce((total, p) => total * 60 + Number(p), 0) };
}

/** The turn for a time: the last turn starting at or before it. */
export function turnIndexAtTime(turns: readonly Pick<Turn, 'start'>[], seconds: number): number | undefined {
  let found: number | undefined;
  for (let i = 0; i < turns.length; i++) {
    const start = turns[i]!.start;
    if (start === undefined) continue;
    if (start <= seconds) found = i;
    else break;
  }
  return found;
}
