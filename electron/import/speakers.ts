import type { ParticipantRole } from '../../shared/model.js';
import type { ParsedSpeaker } from '../../shared/import/parsedDocument.js';
import { memoByString } from './memo.js';

/**
 * Speakers within one document: the many ways a transcript or article names a person (`MODERATOR (HELEN MARSH)`,
 * `MARSH`, `HELEN MARSH`; `Mr Corbyn`, `Jeremy Corbyn`) resolve to one ParsedSpeaker with aliases.
 * Matching across documents (the same candidate in five debates) is the library's job, not this one.
 */

const ROLE_WORDS: ReadonlyMap<string, ParticipantRole> = new Map([
  ['moderator', 'moderator'],
  ['co-moderator', 'moderator'],
  ['presenter', 'moderator'],
  ['host', 'moderator'],
  ['anchor', 'moderator'],
  ['chair', 'moderator'],
  ['chairman', 'moderator'],
  ['chairwoman', 'moderator'],
  ['chairperson', 'moderator'],
  ['interviewer', 'moderator'],
  ['panelist', 'panelist'],
  ['panellist', 'panelist'],
  ['audience', 'audience'],
  ['audience member', 'audience'],
  ['question', 'audience'],
  ['questioner', 'audience'],
  ['crowd', 'audience'],
  ['unidentified', 'audience'],
  ['unidentified male', 'audience'],
  ['unidentified female', 'audience'],
  ['candidate', 'candidate'],
]);

// Courtesy titles say nothing about who someone is, so `Mr Corbyn` and `Jeremy Corbyn` share the key `corbyn`.
const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend',
  'hon', 'rt', 'sen', 'senator', 'gov', 'governor', 'rep', 'representative', 'congressman', 'congresswoman',
  'president', 'secretary', 'mayor', 'judge', 'justice',
]);

/** The parts of a speaker label such as `MODERATOR (HELEN MARSH)` or `SMITH (Labour)`. */
export interface LabelParts {
  /** The person's name as a reader would write it (`Helen Marsh`), absent for a bare role (`MODERATOR`). */
  name?: string;
  role?: ParticipantRole;
  party?: string;
  /**
   * The transcriber was not sure who spoke: `BUSH (?)`, `UNIDENTIFIED MALE`, `(UNKNOWN)`, `?`. Such a label is a
   * speaker of its own, never merged with the person it may name, so the user decides in review.
   */
  uncertain?: true;
}

// Bracketed notes that say how someone was heard, not who they are or which party they belong to.
const ANNOTATIONS = new Set([
  'voice-over', 'voice over', 'vo', 'v.o.', 'on camera', 'on-camera', 'off camera', 'off-camera', 'oc', 'o.c.', 'off-mic',
  'off mic', 'through translator', 'through interpreter', 'via translator', 'via interpreter', 'translated', 'translation',
  'via telephone', 'via phone', 'by telephone', 'on phone', 'on the phone', 'via satellite', 'via video', 'via video link',
  'live', 'cont', "cont'd", 'continuing', 'reading', 'sic', 'inaudible', 'crosstalk', 'laughs', 'laughing',
]);
const UNKNOWN_WORDS = /^(?:unidentified|unknown|unnamed|unclear|unseen|inaudible)\b/i;

/** The participant role a label word names (`MODERATOR` → moderator, `QUESTION` → audience), if any. */
export function roleForLabel(label: string): ParticipantRole | undefined {
  return ROLE_WORDS.get(label.trim().replace(/[.:]+$/, '').replace(/\s+/g, ' ').toLowerCase());
}

/**
 * Splits a label into name, role and party; an all-capitals name is given ordinary capitals. Network transcripts add
 * a description after a comma (`SEN. BERNIE SANDERS (D-VT), PRESIDENTIAL CANDIDATE`) and how the voice was heard in
 * brackets (`CLINTON (voice-over)`): the description may give the role, the note is dropped.
 */
