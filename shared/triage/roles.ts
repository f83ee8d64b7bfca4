import type { TriageDocumentKind, TriageRole } from './model.js';
import { splitSentences } from './splitSentences.js';

/**
 * Who plays which part in a document that may arrive without roles: moderators and hosts are the ones who ask the
 * questions, speak the short turns, name the other speakers and usually open; labels such as MODERATOR, QUESTION,
 * AUDIENCE or SYSTEM say it outright; the library's participants say it when the debate has them.
 */

/** What role inference needs of a turn. */
export interface RoleTurn {
  /** The speaker's identity within the document (a person id, a parsed speaker id); null for narration or stage. */
  speaker: string | null;
  kind: 'speech' | 'narration' | 'stage';
  text: string;
}

/** What is known of a speaker before looking at the text. */
export interface RoleSpeaker {
  key: string;
  name: string;
  /** The label as written and other names ("MODERATOR (JANE DOE)", "QUESTION"). */
  aliases?: string[];
  /** A role the library or the importer already gave (participants' roles). */
  role?: 'candidate' | 'moderator' | 'panelist' | 'audience';
}

export interface RoleInference {
  roles: Map<string, TriageRole>;
  kind: TriageDocumentKind;
}

const SYSTEM_NAMES = /^(?:system|stage|stage directions?|sound|video|narrator|transcript|transcriber|announcer|voice over|voiceover|unknown)$/;
const AUDIENCE_NAMES =
  /^(?:question|questioner|q|audience|audience members?|crowd|reporter|reporters|journalist|press|unidentified(?: male| female| speaker| man| woman)?|participants?|caller|voter|student|protester|protestor|man|woman|male|female|several|multiple|all|unknown speaker)$/;
const HOST_NAMES = /^(?:moderator|co-?moderator|host|co-?host|presenter|anchor|interviewer|chair|chairman|chairwoman|chairperson)$/;

function nameWords(name: string): string {
  return name
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, ' ')
    .replace(/[^\p{L}\s-]/gu, ' ')
    .replace(/\s+\d+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A role the name alone gives: "SYSTEM", "QUESTION", "MODERATOR (JANE DOE)". */
export function roleFromName(name: string): TriageRole | undefined {
  const whole = nameWords(name);
  const inner = /\(([^)]*)\)|\[([^\]]*)\]/.exec(name.toLowerCase());
  for (const candidate of [whole, inner ? nameWords(inner[1] ?? inner[2] ?? '') : '']) {
    if (!candidate) continue;
    if (SYSTEM_NAMES.test(candidate)) return 'system';
    if (AUDIENCE_NAMES.test(candidate)) return 'audience';
    if (HOST_NAMES.test(candidate)) return 'moderator';
  }
  const first = whole.split(' ')[0] ?? '';
  if (HOST_NAMES.test(first)) return 'moderator';
  if (/^(?:audience|question|questioner|reporter)$/.test(first)) return 'audience';
  return undefined;
}

