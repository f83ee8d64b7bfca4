import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../shared/triage/splitSentences.js';

const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('splits on full stops, question and exclamation marks, keeping exact offsets', () => {
    const text = 'Jobs are leaving.  Why? Because of NAFTA!\nThank you.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['Jobs are leaving.', 'Why?', 'Because of NAFTA!', 'Thank you.']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not split after titles, initials and initialisms', () => {
    expect(texts('Mr. Trump and Mrs. Clinton met Dr. Stein. Donald J. Trump spoke next.')).toEqual([
      'Mr. Trump and Mrs. Clinton met Dr. Stein.',
      'Donald J. Trump spoke next.',
    ]);
    expect(texts('U.S. troops left in 2011. The U.K. followed.')).toEqual(['U.S. troops left in 2011.', 'The U.K. followed.']);
    expect(texts('We spend more than the U.S. The rest of NATO spends less.')).toEqual(['We spend more than the U.S.', 'The rest of NATO spends less.']);
    expect(texts('Taxes, fees, etc. are up. We will cut them.')).toEqual(['Taxes, fees, etc. are up.', 'We will cut them.']);
  });

  it('keeps decimals, percentages and money together', () => {
    expect(texts('Growth was 2.5% last year. The deficit is $1.2 trillion. Unemployment is 4.9 percent.')).toEqual([
      'Growth was 2.5% last year.',
      'The deficit is $1.2 trillion.',
      'Unemployment is 4.9 percent.',
    ]);
  });

  it('keeps closing quotes with their sentence and does not split inside a quoted question followed by lower case', () => {
    expect(texts('He said, "We will win." Then he left.')).toEqual(['He said, "We will win."', 'Then he left.']);
    expect(texts('“Is that true?” she asked. It was.')).toEqual(['“Is that true?” she asked.', 'It was.']);
    expect(texts('“I don’t wish to go to war. That can be done.”\nNext.')).toEqual(['“I don’t wish to go to war.', 'That can be done.”', 'Next.']);
  });

  it('ends a sentence at a blank line or a colon at the end of a line, not at a hard wrap', () => {
    expect(texts('He said:\n\n“You would obviously try to avoid that.”')).toEqual(['He said:', '“You would obviously try to avoid that.”']);
    expect(texts('Pushed once more, he said:\n“No.”')).toEqual(['Pushed once more, he said:', '“No.”']);
    expect(texts('a hard-wrapped line\nthat goes on\n\nNew paragraph')).toEqual(['a hard-wrapped line\nthat goes on', 'New paragraph']);
  });

  it('treats a number at the start of a line as a list marker and keeps ellipses before lower case', () => {
    expect(texts('  1. Chamberlain? If one does not confront aggression...')).toEqual(['1. Chamberlain?', 'If one does not confront aggression...']);
    expect(texts('Well... maybe. Yes.')).toEqual(['Well... maybe.', 'Yes.']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});
