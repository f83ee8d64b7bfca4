import { splitSentences, type SentenceSpan } from './splitSentences.js';

/**
 * Check-worthiness on the device, with no model: the signals fact-checkers name when they pick claims (ClaimBuster's
 * features, Full Fact's "numbers, comparisons, sources, causes") as patterns, each with a weight. Weights combine
 * like independent evidence (1 − Π(1 − w)), so more kinds of signal raise the score but never past 1, and every
 * point of score has a reason the analyst can read.
 */

/** A sentence's check-worthiness, 0..1, and the reasons for it. */
export interface SentenceScore {
  score: number;
  reasons: string[];
}

/** A sentence of a document with its score. */
export interface ScoredSentence extends SentenceSpan, SentenceScore {}

interface Signal {
  label: string;
  weight: number;
  pattern: RegExp;
  /** Drops a match that the pattern cannot rule out by itself. */
  keep?: (match: string) => boolean;
}

const NUMBER_WORDS =
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?';
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
// All-capital words that are not institutions.
const NOT_INSTITUTIONS = new Set(['I', 'A', 'OK', 'TV', 'AM', 'PM', 'CEO', 'GDP', 'GNP', 'CPI', 'VAT', 'DNA', 'APPLAUSE', 'LAUGHTER', 'CROSSTALK', 'INAUDIBLE', 'BOOING', 'CHEERING']);

const SIGNALS: Signal[] = [
  { label: 'percentage', weight: 0.5, pattern: new RegExp(String.raw`\b(?:\d+(?:[.,]\d+)?\s?(?:%|per ?cent\b|percentage points?\b)|(?:${NUMBER_WORDS}|one)[- ]?(?:per ?cent|percent)\b)`, 'giu') },
  { label: 'amount of money', weight: 0.45, pattern: /[$£€]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|bn|m)\b)?|\b\d[\d,]*(?:\.\d+)?\s?(?:million|billion|trillion)\s(?:dollars|pounds|euros)\b|\b(?:millions|billions|trillions) of (?:dollars|pounds|euros)\b/giu },
  {
    label: 'proportion',
    weight: 0.35,
    pattern: new RegExp(String.raw`\b(?:\d+|one|${NUMBER_WORDS}) out of (?:\d+|${NUMBER_WORDS})\b|\b(?:one|\d+) in (?:every )?(?:\d+|${NUMBER_WORDS})\b|\b(?:half|a third|a quarter|two[- ]thirds|twice|doubled|tripled|quadrupled|the majority|a majority)\b`, 'giu'),
  },
  {
    label: 'number',
    weight: 0.3,
    pattern: new RegExp(String.raw`\b\d[\d,]*(?:\.\d+)?\b|\b(?:${NUMBER_WORDS})\b`, 'giu'),
    // Years count as time references, not figures.
    keep: (m) => !/^(?:1[89]|20)\d\d$/.test(m),
  },
  {
    label: 'comparison',
    weight: 0.25,
    pattern: /\b(?:more|less|fewer|higher|lower|greater|larger|smaller|bigger|faster|slower|better|worse|cheaper|richer|poorer|safer|stronger|weaker)\s+than\b|\b(?:increas(?:ed|es|ing)|decreas(?:ed|es|ing)|rose|risen|fell|fallen|grew|grown|dropped|soared|plummeted|declined|shrank|cut by|went up|went down)\b/giu,
  },
  {
    label: 'superlative',
    weight: 0.25,
    pattern: /\b(?:most|least|best|worst|highest|lowest|largest|biggest|smallest|greatest|fastest|slowest|richest|poorest|record|all-time|ever|only|never|first time|unprecedented)\b/giu,
  },
  { label: 'attribution', weight: 0.35, pattern: /\baccording to\b|\b(?:figures|data|statistics|studies|reports|polls) (?:show|shows|showed|suggest|found)\b|\b(?:said|says|told|admitted|claimed) (?:that|in \d{4})\b/giu },
  { label: 'report or statistics', weight: 0.25, pattern: /\b(?:reports?|stud(?:y|ies)|surveys?|polls?|statistics|figures|census|data|estimates?|audit|inquiry|analysis|index)\b/giu },
  {
    label: 'named institution',
    weight: 0.25,
    pattern: /\b[A-Z][A-Z&]{1,6}s?\b(?!:)|\b(?:the (?:regulator|government|administration|Treasury|Pentagon|Fed|Federal Reserve|White House|Kremlin|Home Office|Foreign Office)|Congress|Senate|Parliament|Supreme Court|United Nations|World Bank|European Union|(?:Department|Ministry|Office|Bureau|Commission|Agency|Institute) (?:of|for) [A-Z]\w+)\b/gu,
    keep: (m) => !NOT_INSTITUTIONS.has(m),
  },
  {
    label: 'time reference',
    weight: 0.2,
    pattern: new RegExp(String.raw`\b(?:last|this|next|past) (?:year|month|week|decade|quarter|century|summer|winter)\b|\b(?:since|in|by|until|from) (?:1[89]|20)\d\d\b|\b(?:1[89]|20)\d\d\b|\b(?:over|in|during) the (?:last|past) (?:\w+ )?(?:years|months|decades|weeks)\b|\b(?:\w+ )?(?:years|months|decades) ago\b|\b(?:yesterday|today|currently|recently)\b|\b(?:${MONTHS})\b`, 'giu'),
  },
  {
    label: 'causal claim',
    weight: 0.2,
    pattern: /\b(?:because|caused?|causing|led to|leads? to|leading to|due to|as a result|result(?:ed|s)? in|thanks to|responsible for|blamed? (?:for|on)|therefore)\b/giu,
  },
  {
    label: 'measurable topic',
    weight: 0.1,
    pattern: /\b(?:GDP|unemployment|jobs|taxe?s|deficit|debt|inflation|wages?|crime|murders?|spending|budget|economy|trade|immigrants?|deaths?|emissions|prices|income|poverty|growth)\b/giu,
  },
];

