import { nameKey } from './speakers.js';

/**
 * The people a news article names, found sentence by sentence with rules rather than a language model: a courtesy
 * title (`Mr Corbyn`), a role before a name (`Labour leader Jeremy Corbyn`) or a full name of two or more capitalised
 * words that is no organisation or place. Later mentions by surname, by the role the text gave them (`The Labour
 * leader`) or by pronoun resolve to the same person.
 */

export type Gender = 'm' | 'f';

export interface ArticlePerson {
  /** Display name: the fullest form seen (`Jeremy Corbyn`), with a title only while no first name is known. */
  name: string;
  /** Other forms the text used (`Mr Corbyn`, `The Labour leader`). */
  aliases: string[];
  gender?: Gender;
  /** Said something, directly or in reported speech; only these become speakers. */
  speaking: boolean;
  /** Order of first mention. */
  order: number;
  keys: Set<string>;
  surnames: Set<string>;
  firstNames: Set<string>;
  /** Roles the text gave them, lower-case words ending in a role noun (`uk labour leader`). */
  descriptors: string[][];
  lastSeen: number;
}

export interface Mention {
  start: number;
  end: number;
  person: ArticlePerson;
  kind: 'name' | 'pronoun' | 'descriptor';
}

const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'father', 'congressman', 'baron', 'duke']);
const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'dame', 'lady', 'queen', 'princess', 'congresswoman', 'baroness', 'duchess']);
const NEUTRAL_TITLES = new Set([
  'mx', 'dr', 'prof', 'professor', 'rev', 'reverend', 'president', 'senator', 'sen', 'rep', 'gov', 'governor', 'mayor',
  'judge', 'justice', 'general', 'gen', 'captain', 'capt', 'col', 'colonel', 'lt', 'sgt', 'chancellor', 'minister',
  'secretary', 'speaker', 'commissioner', 'ambassador', 'bishop', 'rabbi', 'imam', 'pope', 'premier', 'chairman',
  'chairwoman', 'councillor', 'cllr', 'inspector', 'detective', 'officer', 'coach', 'pres',
]);

/** Capitalised words that start a sentence or qualify a title and are never part of a person's name. */
const LEADING_WORDS = new Set([
  'the', 'a', 'an', 'but', 'and', 'or', 'so', 'if', 'when', 'while', 'as', 'after', 'before', 'since', 'although',
  'though', 'however', 'meanwhile', 'yesterday', 'today', 'tonight', 'recently', 'earlier', 'later', 'last', 'next',
  'this', 'that', 'these', 'those', 'in', 'on', 'at', 'for', 'from', 'with', 'without', 'under', 'over', 'by', 'of',
  'to', 'during', 'asked', 'speaking', 'writing', 'according', 'pushed', 'despite', 'unlike', 'like', 'both',
  'neither', 'either', 'former', 'ex', 'then', 'now', 'also', 'only', 'even', 'still', 'here', 'there', 'where', 'why',
  'how', 'what', 'who', 'which', 'whose', 'his', 'her', 'their', 'our', 'my', 'your', 'its', 'it', 'we', 'they', 'he',
  'she', 'i', 'you', 'dear', 'thanks', 'thank', 'please', 'yes', 'no', 'not', 'all', 'some', 'many', 'most', 'every',
  'each', 'other', 'another', 'such', 'vice', 'prime', 'foreign', 'home', 'defence', 'defense', 'shadow', 'deputy',
  'chief', 'labour', 'conservative', 'tory', 'democratic', 'republican', 'democrat', 'liberal', 'leadership',
  'presidential', 'candidate', 'leader', 'opposition', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'breaking', 'update', 'updated', 'published', 'photo', 'image', 'video', 'read',
  'watch', 'listen', 'share', 'follow', 'comment', 'comments', 'reply', 'advertisement',
]);

