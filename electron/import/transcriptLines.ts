import { parseTimecode } from './parseTimecode.js';
import { memoByString } from './memo.js';
import { parseSpeakerLabel } from './speakers.js';

/**
 * One line of a plain-text transcript, read without building anything for the whole file: a timestamp in front,
 * stage directions in front (`(APPLAUSE) RUBIO: …`), a speaker label and what follows it. The transcript reader
 * calls this twice per line (once to learn the document's speakers, once to build turns), so it allocates little
 * and runs no regular expression over the whole of a line unless the line asks for it.
 */

/** What a line is; `rest` is the text after the label, or the whole text. */
export interface LineInfo {
  kind: 'blank' | 'label' | 'stage' | 'time' | 'text';
  /** Stage directions in front of the label or the text, in order (`(APPLAUSE)`). */
  stages: string[];
  label: string;
  rest: string;
  start: number | undefined;
}

const TIME = String.raw`\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
const LEADING_TIME = new RegExp(String.raw`^(?:\[(${TIME})\]|\((${TIME})\)|(\d{1,3}:\d{2}:\d{2}(?:[.,]\d{1,3})?)(?=\s|$))\s*`);
// A time between label and colon: `CORBYN [00:12:31]:`, `Speaker 1 (00:12):`.
const TRAILING_TIME = new RegExp(String.raw`\s*[\[(](${TIME})[\])]\s*$`);
// A whole line in brackets is a stage direction (`(Translated from Spanish)`, `[Music]`) unless it is a time.
const WHOLE_BRACKET = /^[[(]([^[\]()]{1,80})[\])]\.?$/;

// Notes on what happened in the room. Anywhere in a line they are split out of the speech; at the start or the end of
// a line the wider set below counts too, with a few more words (`(BEGIN VIDEO CLIP)`, `[crosstalk 00:12:31]`).
const EVENT_WORDS = new Set(
  (
    'applause applauding applauds laughter laughs laughing laugh crosstalk cross-talk booing boos boo cheering cheers ' +
    'cheer shouting shouts interruption interrupts interrupting bell bells buzzer gavel gasps gasp coughs coughing ' +
    'clapping claps groans groaning jeers jeering heckling heckler chanting chants sighs sigh silence pause pauses music ' +
    'beeping beep commotion murmuring murmurs whistling whistles overlapping simultaneous'
  ).split(' '),
);
const NOTE_WORDS = new Set(
  (
    'begin end commercial break video videotape audio speaking foreign audience crowd protest protesters protestors ' +
    'sound sounds noise technical recess static phone ringing knocking singing cut musical start starts intermission ' +
    'translated translation voice-over voiceover no long brief moment silent nods crying cries whispers whispering clears'
  ).split(' '),
);
// Gaps in what the transcriber heard belong to the sentence they sit in: `because (inaudible) the plan`. Only a line
// (or a speech) that is nothing but such notes makes them stage turns.
const GAP_WORDS = new Set(
  'inaudible unintelligible indiscernible incomprehensible unclear garbled muffled off-mic off sic ph phonetic'.split(' '),
);
const STAGE_TAIL = /^[\p{L}\d:.,'’&/-]*$/u;

/**
 * Whether a bracketed note (without its brackets) is a stage direction: `mid` inside speech, `edge` at the start or
 * the end of a line, `alone` when the line holds nothing else.
 */
export function isStageNote(content: string, where: 'mid' | 'edge' | 'alone'): boolean {
  const c = content.trim().replace(/\.$/, '');
  if (!c || c.length > 60 || parseTimecode(c) !== undefined) return false;
  const words = c.split(/[\s,;]+/);
  if (words.length > 8) return false;
  const first = words[0]!.toLowerCase();
  const event = EVENT_WORDS.has(first);
  const allowed = event || (where !== 'mid' && NOTE_WORDS.has(first)) || (where === 'alone' && GAP_WORDS.has(first));
  if (!allowed) return false;
  // `(APPLAUSE CHEERING)`, `(BELL RINGING)`, `[crosstalk 00:12:31]`; never a sentence that happens to start so.
  const allCaps = c === c.toUpperCase();
  if (!allCaps && words.length > (event ? 3 : 2)) return false;
  return words.every((w) => STAGE_TAIL.test(w));
}

const BARE_STAGE = new Set(
  (
    'APPLAUSE|LAUGHTER|LAUGHS|CROSSTALK|CROSS-TALK|INAUDIBLE|UNINTELLIGIBLE|BOOING|BOOS|CHEERING|CHEERS|CHEERS AND APPLAUSE|' +
    'APPLAUSE AND CHEERS|SHOUTING|INTERRUPTION|INTERRUPTS|BELL RINGS|BELL RINGING|BELL|BUZZER|MUSIC|SILENCE|PAUSE|OFF-MIC|' +
    'OFF MIC|COMMERCIAL BREAK|BREAK|END VIDEO CLIP|BEGIN VIDEO CLIP|VIDEO CLIP|GAVEL|SIGHS|SPEAKING FOREIGN LANGUAGE|NO AUDIO'
  ).split('|'),
);

// Words that begin header lines (`Date:`, `Venue:`, `Transcript:`) or sentences, never a speaker's name.
const NOT_SPEAKERS = new Set(
  (
    'note notes transcript date time venue location place source sources title subject update updated published posted ' +
    'by from to re fwd cc copyright editor editors editor\'s photo image picture video audio watch read related tags tag ' +
    'summary topic topics warning caution disclaimer introduction conclusion part section chapter episode page broadcast ' +
    'recorded held filed dateline correction clarification keywords category language format duration runtime length ' +
    'transcribed participants speakers moderators panelists panellists present attendees opening closing segment round ' +
    'breaking live more exclusive analysis opinion editorial comment comments reply answer he she they it this that these ' +
    'those there we i you and but so yes no well now here example also however meanwhile thus today yesterday tonight ' +
    'tomorrow then when where what why how who which if as at in on of for with about after before during ' +
    'http https www mailto file url link email e-mail tel phone fax address contact'
  ).split(/\s+/),
);
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'la', 'le', 'da', 'di', 'du', 'del', 'bin', 'al', 'y', 'of', 'the', 'and']);
// `Speaker 1`, `Participant 2`, `Audience Member 3`: the numbered voices of rev.com-style transcripts.
const NUMBERED_VOICE =
  /^(?:[\p{L}]+ )?(?:speaker|participant|voice|male|female|man|woman|person|interviewer|interviewee|respondent|caller|guest|reporter|questioner|journalist|member|panelist|panellist|moderator|host|student|child|audience)\s?#?\d{1,3}$/iu;
const UNCERTAIN_ALONE = /^(?:\?+|\(\s*\?*\s*\)|[([]\s*(?:unknown|unidentified|unclear|inaudible)[^)\]]{0,30}[)\]])$/i;

/** Whether a string has the shape of a speaker label: one to five capitalised name words, maybe a role or party in brackets. */
export const isSpeakerLabel: (label: string) => boolean = memoByString(speakerLabelShape);

function speakerLabelShape(label: string): boolean {
  let s = label.trim();
  if (s.length < 1 || s.length > 80) return false;
  if (UNCERTAIN_ALONE.test(s)) return true;
  // `BUSH (?)`, `BUSH(?)`: a name with a question mark is a name first.
  s = s.replace(/\s*\(\s*\?+\s*\)$/, '');
  if (s.length < 2) return false;
  if (NUMBERED_VOICE.test(s)) return true;
  // `SEN. BERNIE SANDERS (D-VT), PRESIDENTIAL CANDIDATE`: network transcripts describe a guest after a comma, in capitals.
  const comma = s.indexOf(',');
  if (comma > 0) {
    const description = s.slice(comma + 1).trim();
    if (s !== s.toUpperCase() || !/^[\p{Lu}][\p{Lu}\s.,'’&()-]{0,60}$/u.test(description) || description.split(/\s+/).length > 8) return false;
    s = s.slice(0, comma).trim();
  }
  const m = /^([^()[\]]+?)(?:\s*[([]([\p{L}\s.'’\-]{1,40})[)\]])?$/u.exec(s);
  if (!m) return false;
  const words = m[1]!.trim().split(' ');
  if (words.length < 1 || words.length > 5) return false;
  const first = words[0]!;
  if (NOT_SPEAKERS.has(first.toLowerCase()) || NOT_SPEAKERS.has(first.toLowerCase().replace(/[.:]$/, ''))) return false;
  if (words.length === 1 && first.replace(/[^\p{L}]/gu, '').length < 2) return false;
  return words.every((w, i) => {
    if (!/^[\p{L}][\p{L}.'’\-]*$/u.test(w)) return false;
    if (/^\p{Lu}/u.test(w)) return true;
    return i > 0 && PARTICLES.has(w.toLowerCase());
  });
}

/** A line with Markdown's marks taken off. */
export function stripMarkdown(line: string): string {
  // Each replacement is a pass over the line, so each runs only when the engine's own search finds its mark.
  let out = line;
  const start = out.trimStart();
  const lead = start.charCodeAt(0);
  if (lead === 35) out = out.replace(/^\s{0,3}#{1,6}\s+/, '');
  if (lead === 62) out = out.replace(/^\s{0,3}>\s?/, '');
  if (lead === 45 || lead === 42 || lead === 43 || lead === 95) {
    if (out.length <= 40 && /^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/.test(out)) return '';
    // A list marker is followed by white space; `**CORBYN:**`, on every line of many transcripts, is not one.
    if (lead !== 95 && mayBeSpace(start.charCodeAt(1))) out = out.replace(/^\s{0,3}[-*+]\s+(?=\S)/, '');
  }
  if (out.indexOf('**') !== -1) out = out.replace(/\*\*(.+?)\*\*/g, '$1');
  if (out.indexOf('__') !== -1) out = out.replace(/__(.+?)__/g, '$1');
  if (out.indexOf('](') !== -1) out = out.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
  if (out.indexOf('\\') !== -1) out = out.replace(/\\([[\]()*_#>\\-])/g, '$1');
  return out;
}

/**
 * The line as the reader sees it: Markdown marks off (when asked), runs of spaces, tabs, non-breaking spaces and
 * carriage returns as one space, trimmed. Rarer spaces (em, ideographic…) are left in speech as written, and taken
 * out of labels where they matter (see labelAtStart).
 */
export function cleanLine(raw: string, markdown: boolean): string {
  return lineCleaner(raw, markdown)(raw);
}

const TWO_SPACES = / {2}/;

/**
 * A cleanLine for every line of one text. It asks the whole text once, with the engine's own search, whether it holds
 * two spaces in a row, a tab, a non-breaking space or a carriage return at all, and then looks in each line only for
 * what the text holds: this is the hottest line of an import, and most transcripts hold none of them.
 */
export function lineCleaner(text: string, markdown: boolean): (raw: string) => string {
  const tab = text.indexOf('\t') !== -1;
  const nbsp = text.indexOf('\u00a0') !== -1;
  const cr = text.indexOf('\r') !== -1;
  // Two spaces in a row are found faster by the regular expression engine than by indexOf, which stops at every space.
  const two = TWO_SPACES.test(text);
  const any = tab || nbsp || cr || two;
  return (raw: string): string => {
    let line = markdown ? stripMarkdown(raw) : raw;
    if (any && ((tab && line.indexOf('\t') !== -1) || (nbsp && line.indexOf('\u00a0') !== -1) || (cr && line.indexOf('\r') !== -1) || (two && line.indexOf('  ') !== -1))) {
      line = line.replace(/[ \t\u00a0\r]+/g, ' ');
    }
    const m = line.length;
    if (m > 0 && (isSpace(line.charCodeAt(0)) || isSpace(line.charCodeAt(m - 1)))) line = line.trim();
    return line;
  };
}

// Whether a character may be white space: the ASCII ones, or any beyond ASCII.
function mayBeSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code >= 127;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 160 || code === 11 || code === 12 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

/** Calls `visit` with every line of `text` (without its `\n`), without splitting the text into an array first. */
export function forEachLine(text: string, visit: (line: string) => void): void {
  let at = 0;
  const n = text.length;
  while (at <= n) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = n;
    visit(text.slice(at, end));
    at = end + 1;
  }
}

/** Reads one cleaned line into `out` (reused from line to line, so reading a file allocates per label, not per line). */
export function readLine(line: string, out: LineInfo): LineInfo {
  if (out.stages.length > 0) out.stages.length = 0;
  out.label = '';
  out.rest = '';
  out.start = undefined;
  if (!line) {
    out.kind = 'blank';
    return out;
  }
  let rest = line;
  const c0 = rest.charCodeAt(0);
  // A timestamp in front: `[00:12:31]`, `(00:12)`, `00:12:31`.
  if (c0 === 91 && rest.charCodeAt(9) === 93 && rest.charCodeAt(10) === 32) {
    // `[00:12:31] `, the usual shape, without the regular expression.
    const start = parseTimecode(rest.slice(1, 9));
    if (start !== undefined) {
      out.start = start;
      rest = rest.slice(11);
    }
  }
  if (out.start === undefined && (c0 === 91 || c0 === 40 || (c0 >= 48 && c0 <= 57))) {
    const ts = LEADING_TIME.exec(rest);
    if (ts) {
      const start = parseTimecode(ts[1] ?? ts[2] ?? ts[3] ?? '');
      if (start !== undefined) {
        out.start = start;
        rest = rest.slice(ts[0].length);
      }
    }
  }
  if (!rest) {
    out.kind = out.start === undefined ? 'text' : 'time';
    if (out.start === undefined) out.rest = line;
    return out;
  }
  // A line that is one bracketed note, or a bare `APPLAUSE`.
  const whole = WHOLE_BRACKET.exec(rest);
  if ((whole && parseTimecode(whole[1]!) === undefined) || (rest.length <= 30 && BARE_STAGE.has(rest.replace(/\.$/, '')))) {
    out.kind = 'stage';
    out.stages.push(rest);
    return out;
  }
  // Stage directions in front of a label or of speech: `(APPLAUSE) RUBIO: …`, `(LAUGHTER) That's right.`
  while (rest.charCodeAt(0) === 40 || rest.charCodeAt(0) === 91) {
    const close = rest.indexOf(rest.charCodeAt(0) === 40 ? ')' : ']');
    if (close < 0 || close > 62 || !isStageNote(rest.slice(1, close), 'edge')) break;
    out.stages.push(rest.slice(0, close + 1));
    rest = rest.slice(close + 1).trimStart();
  }
  if (!rest) {
    out.kind = 'stage';
    return out;
  }
  const label = labelAtStart(rest);
  if (label) {
    out.kind = 'label';
    out.label = label.label;
    let body = label.body;
    let own = label.time;
    const inner = body.charCodeAt(0) === 91 || body.charCodeAt(0) === 40 || isDigit(body.charCodeAt(0)) ? LEADING_TIME.exec(body) : null;
    if (inner) {
      const t = parseTimecode(inner[1] ?? inner[2] ?? inner[3] ?? '');
      if (t !== undefined) {
        own ??= t;
        body = body.slice(inner[0].length);
      }
    }
    out.start ??= own;
    out.rest = body;
    return out;
  }
  out.kind = 'text';
  out.rest = rest;
  return out;
}

