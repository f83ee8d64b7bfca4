import type { Quantity, QuantityUnit } from '../model.js';
import {
  CHANGES_BEFORE,
  COMPARISONS_AFTER,
  COMPARISONS_BEFORE,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  LABEL_WORDS,
  MODIFIERS,
  MONTHS,
  RATIO_VERBS,
  STOPWORDS,
  TIMES_RATIO,
  isPeopleWord,
} from './lexicon.js';
import { SCALES, isNumberWord, readWordNumber } from './numberWords.js';
import { findTimePhrases, type TimePhrase } from './timePhrases.js';
import { digitsValue, joined, spaced, tokenize, type Token } from './tokens.js';

/** How to read a sentence: `date` (YYYY-MM-DD, the debate's) resolves "last year" and "since 2022" to years. */
export interface ParseOptions {
  date?: string;
}

/** A quantity while it is being read: token range, and what later passes need to know. */
interface Candidate {
  value: number;
  unit?: QuantityUnit;
  currency?: string;
  of?: number;
  what?: string;
  comparison?: string;
  first: number;
  last: number;
  /** The scale word applied ("million"), so "3 to 4 million" can lend it to the 3. */
  scale?: number;
  /** A bare number: no unit word, no counted noun; lists lend it their unit ("40 or 50 times"). */
  bare: boolean;
  fraction: boolean;
}

const SENTENCE_OPENERS = new Set(['.', '!', '?', '"', '“', '‘', "'", '(', '[', ':', ';', '—', '–', '…']);
const DETERMINERS = new Set('the its our their his her a an this that these those each every all my your america\'s the country\'s'.split(' '));
const ORDINAL_SUFFIX = /^(st|nd|rd|th)$/;

/**
 * Reads the quantities in one sentence: values written in digits or words, their units from a small vocabulary
 * (count, percent, percent-of-gdp, money, people, ratio, year), the thing counted, comparison words and the time
 * they refer to, with character offsets. Years and dates are times, never counts; labels such as "Article 5" and
 * "number one" are not quantities. Pure and synchronous: safe to run on every sentence of a transcript.
 */
export function parseQuantities(text: string, options: ParseOptions = {}): Quantity[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  const tokens = tokenize(text);
  const times = findTimePhrases(text, options.date);
  const insideTime = (t: Token) => times.some((p) => t.start >= p.start && t.end <= p.end);

  const candidates: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (insideTime(tokens[i]!)) continue;
    const found = readQuantity(tokens, i, insideTime);
    if (found === 'skip') continue;
    if (typeof found === 'number') {
      i = found;
      continue;
    }
    candidates.push(found);
    i = found.last;
  }
  addRatioVerbs(tokens, candidates, insideTime);
  candidates.sort((a, b) => a.first - b.first);
  lendListUnits(tokens, candidates);
  const merged = mergeFractionsOf(tokens, candidates);
  for (const c of merged) c.comparison = comparisonFor(tokens, c);

  const quantities = merged.map((c): Quantity => {
    const q: Quantity = { value: round(c.value), unit: c.unit ?? 'count', start: tokens[c.first]!.start, end: tokens[c.last]!.end };
    if (c.currency) q.currency = c.currency;
    if (c.of !== undefined) q.of = c.of;
    if (c.what) q.what = c.what;
    if (c.comparison) q.comparison = c.comparison;
    return q;
  });
  attachSuperlatives(text, quantities);
  attachTimes(text, quantities, times);
  return quantities.map(ordered);
}

/** Keys in the documented order, so JSON output reads the same every time. */
function ordered(q: Quantity): Quantity {
  const out: Quantity = { value: q.value, unit: q.unit } as Quantity;
  if (q.currency !== undefined) out.currency = q.currency;
  if (q.of !== undefined) out.of = q.of;
  if (q.what !== undefined) out.what = q.what;
  if (q.comparison !== undefined) out.comparison = q.comparison;
  if (q.time !== undefined) out.time = q.time;
  if (q.period !== undefined) out.period = q.period;
  out.start = q.start;
  out.end = q.end;
  return out;
}

