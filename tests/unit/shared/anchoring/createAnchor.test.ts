import { describe, expect, it } from 'vitest';
import { createAnchor } from '../../../../shared/anchoring/createAnchor.js';

describe('createAnchor', () => {
  const text = 'NATO members’ defence spending is supposed to amount to 2% of GDP, but only five out of 28 members met this target last year, according to a NATO report.';

  it('stores the quote with 32 characters of context either side and the position', () => {
    const start = text.indexOf('only five');
    const end = start + 'only five out of 28 members'.length;
    const anchor = createAnchor(text, start, end, 3);
    expect(anchor).toEqual({
      quote: { exact: 'only five out of 28 members', prefix: text.slice(start - 32, start), suffix: text.slice(end, end + 32) },
      position: { start, end },
      documentVersion: 3,
    });
    expect(anchor.quote.prefix).toHaveLength(32);
  });

  it('keeps shorter context at the edges of the text', () => {
    const anchor = createAnchor(text, 0, 4, 1);
    expect(anchor.quote.prefix).toBe('');
    expect(anchor.quote.exact).toBe('NATO');
    expect(createAnchor(text, text.length - 7, text.length, 1).quote.suffix).toBe('');
  });

  it('never cuts a surrogate pair in the context', () => {
    const emoji = '😀'.repeat(20) + 'claim' + '😀'.repeat(20);
    const anchor = createAnchor(emoji, 40, 45, 1);
    expect(anchor.quote.exact).toBe('claim');
    expect(anchor.quote.prefix).toBe('😀'.repeat(16));
    expect(anchor.quote.suffix).toBe('😀'.repeat(16));
    const odd = createAnchor('x' + emoji, 41, 46, 1);
    expect(odd.quote.prefix.length % 2).toBe(0);
    expect(odd.quote.prefix.codePointAt(0)).toBe(0x1f600);
  });

  it('rejects empty, reversed and out-of-range spans', () => {
    expect(() => createAnchor(text, 5, 5, 1)).toThrow(RangeError);
    expect(() => createAnchor(text, 6, 5, 1)).toThrow(RangeError);
    expect(() => createAnchor(text, -1, 5, 1)).toThrow(RangeError);
    expect(() => createAnchor(text, 0, text.length + 1, 1)).toThrow(RangeError);
  });
});