/**
 * The label at the start of a line: up to the first colon not followed by a digit (a time such as `10:30` is no
 * label's end), within the first hundred characters, when what stands before it is a speaker label.
 */
export function labelAtStart(line: string): { label: string; body: string; time: number | undefined } | undefined {
  const limit = Math.min(line.length, 100);
  let colon = line.indexOf(':');
  while (colon !== -1 && colon < limit) {
    if (!isDigit(line.charCodeAt(colon + 1)) && colon > 0) {
      let label = line.slice(0, colon);
      let time: number | undefined;
      const t = label.charCodeAt(label.length - 1 - (label.endsWith(' ') ? 1 : 0));
      if (t === 93 || t === 41) {
        const m = TRAILING_TIME.exec(label);
        if (m) {
          time = parseTimecode(m[1]!);
          label = label.slice(0, m.index);
        }
      }
      label = cleanLabel(label);
      if (label === '') return undefined;
      return { label, body: line.slice(colon + 1).trim(), time };
    }
    colon = line.indexOf(':', colon + 1);
  }
  return undefined;
}

// The text before a colon as a label (white space tidied), or '' when it is none; remembered per distinct text.
const cleanLabel = memoByString((candidate: string): string => {
  let label = candidate.trim();
  if (/[^\S ]| {2}/.test(label)) label = label.replace(/\s+/g, ' ');
  return label.length === 0 || label.length > 80 || !isSpeakerLabel(label) ? '' : label;
});

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