/**
 * Floating-point noise off ("3.2 billion" is 3200000000, not 3200000000.0000005), while a fraction keeps its exact
 * double ("a third" is 1/3, as a reader computing 1 / 3 gets it): only a difference below 1e-14 of the value is noise.
 */
function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const rounded = Number(value.toPrecision(12));
  return Math.abs(rounded - value) <= Math.abs(value) * 1e-14 ? rounded : value;
}

function isSentenceStart(tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const prev = tokens[i - 1]!;
  return prev.kind === 'symbol' && SENTENCE_OPENERS.has(prev.text);
}

/** The word before token i, skipping a full stop ("No. 1") and brackets. */
function previousWord(tokens: Token[], i: number): Token | undefined {
  let k = i - 1;
  while (k >= 0 && tokens[k]!.kind === 'symbol' && (tokens[k]!.text === '.' || tokens[k]!.text === '#')) k--;
  return k >= 0 && tokens[k]!.kind === 'word' ? tokens[k] : undefined;
}

/** Reasons a number at token i is a label, a date, a time of day or part of a name rather than an amount. */
function isLabelOrDate(tokens: Token[], i: number, end: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[end + 1];
  if (prev?.kind === 'symbol' && prev.text === '#' && t.gap === '') return true;
  // "501(c)(4)", "(a)(3)": a number glued inside brackets that are glued to something else is a label.
  if (prev?.text === '(' && t.gap === '' && prev.gap === '' && i >= 2) return true;
  const word = previousWord(tokens, i);
  if (word && LABEL_WORDS.has(word.lower) && (spaced(t) || t.gap === '' || /^\.?\s*$/.test(t.gap))) {
    // "the top 1 percent", "number of 5" are not labels; "Article 5", "No. 1" are.
    if (!(next && (next.lower === '%' || next.lower === 'percent'))) return true;
  }
  if (word && MONTHS.has(word.lower.replace(/\.$/, '')) && prev?.kind !== 'number') return true;
  if (next && MONTHS.has(next.lower) && spaced(next) && !/^(may|march)$/.test(next.lower)) return true;
  // A number glued to capitals: B-52, F-35, G20, COVID-19, I-95.
  if (prev?.kind === 'word' && (t.gap === '' || t.gap === '-') && /^[A-Z][A-Z0-9]*$/.test(prev.text) && prev.text !== 'A') return true;
  if (!next) return false;
  if (next.kind === 'word' && next.gap === '' && ORDINAL_SUFFIX.test(next.lower)) return true;
  if (next.kind === 'word' && next.gap === '' && next.lower === 's') return true; // 1990s, '90s, B-52s
  if (next.kind === 'symbol' && next.text === '(' && next.gap === '') return true; // 501(c)(4)
  if (next.kind === 'symbol' && next.text === ':' && next.gap === '' && tokens[end + 2]?.kind === 'number') return true; // 3:00
  if (next.lower === 'a.m.' || next.lower === 'p.m.' || next.lower === "o'clock" || ((next.lower === 'am' || next.lower === 'pm') && spaced(next))) return true;
  return false;
}

function isYear(token: Token, value: number): boolean {
  return /^\d{4}$/.test(token.text) && value >= 1600 && value <= 2100;
}

/**
 * Reads one quantity starting at token i. Returns the candidate; a token index to resume after (something was
 * read and rejected, such as a score "100-0"); or 'skip' when nothing starts here.
 */
