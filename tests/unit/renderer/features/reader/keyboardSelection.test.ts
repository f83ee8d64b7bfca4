import { describe, expect, it } from 'vitest';
import { keyStep, SentenceMap, stepSelection, type KeySpan } from '../../../../../renderer/features/reader/keyboardSelection.js';

// Two turns of one document: "A one. A two." then "B one. B two. B three."
const first = 'A one. A two.';
const second = 'B one. B two. B three.';
const turns = [
  { index: 0, offset: 0, text: first },
  { index: 1, offset: first.length + 1, text: second },
];
const text = `${first}\n${second}`;
const map = new SentenceMap(turns);
const said = (span: KeySpan | undefined) => (span ? text.slice(span.start, span.end) : undefined);

describe('keyboard selection in the reader', () => {
  it('starts with the sentence at the top of the screen, then moves sentence by sentence across turns', () => {
    let span = stepSelection(map, undefined, 'next', 0);
    expect(said(span)).toBe('A one.');
    span = stepSelection(map, span, 'next', 0);
    expect(said(span)).toBe('A two.');
    span = stepSelection(map, span, 'next', 0);
    expect(said(span)).toBe('B one.');
    span = stepSelection(map, span, 'previous', 0);
    expect(said(span)).toBe('A two.');
  });

  it('grows and shrinks by a sentence with Shift+arrows, never below one sentence', () => {
    let span = stepSelection(map, undefined, 'extend', turns[1]!.offset);
    expect(said(span)).toBe('B one.');
    span = stepSelection(map, span, 'extend', 0);
    span = stepSelection(map, span, 'extend', 0);
    expect(said(span)).toBe('B one. B two. B three.');
    span = stepSelection(map, span, 'shrink', 0);
    expect(said(span)).toBe('B one. B two.');
    span = stepSelection(map, span, 'shrink', 0);
    span = stepSelection(map, span, 'shrink', 0);
    expect(said(span)).toBe('B one.');
  });

  it('grows to the end of the turn, then the next turn, and shrinks back a turn', () => {
    let span = stepSelection(map, undefined, 'next', 0);
    span = stepSelection(map, span, 'extend-turn', 0);
    expect(said(span)).toBe('A one. A two.');
    span = stepSelection(map, span, 'extend-turn', 0);
    expect(said(span)).toBe(text);
    span = stepSelection(map, span, 'shrink-turn', 0);
    expect(said(span)).toBe('A one. A two.');
    span = stepSelection(map, span, 'shrink-turn', 0);
    expect(said(span)).toBe('A one.');
  });

  it('stays put at the end of the document', () => {
    const last = { start: text.indexOf('B three.'), end: text.length };
    expect(stepSelection(map, last, 'next', 0)).toEqual(last);
    expect(stepSelection(map, last, 'extend', 0)).toEqual(last);
  });

  it('reads arrow keys: plain left/right move, Shift grows, modifiers are left to others', () => {
    expect(keyStep({ key: 'ArrowRight', shiftKey: false, altKey: false, ctrlKey: false, metaKey: false })).toBe('next');
    expect(keyStep({ key: 'ArrowRight', shiftKey: true, altKey: false, ctrlKey: false, metaKey: false })).toBe('extend');
    expect(keyStep({ key: 'ArrowDown', shiftKey: true, altKey: false, ctrlKey: false, metaKey: false })).toBe('extend-turn');
    expect(keyStep({ key: 'ArrowDown', shiftKey: false, altKey: false, ctrlKey: false, metaKey: false })).toBeUndefined();
    expect(keyStep({ key: 'ArrowDown', shiftKey: false, altKey: true, ctrlKey: false, metaKey: false })).toBeUndefined();
  });
});
