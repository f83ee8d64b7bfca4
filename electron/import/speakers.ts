import type { ParticipantRole } from '../../shared/model.js';
import type { ParsedSpeaker } from '../../shared/import/parsedDocument.js';

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
}

/** The participant role a label word names (`MODERATOR` → moderator, `QUESTION` → audience), if any. */
export function roleForLabel(label: string): ParticipantRole | undefined {
  return ROLE_WORDS.get(label.trim().replace(/[.:]+$/, '').replace(/\s+/g, ' ').toLowerCase());
}

/** Splits a label into name, role and party; an all-capitals name is given ordinary capitals. */
export function parseSpeakerLabel(label: string): LabelParts {
  const trimmed = label.trim().replace(/\s+/g, ' ').replace(/[:\s]+$/, '');
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

/** `HELEN MARSH` → `Helen Marsh`, `MCDONNELL` → `McDonnell`; names already in mixed case are kept. */
export function displayName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (clean !== clean.toUpperCase()) return clean;
  return clean.toLowerCase().replace(/(^|[\s'’\-.])(mc|mac(?=[^aeiou\s]{2}))?(\p{L})/gu, (_m, sep: string, prefix: string | undefined, ch: string) =>
    prefix ? `${sep}${prefix[0]!.toUpperCase()}${prefix.slice(1)}${ch.toUpperCase()}` : `${sep}${ch.toUpperCase()}`,
  );
}

/** Lower-case name words without courtesy titles or punctuation: the key that aliases are matched on. */
export function nameKey(name: string): string[] {
  const words = name
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/[\s]+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((w) => w.length > 0);
  const stripped = words.filter((w, i) => !(HONORIFICS.has(w) && i < words.length - 1));
  return stripped.length > 0 ? stripped : words;
}

interface Entry {
  speaker: ParsedSpeaker;
  /** Every name key seen for this speaker, joined by spaces. */
  keys: Set<string>;
  /** Surnames: the last word of every key of two or more words, and single-word keys. */
  surnames: Set<string>;
  /** True while the speaker is known only by a role (`MODERATOR`), so a later `MODERATOR (HELEN MARSH)` names them. */
  roleOnly: boolean;
  lastUsed: number;
}

/** The speakers of one document; ids are `s1`, `s2`, … in order of first appearance. */
export class SpeakerRegistry {
  private readonly entries: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  private clock = 0;

  constructor(private readonly idPrefix = 's') {}

  /** The id of the speaker a label names, adding the speaker (or the alias) when new. */
  resolve(label: string, hint: { role?: ParticipantRole; party?: string } = {}): string {
    const raw = label.trim().replace(/\s+/g, ' ').replace(/:$/, '').trim();
    const parts = parseSpeakerLabel(raw);
    const role = parts.role ?? hint.role;
    const party = parts.party ?? hint.party;
    let entry = this.match(parts, role);
    if (!entry) {
      const id = `${this.idPrefix}${this.entries.length + 1}`;
      const name = parts.name ?? displayName(raw);
      entry = { speaker: { id, name, aliases: [] }, keys: new Set(), surnames: new Set(), roleOnly: !parts.name, lastUsed: 0 };
      this.entries.push(entry);
      this.byId.set(id, entry);
    } else if (parts.name && entry.roleOnly) {
      // The role word was only a stand-in for a name; it stays an alias through the raw label (`MODERATOR`).
      entry.roleOnly = false;
      entry.speaker.name = parts.name;
      entry.speaker.aliases = entry.speaker.aliases.filter((a) => a !== parts.name);
    } else if (parts.name && nameKey(parts.name).length > nameKey(entry.speaker.name).length) {
      // The fullest form is the best display name: `MARSH` first, then `HELEN MARSH`.
      this.rename(entry, parts.name);
    }
    if (parts.name) this.addKey(entry, parts.name);
    if (role && !entry.speaker.role) entry.speaker.role = role;
    if (party && !entry.speaker.party) entry.speaker.party = party;
    this.addAliasTo(entry, raw);
    entry.lastUsed = ++this.clock;
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
    if (key) entry.keys.add(key);
  }

  setRole(id: string, role: ParticipantRole): void {
    const entry = this.byId.get(id);
    if (entry) entry.speaker.role = role;
  }

  get(id: string): ParsedSpeaker | undefined {
    return this.byId.get(id)?.speaker;
  }

  /** All speakers in order of first appearance (copies, so callers cannot change the registry by accident). */
  list(): ParsedSpeaker[] {
    return this.entries.map(({ speaker }) => ({ ...speaker, aliases: [...speaker.aliases] }));
  }

  private match(parts: LabelParts, role: ParticipantRole | undefined): Entry | undefined {
    if (!parts.name) {
      // A bare role: the one speaker already holding it, if there is exactly one.
      const holders = this.entries.filter((e) => role && e.speaker.role === role);
      return holders.length === 1 ? holders[0] : undefined;
    }
    const key = nameKey(parts.name);
    const joined = key.join(' ');
    const exact = this.entries.filter((e) => e.keys.has(joined));
    if (exact.length > 0) return newest(exact);
    const last = key[key.length - 1];
    if (last === undefined) return undefined;
    if (key.length === 1) {
      const bySurname = this.entries.filter((e) => e.surnames.has(last));
      if (bySurname.length > 0) return newest(bySurname);
    } else {
      // A full name after a surname alone (`MARSH`, then `HELEN MARSH`), or after a role alone when the role matches.
      const single = this.entries.filter((e) => e.keys.has(last));
      if (single.length > 0) return newest(single);
      const sameFull = this.entries.filter((e) => [...e.keys].some((k) => k.split(' ').length > 1 && k.endsWith(` ${last}`) && firstNamesAgree(k, joined)));
      if (sameFull.length > 0) return newest(sameFull);
    }
    if (role) {
      const unnamed = this.entries.filter((e) => e.roleOnly && e.speaker.role === role);
      if (unnamed.length === 1) return unnamed[0];
    }
    return undefined;
  }

  private rename(entry: Entry, name: string): void {
    const old = entry.speaker.name;
    entry.speaker.name = name;
    entry.speaker.aliases = entry.speaker.aliases.filter((a) => a !== name);
    this.addAliasTo(entry, old);
  }

  private addKey(entry: Entry, name: string): void {
    const key = nameKey(name);
    if (key.length === 0) return;
    entry.keys.add(key.join(' '));
    entry.surnames.add(key[key.length - 1]!);
  }

  private addAliasTo(entry: Entry, alias: string): void {
    // Case-only differences (`CORBYN`, `Corbyn`) are one alias to a reader.
    const lower = alias.toLowerCase();
    if (!alias || lower === entry.speaker.name.toLowerCase() || entry.speaker.aliases.some((a) => a.toLowerCase() === lower)) return;
    entry.speaker.aliases.push(alias);
  }
}

function newest(entries: Entry[]): Entry | undefined {
  return entries.reduce<Entry | undefined>((best, e) => (!best || e.lastUsed > best.lastUsed ? e : best), undefined);
}

// `J. Smith` and `John Smith` agree; `Jane Smith` and `John Smith` do not.
function firstNamesAgree(a: string, b: string): boolean {
  const fa = a.split(' ')[0] ?? '';
  const fb = b.split(' ')[0] ?? '';
  return fa === fb || (fa.length === 1 && fb.startsWith(fa)) || (fb.length === 1 && fa.startsWith(fb));
}