/** Words that make a capitalised run an organisation, place, event or document rather than a person. */
const NOT_NAME_WORDS = new Set([
  'party', 'parties', 'union', 'states', 'state', 'kingdom', 'nations', 'house', 'street', 'office', 'council',
  'committee', 'ministry', 'department', 'organisation', 'organization', 'treaty', 'agreement', 'accord', 'university',
  'college', 'school', 'bank', 'group', 'company', 'corporation', 'court', 'parliament', 'congress', 'senate',
  'assembly', 'commission', 'agency', 'service', 'services', 'force', 'forces', 'army', 'navy', 'airport', 'hospital',
  'church', 'square', 'road', 'avenue', 'park', 'city', 'county', 'province', 'island', 'islands', 'sea', 'ocean',
  'river', 'mountains', 'republic', 'federation', 'institute', 'foundation', 'trust', 'times', 'news', 'post', 'press',
  'guardian', 'telegraph', 'mail', 'herald', 'journal', 'review', 'television', 'radio', 'centre', 'center',
  'association', 'society', 'alliance', 'coalition', 'movement', 'europe', 'african', 'africa', 'america', 'american',
  'asia', 'middle', 'east', 'west', 'north', 'south', 'northern', 'southern', 'eastern', 'western', 'central', 'new',
  'united', 'great', 'royal', 'national', 'international', 'federal', 'global', 'world', 'day', 'week', 'act',
  'budget', 'games', 'cup', 'league', 'club', 'brexit', 'facebook', 'twitter', 'google', 'online', 'minister', 'question',
  'questions', 'time', 'debate', 'summit', 'conference', 'election', 'referendum', 'article', 'section', 'chapter',
  'road', 'lane', 'hall', 'tower', 'bridge', 'valley', 'county', 'district', 'region', 'institution', 'fund', 'reserve',
  'exchange', 'market', 'markets', 'inc', 'ltd', 'plc', 'llc', 'security', 'co-operation', 'cooperation', 'development',
  'health', 'education', 'justice', 'affairs', 'policy', 'programme', 'program', 'project', 'report', 'index',
]);

/** Nouns naming what someone is, used before a name (`challenger Owen Smith`) and later instead of it. */
export const ROLE_NOUNS = new Set([
  'leader', 'challenger', 'candidate', 'nominee', 'contender', 'rival', 'opponent', 'incumbent', 'minister',
  'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'president', 'chancellor', 'senator', 'governor', 'mayor',
  'chairman', 'chairwoman', 'chairperson', 'chair', 'chief', 'executive', 'director', 'head', 'founder', 'mp', 'mep',
  'msp', 'congressman', 'congresswoman', 'representative', 'commissioner', 'ambassador', 'premier', 'professor',
  'economist', 'analyst', 'campaigner', 'activist', 'official', 'adviser', 'advisor', 'author', 'deputy', 'moderator',
  'host', 'presenter', 'general', 'lawyer', 'attorney', 'judge', 'prosecutor', 'commander', 'ceo', 'boss', 'manager',
  'coach', 'actor', 'actress', 'singer', 'writer', 'journalist', 'correspondent', 'editor', 'researcher', 'scientist',
  'expert', 'historian', 'councillor', 'whip', 'speaker', 'envoy', 'diplomat', 'negotiator', 'strategist', 'pollster',
  'aide', 'backbencher', 'peer', 'chancellor', 'vice-president', 'mogul', 'billionaire', 'businessman',
  'businesswoman', 'king', 'queen', 'prince', 'princess',
]);

const QUALIFIERS = new Set(['former', 'ex', 'shadow', 'deputy', 'vice', 'acting', 'junior', 'assistant', 'interim', 'outgoing', 'incoming']);

const DESCRIPTOR_STOP = new Set([
  'the', 'a', 'an', 'of', 'by', 'for', 'with', 'to', 'in', 'on', 'at', 'from', 'and', 'or', 'but', 'that', 'as', 'was',
  'is', 'were', 'are', 'has', 'had', 'have', 'said', 'says', 'told', 'when', 'while', 'after', 'before', 'his', 'her',
  'their', 'its', 'recently', 'yesterday', 'today', 'also', 'then',
]);

