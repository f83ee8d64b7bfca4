import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCitationHints } from '../../../../shared/sources/citationHints.js';
import { SAMPLE_CLAIM_QUOTE } from '../../../../shared/sources/sampleSources.js';

function only(text: string) {
  const hints = findCitationHints(text);
  for (const hint of hints) expect(text.slice(hint.start, hint.end)).toBe(hint.phrase);
  expect(hints).toHaveLength(1);
  return hints[0]!;
}

describe('findCitationHints', () => {
  it('finds the NATO report in the seed article, inside the sample claim, and nothing else', () => {
    const article = readFileSync(new URL('../../../fixtures/sources/corbyn-nato-article.txt', import.meta.url), 'utf8');
    const hints = findCitationHints(article);
    expect(hints).toEqual([
      {
        phrase: 'according to a NATO report',
        start: article.indexOf('according to a NATO report'),
        end: article.indexOf('according to a NATO report') + 'according to a NATO report'.length,
        suggestedTitle: 'NATO report',
        institution: 'NATO',
      },
    ]);
    const claimStart = article.indexOf(SAMPLE_CLAIM_QUOTE);
    expect(hints[0]!.start).toBeGreaterThan(claimStart);
    expect(hints[0]!.end).toBe(claimStart + SAMPLE_CLAIM_QUOTE.length);
  });

  it('offers a generic source when the body is not named', () => {
    const hint = only('Prices rose 4%, according to figures from the regulator.');
    expect(hint).toMatchObject({
      phrase: 'according to figures from the regulator',
      suggestedTitle: 'Figures from the regulator',
    });
    expect(hint).not.toHaveProperty('institution');
  });

  it('reads a name before the kind of document', () => {
    expect(only('NHS England statistics show waiting lists at 7.6 million.')).toMatchObject({
      phrase: 'NHS England statistics',
      suggestedTitle: 'NHS England statistics',
      institution: 'NHS England',
    });
    expect(only("The Treasury's own analysis suggests otherwise.")).toMatchObject({
      suggestedTitle: 'Treasury analysis',
      institution: 'Treasury',
    });
  });

  it('reads a body that said something, but not a person', () => {
    expect(only('Inflation fell to 3.2%, the Office for National Statistics said on Wednesday.')).toMatchObject({
      phrase: 'the Office for National Statistics said',
      suggestedTitle: 'Office for National Statistics statement',
      institution: 'Office for National Statistics',
    });
    expect(findCitationHints('Mr Corbyn said he would want to avoid it. Donald Trump said he would not.')).toEqual([]);
  });

  it('reads a study by a named body, and a name made of several words with "for" and "of"', () => {
    expect(only('A study by researchers at the London School of Economics found that...')).toMatchObject({
      phrase: 'A study by researchers at the London School of Economics',
      suggestedTitle: 'London School of Economics study',
      institution: 'London School of Economics',
    });
    expect(only('According to the Institute for Fiscal Studies, the plan costs £20bn.')).toMatchObject({
      phrase: 'According to the Institute for Fiscal Studies',
      suggestedTitle: 'Institute for Fiscal Studies statement',
      institution: 'Institute for Fiscal Studies',
    });
    expect(only('That is according to the latest report by the Institute for Fiscal Studies.')).toMatchObject({
      phrase: 'according to the latest report by the Institute for Fiscal Studies',
      suggestedTitle: 'Institute for Fiscal Studies report',
    });
  });

  it('finds several hints in order without overlaps', () => {
    const text = 'Data published by the Bank of England showed growth. Official figures from the ONS disagree.';
    expect(findCitationHints(text).map((h) => [h.phrase, h.institution])).toEqual([
      ['Data published by the Bank of England', 'Bank of England'],
      ['Official figures from the ONS', 'ONS'],
    ]);
  });

  it('finds nothing in text that cites nobody', () => {
    expect(findCitationHints('We will spend 2% of GDP on defence. The Prime Minister visited Brussels.')).toEqual([]);
    expect(findCitationHints('')).toEqual([]);
  });
});