export const parseSpeakerLabel: (label: string) => Readonly<LabelParts> = memoByString(parseLabel);

function parseLabel(label: string): LabelParts {
  let trimmed = label.trim().replace(/\s+/g, ' ').replace(/[:\s]+$/, '');
  let uncertain = false;
  // `BUSH (?)`, `BUSH(?)`, `(?) BUSH`, `BUSH?`: a name the transcriber was unsure of.
  const query = /\s*\(\s*\?+\s*\)\s*/.exec(trimmed);
  if (query) {
    uncertain = true;
    trimmed = (trimmed.slice(0, query.index) + ' ' + trimmed.slice(query.index + query[0].length)).trim();
  } else if (/\?$/.test(trimmed)) {
    uncertain = true;
    trimmed = trimmed.replace(/\s*\?+$/, '');
  }
  let description: string | undefined;
  const comma = trimmed.indexOf(',');
  if (comma > 0) {
    description = trimmed.slice(comma + 1).trim();
    trimmed = trimmed.slice(0, comma).trim();
  }
  // Notes on how the voice was heard go, wherever they sit.
  trimmed = trimmed.replace(/\s*[([]([^)\]]+)[)\]]/g, (all, inner: string) => (ANNOTATIONS.has(inner.trim().toLowerCase()) ? '' : all)).trim();
  const unnamedUnknown = /^[([]\s*([^)\]]*)[)\]]$/.exec(trimmed);
  if (unnamedUnknown && (UNKNOWN_WORDS.test(unnamedUnknown[1]!) || !unnamedUnknown[1]!.trim())) {
    // `(UNKNOWN)`, `(UNIDENTIFIED MALE)`.
    trimmed = unnamedUnknown[1]!.trim();
    uncertain = true;
  }
  if (!trimmed || UNKNOWN_WORDS.test(trimmed)) {
    return { name: trimmed && !/^(?:unknown|unidentified)$/i.test(trimmed) ? displayName(trimmed) : 'Unknown speaker', uncertain: true };
  }
  const parts = labelParts(trimmed);
  if (description !== undefined && !parts.role) {
    const role = roleOfDescription(description);
    if (role) parts.role = role;
  }
  // `SEN. BERNIE SANDERS` is shown as `Bernie Sanders`; a title stays while it is all there is besides a surname.
  if (parts.name) {
    const words = parts.name.split(' ');
    let drop = 0;
    while (drop < words.length - 2 && HONORIFICS.has(words[drop]!.toLowerCase().replace(/\.$/, ''))) drop++;
    if (drop > 0) parts.name = words.slice(drop).join(' ');
  }
  if (uncertain) {
    // `Bush (?)`: the name keeps its question mark wherever it is shown, until the user says who it is.
    return { name: `${parts.name ?? displayName(trimmed)} (?)`, uncertain: true };
  }
  return parts;
}

function labelParts(trimmed: string): LabelParts {
  const paren = /^(.*?)\s*[([]([^)\]]+)[)\]]$/.exec(trimmed);
  const outer = (paren ? paren[1] : trimmed)?.trim() ?? '';
  const inner = paren?.[2]?.trim();
  const outerRole = outer ? roleForLabel(outer) : undefined;
  if (inner !== undefined) {
    const innerRole = roleForLabel(inner);
    if (outerRole && !innerRole) return { name: displayName(inner), role: outerRole };
    if (innerRole) return outer ? { name: displayName(outer), role: innerRole } : { role: innerRole };
    return { name: displayName(outer), party: inner };
  }
  if (outerRole) return { role: outerRole };
  return { name: displayName(outer) };
}

// `PRESIDENTIAL CANDIDATE`, `FOX NEWS ANCHOR`, `FORMER SECRETARY OF STATE, PRESIDENTIAL CANDIDATE`: the last word that
// names a role.
function roleOfDescription(description: string): ParticipantRole | undefined {
  const words = description.toLowerCase().split(/[\s,]+/);
  for (let i = words.length - 1; i >= 0; i--) {
    const role = ROLE_WORDS.get(words[i]!);
    if (role && words[i] !== 'unidentified') return role;
  }
  return undefined;
}