// Organisations, countries and common abbreviations that a sentence can open with (`NATO: …`), never a voice.
const ACRONYMS = new Set(
  (
    'NATO UN EU US USA UK GB GDP GNP NHS FBI CIA NSA ISIS ISIL IRS EPA NASA OPEC IMF WTO WHO NAFTA TPP ACA VA DOJ DHS ICE ' +
    'TSA CDC FDA FEMA GOP DNC RNC CNN BBC NBC CBS ABC MSNBC FOX NPR PBS AP NYT OK TV CEO AI COVID AIDS HIV DNA LGBT ' +
    'LGBTQ PS NB FYI FAQ ID USSR UAE NRA ACLU SEC FCC NIH OECD BREXIT UKIP SNP DUP IRA PLO OSCE ECB ICC IAEA KGB MI5 MI6 ' +
    'PM MP MPS QC KC BC AD AM PM ET PT GMT UTC EST PST NOTE NB URL PDF Q A'
  ).split(' '),
);

/** What the whole document says about its labels, learnt before any line is split at a label in mid-line. */
export interface KnownLabels {
  /** Name keys (`clinton`, `hillary clinton`, `moderator`) of every label that starts a line somewhere. */
  keys: Set<string>;
  /** The last word of each of those keys. */
  surnames: Set<string>;
  /** Most labels at the start of lines are in capitals (`BLITZER:`), as network transcripts write them. */
  capitals: boolean;
}

