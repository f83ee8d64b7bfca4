/**
 * Sentence boundaries with exact offsets, for triage and for turning a triaged sentence into an anchored claim.
 * Written here rather than taken from a library because the offline splitters on npm either return strings
 * without offsets (sbd) or bring a language model along (wink-nlp); debate text needs only a few rules.
 */

/** One sentence: its text and [start, end) in the text it came from. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

// Titles and the like: a period after these never ends a sentence ("Mr. Trump", "vs. Russia").
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'gov', 'sen', 'rep', 'rev', 'hon', 'lt', 'col', 'sgt', 'capt', 'cmdr',
  'adm', 'maj', 'pres', 'supt', 'vs', 'v', 'no', 'nos', 'vol', 'fig', 'approx', 'dept', 'ca', 'cf', 'al',
]);
// Abbreviations that may end a sentence ("… and so on, etc.") but usually do not.
const ABBREVIATIONS = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'bros', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
// After an abbreviation or initialism ("the U.S. The …"), only these words make the next capital a new sentence.
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'and', 'but', 'or', 'so', 'we', 'i', 'it', 'its', 'this', 'that', 'these', 'those', 'they', 'he', 'she', 'you', 'there', 'in',
  'on', 'at', 'if', 'when', 'what', 'why', 'how', 'our', 'my', 'his', 'her', 'their', 'now', 'then', 'yet', 'also', 'however', 'thank', 'look',
  'well', 'yes', 'no',
]);

const TERMINALS = '.!?…';
const CLOSERS = '"\'”’)]»';

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

function isLowerStart(c: string | undefined): boolean {
  return c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
}

/** The word ending at `end` (exclusive), periods inside it included: "U.S", "Mr", "e.g". */
function wordBefore(text: string, end: number): { word: string; start: number } {
  let s = end;
  while (s > 0 && /[\p{L}\p{N}.]/u.test(text[s - 1]!)) s--;
  return { word: text.slice(s, end), start: s };
}

function nextWord(text: string, from: number): string {
  const m = /^[\s"'“‘(\[]*([\p{L}]+)/u.exec(text.slice(from, from + 40));
  return m ? m[1]!.toLowerCase() : '';
}

/** Whether the period at `dot` is part of an abbreviation, initial or list number rather than a full stop. */
function periodIsAbbreviation(text: string, dot: number, next: number): boolean {
  const { word, start } = wordBefore(text, dot);
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return true;
  // A single capital: a middle initial ("Donald J. Trump").
  if (/^\p{Lu}$/u.test(word)) return true;
  // A list number at the start of a line ("1. Chamberlain?").
  if (/^\d+$/.test(word)) {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    return text.slice(lineStart, start).trim() === '';
  }
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word) || ABBREVIATIONS.has(lower)) {
    return !SENTENCE_STARTERS.has(nextWord(text, next));
  }
  return false;
}

/** Splits text into sentences, handling abbreviations (Mr., U.S.), decimals (2.5%), quotes and paragraph breaks. */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const push = (start: number, end: number): void => {
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    if (end > start) out.push({ text: text.slice(start, end), start, end });
  };
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      // A blank line always ends a sentence; a single line break only after a colon ("He said:") or a full stop
      // already handled, because plain text is often hard-wrapped mid-sentence.
      let j = i + 1;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
      let k = i - 1;
      while (k >= start && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k--;
      if (text[j] === '\n' || text[k] === ':') {
        push(start, i);
        start = j;
      }
      i = j;
      continue;
    }
    if (!TERMINALS.includes(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && TERMINALS.includes(text[j]!)) j++;
    while (j < text.length && CLOSERS.includes(text[j]!)) j++;
    if (j < text.length && !isSpace(text[j])) {
      // "2.5%", "U.S.-led", "…?!" inside a word: not a boundary.
      i = j;
      continue;
    }
    let next = j;
    while (next < text.length && isSpace(text[next])) next++;
    const follower = text[next];
    const single = c === '.' && (j === i + 1 || !TERMINALS.includes(text[i + 1]!));
    const boundary = follower === undefined || (!isLowerStart(follower) && !(single && periodIsAbbreviation(text, i, next)));
    if (boundary) {
      push(start, j);
      start = j;
    }
    i = j;
  }
  push(start, text.length);
  return out;
}
