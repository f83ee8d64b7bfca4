/** A phrase in a document that cites a source without linking it: "according to a NATO report". */
export interface CitationHint {
  phrase: string;
  /** [start, end) of the phrase in the text. */
  start: number;
  end: number;
  /** A title to offer when the user creates a source from the hint. */
  suggestedTitle: string;
  /** Who published the source, when the phrase names them. */
  institution?: string;
}

// Capitalised and function words are told apart by case, so the patterns are case-sensitive and the few words that
// can start a sentence accept either case.
const ci = (word: string): string => `[${word[0]!.toUpperCase()}${word[0]!.toLowerCase()}]${word.slice(1)}`;
const anyOf = (words: string[]): string => `(?:${words.map(ci).join('|')})`;

const DOC_WORDS = [
  'reports', 'report', 'studies', 'study', 'surveys', 'survey', 'analysis', 'figures', 'data', 'statistics', 'polls',
  'poll', 'reviews', 'review', 'estimates', 'estimate', 'research', 'assessment', 'audit', 'inquiry', 'paper',
  'briefing', 'forecasts', 'forecast', 'projections', 'numbers',
];
const ADJECTIVES = [
  'new', 'recent', 'latest', 'leaked', 'official', 'annual', 'independent', 'government', 'internal', 'major',
  'separate', 'published', 'preliminary', 'provisional', 'own', 'last', 'previous', 'draft', 'final',
];
const GENERIC_BODIES = [
  'regulator', 'government', 'watchdog', 'department', 'ministry', 'central bank', 'police', 'council', 'charity',
  'think tank', 'think-tank', 'industry', 'campaigners', 'researchers', 'academics', 'experts', 'pollsters',
  'economists', 'statisticians', 'health service', 'civil service', 'alliance', 'commission', 'agency',
];
const SAY_VERBS = [
  'said', 'says', 'reported', 'reports', 'found', 'finds', 'estimated', 'estimates', 'published', 'warned', 'warns',
  'showed', 'shows', 'concluded', 'calculated', 'revealed',
];
// Words that start sentences or describe a source rather than name who made it.
const NOT_NAMES = new Set([
  'The', 'A', 'An', 'New', 'Official', 'Latest', 'Recent', 'These', 'This', 'That', 'Those', 'Its', 'Their', 'His',
  'Her', 'Our', 'But', 'And', 'However', 'In', 'On', 'Last', 'Some', 'Many', 'Other', 'Yet', 'So', 'If', 'When',
  'According', 'Government', 'Leaked', 'Annual', 'Independent',
]);
const INSTITUTION_WORDS = [
  'Office', 'Agency', 'Department', 'Ministry', 'Bank', 'Institute', 'Institution', 'Commission', 'Authority',
  'Council', 'Statistics', 'Foundation', 'Service', 'Services', 'Organisation', 'Organization', 'Board', 'Survey',
  'Committee', 'University', 'College', 'School', 'Centre', 'Center', 'Fund', 'Trust', 'Association', 'Federation',
  'Union', 'Society', 'Bureau', 'Treasury', 'Parliament', 'Government', 'Court', 'Forum', 'Group', 'Alliance',
  'Programme', 'Network', 'Observatory', 'Unit', 'Directorate', 'Executive', 'Assembly', 'Secretariat', 'Police',
  'Force', 'Forces', 'Corporation', 'Company', 'Tank', 'Monitor', 'Watch',
];

const CAP = String.raw`[A-Z](?:[\p{L}\p{N}&-]|['’.](?=\p{L}))*`;
const NAME = String.raw`${CAP}(?:(?:\s+(?:of|for|and|on|&)(?:\s+the)?)?\s+${CAP})*`;
// Lower case after a name, so "Institute for Fiscal Studies" stays a name; either case where a phrase can open.
const DOC = String.raw`(?:${DOC_WORDS.join('|')})`;
const OPENING_DOC = anyOf(DOC_WORDS);
const ADJ = String.raw`(?:${ADJECTIVES.join('|')})`;
const OPENING_ADJ = anyOf(ADJECTIVES);
const GENERIC = String.raw`(?:${GENERIC_BODIES.join('|')})`;
const ARTICLE = String.raw`(?:(?:${anyOf(['a', 'an', 'the'])})\s+)`;
const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;