// Signs a sentence is not a factual claim: questions, opinions and intentions, mere fragments.
const OPINION = /\b(?:I think|I believe|I feel|in my opinion|I hope|I would hope|I want|I'd like|we need to|we must|we should|we have to|let me|I will|we will|we're going to|I'm going to)\b/iu;

function quoteList(found: string[]): string {
  const unique = [...new Set(found.map((f) => f.trim()))];
  const shown = unique.slice(0, 3).map((f) => `"${f}"`);
  return unique.length > 3 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** How check-worthy one sentence is, with readable reasons. */
export function scoreSentence(sentence: string): SentenceScore {
  const reasons: string[] = [];
  let keep = 1;
  for (const signal of SIGNALS) {
    const found: string[] = [];
    for (const m of sentence.matchAll(signal.pattern)) {
      if (!signal.keep || signal.keep(m[0])) found.push(m[0]);
    }
    if (found.length > 0) {
      keep *= 1 - signal.weight;
      reasons.push(`${signal.label}: ${quoteList(found)}`);
    }
  }
  const words = sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  // A little weight for sheer substance, so that among sentences with no signal a full statement still ranks
  // above a fragment such as "He said:".
  const substance = 0.05 * Math.min(words, 25) / 25;
  let score = 1 - keep * (1 - substance);
  if (words < 3) {
    score *= 0.2;
    reasons.push('fragment: fewer than three words');
  } else if (words < 6) {
    score *= 0.5;
    reasons.push('short: fewer than six words');
  }
  if (/\?\s*["'”’)]*\s*$/u.test(sentence)) {
    score *= 0.5;
    reasons.push('a question, not an assertion');
  }
  const opinion = OPINION.exec(sentence);
  if (opinion) {
    score *= 0.75;
    reasons.push(`opinion or intention: "${opinion[0]}"`);
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}

/** Every sentence of a text with its score and reasons, in document order; sort by score for a triage list. */
export function scoreSentences(text: string): ScoredSentence[] {
  return splitSentences(text).map((sentence) => ({ ...sentence, ...scoreSentence(sentence.text) }));
}