// Common first names, only to tell he from she when no title or pronoun has yet done so.
const MALE_FIRST = new Set(
  ('james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark ' +
    'donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary ' +
    'nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond ' +
    'jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter christian ' +
    'keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe ' +
    'logan alan juan albert willie elijah wayne randy vincent mason roy ralph bobby russell bradley philip eugene ' +
    'boris tony gordon nigel keir rishi ed ted bernie barack mike owen hugh ian neil nick tom tim ben sam dave jim bill ' +
    'vladimir emmanuel angus alastair alistair liam rory callum jamie hamish angus oliver harry charlie jeremy ken ' +
    'jean pierre francois hans klaus olaf friedrich recep xi narendra volodymyr sergei dmitry viktor jacques nicolas')
    .split(' '),
);
const FEMALE_FIRST = new Set(
  ('mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley ' +
    'kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen ' +
    'amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet ' +
    'catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith ' +
    'megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail ' +
    'alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany ' +
    'charlotte marie kayla alexis lori hillary theresa angela nicola priya kamala nancy liz liz jacinda ursula ' +
    'kemi yvette harriet diane jess rosie caroline penny suella rayner angela anneliese bridget shabana lucy kate ' +
    'claire clare sophie chloe ellie fiona jo jane joanna ruth tulsi ilhan alexandria elizabeth sanna giorgia marine')
    .split(' '),
);