interface Pattern {
  regex: RegExp;
  /** Builds the hint from the match groups, or refuses a match that names a person rather than a body. */
  make: (groups: Record<string, string | undefined>) => Omit<CitationHint, 'phrase' | 'start' | 'end'> | undefined;
}

const PATTERNS: Pattern[] = [
  {
    // according to a NATO report; according to the latest report by the Institute for Fiscal Studies
    regex: new RegExp(
      String.raw`${B}${ci('according')} to\s+${ARTICLE}?(?:${ADJ}\s+){0,2}(?:(?<name>${NAME})\s+)?(?:${ADJ}\s+)?` +
        String.raw`(?<doc>${DOC})(?:\s+(?:by|from|of)\s+${ARTICLE}?(?:(?<by>${NAME})|(?<generic>${GENERIC})))?${E}`,
      'gu',
    ),
    make: (g) => named(g.name ?? g.by, g.doc, g.generic),
  },
  {
    // figures from the regulator; a study by researchers at the London School of Economics
    regex: new RegExp(
      String.raw`${B}(?:${ARTICLE}|${OPENING_ADJ}\s+)?(?:${ADJ}\s+){0,2}(?<doc>${OPENING_DOC})\s+` +
        String.raw`(?:(?:published|released|compiled|produced|commissioned)\s+)?` +
        String.raw`(?:by|from)\s+(?:(?:researchers|academics|economists|experts)\s+at\s+)?${ARTICLE}?` +
        String.raw`(?:(?<by>${NAME})|(?<generic>${GENERIC}))${E}`,
      'gu',
    ),
    make: (g) => named(g.by, g.doc, g.generic),
  },
  {
    // NHS England statistics; the Treasury's own analysis
    regex: new RegExp(String.raw`${B}${ARTICLE}?(?<name>${NAME})\s+(?:${ADJ}\s+)?(?<doc>${DOC})${E}`, 'gu'),
    make: (g) => named(g.name, g.doc, undefined),
  },
  {
    // the Office for National Statistics said
    regex: new RegExp(
      String.raw`${B}${ARTICLE}?(?<name>${NAME})\s+(?:(?:has|have|had)\s+)?(?:${SAY_VERBS.join('|')})${E}`,
      'gu',
    ),
    make: (g) => statement(g.name),
  },
  {
    // according to the Office for National Statistics
    regex: new RegExp(String.raw`${B}${ci('according')} to\s+${ARTICLE}?(?<name>${NAME})${E}`, 'gu'),
    make: (g) => statement(g.name),
  },
];

/** The name without a possessive or the words that only start a sentence; undefined when nothing is left. */
function cleanName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const words = raw.replace(/['’]s$/, '').split(/\s+/);
  while (words.length > 0 && NOT_NAMES.has(words[0]!)) words.shift();
  const name = words.join(' ');
  return /^[A-Z]/.test(name) ? name : undefined;
}

function isInstitution(name: string): boolean {
  return name.split(/\s+/).some((word) => INSTITUTION_WORDS.includes(word) || /^[A-Z]{2,}$/.test(word));
}

function named(rawName: string | undefined, doc: string | undefined, generic: string | undefined) {
  const what = (doc ?? 'report').toLowerCase();
  const institution = cleanName(rawName);
  if (institution) return { suggestedTitle: `${institution} ${what}`, institution };
  if (generic) return { suggestedTitle: `${capitalise(what)} from the ${generic}` };
  return undefined;
}

function statement(rawName: string | undefined) {
  const institution = cleanName(rawName);
  if (!institution || !isInstitution(institution)) return undefined;
  return { suggestedTitle: `${institution} statement`, institution };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Phrases that point at a source without citing it, so the user can create or link that source beside the claim:
 * "according to a NATO report", "figures from the regulator", "NHS England statistics", "the Office for National
 * Statistics said", "a study by …". Hints do not overlap; where patterns compete, the earliest and longest wins.
 */
export function findCitationHints(text: string): CitationHint[] {
  const found: CitationHint[] = [];
  for (const { regex, make } of PATTERNS) {
    for (const match of text.matchAll(regex)) {
      const hint = make(match.groups ?? {});
      if (!hint) continue;
      const start = match.index;
      found.push({ phrase: match[0], start, end: start + match[0].length, ...hint });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const hints: CitationHint[] = [];
  for (const hint of found) {
    const last = hints[hints.length - 1];
    if (!last || hint.start >= last.end) hints.push(hint);
  }
  return hints;
}