function readQuantity(tokens: Token[], i: number, insideTime: (t: Token) => boolean): Candidate | number | 'skip' {
  let k = i;
  let currency: string | undefined;
  const t0 = tokens[i]!;
  // Currency before the number: "$700bn", "US$ 5", "£350 million".
  if (t0.kind === 'symbol' && CURRENCY_SYMBOLS[t0.text]) {
    currency = CURRENCY_SYMBOLS[t0.text];
    k++;
  } else if (t0.kind === 'word' && t0.text === 'US' && tokens[i + 1]?.text === '$' && tokens[i + 1]!.gap === '') {
    currency = 'USD';
    k += 2;
  }
  const head = tokens[k];
  if (!head) return 'skip';
  if (currency && !(head.gap === '' || spaced(head))) return 'skip';

  let value: number;
  let last: number;
  let fraction = false;
  let wordOne = false;
  if (head.kind === 'number') {
    value = digitsValue(head.text);
    last = k;
    const next = tokens[k + 1];
    // Slashes: "1/10th" is a fraction, "9/11" and "24/7" are not amounts.
    if (next?.text === '/' && next.gap === '' && tokens[k + 2]?.kind === 'number' && tokens[k + 2]!.gap === '') {
      const denominator = digitsValue(tokens[k + 2]!.text);
      const suffix = tokens[k + 3];
      if (suffix?.kind === 'word' && suffix.gap === '' && ORDINAL_SUFFIX.test(suffix.lower) && denominator > 0) {
        return { value: value / denominator, unit: 'ratio', first: i, last: k + 3, bare: false, fraction: true };
      }
      let skipTo = k + 2;
      while (tokens[skipTo + 1]?.text === '/' && tokens[skipTo + 2]?.kind === 'number') skipTo += 2;
      return skipTo;
    }
    if (prevIsSlash(tokens, k)) return 'skip';
    if (!currency && isLabelOrDate(tokens, k, k)) return k + 1 < tokens.length && tokens[k + 1]!.kind === 'word' && tokens[k + 1]!.gap === '' ? k + 1 : k;
    // Scores and ranges glued by a hyphen: "100-0" is a vote, not two amounts; "95-96 percent" is a range.
    if (next?.kind === 'number' && next.gap === '-' && !isPercentAt(tokens, k + 2)) return k + 1;
    if (!currency && isYear(head, value) && !hasUnitAfter(tokens, k)) return 'skip';
  } else if (head.kind === 'word') {
    if (!currency && RATIO_VERBS[head.lower] !== undefined) return 'skip';
    if (head.lower === 'twice' && !currency) {
      return { value: 2, unit: 'ratio', first: i, last: k, bare: false, fraction: true };
    }
    const words = readWordNumber(tokens, k);
    if (!words) return 'skip';
    // A capitalised number word inside a sentence names something: "Air Force One", "the Gang of Eight".
    if (/^[A-Z]/.test(head.text) && !isSentenceStart(tokens, k) && !currency) return words.last;
    if (!currency && isLabelOrDate(tokens, k, words.last)) return words.last;
    value = words.value;
    last = words.last;
    fraction = words.fraction;
    wordOne = !words.substantive;
  } else {
    return 'skip';
  }

  // A currency sign is a unit: "$50,000 to three Democrats" must not borrow "Democrats".
  const candidate: Candidate = { value, first: i, last, bare: !currency, fraction };
  if (currency) candidate.currency = currency;
  if (fraction) {
    candidate.unit = 'ratio';
    candidate.bare = false;
  }

  // A scale in brackets, as transcripts insert it: "$3.2 [billion]".
  let n = last + 1;
  const bracket = tokens[n];
  if (bracket && (bracket.text === '[' || bracket.text === '(') && SCALES[tokens[n + 1]?.lower ?? ''] && tokens[n + 2]?.text === (bracket.text === '[' ? ']' : ')')) {
    const scale = SCALES[tokens[n + 1]!.lower]!;
    candidate.value *= scale;
    candidate.scale = scale;
    candidate.last = n + 2;
    n += 3;
  }
  // Scale words: "2 million", "$700bn", "3.5 trillion"; abbreviations only when glued to the digits.
  while (tokens[n] && SCALES[tokens[n]!.lower] !== undefined) {
    const s = tokens[n]!;
    const abbreviation = s.lower.length <= 3 && s.lower !== 'mil';
    if (abbreviation ? s.gap !== '' || head.kind !== 'number' : !joined(s)) break;
    if (abbreviation && s.lower === 'm' && !currency && tokens[n + 1] && /^(long|tall|high|wide|deep|away)$/.test(tokens[n + 1]!.lower)) break;
    candidate.value *= SCALES[s.lower]!;
    candidate.scale = (candidate.scale ?? 1) * SCALES[s.lower]!;
    candidate.last = n;
    candidate.bare = false;
    n++;
  }
  if (candidate.unit === 'ratio' && candidate.scale) {
    // "half a million" read as a fraction and then scaled is a count.
    candidate.unit = undefined;
    candidate.fraction = false;
  }

  readUnit(tokens, candidate, n, insideTime);

  if (candidate.currency && !candidate.unit) candidate.unit = 'money';
  // "one" alone is rarely an amount ("one of the", "the one who"); it counts with a unit or "one in five".
  if (wordOne && candidate.bare && candidate.of === undefined) return candidate.last;
  if (wordOne && !candidate.unit && candidate.of === undefined && !candidate.scale) return candidate.last;
  if (candidate.of === undefined && candidate.unit !== 'year' && candidate.unit !== 'ratio') ageContext(tokens, candidate);
  if (!candidate.unit) candidate.unit = candidate.what && isPeopleWord(candidate.what) ? 'people' : 'count';
  return candidate;
}