/** `HELEN MARSH` → `Helen Marsh`, `MCDONNELL` → `McDonnell`; names already in mixed case are kept. */
export function displayName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (clean !== clean.toUpperCase()) return clean;
  return clean.toLowerCase().replace(/(^|[\s'’\-.])(mc|mac(?=[^aeiou\s]{2}))?(\p{L})/gu, (_m, sep: string, prefix: string | undefined, ch: string) =>
    prefix ? `${sep}${prefix[0]!.toUpperCase()}${prefix.slice(1)}${ch.toUpperCase()}` : `${sep}${ch.toUpperCase()}`,
  );
}

/** Lower-case name words without courtesy titles or punctuation: the key that aliases are matched on. */
export const nameKey: (name: string) => readonly string[] = memoByString(nameKeyOf);

function nameKeyOf(name: string): string[] {
  const words = name
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/[\s]+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((w) => w.length > 0);
  const stripped = words.filter((w, i) => !(HONORIFICS.has(w) && i < words.length - 1));
  return stripped.length > 0 ? stripped : words;
}

/** The speakers a registry will hold; a file naming more is no transcript, and review could not show them. */
export const MAX_SPEAKERS = 5_000;
// Name keys kept per speaker for matching; a real speaker has a handful, and every key costs a lookup on each use.
const MAX_KEYS = 16;

/** Entries that share one property (a name key, a surname…); the newest is the one a new label goes to. */
interface Bucket {
  newest: Entry;
  /** How many entries are in it. */
  members: number;
}

interface Entry {
  speaker: ParsedSpeaker;
  /** Every name key seen for this speaker, joined by spaces. */
  keys: string[];
  /** True while the speaker is known only by a role (`MODERATOR`), so a later `MODERATOR (HELEN MARSH)` names them. */
  roleOnly: boolean;
  /** The buckets this entry is in, so that using it makes it the newest of each in one step. */
  buckets: Bucket[];
  /** Lower-case aliases, once there are enough that a scan of the list would cost. */
  aliasSet?: Set<string>;
  lastUsed: number;
}

/**
 * The speakers of one document; ids are `s1`, `s2`, … in order of first appearance. Every way of matching a label
 * (exact key, surname, full name after a surname, first names that agree) is an index lookup, so resolving is
 * constant time however many speakers there are: 200,000 labels once took minutes when each was compared with all.
 */
export class SpeakerRegistry {
  private readonly entries: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  /** `k:<key>` exact keys, `s:<surname>`, `f:<last>|<first>` and `i:<last>|<initial>` for first names that agree. */
  private readonly buckets = new Map<string, Bucket>();
  private readonly roleHolders = new Map<ParticipantRole, Set<Entry>>();
  private readonly unnamedByRole = new Map<ParticipantRole, Set<Entry>>();
  private clock = 0;
  /**
   * Labels already resolved to the one entry whose exact key they carry: while that key names no one else, the same
   * label always resolves the same way, and a transcript repeats its few labels thousands of times.
   */
  private quick = new Map<string, { entry: Entry; bucket: Bucket }>();

  constructor(private readonly idPrefix = 's') {}

  /** How many speakers there are. */
  get size(): number {
    return this.entries.length;
  }

  /** The id of the speaker a label names, adding the speaker (or the alias) when new. */
  resolve(label: string, hint: { role?: ParticipantRole; party?: string } = {}): string {
    const plain = hint.role === undefined && hint.party === undefined;
    if (plain) {
      const known = this.quick.get(label);
      if (known && known.bucket.members === 1) {
        this.touch(known.entry);
        return known.entry.speaker.id;
      }
    }
    const raw = label.trim().replace(/\s+/g, ' ').replace(/:$/, '').trim();
    const parts = parseSpeakerLabel(raw);
    const role = parts.uncertain ? undefined : (parts.role ?? hint.role);
    const party = parts.uncertain ? undefined : (parts.party ?? hint.party);
    let entry = this.match(parts, role);
    if (!entry) {
      const id = `${this.idPrefix}${this.entries.length + 1}`;
      const name = parts.name ?? displayName(raw);
      const speaker: ParsedSpeaker = { id, name, aliases: [] };
      if (parts.uncertain) speaker.uncertain = true;
      entry = { speaker, keys: [], roleOnly: !parts.name, buckets: [], lastUsed: 0 };
      this.entries.push(entry);
      this.byId.set(id, entry);
      if (entry.roleOnly && role) this.setOf(this.unnamedByRole, role).add(entry);
    } else if (parts.name && entry.roleOnly) {
      // The role word was only a stand-in for a name; it stays an alias through the raw label (`MODERATOR`).
      entry.roleOnly = false;
      for (const set of this.unnamedByRole.values()) set.delete(entry);
      entry.speaker.name = parts.name;
      entry.speaker.aliases = entry.speaker.aliases.filter((a) => a !== parts.name);
      entry.aliasSet = undefined;
    } else if (parts.name && !parts.uncertain && nameKey(parts.name).length > nameKey(entry.speaker.name).length) {
      // The fullest form is the best display name: `MARSH` first, then `HELEN MARSH`.
      this.rename(entry, parts.name);
    }
    if (parts.uncertain) this.join(entry, `u:${nameKey(parts.name ?? raw).join(' ')}`);
    else if (parts.name) this.addKey(entry, parts.name);
    if (role && !entry.speaker.role) this.assignRole(entry, role);
    if (party && !entry.speaker.party) entry.speaker.party = party;
    this.addAliasTo(entry, raw);
    this.touch(entry);
    if (plain) {
      const exactKey = parts.uncertain ? `u:${nameKey(parts.name ?? raw).join(' ')}` : parts.name ? `k:${nameKey(parts.name).join(' ')}` : undefined;
      const bucket = exactKey === undefined ? undefined : this.buckets.get(exactKey);
      if (bucket?.newest === entry && bucket.members === 1) {
        if (this.quick.size >= 4096) this.quick = new Map();
        this.quick.set(label, { entry, bucket });
      }
    }
    return entry.speaker.id;
  }

  /** The id a label would resolve to, without adding anything. */
  find(label: string): string | undefined {
    const parts = parseSpeakerLabel(label);
    return this.match(parts, parts.role)?.speaker.id;
  }

  /** Records another name the text uses for a speaker (`The Labour leader`), so `resolve` finds it later. */
  addAlias(id: string, alias: string): void {
    const entry = this.byId.get(id);
    if (!entry) throw new Error(`no speaker ${id}`);
    this.addAliasTo(entry, alias.trim());
    const key = nameKey(alias).join(' ');
    if (key) this.join(entry, `k:${key}`);
    this.touch(entry);
  }

  setRole(id: string, role: ParticipantRole): void {
    const entry = this.byId.get(id);
    if (entry) this.assignRole(entry, role);
  }

  get(id: string): ParsedSpeaker | undefined {
    return this.byId.get(id)?.speaker;
  }

  /** All speakers in order of first appearance (copies, so callers cannot change the registry by accident). */
  list(): ParsedSpeaker[] {
    return this.entries.map(({ speaker }) => ({ ...speaker, aliases: [...speaker.aliases] }));
  }

  private match(parts: LabelParts, role: ParticipantRole | undefined): Entry | undefined {
    if (parts.uncertain) return this.newestIn(`u:${nameKey(parts.name ?? '').join(' ')}`);
    if (!parts.name) {
      // A bare role: the one speaker already holding it, if there is exactly one.
      const holders = role ? this.roleHolders.get(role) : undefined;
      return holders?.size === 1 ? holders.values().next().value : undefined;
    }
    const key = nameKey(parts.name);
    const joined = key.join(' ');
    const exact = this.newestIn(`k:${joined}`);
    if (exact) return exact;
    const last = key[key.length - 1];
    if (last === undefined) return undefined;
    if (key.length === 1) {
      const bySurname = this.newestIn(`s:${last}`);
      if (bySurname) return bySurname;
    } else {
      // A full name after a surname alone (`MARSH`, then `HELEN MARSH`), or after a role alone when the role matches.
      const single = this.newestIn(`k:${last}`);
      if (single) return single;
      const first = key[0]!;
      const agreeing =
        first.length === 1
          ? this.newestIn(`i:${last}|${first}`)
          : newer(this.newestIn(`f:${last}|${first}`), this.newestIn(`f:${last}|${first[0]}`));
      if (agreeing) return agreeing;
    }
    if (role) {
      const unnamed = this.unnamedByRole.get(role);
      if (unnamed?.size === 1) return unnamed.values().next().value;
    }
    return undefined;
  }

  private newestIn(bucketKey: string): Entry | undefined {
    return this.buckets.get(bucketKey)?.newest;
  }

  private rename(entry: Entry, name: string): void {
    const old = entry.speaker.name;
    entry.speaker.name = name;
    entry.speaker.aliases = entry.speaker.aliases.filter((a) => a !== name);
    entry.aliasSet = undefined;
    this.addAliasTo(entry, old);
  }

  private addKey(entry: Entry, name: string): void {
    const key = nameKey(name);
    if (key.length === 0) return;
    const joined = key.join(' ');
    if (entry.keys.includes(joined) || entry.keys.length >= MAX_KEYS) return;
    entry.keys.push(joined);
    const last = key[key.length - 1]!;
    this.join(entry, `k:${joined}`);
    this.join(entry, `s:${last}`);
    if (key.length > 1) {
      const first = key[0]!;
      this.join(entry, `f:${last}|${first}`);
      this.join(entry, `i:${last}|${first[0]}`);
    }
  }

  private join(entry: Entry, bucketKey: string): void {
    let bucket = this.buckets.get(bucketKey);
    if (!bucket) {
      bucket = { newest: entry, members: 0 };
      this.buckets.set(bucketKey, bucket);
    }
    if (!entry.buckets.includes(bucket)) {
      entry.buckets.push(bucket);
      bucket.members++;
    }
  }

  // The entry just used is the newest of every bucket it is in.
  private touch(entry: Entry): void {
    entry.lastUsed = ++this.clock;
    for (const bucket of entry.buckets) bucket.newest = entry;
  }

  private assignRole(entry: Entry, role: ParticipantRole): void {
    const old = entry.speaker.role;
    if (old) this.roleHolders.get(old)?.delete(entry);
    entry.speaker.role = role;
    this.setOf(this.roleHolders, role).add(entry);
    if (entry.roleOnly) {
      if (old) this.unnamedByRole.get(old)?.delete(entry);
      this.setOf(this.unnamedByRole, role).add(entry);
    }
  }

  private setOf(map: Map<ParticipantRole, Set<Entry>>, role: ParticipantRole): Set<Entry> {
    let set = map.get(role);
    if (!set) map.set(role, (set = new Set()));
    return set;
  }

  private addAliasTo(entry: Entry, alias: string): void {
    // Case-only differences (`CORBYN`, `Corbyn`) are one alias to a reader.
    const lower = alias.toLowerCase();
    const aliases = entry.speaker.aliases;
    if (!alias || lower === entry.speaker.name.toLowerCase()) return;
    if (entry.aliasSet ? entry.aliasSet.has(lower) : aliases.some((a) => a.toLowerCase() === lower)) return;
    aliases.push(alias);
    if (entry.aliasSet) entry.aliasSet.add(lower);
    else if (aliases.length > 8) entry.aliasSet = new Set(aliases.map((a) => a.toLowerCase()));
  }
}

function newer(a: Entry | undefined, b: Entry | undefined): Entry | undefined {
  if (!a || !b) return a ?? b;
  return a.lastUsed >= b.lastUsed ? a : b;
}
