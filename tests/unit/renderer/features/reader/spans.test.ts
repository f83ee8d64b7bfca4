import { describe, expect, it } from 'vitest';
import { parseGoTo, spansByTurn, turnIndexAt, turnIndexAtTime, type PaintSpan } from '../../../../../renderer/features/reader/spans.js';

// Three turns of a document: "Alpha one." at 0, "Beta two." at 12, "Gamma three." at 23 (turns are joined by "\n\n").
const turns = [
  { index: 0, offset: 0, text: 'Alpha one.', start: 0 },
  { index: 1, offset: 12, text: 'Beta two.', start: 30 },
  { index: 2, offset: 23, text: 'Gamma three.', start: 75 },
];
const span = (start: number, end: number, layer: PaintSpan['layer'] = 'claim'): PaintSpan => ({ start, end, layer });

describe('the turn at a position', () => {
  it('is the last turn starting at or before it, also in the gap after a turn', () => {
    expect(turnIndexAt(turns, 0)).toBe(0);
    expect(turnIndexAt(turns, 11)).toBe(0);
    expect(turnIndexAt(turns, 12)).toBe(1);
    expect(turnIndexAt(turns, 500)).toBe(2);
    expect(turnIndexAt([], 5)).toBe(0);
  });

  it('by time, is the last turn starting at or before it', () => {
    expect(turnIndexAtTime(turns, 0)).toBe(0);
    expect(turnIndexAtTime(turns, 74.9)).toBe(1);
    expect(turnIndexAtTime(turns, 3600)).toBe(2);
    expect(turnIndexAtTime([{ start: 10 }], 5)).toBeUndefined();
  });
});

describe('spans grouped by turn', () => {
  it('puts a span in every turn it touches, keyed by the turn number', () => {
    const across = span(6, 16);
    const grouped = spansByTurn(turns, [span(0, 5), across, span(23, 28, 'note')]);
    expect(grouped.get(0)).toEqual([span(0, 5), across]);
    expect(grouped.get(1)).toEqual([across]);
    expect(grouped.get(2)).toEqual([span(23, 28, 'note')]);
  });

  it('with only a run of the turns read (the reader opening mid-document), keys by Turn.index and drops spans outside', () => {
    const run = turns.slice(1);
    const grouped = spansByTurn(run, [span(0, 5), span(6, 16), span(24, 30), span(40, 60)]);
    expect([...grouped.keys()].sort()).toEqual([1, 2]);
    expect(grouped.get(1)).toEqual([span(6, 16)]);
    expect(grouped.get(2)).toEqual([span(24, 30)]);
    expect(spansByTurn([], [span(0, 5)]).size).toBe(0);
  });
});

describe('the go-to box', () => {
  it('reads a turn number or a time', () => {
    expect(parseGoTo('12')).toEqual({ turn: 12 });
    expect(parseGoTo(' 1:02:30 ')).toEqual({ seconds: 3750 });
    expect(parseGoTo('12:30')).toEqual({ seconds: 750 });
    expect(parseGoTo('twelve')).toBeUndefined();
    expect(parseGoTo('1:2:3:4')).toBeUndefined();
  });
});
