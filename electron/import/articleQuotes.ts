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

/** The quotations in a paragraph, in order. Single quotes count only when they close, since ’ is also an apostrophe. */
export function findQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const prev = i > 0 ? text[i - 1]! : ' ';
    const next = text[i + 1] ?? '';
    const closers = DOUBLE_CLOSER[c];
    if (closers !== undefined && (c !== '"' || (next !== '' && !/\s/.test(next)))) {
      let j = i + 1;
      while (j < text.length && !closers.includes(text[j]!)) j++;
      const closed = j < text.length;
      spans.push({ start: i, end: closed ? j + 1 : text.length, innerStart: i + 1, innerEnd: j, closed });
      i = closed ? j + 1 : text.length;
      continue;
    }
    if (SINGLE_OPENERS.has(c) && OPEN_CONTEXT.test(prev) && LETTER_OR_DIGIT.test(next)) {
      const j = findSingleCloser(text, i + 1);
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

// A closing single quote follows a non-space and is not followed by a letter (so `don’t` and `’90s` are no closers).
function findSingleCloser(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text[j]!;
    if (c === '“' || c === '"') return -1;
    if (!SINGLE_CLOSERS.has(c)) continue;
    const before = text[j - 1] ?? ' ';
    const after = text[j + 1] ?? ' ';
    if (/\s/.test(before) || LETTER_OR_DIGIT.test(after)) continue;
    // `members’ spending`: a plural possessive, unless the quotation would end there with punctuation.
    if (before === 's' && /\s/.test(after) && !/[.,!?;:]/.test(text[j - 2] ?? '')) {
      const rest = text.slice(j + 1);
      if (/^\s+\p{Ll}/u.test(rest) && findSingleCloser(text, j + 1) !== -1) continue;
    }
    return j;
  }
  return -1;
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

function startsSentence(text: string, at: number): boolean {
  const rest = text.slice(at);
  return rest.trim() === '' || /^\s+["“‘'„«(\[]?[\p{Lu}\p{N}]/u.test(rest);
}

function isAbbreviation(text: string, dot: number): boolean {
  const m = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot));
  if (!m) return false;
  const word = m[1]!;
  if (word.includes('.')) return true; // U.S. and J.K.
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true; // an initial
  return ABBREVIATIONS.has(word.toLowerCase());
}