const QUESTION_END = /\?\s*["'”’)\]]*\s*$/u;

interface Stats {
  sentences: number;
  questions: number;
  turns: number;
  mentions: number;
  first: number;
}

/** Roles for every speaker and the kind of document, from names, known roles and the turns' structure. */
export function inferRoles(turns: readonly RoleTurn[], speakers: readonly RoleSpeaker[], declaredKind?: TriageDocumentKind): RoleInference {
  const roles = new Map<string, TriageRole>();
  const stats = new Map<string, Stats>();
  let previous: string | null = null;
  let speechSentences = 0;
  turns.forEach((turn, i) => {
    if (turn.kind !== 'speech' || turn.speaker === null) {
      previous = null;
      return;
    }
    let s = stats.get(turn.speaker);
    if (!s) {
      s = { sentences: 0, questions: 0, turns: 0, mentions: 0, first: i };
      stats.set(turn.speaker, s);
    }
    const sentences = splitSentences(turn.text)
      .map((x) => x.text)
      .filter((x) => /\p{L}/u.test(x));
    const n = Math.max(1, sentences.length);
    s.sentences += n;
    speechSentences += n;
    s.questions += sentences.filter((x) => QUESTION_END.test(x)).length;
    if (turn.speaker !== previous) s.turns++;
    previous = turn.speaker;
  });

  // Naming the other speakers ("Secretary Clinton, your two minutes") is what moderators do.
  const surnames = new Map<string, RegExp>();
  for (const sp of speakers) {
    const words = nameWords(sp.name).split(' ').filter((w) => w.length > 2);
    const surname = words[words.length - 1];
    if (surname && !roleFromName(sp.name)) surnames.set(sp.key, new RegExp(`\\b${surname.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\\b`, 'iu'));
  }
  for (const turn of turns) {
    if (turn.kind !== 'speech' || turn.speaker === null) continue;
    const s = stats.get(turn.speaker)!;
    for (const [key, pattern] of surnames) if (key !== turn.speaker && pattern.test(turn.text)) s.mentions++;
  }

  const byKey = new Map(speakers.map((s) => [s.key, s]));
  const keys = [...new Set([...speakers.map((s) => s.key), ...stats.keys()])];
  const largest = Math.max(0, ...[...stats.values()].map((s) => s.sentences));
  for (const key of keys) {
    const sp = byKey.get(key);
    const named = [sp?.name ?? '', ...(sp?.aliases ?? [])].map(roleFromName).find((r) => r !== undefined);
    if (named) {
      roles.set(key, named);
      continue;
    }
    if (sp?.role === 'moderator') roles.set(key, 'moderator');
    else if (sp?.role === 'audience') roles.set(key, 'audience');
    else if (sp?.role === 'panelist') roles.set(key, 'panelist');
    else if (sp?.role === 'candidate') roles.set(key, 'candidate');
    else roles.set(key, looksLikeModerator(stats.get(key), largest, speechSentences) ? 'moderator' : 'candidate');
  }

  const kind = declaredKind ?? documentKind(turns, roles, stats, speechSentences);
  if (kind === 'interview') for (const [key, role] of roles) if (role === 'moderator') roles.set(key, 'host');
  return { roles, kind };
}

/**
 * Moderators ask (a tenth or more of their sentences are questions), speak in short turns, name the others, and
 * open the programme. Whoever says the most, or a third of the document, must show it more clearly.
 */
function looksLikeModerator(s: Stats | undefined, largest: number, total: number): boolean {
  if (!s || s.sentences < 3) return false;
  const needed = s.sentences === largest || s.sentences > total * 0.35 ? 3.5 : 2.8;
  const questions = Math.min(2, s.questions / s.sentences / 0.1);
  const mentions = Math.min(1.5, s.mentions / s.sentences / 0.15);
  const shortTurns = s.sentences / s.turns <= 2.6 ? 1 : 0;
  const opens = s.first <= 2 ? 0.5 : 0;
  return questions + mentions + shortTurns + opens >= needed;
}

function documentKind(turns: readonly RoleTurn[], roles: Map<string, TriageRole>, stats: Map<string, Stats>, total: number): TriageDocumentKind {
  const narration = turns.filter((t) => t.kind === 'narration').length;
  const speech = turns.filter((t) => t.kind === 'speech').length;
  if (narration > speech) return 'article';
  const talkers = [...stats.entries()].filter(([key]) => roles.get(key) === 'candidate' || roles.get(key) === 'panelist');
  const main = Math.max(0, ...talkers.map(([, s]) => s.sentences));
  if (talkers.filter(([, s]) => s.sentences >= total * 0.1).length >= 2) return 'debate';
  const askers = [...roles.values()].filter((r) => r === 'moderator' || r === 'audience').length;
  if (main >= total * 0.85 && askers === 0) return 'speech';
  return askers > 0 ? 'interview' : 'speech';
}
