/** One token of a sentence, with its offsets and what lies between it and the token before. */
export interface Token {
  text: string;
  /** Lower case, curly apostrophes made straight. */
  lower: string;
  kind: 'number' | 'word' | 'symbol';
  start: number;
  end: number;
  /** The characters between the previous token and this one: '' when joined ("700bn"), '-' in "twenty-eight". */
  gap: string;
  index: number;
}

// Digits with thousands separators and a decimal part; a bare ".5" too.
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`;
const CLOCK = String.raw`[ap]\.m\.`;
const WORD = String.raw`[\p{L}][\p{L}\p{M}]*(?:['’][\p{L}]+)*`;
// Hyphens are never tokens: they stay in the gap, where "twenty-eight" and "18-minute" are recognised.
const TOKEN = new RegExp(`(${NUMBER})|(${CLOCK})|(${WORD})|([^\\s\\p{L}\\d\\-‐‑])`, 'giu');

/** Splits a sentence into numbers, words and single symbols, keeping offsets into the original text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN)) {
    const value = match[0];
    const start = match.index;
    const kind: Token['kind'] = match[1] ? 'number' : match[2] || match[3] ? 'word' : 'symbol';
    const gap = text.slice(previousEnd, start);
    tokens.push({ text: value, lower: value.toLowerCase().replace(/’/g, "'"), kind, start, end: start + value.length, gap, index: tokens.length });
    previousEnd = start + value.length;
  }
  return tokens;
}

/** The numeric value of a digits token: "12,000" is 12000, "1.4" is 1.4. */
export function digitsValue(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** True when only spaces separate two tokens (no punctuation, no line break). */
export function spaced(token: Token | undefined): boolean {
  return token !== undefined && /^[ \t\u00a0]+$/.test(token.gap);
}

/** True when a token follows the one before directly or across spaces or a hyphen, as parts of one phrase do. */
export function joined(token: Token | undefined): boolean {
  return token !== undefined && /^[ \t\u00a0]*[-‐‑–]?[ \t\u00a0]*$/.test(token.gap);
}
