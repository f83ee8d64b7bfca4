import { describe, expect, it } from 'vitest';
import { parseQuantities } from '../../../../shared/quantities/parseQuantities.js';

const SEED = 'NATO members’ defence spending is supposed to amount to 2% of GDP, but only five out of 28 members met this target last year, according to a NATO report.';

/** value and unit (and currency) of each quantity, the way the labelled set scores them. */
const valueUnits = (text: string) => parseQuantities(text).map((q) => [q.value, q.unit, ...(q.currency ? [q.currency] : [])]);
const one = (text: string, date?: string) => {
  const found = parseQuantities(text, date ? { date } : {});
  expect(found).toHaveLength(1);
  return { ...found[0]!, span: text.slice(found[0]!.start, found[0]!.end) };
};

describe('parseQuantities: the seed claim', () => {
  it('reads "only five out of 28 members … last year" with its offsets, and 2% of GDP', () => {
    const found = parseQuantities(SEED, { date: '2016-08-18' });
    expect(found).toEqual([
      { value: 2, unit: 'percent-of-gdp', start: 56, end: 65 },
      { value: 5, unit: 'count', of: 28, what: 'members', comparison: 'only', time: 'last year', period: { from: 2015, to: 2015 }, start: 76, end: 90 },
    ]);
    expect(SEED.slice(76, 90)).toBe('five out of 28');
  });

  it('leaves "last year" unresolved without a date', () => {
    expect(parseQuantities(SEED)[1]).not.toHaveProperty('period');
    expect(parseQuantities(SEED)[1]!.time).toBe('last year');
  });
});

describe('parseQuantities: values in digits and words', () => {
  it.each([
    ['Only five of them came.', 5],
    ['There are twenty-eight members.', 28],
    ['Twelve thousand troops were sent.', 12000],
    ['Four hundred pieces of legislation.', 400],
    ['It costs 1.4 percent.', 1.4],
    ['We sent 12,000 troops.', 12000],
    ['It was 2 million people.', 2e6],
    ['Seven-and-a-half years.', 7.5],
    ['Two and a half million jobs.', 2.5e6],
    ['Nearly half a million new jobs.', 5e5],
    ['A dozen states.', 12],
    ['More than a million jobs.', 1e6],
  ])('%s → %d', (text, value) => {
    expect(parseQuantities(text)[0]?.value).toBe(value);
  });

  it('reads fractions as ratios', () => {
    expect(one('A third of Americans agree.')).toMatchObject({ value: 1 / 3, unit: 'ratio', what: 'Americans', span: 'A third' });
    expect(one('Half of the budget goes there.')).toMatchObject({ value: 0.5, unit: 'ratio', span: 'Half' });
    expect(one('Two-thirds of voters said so.')).toMatchObject({ value: 2 / 3, unit: 'ratio', what: 'voters' });
    expect(one('The wall would be four times longer.')).toMatchObject({ value: 4, unit: 'ratio', span: 'four times' });
    expect(one('It is twice as high.')).toMatchObject({ value: 2, unit: 'ratio' });
    expect(one('Less than 10 cents on the dollar went to charity.')).toMatchObject({ value: 0.1, unit: 'ratio', comparison: 'less than' });
    expect(one('only 1/10th of 1 percent')).toMatchObject({ value: 0.1, unit: 'percent', span: '1/10th of 1 percent' });
  });

  it('reads doubled, tripled and halved as ratios with their comparison', () => {
    expect(one('Unemployment doubled when he was governor.')).toMatchObject({ value: 2, unit: 'ratio', comparison: 'doubled', span: 'doubled' });
    expect(one('The deficit was halved.')).toMatchObject({ value: 0.5, unit: 'ratio', comparison: 'halved' });
  });
});