function prevIsSlash(tokens: Token[], k: number): boolean {
  const prev = tokens[k - 1];
  return prev?.text === '/' && tokens[k]!.gap === '' && tokens[k - 2]?.kind === 'number';
}

function isPercentAt(tokens: Token[], k: number): boolean {
  const t = tokens[k + 1];
  return t !== undefined && (t.text === '%' || t.lower === 'percent' || t.lower === 'per');
}

/** Whether a four-digit number is followed by something that makes it an amount ("2000 jobs" stays a year). */
function hasUnitAfter(tokens: Token[], k: number): boolean {
  const next = tokens[k + 1];
  if (!next) return false;
  return next.text === '%' || next.lower === 'percent' || SCALES[next.lower] !== undefined || CURRENCY_WORDS[next.lower] !== undefined || next.lower === 'people';
}

/** "at the age of 26", "aged 70" — ages are years. */
function ageContext(tokens: Token[], c: Candidate): void {
  const w1 = previousWord(tokens, c.first);
  const w2 = w1 ? previousWord(tokens, w1.index) : undefined;
  if (w1?.lower === 'aged' || (w1?.lower === 'of' && w2?.lower === 'age') || w1?.lower === 'ages') {
    c.unit = 'year';
    c.bare = false;
  }
}

/** Reads what follows the value: percent (of GDP), currency words, "times", years, "out of 28", the counted noun. */
function readUnit(tokens: Token[], c: Candidate, n: number, insideTime: (t: Token) => boolean): void {
  const t = tokens[n];
  if (!t || insideTime(t)) return;
  const lower = t.lower;
  // Percent: "2%", "1.4 percent", "12 per cent", "6 percentage points", "6 points".
  if ((t.text === '%' && (t.gap === '' || spaced(t))) || (spaced(t) && (lower === 'percent' || lower === 'pct' || lower === 'percentage' || lower === 'points' || lower === 'point'))) {
    if (lower === 'points' || lower === 'point') {
      // "6 points up" in a poll; "30 points" in a game is a count, and the parser cannot tell, so points need a lead.
      const after = tokens[n + 1]?.lower;
      if (!(after === 'up' || after === 'down' || after === 'ahead' || after === 'behind' || after === 'lead' || previousWord(tokens, c.first)?.lower === 'by')) return;
    }
    let end = n;
    if (lower === 'percentage' && /^points?$/.test(tokens[n + 1]?.lower ?? '')) end = n + 1;
    c.unit = 'percent';
    c.bare = false;
    c.last = end;
    percentOf(tokens, c, end + 1);
    return;
  }
  if (lower === 'per' && tokens[n + 1]?.lower === 'cent' && spaced(t)) {
    c.unit = 'percent';
    c.bare = false;
    c.last = n + 1;
    percentOf(tokens, c, n + 2);
    return;
  }
  // Currency words: "800 billion dollars", "56 cents", "£5 million pounds".
  const money = CURRENCY_WORDS[lower];
  if (money && spaced(t)) {
    const sterling = tokens[n + 1]?.lower === 'sterling';
    if (!money.needsContext || c.currency === 'GBP' || c.scale || sterling) {
      if (money.factor !== 1 && tokens[n + 1]?.lower === 'on' && tokens[n + 2]?.lower === 'the' && tokens[n + 3]?.lower === 'dollar') {
        // "10 cents on the dollar" is a share, not an amount of money.
        c.value = (c.value * money.factor);
        c.unit = 'ratio';
        c.bare = false;
        c.last = n + 3;
        return;
      }
      c.value *= money.factor;
      c.currency = c.currency ?? money.currency;
      c.unit = 'money';
      c.bare = false;
      c.last = sterling ? n + 1 : n;
      return;
    }
  }
  if (c.currency) return;
  // "four times longer" is a ratio; "six times" is a count of occasions.
  if (lower === 'times' && spaced(t)) {
    const after = tokens[n + 1];
    if (after && TIMES_RATIO.has(after.lower) && spaced(after)) {
      c.unit = 'ratio';
      c.bare = false;
      c.last = n;
      return;
    }
    c.what = 'times';
    c.bare = false;
    return;
  }
  // Years as a duration or an age: "for 30 years", "12 years old", "a 70-plus-year-old".
  if ((lower === 'years' || lower === 'year') && (spaced(t) || t.gap === '-')) {
    if (t.gap === '-' && /^(low|high|record)$/.test(tokens[n + 1]?.lower ?? '')) return;
    c.unit = 'year';
    c.bare = false;
    c.last = n;
    if (tokens[n + 1]?.lower === 'old') c.last = n + 1;
    return;
  }
  if (lower === 'plus' && t.gap === '-' && /^years?$/.test(tokens[n + 1]?.lower ?? '')) {
    c.unit = 'year';
    c.bare = false;
    c.last = n + 1;
    return;
  }
  // Part of a whole: "five out of 28", "1 in 5", "five of the 28".
  let k = n;
  if (lower === 'out' && tokens[n + 1]?.lower === 'of') k = n + 2;
  else if (lower === 'of' || (lower === 'in' && !c.fraction)) k = n + 1;
  if (k > n) {
    if (tokens[k]?.lower === 'the' || tokens[k]?.lower === 'every') k++;
    const whole = wholeAt(tokens, k);
    if (whole && !(lower === 'in' && whole.value <= c.value) && !insideTime(tokens[k]!)) {
      c.of = whole.value;
      c.bare = false;
      c.last = whole.last;
      n = whole.last + 1;
    }
  }
  if (c.fraction && (tokens[n]?.lower === 'of')) {
    const np = nounPhrase(tokens, n + 1 + (DETERMINERS.has(tokens[n + 1]?.lower ?? '') ? 1 : 0), true);
    if (np) c.what = np;
    return;
  }
  const what = nounPhrase(tokens, n, false) ?? ofPhrase(tokens, n);
  if (what) {
    c.what = what;
    c.bare = false;
  }
}