/** A label in the middle of a line: where its text starts, the label, and where the speech after its colon starts. */
export interface MidLabel {
  from: number;
  label: string;
  to: number;
}

const TITLE_ABBREVIATIONS = new Set(
  ['mr.', 'mrs.', 'ms.', 'dr.', 'sen.', 'gov.', 'rep.', 'rev.', 'prof.', 'gen.', 'col.', 'lt.', 'sgt.', 'capt.', 'hon.', 'st.', 'jr.', 'sr.', 'pres.', 'amb.', 'adm.', 'maj.', 'supt.', 'insp.', 'det.', 'cllr.'],
);
const BOUNDARY_BEFORE = new Set(['.', '!', '?', '…', '-', '—', '–', '"', '”', '’', "'", ')', ']', ';']);

/**
 * The labels inside one line of speech (`… a public use. TRUMP: Real -- a public use?`), in order. A label counts when
 * it follows the end of a sentence or a dash, sits outside quotation marks, and is either a speaker the document
 * labels at the start of a line, or (in a document labelled in capitals) a name, role or unknown voice in capitals
 * that is no organisation (`NATO: …` stays text).
 */
export function findMidLineLabels(text: string, known: KnownLabels): MidLabel[] {
  const out: MidLabel[] = [];
  let colon = text.indexOf(':');
  if (colon === -1) return out;
  const quotes = new QuoteState(text);
  while (colon !== -1) {
    const next = text.charCodeAt(colon + 1);
    // `TRUMP: Real`: a space (or the end) after the colon, and a letter or closing bracket before it.
    if ((next === 32 || Number.isNaN(next)) && colon > 0) {
      const found = labelEndingAt(text, colon, known);
      if (found && !quotes.inside(found.from)) {
        out.push(found);
      }
    }
    colon = text.indexOf(':', colon + 1);
  }
  return out;
}

