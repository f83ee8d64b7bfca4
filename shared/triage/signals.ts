/**
 * The signals fact-checkers name when they pick a sentence (figures, comparisons over time, sources, records, causes),
 * each with the words an analyst would use for it. They are features of the trained model (its weights decide how
 * much each counts) and the vocabulary of its reasons, so every reason shown is one of these phrases.
 */

/** One signal: a stable id (the feature name), the analyst's phrase, and what finds it. */
export interface Signal {
  id: string;
  /** Shown as a reason: "a percentage", "compares with a past year". */
  phrase: string;
  pattern: RegExp;
  /** Drops a match the pattern cannot rule out by itself. */
  keep?: (match: string) => boolean;
}

const NUMBER_WORDS =
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|' +
  'thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?';
const YEAR = String.raw`(?:1[89]|20)\d\d`;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const NOT_INSTITUTIONS = new Set(['I', 'A', 'OK', 'TV', 'AM', 'PM', 'APPLAUSE', 'LAUGHTER', 'CROSSTALK', 'INAUDIBLE', 'BOOING', 'CHEERING', 'II']);

export const SIGNALS: readonly Signal[] = [
  {
    id: 'percentage',
    phrase: 'a percentage',
    pattern: new RegExp(String.raw`\d+(?:[.,]\d+)?\s?(?:%|per ?cent\b|percentage points?\b)|\b(?:${NUMBER_WORDS}|one)[- ]?(?:per ?cent|percent)\b`, 'iu'),
  },
  {
    id: 'money',
    phrase: 'an amount of money',
    pattern: new RegExp(
      String.raw`[$£€]\s?\d|\b\d[\d,.]*\s?(?:million|billion|trillion)?\s?(?:dollars|pounds|euros|bucks)\b|\b(?:${NUMBER_WORDS}|a|one) (?:hundred |thousand |million |billion |trillion )*(?:dollars|pounds|euros)\b`,
      'iu',
    ),
  },
  {
    id: 'proportion',
    phrase: 'a proportion or multiple',
    pattern: new RegExp(
      String.raw`\b(?:\d+|one|${NUMBER_WORDS}) out of (?:every )?(?:\d+|${NUMBER_WORDS})\b|\b(?:one|\d+) in (?:every )?(?:\d+|${NUMBER_WORDS})\b|\b(?:half|a third|a quarter|two[- ]thirds|three[- ]quarters|twice|doubled|tripled|quadrupled|times as (?:many|much)|the majority|a majority)\b`,
      'iu',
    ),
  },
  {
    id: 'figure',
    phrase: 'a figure',
    pattern: new RegExp(String.raw`\b\d[\d,]*(?:\.\d+)?\b|\b(?:${NUMBER_WORDS})\b`, 'giu'),
    // A year is a date, not a figure; "one" is usually a pronoun.
    keep: (m) => !new RegExp(`^${YEAR}$`).test(m),
  },
  {
    id: 'past-year',
    phrase: 'compares with a past year',
    pattern: new RegExp(
      String.raw`\b(?:since|than (?:in|it was in)|compared (?:to|with)|back in|from) ${YEAR}\b|\b(?:than|since) (?:(?:it|they|we) (?:was|were) )?(?:\w+ )?(?:years?|decades?) ago\b|\bin (?:the )?(?:last|past) (?:\w+ )?(?:years?|decades?)\b|\bover the (?:last|past) (?:\w+ )?(?:years?|decades?|months?)\b|\b(?:highest|lowest|biggest|largest|smallest|most|least|worst|best|first)\b[^.?!]{0,40}\b(?:since|in) (?:${YEAR}|(?:\w+ )?(?:years|decades))\b|\bsince (?:the )?(?:\w+ )?(?:depression|recession|war|world war|great depression)\b`,
      'iu',
    ),
  },
  {
    id: 'change',
    phrase: 'says something went up or down',
    pattern:
      /\b(?:increas(?:ed|es|ing)|decreas(?:ed|es|ing)|rose|risen|rising|fell|fallen|falling|grew|grown|dropped|doubled|tripled|soared|plummeted|declined|shrank|shrunk|cut (?:by|in half)|went (?:up|down)|gone (?:up|down)|lost|added|created|raised|lowered|slashed)\b/iu,
  },
  {
    id: 'comparison',
    phrase: 'a comparison',
    pattern:
      /\b(?:more|less|fewer|higher|lower|greater|larger|smaller|bigger|faster|slower|better|worse|cheaper|richer|poorer|safer|stronger|weaker|older|younger)\s+than\b|\bas (?:many|much|high|low) as\b/iu,
  },
  {
    id: 'superlative',
    phrase: 'a record or superlative',
    pattern:
      /\b(?:most|least|highest|lowest|largest|biggest|smallest|greatest|fastest|slowest|richest|poorest|record|all-time|unprecedented|first time|(?:the )?first (?:president|country|time|state))\b/iu,
  },
  {
    id: 'source',
    phrase: 'names a report or source',
    pattern:
      /\baccording to\b|\b(?:report|study|studies|survey|poll|polls|statistics|census|audit|analysis|estimates?|data|figures)\b(?:\s+\w+){0,3}\s+(?:show|shows|showed|shown|say|says|said|found|finds|estimated|estimates|projected|concluded)\b|\b(?:the )?(?:CBO|GAO|IMF|OECD|FBI|CIA|BLS|Census Bureau|Congressional Budget Office|Bureau of Labor Statistics|Federal Reserve|World Bank|United Nations|Office for National Statistics|ONS)\b/u,
  },
  {
    id: 'report-word',
    phrase: 'mentions a report or statistics',
    pattern: /\b(?:reports?|stud(?:y|ies)|surveys?|statistics|census|audit|inquiry|estimates?)\b/iu,
  },
  {
    id: 'record',
    phrase: "describes someone's record or vote",
    pattern:
      /\b(?:voted (?:for|against|to)|vote[sd]? for|supported|opposed|signed|vetoed|sponsored|co-?sponsored|passed|enacted|repealed|approved|endorsed|funded|appointed|proposed|introduced|authored)\b/iu,
  },
  {
    id: 'said',
    phrase: 'reports what someone said',
    pattern: /\b(?:(?:he|she|they|you) (?:said|says|called|claimed|told|wrote|tweeted|promised)|(?:said|says|called|claimed|told|admitted|tweeted) (?:that|we|it|the)\b)/iu,
  },
  {
    id: 'institution',
    phrase: 'names an institution or law',
    pattern:
      /\b[A-Z][A-Z&]{1,6}s?\b(?!:)|\b(?:Congress|Senate|House|Parliament|Supreme Court|Pentagon|Treasury|White House|Federal Reserve|Obamacare|Affordable Care Act|Medicare|Medicaid|Social Security|NAFTA|NATO|(?:Department|Ministry|Office|Bureau|Commission|Agency|Institute) (?:of|for) [A-Z]\w+|[A-Z]\w+ (?:Act|Agreement|Accord|Treaty|Bill|Deal))\b/gu,
    keep: (m) => !NOT_INSTITUTIONS.has(m),
  },
  {
    id: 'date',
    phrase: 'gives a date or time',
    pattern: new RegExp(
      String.raw`\b(?:last|this|next|past) (?:year|month|week|decade|quarter|century|summer|winter|spring|fall|autumn)\b|\b${YEAR}\b|\b(?:\w+ )?(?:years|months|decades) ago\b|\b(?:${MONTHS})\b|\b(?:yesterday|today|currently|recently|right now)\b`,
      'u',
    ),
  },
  {
    id: 'cause',
    phrase: 'claims a cause',
    pattern: /\b(?:because (?:of )?|caused?|causing|led to|leads? to|leading to|due to|as a result|result(?:ed|s)? in|thanks to|responsible for|blamed? (?:for|on))\b/iu,
  },
  {
    id: 'topic',
    phrase: 'a measurable topic',
    pattern:
      /\b(?:GDP|unemployment|jobs|tax(?:es)?|deficit|debt|inflation|wages?|crime|murders?|spending|budget|economy|trade|immigrants?|immigration|deaths?|emissions|prices|income|poverty|growth|insurance|premiums|troops|nuclear|refugees|oil|manufacturing)\b/iu,
  },
  {
    id: 'absolute',
    phrase: 'an absolute (never, nobody, every)',
    pattern: /\b(?:never|nobody|no one|nothing|every single|all of (?:them|the)|not (?:one|a single))\b/iu,
  },
];