/** A whole number after "out of" / "of" / "in": digits or words, never a year. */
function wholeAt(tokens: Token[], k: number): { value: number; last: number } | undefined {
  const t = tokens[k];
  if (!t) return undefined;
  if (t.kind === 'number') {
    const value = digitsValue(t.text);
    if (isYear(t, value) || tokens[k + 1]?.text === '%' || tokens[k + 1]?.lower === 'percent') return undefined;
    return { value, last: k };
  }
  if (isNumberWord(t.lower)) {
    const w = readWordNumber(tokens, k);
    if (w && !w.fraction) return { value: w.value, last: w.last };
  }
  return undefined;
}

/** "2% of GDP", "58 percent of the GDP", "2% of its gross domestic product"; else the thing the percent is of. */
function percentOf(tokens: Token[], c: Candidate, n: number): void {
  if (tokens[n]?.lower !== 'of' || !spaced(tokens[n])) return;
  let k = n + 1;
  let skipped = 0;
  while (tokens[k] && DETERMINERS.has(tokens[k]!.lower) && skipped < 2) {
    k++;
    skipped++;
  }
  const t = tokens[k];
  if (t && (t.lower === 'gdp' || t.lower === 'gnp' || t.lower === 'gni')) {
    c.unit = 'percent-of-gdp';
    c.last = k;
    return;
  }
  if (t?.lower === 'gross' && tokens[k + 1]?.lower === 'domestic' && tokens[k + 2]?.lower === 'product') {
    c.unit = 'percent-of-gdp';
    c.last = k + 2;
    return;
  }
  const np = nounPhrase(tokens, k, true);
  if (np) c.what = np;
}

