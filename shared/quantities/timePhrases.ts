import type { QuantityPeriod } from '../model.js';

/** A phrase naming when something happened or over what span: "last year", "since 2022", "over the last 30 years". */
export interface TimePhrase {
  text: string;
  start: number;
  end: number;
  /** Numbers inside it ("the last 30 years") are part of the time, not quantities. */
  period?: QuantityPeriod;
}

const YEAR = String.raw`(?:1[6-9]|20)\d\d`;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const SMALL_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a few|several|a couple of';
const AMOUNT = String.raw`(?:\d+(?:\.\d+)?|${SMALL_WORDS}|a|an|half a)`;
const SPAN_UNIT = String.raw`(?:years?|months?|weeks?|days?|decades?|quarters?|centur(?:y|ies))`;
const HEDGE = String.raw`(?:(?:nearly|almost|about|around|roughly|some|more than|less than|over|under|just)\s+)?`;

const WORD_VALUES: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, 'half a': 0.5,
};

interface Pattern {
  re: RegExp;
  resolve?: (m: RegExpMatchArray, refYear: number | undefined) => QuantityPeriod | undefined;
}

function amountValue(text: string): number | undefined {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d/.test(t)) return Number(t);
  return WORD_VALUES[t];
}

function yearsIn(amount: number | undefined, unit: string): number | undefined {
  if (amount === undefined) return undefined;
  const u = unit.toLowerCase();
  if (u.startsWith('year')) return amount;
  if (u.startsWith('decade')) return amount * 10;
  if (u.startsWith('centur')) return amount * 100;
  return undefined;
}

const PATTERNS: Pattern[] = [
  // between 2010 and 2015, from 2014 to 2024
  {
    re: new RegExp(String.raw`\b(?:between|from)\s+(?:the\s+year\s+)?(${YEAR})\s*(?:and|to|until|through|[-–])\s*(${YEAR})\b`, 'giu'),
    resolve: (m) => ({ from: Number(m[1]), to: Number(m[2]) }),
  },
  // in/since/by/until/before/after [month] 2015, the year 2000, in fiscal 2015
  {
    re: new RegExp(String.raw`\b(in|since|by|until|till|through|before|after|during|from|of|for|as of|starting in|back in|end of)\s+(?:(?:the\s+)?(?:year|fiscal(?:\s+year)?)\s+)?(?:${MONTH}\s+(?:\d{1,2},?\s+)?)?(${YEAR})(?!\s*(?:%|percent|per\s*cent))\b`, 'giu'),
    resolve: (m, ref) => {
      const year = Number(m[2]);
      const word = m[1]!.toLowerCase();
      if (word === 'since' || word === 'after' || word === 'starting in' || word === 'from') return { from: year, ...(ref !== undefined && ref >= year ? { to: ref } : {}) };
      if (word === 'by' || word === 'until' || word === 'till' || word === 'before' || word === 'through') return { to: year };
      return { from: year, to: year };
    },
  },
  // last year, this year, next year, last quarter, the past year, a year ago
  {
    re: /\b(last|this|next|past|previous|current|the\s+past|the\s+previous|the\s+last|the\s+current)\s+(year|month|quarter|week|decade|fiscal\s+year)\b/giu,
    resolve: (m, ref) => {
      if (ref === undefined) return undefined;
      const which = m[1]!.toLowerCase().replace(/^the\s+/, '');
      const unit = m[2]!.toLowerCase();
      if (unit === 'year' || unit === 'fiscal year') {
        if (which === 'last' || which === 'previous' || which === 'past') return { from: ref - 1, to: ref - 1 };
        if (which === 'next') return { from: ref + 1, to: ref + 1 };
        return { from: ref, to: ref };
      }
      if (unit === 'decade' && (which === 'last' || which === 'past' || which === 'previous')) return { from: ref - 10, to: ref };
      return { from: ref, to: ref };
    },
  },
  // over the last 30 years, in the past two decades, during its first 10 years, for the next 10 years
  {
    re: new RegExp(String.raw`\b(?:(?:over|in|during|within|for|throughout)\s+)?(?:the|its|their|his|her|our|my)\s+(last|past|next|previous|first|coming)\s+${HEDGE}(${AMOUNT})\s+(${SPAN_UNIT})\b`, 'giu'),
    resolve: (m, ref) => {
      const span = yearsIn(amountValue(m[2]!), m[3]!);
      const which = m[1]!.toLowerCase();
      if (ref === undefined || span === undefined || which === 'first') return undefined;
      if (which === 'next' || which === 'coming') return { from: ref, to: ref + span };
      return { from: ref - span, to: ref };
    },
  },
  // 11 years ago, three months later
  {
    re: new RegExp(String.raw`\b${HEDGE}(${AMOUNT})\s+(${SPAN_UNIT})\s+(ago|later|earlier|before|after|from now)\b`, 'giu'),
    resolve: (m, ref) => {
      const span = yearsIn(amountValue(m[1]!), m[2]!);
      if (ref === undefined || span === undefined) return undefined;
      const when = m[3]!.toLowerCase();
      return when === 'ago' ? { from: ref - span, to: ref - span } : when === 'from now' ? { from: ref + span, to: ref + span } : undefined;
    },
  },
  // in 25 years, in nearly half a century, over 10 years, within two years, in one year, in four months
  {
    re: new RegExp(String.raw`\b(?:in|over|within)\s+${HEDGE}(${AMOUNT})\s+(${SPAN_UNIT})\b`, 'giu'),
  },
  // a 16-year low, 50-year high
  { re: /\b\d+[-‐‑]year\s+(?:low|high|record)\b/giu },
  // since the election, since January
  { re: new RegExp(String.raw`\bsince\s+(?:${MONTH}(?:\s+\d{1,2}(?:st|nd|rd|th)?)?)(?=[\s,.;!?]|$)`, 'giu') },
];

/** The time phrases in a sentence, earliest first; overlapping matches keep the longer one. */
export function findTimePhrases(text: string, referenceDate?: string): TimePhrase[] {
  const refYear = referenceYear(referenceDate);
  const found: TimePhrase[] = [];
  for (const pattern of PATTERNS) {
    for (const m of text.matchAll(pattern.re)) {
      const start = m.index;
      const phrase: TimePhrase = { text: m[0], start, end: start + m[0].length };
      const period = pattern.resolve?.(m, refYear);
      if (period && (period.from !== undefined || period.to !== undefined)) phrase.period = period;
      found.push(phrase);
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TimePhrase[] = [];
  for (const p of found) {
    const last = kept[kept.length - 1];
    if (last && p.start < last.end) continue;
    kept.push(p);
  }
  return kept;
}

function referenceYear(date: string | undefined): number | undefined {
  const m = date?.match(/^(\d{4})(?:-\d\d){0,2}$/);
  return m ? Number(m[1]) : undefined;
}