describe('parseQuantities: units', () => {
  it('money with an ISO currency, from signs, abbreviations and words', () => {
    expect(one('They want $700bn.')).toMatchObject({ value: 7e11, unit: 'money', currency: 'USD', span: '$700bn' });
    expect(one('We send £350 million a week.')).toMatchObject({ value: 3.5e8, unit: 'money', currency: 'GBP', span: '£350 million' });
    expect(one('A fund of €2.5bn.')).toMatchObject({ value: 2.5e9, currency: 'EUR' });
    expect(one('We spent $3.2 [billion] on it.')).toMatchObject({ value: 3.2e9, currency: 'USD', span: '$3.2 [billion]' });
    expect(one('Six trillion dollars in the Middle East.')).toMatchObject({ value: 6e12, unit: 'money', currency: 'USD' });
    expect(one('People making 56 cents an hour.')).toMatchObject({ value: 0.56, unit: 'money', currency: 'USD' });
    expect(one('He weighs 400 pounds.')).toMatchObject({ value: 400, unit: 'count', what: 'pounds' });
  });

  it('percent, percentage points and percent of GDP', () => {
    expect(one('Spending is 1.4 percent of GDP.')).toMatchObject({ value: 1.4, unit: 'percent-of-gdp', span: '1.4 percent of GDP' });
    expect(one('They contributed 2% of its GDP.')).toMatchObject({ value: 2, unit: 'percent-of-gdp' });
    expect(one('Debt would rise to 86 per cent of gross domestic product.')).toMatchObject({ value: 86, unit: 'percent-of-gdp' });
    expect(one('It rose 3 percentage points.')).toMatchObject({ value: 3, unit: 'percent', span: '3 percentage points' });
    expect(one('The Times has us 6 points up nationwide.')).toMatchObject({ value: 6, unit: 'percent' });
    expect(one('They gave Russia 20 percent of our uranium.')).toMatchObject({ value: 20, unit: 'percent', what: 'uranium' });
  });

  it('people, counts with the thing counted, and years as durations or ages', () => {
    expect(one('We have 12,000 troops there.')).toMatchObject({ unit: 'people', what: 'troops' });
    expect(one('Ninety-four million Americans are out of the labor force.')).toMatchObject({ value: 9.4e7, unit: 'people', what: 'Americans' });
    expect(one('One in five Americans is poor.')).toMatchObject({ value: 1, unit: 'people', of: 5, what: 'Americans', span: 'One in five' });
    expect(one('17 of our intelligence agencies agree.')).toMatchObject({ value: 17, unit: 'count', what: 'agencies' });
    expect(one('U.S. Steel is opening a minimum of eight plants.')).toMatchObject({ value: 8, unit: 'count', what: 'plants' });
    expect(one('She deleted 33,000 e-mails.')).toMatchObject({ what: 'e-mails' });
    expect(one('She has been there for 30 years.')).toMatchObject({ value: 30, unit: 'year' });
    expect(one('He is 70 years old.')).toMatchObject({ value: 70, unit: 'year', span: '70 years old' });
    expect(one('You can stay on the policy until the age of 26.')).toMatchObject({ value: 26, unit: 'year' });
  });

  it('lends a list its last unit: "30, 40, sometimes 50 percent", "40 or 50 times", "from 10,000 to 65,000 refugees"', () => {
    expect(valueUnits('Manufacture is down 30, 40, sometimes 50 percent.')).toEqual([[30, 'percent'], [40, 'percent'], [50, 'percent']]);
    expect(valueUnits('He was stopped 40 or 50 times.')).toEqual([[40, 'count'], [50, 'count']]);
    expect(valueUnits('An increase from 10,000 to 65,000 Syrian refugees.')).toEqual([[10000, 'people'], [65000, 'people']]);
    expect(valueUnits('It grew from 3 to 4 million.')).toEqual([[3e6, 'count'], [4e6, 'count']]);
    expect(valueUnits('Donald gave over $50,000 to three Democrats.')).toEqual([[50000, 'money', 'USD'], [3, 'people']]);
  });
});