function ofPhrase(tokens: Token[], n: number): string | undefined {
  // "17 of our intelligence agencies", "eight of them" (no noun: nothing).
  if (tokens[n]?.lower !== 'of') return undefined;
  const det = tokens[n + 1];
  if (!det || !DETERMINERS.has(det.lower) || det.lower === 'a' || det.lower === 'an') return undefined;
  return nounPhrase(tokens, n + 2, false);
}

const NOT_PLURAL = /(?:ss|us|is|ous|ics)$/;
const IRREGULAR_PLURALS = new Set('people men women children police personnel staff youth cattle data feet teeth mice geese'.split(' '));

/**
 * The counted noun after a number: the first plural word of the phrase that follows ("10 million new jobs" →
 * jobs). With `singularOk`, the phrase's last word serves when none is plural ("20 percent of our uranium").
 */
function nounPhrase(tokens: Token[], k: number, singularOk: boolean): string | undefined {
  const words: string[] = [];
  let j = k;
  while (tokens[j] && words.length < 5) {
    const t = tokens[j]!;
    if (t.kind !== 'word') break;
    if (j > k && !joined(t)) break;
    if (j === k && !(spaced(t) || t.gap === '-' || t.gap === '')) break;
    if (STOPWORDS.has(t.lower) && !MODIFIERS.has(t.lower)) break;
    if (isNumberWord(t.lower) || SCALES[t.lower] !== undefined) break;
    // Hyphenated words stay whole: "e-mails", "African-American".
    if (j > k && t.gap === '-' && words.length > 0) words[words.length - 1] += `-${t.text}`;
    else words.push(t.text);
    j++;
  }
  const heads = words.filter((w) => !MODIFIERS.has(w.toLowerCase()));
  if (heads.length === 0) return undefined;
  const plural = heads.find((w) => IRREGULAR_PLURALS.has(w.toLowerCase()) || (/[a-z]s$/i.test(w) && !NOT_PLURAL.test(w.toLowerCase()) && w.length > 2));
  if (plural) return plural;
  return singularOk ? heads[heads.length - 1] : undefined;
}

