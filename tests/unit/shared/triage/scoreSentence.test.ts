import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreSentence, scoreSentences } from '../../../../shared/triage/scoreSentence.js';

const seed = readFileSync(new URL('../../../fixtures/annotate/corbyn-nato-article.txt', import.meta.url), 'utf8');

describe('scoreSentences on the seed article', () => {
  const ranked = scoreSentences(seed).sort((a, b) => b.score - a.score);
  const rank = (start: string): number => ranked.findIndex((s) => s.text.startsWith(start));

  it('ranks the NATO spending statistic first and "He said:" near the bottom', () => {
    expect(ranked.length).toBeGreaterThan(20);
    expect(rank('NATO members’ defence spending is supposed to amount to 2% of GDP, but only five out of 28 members met this target last year, according to a NATO report.')).toBe(0);
    expect(rank('Recently, US presidential candidate Donald Trump')).toBeLessThan(3);
    const heSaid = ranked.map((s, i) => [s.text, i] as const).filter(([t]) => t === 'He said:');
    expect(heSaid).toHaveLength(2);
    for (const [, i] of heSaid) expect(i).toBeGreaterThanOrEqual(ranked.length * 0.75);
    expect(ranked.find((s) => s.text === 'He said:')!.score).toBeLessThan(0.01);
  });

  it('gives the statistic readable reasons', () => {
    const top = ranked[0]!;
    expect(top.score).toBeGreaterThan(0.9);
    expect(top.reasons).toEqual(
      expect.arrayContaining([
        'percentage: "2%"',
        'proportion: "five out of 28"',
        'attribution: "according to"',
        'time reference: "last year"',
        'report or statistics: "report"',
        expect.stringMatching(/^named institution: "NATO"/),
      ]),
    );
    expect(seed.slice(top.start, top.end)).toBe(top.text);
  });
});

describe('scoreSentence', () => {
  it('finds each kind of signal', () => {
    const cases: Array<[string, RegExp]> = [
      ['Unemployment rose by 4.9 percent under this government.', /^percentage/],
      ['We owe $20 trillion to the rest of the world.', /^amount of money/],
      ['One in five children lives in poverty in this country.', /^proportion/],
      ['Our taxes are higher than in any other country in the world.', /^comparison/],
      ['This is the worst trade deal ever signed anywhere.', /^superlative/],
      ['The NHS has been cut by the government since 2010.', /^named institution: "NHS"/],
      ['Crime went up in the cities because of the policies.', /^causal claim: "because"/],
      ['Over the past ten years wages have stayed flat for workers.', /^time reference/],
      ['According to the regulator, prices went up again.', /^attribution: "According to"/],
    ];
    for (const [sentence, reason] of cases) {
      const { score, reasons } = scoreSentence(sentence);
      expect(score, sentence).toBeGreaterThan(0.15);
      expect(reasons.some((r) => reason.test(r)), `${sentence}: ${reasons.join('; ')}`).toBe(true);
    }
  });

  it('scores a figure above an opinion, an opinion above a greeting, and keeps scores within 0..1', () => {
    const figure = scoreSentence('Since 2010, the national debt has doubled to $20 trillion, according to the Treasury.');
    const opinion = scoreSentence('I think we need to be much stronger on trade.');
    const greeting = scoreSentence('Thank you very much, Lester.');
    expect(figure.score).toBeGreaterThan(opinion.score);
    expect(opinion.score).toBeGreaterThan(greeting.score);
    expect(figure.score).toBeLessThanOrEqual(1);
    expect(greeting.score).toBeGreaterThanOrEqual(0);
    expect(opinion.reasons).toContain('opinion or intention: "I think"');
  });

  it('marks questions and fragments down', () => {
    const statement = scoreSentence('Unemployment is at 5 percent in the state today.');
    const question = scoreSentence('Is unemployment at 5 percent in the state today?');
    expect(question.score).toBeLessThan(statement.score);
    expect(question.reasons).toContain('a question, not an assertion');
    expect(scoreSentence('Five percent.').reasons).toContain('fragment: fewer than three words');
  });

  it('does not count years as figures or stage directions as institutions', () => {
    expect(scoreSentence('It happened in 2016 during the campaign season.').reasons.some((r) => r.startsWith('number'))).toBe(false);
    expect(scoreSentence('(APPLAUSE)')).toEqual({ score: 0, reasons: ['fragment: fewer than three words'] });
  });
});

describe('scoreSentence reasons', () => {
  it('quotes amounts without the full stop after them', () => {
    expect(scoreSentence('He voted against raising the minimum wage above $5.15.').reasons).toContain('amount of money: "$5.15"');
  });
});
