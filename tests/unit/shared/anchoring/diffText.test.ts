import { describe, expect, it } from 'vitest';
import { diffText, PositionMap } from '../../../../shared/anchoring/diffText.js';

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

const WORDS = 'the tax plan jobs deal NATO 2% of GDP we will not and said\n'.split(' ');

function randomText(random: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]!).join(' ');
}

function randomEdit(random: () => number, text: string): string {
  const at = Math.floor(random() * text.length);
  const kind = random();
  if (kind < 0.33) return text.slice(0, at) + randomText(random, 3) + text.slice(at);
  if (kind < 0.66) return text.slice(0, at) + text.slice(at + Math.floor(random() * 40));
  return text.slice(0, at) + randomText(random, 2) + text.slice(at + Math.floor(random() * 20));
}

describe('diffText', () => {
  it('returns ordered, non-overlapping runs that really are equal, over many random edits', () => {
    const random = rng(42);
    for (let round = 0; round < 200; round++) {
      const oldText = randomText(random, 50 + Math.floor(random() * 300));
      let newText = oldText;
      const edits = 1 + Math.floor(random() * 6);
      for (let e = 0; e < edits; e++) newText = randomEdit(random, newText);
      const runs = diffText(oldText, newText);
      let oldAt = 0;
      let newAt = 0;
      let kept = 0;
      for (const run of runs) {
        expect(run.length).toBeGreaterThan(0);
        expect(run.oldStart).toBeGreaterThanOrEqual(oldAt);
        expect(run.newStart).toBeGreaterThanOrEqual(newAt);
        expect(newText.slice(run.newStart, run.newStart + run.length)).toBe(oldText.slice(run.oldStart, run.oldStart + run.length));
        oldAt = run.oldStart + run.length;
        newAt = run.newStart + run.length;
        kept += run.length;
      }
      // A handful of local edits leaves most of the text aligned.
      expect(kept).toBeGreaterThan(Math.min(oldText.length, newText.length) - edits * 60);
    }
  });

  it('covers identical texts with one run and disjoint texts with none', () => {
    expect(diffText('same text', 'same text')).toEqual([{ oldStart: 0, newStart: 0, length: 9 }]);
    expect(diffText('abc', 'xyz')).toEqual([]);
    expect(diffText('', 'new')).toEqual([]);
  });

  it('aligns a moved repeated phrase to its own copy, not the first one', () => {
    const oldText = 'Thank you. Alpha said yes. Thank you. Beta said no.';
    const newText = 'Thank you. Alpha said yes. Beta said no.';
    const map = new PositionMap(diffText(oldText, newText), oldText.length, newText.length);
    const second = oldText.indexOf('Thank you.', 5);
    const mapped = map.mapSpan(second, second + 'Thank you.'.length);
    expect(mapped.intact).toBe(false);
    expect(map.mapSpan(0, 10)).toMatchObject({ start: 0, end: 10, intact: true });
    const beta = oldText.indexOf('Beta');
    expect(map.mapSpan(beta, beta + 4)).toMatchObject({ start: newText.indexOf('Beta'), intact: true });
  });
});