describe('parseQuantities: comparisons and time', () => {
  it.each([
    ['at least 10,000 American jobs', 'at least'],
    ['more than $4,000', 'more than'],
    ['Household incomes are down more than $4,000.', 'down more than'],
    ['Illegal traffic dropped 92 percent.', 'dropped'],
    ['Our rate is 60 percent higher.', 'higher'],
    ['That includes 440,000 fewer manufacturing jobs.', 'fewer'],
    ['about 2 percent', 'about'],
  ])('%s → %s', (text, comparison) => {
    expect(parseQuantities(text)[0]?.comparison).toBe(comparison);
  });

  it('puts "lowest since 1938" on the quantity it describes', () => {
    expect(one('Unemployment fell to 4.1 percent, the lowest since 1938.')).toMatchObject({ value: 4.1, comparison: 'fell to, lowest since 1938' });
  });

  it('resolves time phrases against the debate date', () => {
    const date = '2016-10-09';
    expect(one('We sent 12,000 troops since 2022.', '2024-05-01')).toMatchObject({ time: 'since 2022', period: { from: 2022, to: 2024 } });
    expect(one('Only 4 allies met it in 2015.', date)).toMatchObject({ time: 'in 2015', period: { from: 2015, to: 2015 } });
    expect(one('Homicides rose 17 percent last year.', date)).toMatchObject({ time: 'last year', period: { from: 2015, to: 2015 } });
    expect(one('It cost $800 billion over the last 10 years.', date)).toMatchObject({ time: 'over the last 10 years', period: { from: 2006, to: 2016 } });
    expect(one('It will cost 2.7 million jobs by 2025.', date)).toMatchObject({ time: 'by 2025', period: { to: 2025 } });
    expect(one('From 2014 to 2024 it rose 3 percent.', date)).toMatchObject({ period: { from: 2014, to: 2024 } });
  });

  it('reads numbers inside time phrases as time, not quantities', () => {
    expect(parseQuantities('The words I said 11 years ago.')).toEqual([]);
    expect(parseQuantities('We will attack in four months.')).toEqual([]);
    expect(parseQuantities('The lowest unemployment in 50 years.')).toEqual([]);
    expect(parseQuantities('Unemployment is at a 16-year low.')).toEqual([]);
    expect(valueUnits('Over the last 30 years we lost 60,000 factories.')).toEqual([[60000, 'count']]);
  });
});

describe('parseQuantities: what is not a quantity', () => {
  it.each([
    'In 2015, NATO met in Wales.',
    'The 2016 election was close.',
    'He was the senator from New York on 9/11.',
    'She sent a tweet at 3 a.m. and again at 3 o’clock.',
    'Open 24/7.',
    'In the ’90s you supported NAFTA, and in the 1990s too.',
    'B-52s and F-35 jets, G20 talks.',
    'NATO’s article five enshrines collective defence.',
    'Article 5 of the treaty.',
    'Number one, I was against it. No. 1 again.',
    'One of the worst deals ever made.',
    'The one thing we agree on.',
    'No one wants that.',
    'Air Force One has never been treated so badly.',
    'If you look at the Gang of Eight, he broke his promise.',
    'We must vote on November 8th, or on 4 July 2016.',
    'It was ratified by the 13th Amendment in the 21st century.',
    'Let us talk about 501(c)(4)s.',
    'The Senate voted 100-0.',
    '',
    '   ',
  ])('%s', (text) => {
    expect(parseQuantities(text)).toEqual([]);
  });

  it('survives odd input', () => {
    expect(parseQuantities(undefined as unknown as string)).toEqual([]);
    expect(parseQuantities('🙂 5 ☃')[0]).toMatchObject({ value: 5, start: 3, end: 4 });
    expect(parseQuantities('1'.repeat(400))[0]?.value).toBeGreaterThan(1e300);
    expect(parseQuantities('$$$ %%% ... ,,, 1,2,3')).toBeInstanceOf(Array);
    const long = 'and 5 people '.repeat(2000);
    expect(parseQuantities(long)).toHaveLength(2000);
  });
});