function labelEndingAt(text: string, colon: number, known: KnownLabels): MidLabel | undefined {
  const before = text.charCodeAt(colon - 1);
  // Cheap refusals first: a label ends in a letter, `.`, `)`, `]` or `?` (`BUSH (?)`, `?:`).
  if (!(isLetter(before) || before === 41 || before === 46 || before === 63 || before === 93)) return undefined;
  // Walk back over at most eight words and a hundred characters, trying each word start that follows a boundary.
  const floor = Math.max(0, colon - 100);
  let best: MidLabel | undefined;
  let wordEnd = colon;
  let capitalsOnly = true;
  for (let words = 0; words < 8 && wordEnd > floor; words++) {
    let space = wordEnd - 1;
    while (space >= floor && text.charCodeAt(space) !== 32) space--;
    if (space < floor && floor > 0) break;
    const start = space + 1;
    const word = text.slice(start, wordEnd);
    if (!word || !labelWord(word)) break;
    if (wordEnd === colon) capitalsOnly = word === word.toUpperCase();
    // `AMERICA.` ends a sentence; `SEN.`, `MR.` and `J.` do not.
    if (wordEnd < colon && /[.!?]$/.test(word) && !/^(?:\p{L}\.|\(\?+\))$/u.test(word) && !TITLE_ABBREVIATIONS.has(word.toLowerCase())) break;
    // A label is written in one case: `Jon. QUESTION` is a sentence's end and a label.
    if (wordEnd < colon && capitalsOnly !== (word === word.toUpperCase())) break;
    const prev = text[start - 2] ?? '';
    if (start === 0 || BOUNDARY_BEFORE.has(prev) || prev === ',' || isBoundaryToken(text, start - 1)) {
      // After a comma (`…, sir, TRUMP:`) only a speaker the document labels elsewhere counts.
      const candidate = text.slice(start, colon).trim();
      if (qualifies(candidate, known, nextNonSpace(text, colon + 1), prev === ',')) best = { from: start, label: candidate, to: colon + 1 };
    }
    if (start === 0) break;
    wordEnd = space;
  }
  return best;
}

