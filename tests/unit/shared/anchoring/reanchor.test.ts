import { describe, expect, it } from 'vitest';
import { createAnchor } from '../../../../shared/anchoring/createAnchor.js';
import { reanchor } from '../../../../shared/anchoring/reanchor.js';

const TEXT =
  'CORBYN: I don’t wish to go to war. What I want to do is achieve a world where we don’t need to go to war.\n' +
  'SMITH: We would have to come to the aid of a fellow member of NATO. That’s the nature of the NATO accord.\n';

function anchorOn(text: string, quote: string, from = 0) {
  const at = text.indexOf(quote, from);
  return createAnchor(text, at, at + quote.length, 1);
}

describe('reanchor (without the old text)', () => {
  it('keeps an anchor whose quote is still in place', () => {
    const anchor = anchorOn(TEXT, 'come to the aid of a fellow member of NATO');
    const result = reanchor(anchor, TEXT, 2);
    expect(result).toMatchObject({ state: 'anchored', confidence: 1 });
    expect(result.anchor?.position).toEqual(anchor.position);
    expect(result.anchor?.documentVersion).toBe(2);
  });

  it('follows text inserted before the quote', () => {
    const anchor = anchorOn(TEXT, 'come to the aid of a fellow member of NATO');
    const next = 'MODERATOR: Mr Smith, the same question.\n' + TEXT;
    const result = reanchor(anchor, next, 2);
    expect(result.state).toBe('anchored');
    expect(result.anchor?.position.start).toBe(next.indexOf('come to the aid'));
  });

  it('sends a repeated phrase to review instead of guessing between copies', () => {
    // The middle copies have the same 32 characters either side: nothing tells them apart.
    const text = 'Start. ' + 'A: Thank you. B: Next question. '.repeat(5) + 'End.';
    const anchor = anchorOn(text, 'Thank you', 80);
    // Shift everything so the old position no longer holds the quote.
    const result = reanchor(anchor, 'Intro. ' + text, 2);
    expect(result.state).toBe('review');
    expect(result.reason).toMatch(/equally good/);
  });

  it('never anchors a look-alike when the quote’s own sentence is gone', () => {
    const anchor = anchorOn(TEXT, 'go to war', TEXT.indexOf('need to'));
    const next = TEXT.replace(' What I want to do is achieve a world where we don’t need to go to war.', '');
    const result = reanchor(anchor, next, 2);
    expect(result.state).not.toBe('anchored');
  });

  it('proposes a slightly changed quote for review', () => {
    const anchor = anchorOn(TEXT, 'That’s the nature of the NATO accord.');
    const next = TEXT.replace('nature of the NATO accord', 'nature of the NATO treaty');
    const result = reanchor(anchor, next, 2);
    expect(result.state).toBe('review');
    expect(next.slice(result.anchor!.position.start, result.anchor!.position.end)).toMatch(/^That’s the nature of the NATO treaty/);
  });

  it('orphans a quote that is gone', () => {
    const anchor = anchorOn(TEXT, 'What I want to do is achieve a world');
    const result = reanchor(anchor, 'Completely different text about the budget deficit and taxes.', 2);
    expect(result).toMatchObject({ state: 'orphaned', confidence: 0 });
    expect(result.anchor).toBeUndefined();
  });

  it('keeps an anchor whose quote was only re-spaced, and says so', () => {
    const anchor = anchorOn(TEXT, 'come to the aid of a fellow member of NATO');
    const next = 'Intro.\n' + TEXT.replace('come to the aid of a fellow', 'come to the aid\nof a  fellow');
    const result = reanchor(anchor, next, 2);
    expect(result.state).toBe('anchored');
    expect(result.reason).toMatch(/white space/);
    expect(next.slice(result.anchor!.position.start, result.anchor!.position.end)).toBe('come to the aid\nof a  fellow member of NATO');
  });
});