/** "doubled", "tripled", "halved" are ratios in themselves: "unemployment doubled" claims ×2. */
function addRatioVerbs(tokens: Token[], candidates: Candidate[], insideTime: (t: Token) => boolean): void {
  for (const t of tokens) {
    const ratio = RATIO_VERBS[t.lower];
    if (ratio === undefined || insideTime(t)) continue;
    if (candidates.some((c) => t.index >= c.first && t.index <= c.last)) continue;
    candidates.push({ value: ratio, unit: 'ratio', first: t.index, last: t.index, bare: false, fraction: true, comparison: t.lower });
  }
}

const LIST_GLUE = /^(?:\s*(?:,|or|to|and|-|--|–|—|sometimes|maybe|perhaps|even|up to|possibly|then|ultimately)\s*)+$/i;

/** A bare number in a list takes the unit of the last one: "30, 40, sometimes 50 percent", "40 or 50 times". */
function lendListUnits(tokens: Token[], candidates: Candidate[]): void {
  for (let i = candidates.length - 2; i >= 0; i--) {
    const c = candidates[i]!;
    const next = candidates[i + 1]!;
    if (!c.bare || next.bare && next.unit === 'count' && !next.what) continue;
    const between = tokens.slice(c.last + 1, next.first).map((t) => t.gap + t.text).join('') + tokens[next.first]!.gap;
    if (!LIST_GLUE.test(between)) continue;
    if (next.scale && !c.scale && c.value < next.value / next.scale * 1000) {
      c.value *= next.scale;
      c.scale = next.scale;
    }
    c.unit = next.unit;
    if (next.currency) c.currency = next.currency;
    if (next.what && !c.what) c.what = next.what;
    c.bare = false;
  }
}

/** "1/10th of 1 percent", "half of 1 percent": a fraction of an amount is one amount. */
function mergeFractionsOf(tokens: Token[], candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const next = candidates[i + 1];
    if (c.fraction && c.unit === 'ratio' && next && next.first === c.last + 2 && tokens[c.last + 1]?.lower === 'of' && (next.unit === 'percent' || next.unit === 'money' || next.unit === 'percent-of-gdp')) {
      out.push({ ...next, value: c.value * next.value, first: c.first });
      i++;
      continue;
    }
    out.push(c);
  }
  return out;
}

function matchBefore(tokens: Token[], end: number, phrases: string[][]): number | undefined {
  for (const phrase of phrases) {
    const start = end - phrase.length + 1;
    if (start < 0) continue;
    let ok = true;
    for (let p = 0; p < phrase.length && ok; p++) {
      const t = tokens[start + p]!;
      if (t.lower !== phrase[p]) ok = false;
      if (p > 0 && !spaced(t)) ok = false;
    }
    if (ok && (end + 1 >= tokens.length || spaced(tokens[end + 1]) || tokens[end + 1]!.gap === '')) return start;
  }
  return undefined;
}

/** Comparison words around a quantity: "only", "at least", "more than", "down more than", "60 percent higher". */
function comparisonFor(tokens: Token[], c: Candidate): string | undefined {
  const parts: string[] = [];
  if (c.comparison) parts.push(c.comparison);
  let end = c.first - 1;
  const hedge = matchBefore(tokens, end, COMPARISONS_BEFORE);
  const words = (from: number, to: number) => tokens.slice(from, to + 1).map((t) => t.lower).join(' ');
  const before: string[] = [];
  if (hedge !== undefined) {
    before.push(words(hedge, end));
    end = hedge - 1;
  }
  const change = matchBefore(tokens, end, CHANGES_BEFORE);
  if (change !== undefined) before.unshift(words(change, end));
  else if (hedge !== undefined) {
    // "only about five": two hedges in a row.
    const second = matchBefore(tokens, end, COMPARISONS_BEFORE);
    if (second !== undefined) before.unshift(words(second, end));
  }
  parts.unshift(...before);
  const after = tokens[c.last + 1];
  if (after && spaced(after)) {
    for (const phrase of COMPARISONS_AFTER) {
      const ok = phrase.every((w, p) => tokens[c.last + 1 + p]?.lower === w && (p === 0 || spaced(tokens[c.last + 1 + p])));
      if (!ok) continue;
      const following = tokens[c.last + 1 + phrase.length];
      // "more than" after a number starts a new comparison; "50 more new jobs" is a comparison.
      if (following?.lower === 'than' || following?.lower === 'of') break;
      parts.push(phrase.join(' '));
      break;
    }
  }
  return parts.length ? parts.join(' ') : undefined;
}