// `—` or `--` standing alone before the label: `Mr. President — TRUMP:`.
function isBoundaryToken(text: string, space: number): boolean {
  let prev = space - 1;
  while (prev >= 0 && space - prev <= 4 && text.charCodeAt(prev) !== 32) prev--;
  const token = text.slice(prev + 1, space);
  return token.length > 0 && token.length <= 3 && /^[-—–.…]+$/.test(token);
}

function labelWord(word: string): boolean {
  // Name words, initials, honorifics (`SEN.`), brackets (`(D-VT)`, `(?)`), `?`, a description after a comma.
  return /^[\p{L}(?][\p{L}\p{N}.'’\-(),?]*$/u.test(word);
}

function qualifies(candidate: string, known: KnownLabels, after: number, knownOnly: boolean): boolean {
  if (!isSpeakerLabel(candidate)) return false;
  const parts = parseSpeakerLabel(candidate);
  const keyWords = nameWords(parts.uncertain ? candidate.replace(/\(\s*\?+\s*\)|\?+$/g, '') : candidate);
  const key = keyWords.join(' ');
  const last = keyWords[keyWords.length - 1];
  const isKnown =
    (key !== '' && known.keys.has(key)) ||
    (parts.name !== undefined && nameWords(parts.name).join(' ') !== '' && known.keys.has(nameWords(parts.name).join(' '))) ||
    (last !== undefined && keyWords.length === 1 && known.surnames.has(last)) ||
    (last !== undefined && keyWords.length > 1 && known.keys.has(last));
  if (isKnown) return true;
  if (knownOnly || !known.capitals || candidate !== candidate.toUpperCase() || !/\p{Lu}|\?/u.test(candidate)) return false;
  // Speech after a label starts as a sentence does, never in lower case.
  if (after >= 97 && after <= 122) return false;
  if (parts.uncertain || parts.role) return true;
  const bare = candidate.replace(/[^\p{L}\s'’-]/gu, ' ').trim();
  if (ACRONYMS.has(bare) || bare.split(/\s+/).every((w) => ACRONYMS.has(w))) return false;
  // A name in capitals: at least three letters with a vowel (`TRUMP`, `MR. SCHWAB`), not an abbreviation.
  return /[AEIOUY]/.test(bare) && bare.replace(/[^\p{L}]/gu, '').length >= 3;
}

const HONORIFIC_WORDS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend', 'hon',
  'rt', 'sen', 'senator', 'gov', 'governor', 'rep', 'representative', 'congressman', 'congresswoman', 'president',
  'secretary', 'mayor', 'judge', 'justice',
]);

/** Whether a label is written in capitals (`BLITZER`, `MODERATOR (HELEN MARSH)`). */
export const inCapitals: (label: string) => boolean = memoByString((label) => label === label.toUpperCase() && /\p{Lu}/u.test(label));

/** Lower-case words of a label's name part, without honorifics, brackets or a description (the registry's key). */
export const nameWords: (label: string) => readonly string[] = memoByString(nameWordsOf);

function nameWordsOf(label: string): string[] {
  let s = label;
  const comma = s.indexOf(',');
  if (comma > 0) s = s.slice(0, comma);
  s = s.replace(/[([][^)\]]*[)\]]/g, ' ');
  const words = s
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((w) => w.length > 0);
  const stripped = words.filter((w, i) => !(HONORIFIC_WORDS.has(w) && i < words.length - 1));
  return stripped.length > 0 ? stripped : words;
}