/** Signs a sentence is not a checkable claim; features too, and reasons when they pull a sentence down. */
export const DAMPERS: readonly Signal[] = [
  { id: 'question', phrase: 'a question, not an assertion', pattern: /\?\s*["'”’)]*\s*$/u },
  {
    id: 'opinion',
    phrase: 'an opinion or belief',
    pattern: /\b(?:I think|I believe|I feel|in my opinion|I hope|I would hope|I'd like|I want|I guess|I'm sure|frankly|honestly)\b/iu,
  },
  {
    id: 'intention',
    phrase: 'a plan or promise, not a fact yet',
    pattern: /\b(?:we need to|we must|we should|we have to|we've got to|let me|let's|I will|we will|we're going to|I'm going to|I'll|we'll|would|should|could)\b/iu,
  },
  {
    id: 'courtesy',
    phrase: 'a greeting or thanks',
    pattern: /^(?:\W*)(?:thank you|thanks|good (?:evening|morning|afternoon|night)|welcome|hello|hi|congratulations|ladies and gentlemen|god bless)\b/iu,
  },
];

/** The ids of the signals and dampers found in a sentence. */
export function findSignals(sentence: string): string[] {
  const found: string[] = [];
  for (const signal of [...SIGNALS, ...DAMPERS]) if (matches(signal, sentence)) found.push(signal.id);
  return found;
}

/** The first words in the sentence that made a signal fire, for showing next to its phrase. */
export function signalEvidence(signal: Signal, sentence: string): string | undefined {
  for (const m of sentence.matchAll(globalPattern(signal))) {
    if (!signal.keep || signal.keep(m[0])) return m[0].trim();
  }
  return undefined;
}

const GLOBAL = new Map<Signal, RegExp>();
function globalPattern(signal: Signal): RegExp {
  let pattern = GLOBAL.get(signal);
  if (!pattern) {
    const flags = signal.pattern.flags.includes('g') ? signal.pattern.flags : `${signal.pattern.flags}g`;
    pattern = new RegExp(signal.pattern.source, flags);
    GLOBAL.set(signal, pattern);
  }
  return pattern;
}

const BY_ID = new Map([...SIGNALS, ...DAMPERS].map((s) => [s.id, s]));

/** A signal by its id. */
export function signalById(id: string): Signal | undefined {
  return BY_ID.get(id);
}

function matches(signal: Signal, sentence: string): boolean {
  if (!signal.keep) {
    signal.pattern.lastIndex = 0;
    return signal.pattern.test(sentence);
  }
  return signalEvidence(signal, sentence) !== undefined;
}