const SUPERLATIVE = new RegExp(
  String.raw`\b(?:lowest|highest|largest|biggest|smallest|fastest|slowest|worst|best|greatest|most|least|fewest|strongest|weakest)\b(?:\s+[\p{L}'’-]+){0,4}?\s+(?:since\s+(?:(?:the\s+)?(?:1[6-9]|20)\d\d|the\s+[\p{L}]+(?:\s+[\p{L}]+)?)|in\s+(?:more\s+than\s+|nearly\s+|almost\s+|over\s+|about\s+)?(?:\d+|[\p{L}]+|half\s+a|a)\s+(?:years?|decades?|century|centuries)|on\s+record|ever(?:\s+recorded)?|in\s+(?:our\s+)?history|of\s+all\s+time)|\b(?:record|all[-‐‑]time|\d+[-‐‑]year|[\p{L}]+[-‐‑]year)\s+(?:high|low)s?\b`,
  'giu',
);

/** "the lowest since 1938", "a 16-year low": put on the nearest quantity in the same clause. */
function attachSuperlatives(text: string, quantities: Quantity[]): void {
  for (const m of text.matchAll(SUPERLATIVE)) {
    const start = m.index;
    const end = start + m[0].length;
    const target = nearest(text, quantities, start, end);
    if (!target) continue;
    const phrase = m[0].toLowerCase().replace(/\s+/g, ' ');
    target.comparison = target.comparison ? `${target.comparison}, ${phrase}` : phrase;
  }
}

function clauseBreaks(text: string): number[] {
  const breaks: number[] = [];
  for (const m of text.matchAll(/[;:!?]|\.(?=\s|$)|\s[—–]\s|\s--\s|,\s+(?:but|while|whereas|although|though|and|yet)\b/gu)) breaks.push(m.index);
  return breaks;
}

function nearest(text: string, quantities: Quantity[], start: number, end: number): Quantity | undefined {
  const breaks = clauseBreaks(text);
  let best: Quantity | undefined;
  let bestDistance = Infinity;
  for (const q of quantities) {
    const lo = Math.min(q.end, start);
    const hi = Math.max(q.start, end);
    if (breaks.some((b) => b >= lo && b < hi)) continue;
    const distance = q.end <= start ? start - q.end : q.start >= end ? q.start - end : 0;
    // A phrase after the quantity is the usual order ("five … last year"); ties go to the one before it.
    if (distance < bestDistance || (distance === bestDistance && q.end <= start)) {
      best = q;
      bestDistance = distance;
    }
  }
  return best;
}

/** Every quantity takes the nearest time phrase of its clause: "only five … met this target last year". */
function attachTimes(text: string, quantities: Quantity[], times: TimePhrase[]): void {
  const breaks = clauseBreaks(text);
  for (const q of quantities) {
    let best: TimePhrase | undefined;
    let bestDistance = Infinity;
    for (const p of times) {
      const lo = Math.min(q.end, p.start);
      const hi = Math.max(q.start, p.end);
      if (breaks.some((b) => b >= lo && b < hi)) continue;
      if (p.start < q.end && p.end > q.start) continue;
      const distance = p.start >= q.end ? p.start - q.end : q.start - p.end;
      if (distance < bestDistance) {
        best = p;
        bestDistance = distance;
      }
    }
    if (!best) continue;
    q.time = best.text.replace(/\s+/g, ' ');
    if (best.period) q.period = { ...best.period };
  }
}