const WORD = String.raw`(?:\p{Lu}[’'])?\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?\p{Ll}+|[’'](?!s(?![\p{L}]))\p{Lu}?\p{Ll}+)*`;
const INITIAL = String.raw`\p{Lu}\.`;
const PARTICLE = String.raw`(?:de|van|von|der|den|da|di|du|la|le|bin|al|el|dos|del|ter)`;
// A name runs to at most eight words: a longer run of capitalised words (a headline, a 25 MB line of them) is read as
// several, never as one match the size of the text.
const NAME_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}’'-])(?:${WORD}|${INITIAL})(?:\.?\s+(?:${PARTICLE}\s+)?(?:${WORD}|${INITIAL})){0,7}(?![\p{L}])`,
  'gu',
);
const PRONOUN_RE = /(?<![\p{L}’'])([Hh]e|[Ss]he)(?![\p{L}])/gu;
const ROLE_ALT = [...ROLE_NOUNS].sort((a, b) => b.length - a.length).join('|');
const DESCRIPTOR_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:the|The)\s+((?:[\p{L}’'-]+\s+){0,3}?)(${ROLE_ALT})(?![\p{L}-])`,
  'giu',
);
const APPOSITIVE_RE = new RegExp(
  String.raw`^,\s+(?:(?:the|a|an|his|her|their|its|[\p{L}]+[’']s)\s+)?((?:[\p{L}’'-]+\s+){0,4}?)(${ROLE_ALT})\s*[,.;]`,
  'iu',
);

/** People one article may name; a text naming more is no article, and each person costs every later lookup. */
export const MAX_PERSONS = 5_000;
// People kept under one surname, first name or role word: a real article has a handful.
const MAX_BUCKET = 50;
// Mentions a pronoun looks back through.
const HISTORY = 64;

/**
 * All people of one article, with the state pronouns need: the current topic and the order of mentions. Lookups go
 * through indexes by full name, surname, first name and role word, each holding a bounded number of people, so a
 * mention costs the same whether the article names three people or thousands.
 */
export class ArticlePeople {
  readonly persons: ArticlePerson[] = [];
  private topic: ArticlePerson | undefined;
  private history: ArticlePerson[] = [];
  private clock = 0;
  private readonly byKey = new Map<string, ArticlePerson[]>();
  private readonly bySurname = new Map<string, ArticlePerson[]>();
  private readonly byFirstName = new Map<string, ArticlePerson[]>();
  private readonly byRoleWord = new Map<string, ArticlePerson[]>();

  /**
   * The person mentions in one sentence, whose quotations are masked out, resolved in reading order. The first
   * mention becomes the topic that a later `he` or `she` refers back to before any other person.
   */
  mentionsIn(sentence: string): Mention[] {
    type Candidate = { start: number; end: number; kind: Mention['kind']; text: string; groups?: string[] };
    const candidates: Candidate[] = [];
    for (const m of sentence.matchAll(DESCRIPTOR_RE)) {
      candidates.push({ start: m.index, end: m.index + m[0].length, kind: 'descriptor', text: m[0], groups: [m[1] ?? '', m[2] ?? ''] });
    }
    for (const m of sentence.matchAll(NAME_RE)) {
      candidates.push({ start: m.index, end: m.index + m[0].length, kind: 'name', text: m[0] });
    }
    for (const m of sentence.matchAll(PRONOUN_RE)) {
      candidates.push({ start: m.index, end: m.index + m[0].length, kind: 'pronoun', text: m[0] });
    }
    candidates.sort((a, b) => a.start - b.start || b.end - a.end);

    const mentions: Mention[] = [];
    let coveredTo = -1;
    for (const c of candidates) {
      if (c.start < coveredTo) continue;
      let found: { person: ArticlePerson; start: number; end: number } | undefined;
      if (c.kind === 'descriptor') {
        const words = `${c.groups![0]} ${c.groups![1]}`.toLowerCase().split(/\s+/).filter(Boolean);
        const person = this.byDescriptor(words);
        if (person) {
          found = { person, start: c.start, end: c.end };
          addAlias(person, capitalise(c.text.replace(/\s+/g, ' ')));
        }
      } else if (c.kind === 'name') {
        // `Riverside Residents' Association`: a plural possessive before a capitalised word names a body, not a person.
        if (/^[’']\s+\p{Lu}/u.test(sentence.slice(c.end)) && c.text.endsWith('s')) continue;
        found = this.resolveName(c.text, c.start);
      } else {
        const person = this.resolvePronoun(c.text.toLowerCase() === 'she' ? 'f' : 'm');
        if (person) found = { person, start: c.start, end: c.end };
      }
      if (!found) continue;
      const mention: Mention = { ...found, kind: c.kind };
      mentions.push(mention);
      coveredTo = c.end;
      if (mention.kind === 'name') this.recordDescriptors(sentence, mention, c.start);
      if (mentions.length === 1) this.topic = mention.person;
      this.history.push(mention.person);
      if (this.history.length > 2 * HISTORY) this.history = this.history.slice(-HISTORY);
      mention.person.lastSeen = ++this.clock;
    }
    return mentions;
  }

  /** Persons who said something, in order of first mention. */
  speakers(): ArticlePerson[] {
    return this.persons.filter((p) => p.speaking).sort((a, b) => a.order - b.order);
  }

  private resolveName(text: string, offset: number): { person: ArticlePerson; start: number; end: number } | undefined {
    const tokens: Array<{ word: string; start: number; end: number }> = [];
    for (const m of text.matchAll(/[\p{L}’'-]+\.?/gu)) tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });
    let title: string | undefined;
    let titleAt = -1;
    let i = 0;
    while (i < tokens.length) {
      const word = tokens[i]!.word.replace(/\.$/, '').toLowerCase();
      if (MALE_TITLES.has(word) || FEMALE_TITLES.has(word) || NEUTRAL_TITLES.has(word)) {
        title = word;
        titleAt = i;
      } else if (!LEADING_WORDS.has(word)) break;
      i++;
    }
    // Particles (`von der`) stay in the shown name but are no name words of their own.
    const rest = tokens.slice(i).filter((t) => !/^\p{Ll}/u.test(t.word));
    if (rest.length === 0) return undefined;
    const words = rest.map((t) => t.word.replace(/\.$/, ''));
    if (words.some((w) => NOT_NAME_WORDS.has(w.toLowerCase()))) return undefined;
    // A title with a one-word name keeps the title in the display form (`Mr Green`) until a first name turns up.
    const last = rest[rest.length - 1]!;
    const start = offset + (title && rest.length === 1 && titleAt === i - 1 ? tokens[titleAt]!.start : rest[0]!.start);
    const end = offset + last.end - (last.word.endsWith('.') ? 1 : 0);
    const surface = text.slice(start - offset, end - offset).replace(/\s+/g, ' ');
    const gender: Gender | undefined = title && MALE_TITLES.has(title) ? 'm' : title && FEMALE_TITLES.has(title) ? 'f' : undefined;
    const key = nameKey(words.join(' '));
    const surname = key[key.length - 1]!;
    if (key.length >= 2) {
      const firstName = key[0]!;
      const joined = key.join(' ');
      let person = newest(this.byKey.get(joined) ?? []);
      if (!person) {
        person = newest(
          (this.bySurname.get(surname) ?? []).filter(
            (p) => p.firstNames.size === 0 || [...p.firstNames].some((f) => namesAgree(f, firstName)),
          ),
        );
      }
      if (!person) {
        person = this.create(surface, gender ?? genderOfFirstName(firstName));
        if (!person) return undefined;
      } else if (!person.keys.has(joined)) {
        this.rename(person, surface);
      }
      this.index(person, joined, surname, firstName);
      if (!person.gender) person.gender = gender ?? genderOfFirstName(firstName);
      addAlias(person, surface);
      return { person, start, end };
    }
    const fits = (p: ArticlePerson) => !gender || !p.gender || p.gender === gender;
    let person = newest((this.bySurname.get(surname) ?? []).filter(fits));
    if (!person && !title) person = newest((this.byFirstName.get(surname) ?? []).filter(fits));
    if (!person) {
      if (!title) return undefined;
      person = this.create(surface, gender);
      if (!person) return undefined;
      this.index(person, surname, surname, undefined);
    }
    if (gender && !person.gender) person.gender = gender;
    addAlias(person, surface);
    return { person, start, end };
  }

  private resolvePronoun(gender: Gender): ArticlePerson | undefined {
    const fits = (p: ArticlePerson) => !p.gender || p.gender === gender;
    let person = this.topic && fits(this.topic) ? this.topic : undefined;
    for (let i = this.history.length - 1; !person && i >= 0 && i >= this.history.length - HISTORY; i--) {
      if (fits(this.history[i]!)) person = this.history[i];
    }
    if (person && !person.gender) person.gender = gender;
    return person;
  }

  private byDescriptor(words: string[]): ArticlePerson | undefined {
    const matches = (this.byRoleWord.get(words[words.length - 1] ?? '') ?? []).filter((p) =>
      p.descriptors.some((d) => {
        if (d.length < words.length) return false;
        // A shadow minister is not the minister, nor a former leader the leader.
        if (d.some((w) => QUALIFIERS.has(w) && !words.includes(w))) return false;
        return words.every((w, i) => d[d.length - words.length + i] === w);
      }),
    );
    return newest(matches);
  }

  // `UK Labour leader Jeremy Corbyn` and `Jeremy Corbyn, the Labour leader,` both tell us who `the Labour leader` is.
  private recordDescriptors(sentence: string, mention: Mention, runStart: number): void {
    // `Governor Bill Ross` is `the governor` later on, `Prime Minister Boris Johnson` `the prime minister`.
    const prefix = sentence.slice(runStart, mention.start);
    const titleWords = prefix.toLowerCase().split(/[\s.]+/).filter((w) => w && !DESCRIPTOR_STOP.has(w) && !MALE_TITLES.has(w) && !FEMALE_TITLES.has(w));
    if (titleWords.length > 0 && ROLE_NOUNS.has(titleWords[titleWords.length - 1]!)) this.describe(mention.person, titleWords.slice(-4));
    // The patterns below are anchored at the mention and read at most five words back: a window, not the sentence.
    const before = wordsBefore(sentence, mention.start, 160);
    const tail = /(?:^|\s)((?:[\p{L}\p{N}’'-]+\s+){1,5})$/u.exec(before);
    if (tail) {
      const list = tail[1]!.trim().split(/\s+/);
      if (ROLE_NOUNS.has(list[list.length - 1]!.toLowerCase())) {
        const descriptor: string[] = [];
        for (let i = list.length - 1; i >= 0 && descriptor.length < 4; i--) {
          const w = list[i]!.toLowerCase();
          if (DESCRIPTOR_STOP.has(w)) break;
          descriptor.unshift(w);
        }
        this.describe(mention.person, descriptor);
      }
    }
    // `The transport secretary, Helen Marsh, said`: the role comes first, set off by commas.
    const leading = /(?:^|[\s])((?:[\p{L}’'-]+\s+){0,3}[\p{L}’'-]+),\s*$/u.exec(before);
    if (leading && /^\s*,/.test(sentence.slice(mention.end))) {
      const list = leading[1]!.toLowerCase().split(/\s+/);
      if (ROLE_NOUNS.has(list[list.length - 1]!)) {
        const from = list.findLastIndex((w) => DESCRIPTOR_STOP.has(w) || /[’']s$/.test(w));
        this.describe(mention.person, list.slice(from + 1));
      }
    }
    const appositive = APPOSITIVE_RE.exec(sentence.slice(mention.end));
    if (appositive) {
      const descriptor = `${appositive[1] ?? ''} ${appositive[2] ?? ''}`.toLowerCase().split(/\s+/).filter(Boolean);
      this.describe(mention.person, descriptor);
    }
  }

  // Puts a person under a name key, surname and first name (each bucket bounded).
  private index(person: ArticlePerson, key: string, surname: string, firstName: string | undefined): void {
    if (!person.keys.has(key)) {
      person.keys.add(key);
      addTo(this.byKey, key, person);
    }
    if (!person.surnames.has(surname)) {
      person.surnames.add(surname);
      addTo(this.bySurname, surname, person);
    }
    if (firstName !== undefined && !person.firstNames.has(firstName)) {
      person.firstNames.add(firstName);
      addTo(this.byFirstName, firstName, person);
    }
  }

  /** Records a role (`labour leader`) for a person, so `the Labour leader` finds them later. */
  describe(person: ArticlePerson, descriptor: string[]): void {
    const joined = descriptor.join(' ');
    if (descriptor.length === 0 || person.descriptors.length >= 16 || person.descriptors.some((d) => d.join(' ') === joined)) return;
    person.descriptors.push(descriptor);
    addTo(this.byRoleWord, descriptor[descriptor.length - 1]!, person);
  }

  private create(name: string, gender: Gender | undefined): ArticlePerson | undefined {
    if (this.persons.length >= MAX_PERSONS) return undefined;
    const person: ArticlePerson = {
      name,
      aliases: [],
      speaking: false,
      order: this.persons.length,
      keys: new Set(),
      surnames: new Set(),
      firstNames: new Set(),
      descriptors: [],
      lastSeen: 0,
    };
    if (gender) person.gender = gender;
    this.persons.push(person);
    return person;
  }

  private rename(person: ArticlePerson, name: string): void {
    // The fullest name without a title is the one to show: `Mr Green`, then `Tom Green`.
    if (nameKey(name).length < nameKey(person.name).length) return;
    const old = person.name;
    person.name = name;
    person.aliases = person.aliases.filter((a) => a !== name);
    addAlias(person, old);
  }
}

function addTo(map: Map<string, ArticlePerson[]>, key: string, person: ArticlePerson): void {
  const list = map.get(key);
  if (!list) map.set(key, [person]);
  else if (list.length < MAX_BUCKET && !list.includes(person)) list.push(person);
}

// A person keeps a bounded number of aliases: the forms a reader would recognise, not every variant a text can hold.
function addAlias(person: ArticlePerson, alias: string): void {
  if (alias && alias !== person.name && person.aliases.length < 32 && !person.aliases.includes(alias)) person.aliases.push(alias);
}

// About the last `n` characters before `end`, starting at a word, so `^` and `\s` in patterns keep their meaning.
function wordsBefore(text: string, end: number, n: number): string {
  const from = Math.max(0, end - n);
  const piece = text.slice(from, end);
  return from > 0 && !/\s/.test(text[from - 1]!) ? piece.replace(/^\S*/, '') : piece;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function newest(persons: ArticlePerson[]): ArticlePerson | undefined {
  return persons.reduce<ArticlePerson | undefined>((best, p) => (!best || p.lastSeen > best.lastSeen ? p : best), undefined);
}

function namesAgree(a: string, b: string): boolean {
  return a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

function genderOfFirstName(first: string): Gender | undefined {
  if (MALE_FIRST.has(first)) return 'm';
  if (FEMALE_FIRST.has(first)) return 'f';
  return undefined;
}
