/**
 * Quotation marks and sentences in one article paragraph. Quotes are found before sentences because a full stop
 * inside a quotation (“That’s in the treaty. I would hope…”) does not end the sentence that carries it.
 */

/** One quotation: `start`/`end` include the marks, `innerStart`/`innerEnd` are the words inside them. */
export interface QuoteSpan {
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
  /** False when the paragraph ends inside the quotation (the next paragraph usually carries it on). */
  closed: boolean;
}

const DOUBLE_CLOSER: Readonly<Record<string, string>> = { '“': '”', '„': '“”', '«': '»', '"': '"' };
const SINGLE_OPENERS = new Set(['‘', "'"]);
const SINGLE_CLOSERS = new Set(['’', "'"]);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const OPEN_CONTEXT = /[\s([{—–\-/:;,]/u;

/**
 * The quotations in a paragraph, in order. Single quotes count only when they close, since ’ is also an apostrophe.
 * Every character is looked at a bounded number of times, however the quotes are laid out: a paragraph of 20 MB of
 * stray apostrophes once took minutes, each opener searching the whole rest of it for a closer.
 */
export function findQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const closers = new SingleCloserSearch(text);
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const prev = i > 0 ? text[i - 1]! : ' ';
    const next = text[i + 1] ?? '';
    const closersOf = DOUBLE_CLOSER[c];
    if (closersOf !== undefined && (c !== '"' || (next !== '' && !/\s/.test(next)))) {
      let j = i + 1;
      while (j < text.length && !closersOf.includes(text[j]!)) j++;
      const closed = j < text.length;
      spans.push({ start: i, end: closed ? j + 1 : text.length, innerStart: i + 1, innerEnd: j, closed });
      i = closed ? j + 1 : text.length;
      continue;
    }
    if (SINGLE_OPENERS.has(c) && OPEN_CONTEXT.test(prev) && LETTER_OR_DIGIT.test(next)) {
      const j = closers.from(i + 1);
      if (j !== -1) {
        spans.push({ start: i, end: j + 1, innerStart: i + 1, innerEnd: j, closed: true });
        i = j + 1;
        continue;
      }
    }
    i++;
  }
  return spans;
}

/**
 * The closing single quote for an opener, searched for from left to right with what one search learnt kept for the
 * next. A closing single quote follows a non-space and is not followed by a letter (so `don’t` and `’90s` are no
 * closers); the search stops at a double quote. `members’ spending` (a plural possessive) closes only when no other
 * closer follows before the stop, so the answer for any start is the first plain closer after it, else the last
 * possessive one.
 */
class SingleCloserSearch {
  private from0 = -1;
  private stop = -1;
  private plain = -1;
  private possessive = -1;

  constructor(private readonly text: string) {}

  from(start: number): number {
    if (this.from0 === -1 || start < this.from0 || start > (this.plain !== -1 ? this.plain : this.stop)) this.scan(start);
    if (this.plain !== -1 && start <= this.plain) {
      // A possessive before the plain closer never closes (a later closer exists).
      return this.plain;
    }
    return this.possessive >= start ? this.possessive : -1;
  }

  private scan(start: number): void {
    const text = this.text;
    this.from0 = start;
    this.plain = -1;
    this.possessive = -1;
    let j = start;
    for (; j < text.length; j++) {
      const c = text[j]!;
      if (c === '“' || c === '"') break;
      if (!SINGLE_CLOSERS.has(c)) continue;
      const before = text[j - 1] ?? ' ';
      const after = text[j + 1] ?? ' ';
      if (/\s/.test(before) || LETTER_OR_DIGIT.test(after)) continue;
      if (before === 's' && /\s/.test(after) && !/[.,!?;:]/.test(text[j - 2] ?? '') && nextIsLowerWord(text, j + 1)) {
        this.possessive = j;
        continue;
      }
      this.plain = j;
      break;
    }
    this.stop = j;
  }
}

// `’ spending`: white space, then a lower-case letter.
function nextIsLowerWord(text: string, from: number): boolean {
  let k = from;
  while (k < text.length && /\s/.test(text[k]!)) k++;
  return k > from && k < text.length && /\p{Ll}/u.test(text[k]!);
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'sr', 'jr', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'capt', 'sgt', 'rev',
  'hon', 'rt', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'approx', 'fig', 'vol', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'pres',
]);

/** Sentence ranges [start, end) of a paragraph, never breaking inside a quotation. */
export function splitSentences(text: string, quotes: readonly QuoteSpan[]): Array<[number, number]> {
  const cuts: number[] = [];
  let q = 0;
  for (let i = 0; i < text.length; i++) {
    const quote = quotes[q];
    if (quote && i >= quote.start) {
      // A quotation that ends a sentence of its own (“… in the first place.” He said) closes the sentence with it.
      const inner = text.slice(quote.innerStart, quote.innerEnd).trimEnd();
      i = quote.end - 1;
      q++;
      if (/[.!?…]$/.test(inner) && startsSentence(text, quote.end)) cuts.push(quote.end);
      continue;
    }
    const c = text[i]!;
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    let end = i + 1;
    while (end < text.length && /[.!?…)\]]/.test(text[end]!)) end++;
    if (c === '.' && isAbbreviation(text, i)) continue;
    if (end >= text.length || startsSentence(text, end)) {
      cuts.push(end);
      i = end - 1;
    }
  }
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (const cut of cuts) {
    if (cut > start) ranges.push([start, cut]);
    start = cut;
  }
  if (start < text.length && text.slice(start).trim()) ranges.push([start, text.length]);
  return ranges
    .map(([s, e]): [number, number] => {
      while (s < e && /\s/.test(text[s]!)) s++;
      return [s, e];
    })
    .filter(([s, e]) => e > s);
}

// What follows a full stop: only white space, or white space and a capital (maybe behind a quote or bracket). Read
// from `at` with a sticky pattern, never by copying the rest of the paragraph.
const NEXT_SENTENCE = /\s+["“‘'„«(\[]?[\p{Lu}\p{N}]|\s*$/uy;

function startsSentence(text: string, at: number): boolean {
  if (at >= text.length) return true;
  NEXT_SENTENCE.lastIndex = at;
  return NEXT_SENTENCE.test(text);
}

function isAbbreviation(text: string, dot: number): boolean {
  const m = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot));
  if (!m) return false;
  const word = m[1]!;
  if (word.includes('.')) return true; // U.S. and J.K.
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true; // an initial
  return ABBREVIATIONS.has(word.toLowerCase());
}
