import { describe, expect, it } from 'vitest';
import { readableTitle } from '../../../../shared/import/readableTitle.js';

describe('readableTitle', () => {
  it('turns an all-capitals heading into title case, small words lower, abbreviations kept', () => {
    expect(readableTitle('LABOUR LEADERSHIP HUSTINGS: CORBYN V SMITH ON NATO')).toBe('Labour Leadership Hustings: Corbyn v Smith on NATO');
    expect(readableTitle('THE BBC DEBATE: A POST-BREXIT UK')).toBe('The BBC Debate: A Post-Brexit UK');
    expect(readableTitle('“WE WILL” — THE PM’S SPEECH')).toBe('“We Will” — The PM’s Speech');
  });

  it('leaves a title that already has lower-case letters, or no words in capitals, as it is', () => {
    expect(readableTitle('Corbyn refuses to guarantee NATO support')).toBe('Corbyn refuses to guarantee NATO support');
    expect(readableTitle('2016-08-18')).toBe('2016-08-18');
  });
});