function nextNonSpace(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === 32) i++;
  return text.charCodeAt(i);
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127;
}

/**
 * Whether a position is inside a quotation, answered left to right in one pass over the line. Straight quotes pair
 * up in order; an opening mark with no closing one after it in the line opens nothing, so one stray quote does not
 * silence the rest of the line. Every search remembers what it found, so a line is read once whatever is asked.
 */
class QuoteState {
  private at = 0;
  private closeAt = -1;
  private readonly next = new Map<string, number>();

  constructor(private readonly text: string) {}

  inside(position: number): boolean {
    while (this.at < position) {
      if (this.closeAt >= this.at) {
        if (this.closeAt >= position) return true;
        this.at = this.closeAt + 1;
        continue;
      }
      const straight = this.find('"', this.at);
      const curly = this.find('“', this.at);
      const open = straight === -1 ? curly : curly === -1 ? straight : Math.min(straight, curly);
      if (open === -1 || open >= position) {
        this.at = position;
        break;
      }
      const closer = this.find(open === straight ? '"' : '”', open + 1);
      this.at = open + 1;
      if (closer !== -1) this.closeAt = closer;
    }
    return this.closeAt >= position && this.at <= position;
  }

  // The next `mark` at or after `from`; a search is only repeated once the position passes what it found.
  private find(mark: string, from: number): number {
    const cached = this.next.get(mark);
    if (cached !== undefined && (cached === -1 || cached >= from)) return cached;
    const found = this.text.indexOf(mark, from);
    this.next.set(mark, found);
    return found;
  }
}
