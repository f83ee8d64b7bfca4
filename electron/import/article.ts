import type { DocumentFormat } from '../../shared/model.js';
import type { ParsedDocument, ParsedQuote, ParsedSpeaker, ParsedTurn } from '../../shared/import/parsedDocument.js';
import { ArticlePeople, type ArticlePerson, type Mention } from './articlePeople.js';
import { findQuotes, splitSentences, type QuoteSpan } from './articleQuotes.js';
import { ImportError } from './importError.js';
import { findDateInText } from './normaliseDate.js';

/** How to structure an article's text. */
export interface ArticleOptions {
  /** The file name or the page's own title, used when the text has no headline of its own. */
  title?: string;
  format: DocumentFormat;
  /** The title came from the document itself (an HTML page's title), so the first paragraph is not taken as one. */
  titleFromDocument?: boolean;
}

/**
 * A news article (paragraphs separated by blank lines) into narration and attributed quotations. Each paragraph is
 * one turn: a paragraph that is a quotation is the speech of the person it is attributed to, the rest is narration.
 * Every direct quotation whose speaker the text makes clear, by `He said:`, `said Mr Green`, `, she added` or a
 * speech verb in the same sentence, is listed in `quotes`. Reader comments after the article are nobody's words.
 */
export function structureArticle(text: string, opts: ArticleOptions): ParsedDocument {
  let paragraphs = splitParagraphs(text, opts.format === 'markdown');
  if (paragraphs.length > MAX_PARAGRAPHS) {
    throw new ImportError(
      `This file has more than ${MAX_PARAGRAPHS.toLocaleString('en')} paragraphs, more than any article this app can review; split it into smaller files.`,
      'too-large',
    );
  }
  if (paragraphs.length === 0) throw new ImportError('The article has no text to import.');

  let title: string | undefined;
  const given = opts.title?.trim() ? cleanTitle(opts.title) : undefined;
  if (opts.titleFromDocument && given) {
    title = given;
    if (sameText(paragraphs[0]!, given) && paragraphs.length > 1) paragraphs = paragraphs.slice(1);
  } else if (paragraphs.length > 1 && looksLikeHeadline(paragraphs[0]!)) {
    title = paragraphs[0]!;
    paragraphs = paragraphs.slice(1);
  }
  title ??= given ?? 'Untitled article';

  const commentsFrom = findComments(paragraphs);
  const people = new ArticlePeople();
  const turns: ParsedTurn[] = [];
  const attributed: Array<{ person: ArticlePerson; text: string; turn: number }> = [];
  let previous: ParagraphOutcome | undefined;
  // Names can still change (`Mr Green`, later `Tom Green`), so turns learn their speaker's id at the end.
  const speechBy = new Map<number, ArticlePerson>();

  const warnings: string[] = [];
  // Quotations are looked for in the first ATTRIBUTION_BUDGET characters: far more than any article, and a bound on
  // the time a 50 MB file of prose can take. What lies beyond is kept as narration, and the review screen says so.
  let budget = ATTRIBUTION_BUDGET;
  let skipped = 0;
  let capped = false;

  paragraphs.forEach((paragraph, index) => {
    if (index >= commentsFrom) {
      turns.push({ speaker: null, kind: 'narration', text: paragraph, metadata: { section: 'comments' } });
      return;
    }
    if (budget <= 0) {
      skipped += paragraph.length;
      turns.push({ speaker: null, kind: 'narration', text: paragraph });
      return;
    }
    const outcome = attributeParagraph(paragraph, people, previous, budget);
    skipped += paragraph.length - outcome.read;
    budget -= outcome.read;
    previous = outcome;
    const turn = turns.length;
    for (const q of outcome.quotes) {
      if (!q.person) continue;
      q.person.speaking = true;
      if (attributed.length >= MAX_QUOTES) {
        capped = true;
        continue;
      }
      attributed.push({ person: q.person, text: q.text, turn });
    }
    const person = outcome.isBlockQuote ? outcome.quotes[0]?.person : null;
    turns.push({ speaker: null, kind: person ? 'speech' : 'narration', text: paragraph });
    if (person) speechBy.set(turn, person);
  });

  const ids = new Map<ArticlePerson, string>();
  const speakers: ParsedSpeaker[] = people.speakers().map((person, i) => {
    const id = `s${i + 1}`;
    ids.set(person, id);
    const speaker: ParsedSpeaker = { id, name: person.name, aliases: person.aliases.filter((a) => a !== person.name) };
    return speaker;
  });
  for (const [turn, person] of speechBy) turns[turn]!.speaker = ids.get(person)!;
  const quotes: ParsedQuote[] = attributed.map((q) => ({ speaker: ids.get(q.person)!, text: q.text, turn: q.turn }));

  if (skipped > 0) {
    warnings.push(
      `Quotations were looked for in the first ${(ATTRIBUTION_BUDGET / 1e6).toLocaleString('en')} million characters only; the remaining ${skipped.toLocaleString('en')} are kept as narration.`,
    );
  }
  if (capped) warnings.push(`Only the first ${MAX_QUOTES.toLocaleString('en')} attributed quotations are listed.`);
  const doc: ParsedDocument = { title, format: opts.format, speakers, turns, quotes, warnings };
  const date = findDateline(paragraphs.slice(0, Math.min(3, commentsFrom)));
  if (date) doc.date = date;
  return doc;
}

// ---------------------------------------------------------------------------------------------------------------

/** Characters of an article searched for quotations and the people who said them. */
export const ATTRIBUTION_BUDGET = 10_000_000;
/** Attributed quotations listed for one document. */
export const MAX_QUOTES = 50_000;

const SPEECH_VERBS = [
  'said', 'says', 'say', 'added', 'adds', 'told', 'tells', 'asked', 'asks', 'stressed', 'stresses', 'insisted',
  'insists', 'argued', 'argues', 'claimed', 'claims', 'warned', 'warns', 'explained', 'explains', 'replied', 'replies',
  'responded', 'responds', 'declared', 'declares', 'stated', 'wrote', 'writes', 'noted', 'continued', 'commented',
  'remarked', 'announced', 'announces', 'admitted', 'admits', 'acknowledged', 'conceded', 'suggested', 'suggests',
  'promised', 'vowed', 'pledged', 'urged', 'urges', 'tweeted', 'joked', 'quipped', 'recalled', 'complained',
  'maintained', 'countered', 'retorted', 'answered', 'shouted', 'exclaimed', 'observed', 'confirmed', 'denied',
  'predicted', 'cautioned', 'concluded', 'called', 'calls', 'described', 'describes', 'branded', 'dubbed', 'labelled',
  'labeled', 'repeated', 'reiterated', 'emphasised', 'emphasized', 'boasted', 'agreed', 'disagreed', 'objected',
  'demanded', 'pleaded', 'protested', 'whispered', 'yelled', 'posted', 'wrote', 'pointed out', 'went on', 'hit back',
];
const PARTICIPLES = [
  'saying', 'adding', 'telling', 'insisting', 'arguing', 'warning', 'claiming', 'explaining', 'noting', 'stressing',
  'calling', 'describing', 'declaring', 'writing',
];
const VERB_RE = new RegExp(
  String.raw`(?<![\p{L}])(according to|${[...PARTICIPLES, ...SPEECH_VERBS].sort((a, b) => b.length - a.length).join('|')})(?![\p{L}])`,
  'giu',
);
/** What may stand between a speaker and the verb: an appositive, `, who`, an auxiliary, an adverb. */
const SUBJECT_GAP =
  /^(?:\s*,[^,■]{1,100},|\s*,(?:\s+who)?)?(?:\s+(?:also|then|later|again|has|had|have|would|will|previously|once|still|simply|just|first|\p{Ll}+ly))*\s+$/u;
const MASK = '■';

interface Attribution {
  start: number;
  end: number;
  person: ArticlePerson | null;
}

interface FoundQuote {
  person: ArticlePerson | null;
  text: string;
  closed: boolean;
}

interface ParagraphOutcome {
  quotes: FoundQuote[];
  isBlockQuote: boolean;
  /** The speaker introduced by the paragraph's last sentence (`He said:`); null when it names nobody we know. */
  intro: ArticlePerson | null | undefined;
  endsWithColon: boolean;
}

/**
 * A paragraph's quotations and who said them. A paragraph longer than any real one (a file of one 25 MB line) is read
 * in pieces of at most CHUNK_CHARS cut at a sentence's end or a space, so what one reading holds in memory is bounded
 * whatever the file; every step within a piece is linear in it.
 */
function attributeParagraph(
  paragraph: string,
  people: ArticlePeople,
  previous: ParagraphOutcome | undefined,
  budget: number,
): ParagraphOutcome & { read: number } {
  if (paragraph.length <= CHUNK_CHARS) return { ...attributeText(paragraph, 0, people, previous), read: paragraph.length };
  const quotes: FoundQuote[] = [];
  let outcome: ParagraphOutcome = { quotes: [], isBlockQuote: false, intro: undefined, endsWithColon: false };
  let prev = previous;
  let at = 0;
  while (at < paragraph.length && at < budget) {
    const end = chunkEnd(paragraph, at);
    outcome = attributeText(paragraph.slice(at, end), at, people, prev);
    // Only attributed quotations outlive their piece (and the last one, which the next paragraph may continue).
    for (const q of outcome.quotes) if (q.person && quotes.length < MAX_QUOTES) quotes.push(q);
    prev = outcome;
    at = end;
  }
  const last = outcome.quotes.at(-1);
  if (last && !last.person) quotes.push(last);
  return { ...outcome, quotes, isBlockQuote: false, read: at };
}

const CHUNK_CHARS = 20_000;

// Where a piece that starts at `from` ends: the last sentence end (or else space) before the limit.
function chunkEnd(text: string, from: number): number {
  const limit = from + CHUNK_CHARS;
  if (limit >= text.length) return text.length;
  for (let i = limit; i > from + CHUNK_CHARS / 2; i--) {
    const c = text.charCodeAt(i - 1);
    if ((c === 46 || c === 33 || c === 63) && text.charCodeAt(i) === 32) return i;
  }
  const space = text.lastIndexOf(' ', limit);
  return space > from + CHUNK_CHARS / 2 ? space + 1 : limit;
}

// A paragraph opening with a quotation says little else (`“…,” he said.`) when at most 12 words stand outside it.
function fewWordsOutside(text: string, spans: readonly QuoteSpan[]): boolean {
  let words = 0;
  let inWord = false;
  let q = 0;
  for (let i = 0; i < text.length; i++) {
    const span = spans[q];
    if (span && i >= span.start) {
      i = span.end - 1;
      q++;
      inWord = false;
      continue;
    }
    const space = /\s/.test(text[i]!);
    if (!space && !inWord && ++words > 12) return false;
    inWord = !space;
  }
  return true;
}

// Words in a quotation, counted up to two.
function twoWordsOrMore(text: string): boolean {
  const first = /\S+/g;
  return first.test(text) && first.test(text);
}

function attributeText(paragraph: string, offset: number, people: ArticlePeople, previous: ParagraphOutcome | undefined): ParagraphOutcome {
  const spans = findQuotes(paragraph);
  const masked = maskQuotes(paragraph, spans);
  const sentences = splitSentences(paragraph, spans);
  // A paragraph that opens with a quotation and says little else (`“…,” he said.`) is that person's speech.
  const isBlockQuote = offset === 0 && spans[0]?.start === 0 && (quotedShare(paragraph, spans) >= 0.5 || fewWordsOutside(paragraph, spans));
  const found: FoundQuote[] = [];
  let intro: ArticlePerson | null | undefined;
  let lastSentencePerson: ArticlePerson | undefined;
  let nextSpan = 0;

  sentences.forEach(([s, e], sentenceIndex) => {
    const local = masked.slice(s, e);
    const mentions = people.mentionsIn(local);
    const attributions = findAttributions(local, mentions);
    const named = attributions.filter((a) => a.person);
    while (nextSpan < spans.length && spans[nextSpan]!.start < s) nextSpan++;
    const inSentence: QuoteSpan[] = [];
    while (nextSpan < spans.length && spans[nextSpan]!.start < e) inSentence.push(spans[nextSpan++]!);
    for (const span of inSentence) {
      const q = { start: span.start - s, end: span.end - s };
      const inner = paragraph.slice(span.innerStart, span.innerEnd);
      const whole =
        inSentence.length === 1 && /^[\s\p{P}]*$/u.test(local.slice(0, q.start)) && /^[\s\p{P}■]*$/u.test(local.slice(q.end));
      let person: ArticlePerson | null | undefined = adjacentAttribution(local, q, attributions);
      if (person === undefined && twoWordsOrMore(inner)) {
        const before = lastEndingBy(named, q.start);
        const after = firstStartingFrom(named, q.end);
        person = (before ?? after)?.person;
      }
      if (person === undefined && (whole || (isBlockQuote && span.start === 0))) {
        if (sentenceIndex === 0 && span.start === 0) person = carriedOver(previous, paragraph);
        else person = found.at(-1)?.person ?? lastSentencePerson;
      }
      if (person === undefined && found.length > 0 && isBlockQuote) person = found.at(-1)!.person;
      found.push({ person: person ?? null, text: quoteText(inner), closed: span.closed });
    }
    for (const a of named) a.person!.speaking = true;
    const lastAttribution = attributions.at(-1);
    lastSentencePerson = named.at(-1)?.person ?? undefined;
    intro = lastAttribution ? lastAttribution.person : undefined;
  });

  return { quotes: found, isBlockQuote, intro, endsWithColon: /:\s*$/.test(paragraph) };
}

/** Who a paragraph that opens with a quotation continues from the paragraph before. */
function carriedOver(previous: ParagraphOutcome | undefined, paragraph: string): ArticlePerson | null | undefined {
  if (!previous) return undefined;
  const lastQuote = previous.quotes.at(-1);
  // A quotation running over several paragraphs leaves the earlier ones open.
  if (lastQuote && !lastQuote.closed && /^["“„«‘']/.test(paragraph)) return lastQuote.person;
  if (previous.intro !== undefined && (previous.endsWithColon || previous.intro !== null)) return previous.intro;
  if (previous.isBlockQuote && lastQuote) return lastQuote.person;
  return undefined;
}

/** The speaker of a quotation named right beside it: `“…,” said Mr Green`, `“…,” he added`, `She said: “…”`. */
function adjacentAttribution(local: string, q: { start: number; end: number }, attributions: Attribution[]): ArticlePerson | null | undefined {
  // Attributions are in reading order and do not overlap: the one right after the quotation, then those before it.
  const after = firstIndexFrom(attributions, q.end);
  if (after !== -1 && /^[\s,.!?;:—–-]*$/.test(local.slice(q.end, attributions[after]!.start))) return attributions[after]!.person;
  // Only the nearest few before it can be close enough (eight words, or nothing but a colon or comma between).
  for (let i = lastIndexBy(attributions, q.start), seen = 0; i >= 0 && seen < 3; i--, seen++) {
    const a = attributions[i]!;
    const between = local.slice(a.end, q.start);
    if (/^\s*[:,—–-]?\s*(?:that\s*)?$/.test(between)) return a.person;
    if (between.length <= 200 && /:\s*$/.test(between) && !between.includes(MASK) && between.trim().split(/\s+/).length <= 8) return a.person;
  }
  return undefined;
}

// Binary searches over attributions in reading order (start and end both ascend).
function firstIndexFrom(list: readonly Attribution[], position: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < position) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? lo : -1;
}

function lastIndexBy(list: readonly Attribution[], position: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function lastEndingBy(list: readonly Attribution[], position: number): Attribution | undefined {
  const i = lastIndexBy(list, position);
  return i >= 0 ? list[i] : undefined;
}

function firstStartingFrom(list: readonly Attribution[], position: number): Attribution | undefined {
  const i = firstIndexFrom(list, position);
  return i >= 0 ? list[i] : undefined;
}

/** Speech verbs in one sentence (quotations masked) with the person who speaks, when the sentence names them. */
function findAttributions(local: string, mentions: Mention[]): Attribution[] {
  const out: Attribution[] = [];
  // Mentions are in reading order: `upTo` counts those ending before the verb, `from` finds the first after it.
  let upTo = 0;
  for (const m of local.matchAll(VERB_RE)) {
    const verb = m[0].toLowerCase();
    const vs = m.index;
    const ve = vs + m[0].length;
    while (upTo < mentions.length && mentions[upTo]!.end <= vs) upTo++;
    const following = (): Mention | undefined => {
      let i = upTo;
      while (i < mentions.length && mentions[i]!.start < ve) i++;
      const who = mentions[i];
      return who && who.start - ve <= 40 && /^\s+$/.test(local.slice(ve, who.start)) ? who : undefined;
    };
    if (verb === 'according to') {
      const who = following();
      if (who) out.push({ start: vs, end: who.end, person: who.person });
      continue;
    }
    if (PARTICIPLES.includes(verb)) {
      const subject = upTo > 0 ? mentions[0] : undefined;
      out.push({ start: vs, end: ve, person: subject?.person ?? null });
      continue;
    }
    // `“…,” said Mr Green`: the speaker follows the verb only when the verb follows a quotation.
    if (AFTER_QUOTE.test(local.slice(Math.max(0, vs - 40), vs))) {
      const who = following();
      if (who) {
        out.push({ start: vs, end: who.end, person: who.person });
        continue;
      }
    }
    let subject: Mention | undefined;
    for (let i = upTo - 1; i >= 0 && i >= upTo - 3; i--) {
      const x = mentions[i]!;
      // SUBJECT_GAP allows an appositive of a hundred characters and a few adverbs; longer gaps cannot match.
      if (vs - x.end <= 300 && SUBJECT_GAP.test(local.slice(x.end, vs))) {
        subject = x;
        break;
      }
    }
    if (subject) out.push({ start: subject.start, end: ve, person: subject.person });
    else if (isSpeechUse(local, vs)) out.push({ start: vs, end: ve, person: null });
  }
  return out;
}

const AFTER_QUOTE = new RegExp(`${MASK}[\\s,—–-]*$`);

// About the last `n` characters before `end`, starting at a word: patterns anchored at the end of a prefix read only
// this much of it, and `^` in them still means the start of a word.
function tail(text: string, end: number, n: number): string {
  const from = Math.max(0, end - n);
  const piece = text.slice(from, end);
  return from > 0 && !/\s/.test(text[from - 1]!) ? piece.replace(/^\S*/, '') : piece;
}

// `a spokesman said` names nobody we know, and must stop a quote from going to someone else; `the calls grew` is no
// speech, and in `Tom Wu, who said “…”, disagreed` the subject is further back.
function isSpeechUse(local: string, verbStart: number): boolean {
  const before = tail(local, verbStart, 24);
  return /\p{L}\s+$/u.test(before) && !/(?:^|\s)(?:the|a|an|his|her|their|its)\s*$/iu.test(before);
}

function maskQuotes(text: string, spans: readonly QuoteSpan[]): string {
  let out = '';
  let at = 0;
  for (const q of spans) {
    out += text.slice(at, q.start) + MASK.repeat(q.end - q.start);
    at = q.end;
  }
  return out + text.slice(at);
}

function quotedShare(text: string, spans: readonly QuoteSpan[]): number {
  const quoted = spans.reduce((n, q) => n + (q.end - q.start), 0);
  return quoted / Math.max(1, text.length);
}

function quoteText(inner: string): string {
  return inner.trim().replace(/\s+/g, ' ').replace(/,$/, '');
}

// ---------------------------------------------------------------------------------------------------------------

/** Paragraphs an article may have: more than any real one, and what review can show. */
export const MAX_PARAGRAPHS = 300_000;

/**
 * Paragraphs separated by blank lines; a text without any blank line has one paragraph a line. Read line by line:
 * the text is never copied whole, and only the paragraphs themselves are kept (at most MAX_PARAGRAPHS + 1, so a file
 * of millions of one-letter lines is refused without holding them all).
 */
export function splitParagraphs(text: string, markdown = false): string[] {
  const blankSeparated = /\n[ \t\r\u00a0]*\n/.test(text);
  const out: string[] = [];
  let parts: string[] = [];
  const close = (): void => {
    if (parts.length === 0) return;
    const joined = parts.length === 1 ? parts[0]! : parts.join(' ');
    parts = [];
    const clean = /[^\S ]| {2}/.test(joined) ? joined.replace(/\s+/g, ' ').trim() : joined;
    if (clean && out.length <= MAX_PARAGRAPHS) out.push(clean);
  };
  let at = 0;
  while (at <= text.length) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    let line = text.slice(at, end).trim();
    at = end + 1;
    if (markdown) line = line.replace(/^#{1,6}\s+/, '').replace(/^>\s?/, '');
    if (!line) {
      close();
      continue;
    }
    parts.push(line);
    if (!blankSeparated) close();
    if (out.length > MAX_PARAGRAPHS) break;
  }
  close();
  return out;
}

const COMMENT_MARKERS = [
  /^(?:\d+\s+)?(?:reader\s+|user\s+|latest\s+|top\s+)?comments?(?:\s*\(\d+\))?\s*:?$/i,
  /^comments?\s+(?:are|is)\s+(?:now\s+)?(?:closed|disabled|open)\b/i,
  /^(?:leave|post|add|write)\s+(?:a|your)\s+(?:reply|comment)\b/i,
  /^join\s+the\s+(?:discussion|conversation|debate)\b/i,
  /^have\s+your\s+say\b/i,
  /^\d+\s+(?:comments?|responses?|replies)\b/i,
  /^(?:show|view|load|read|see)\s+(?:all\s+)?(?:\d+\s+)?comments\b/i,
  /^(?:\d+\s+)?(?:responses?|thoughts?)\s+(?:to|on)\s+["“]/i,
];
const NUMBERED = /^\d{1,4}[.)]\s+\S/;

/**
 * The index of the first reader comment, or the paragraph count when there are none. Comments begin at a comments
 * marker (`Comments`, `Comments are closed.`, `Leave a reply`); numbered paragraphs just before it are comments too.
 */
export function findComments(paragraphs: readonly string[]): number {
  const marker = paragraphs.findIndex((p, i) => i > 0 && p.length < 80 && COMMENT_MARKERS.some((re) => re.test(p)));
  if (marker === -1) return paragraphs.length;
  let start = marker;
  while (start > 1 && NUMBERED.test(paragraphs[start - 1]!)) start--;
  return start;
}

function looksLikeHeadline(paragraph: string): boolean {
  if (paragraph.length > 400) return false;
  const words = paragraph.split(/\s+/).length;
  const bare = paragraph.replace(/["”’'»]+$/, '');
  return words <= 16 && paragraph.length <= 140 && !/[.,;:]$/.test(bare) && !/^["“„«‘']/.test(paragraph);
}

/** A file name as a title: `corbyn-nato-article.txt` → `corbyn nato article`. */
function cleanTitle(title: string): string {
  const trimmed = title.trim();
  const m = /^(.*)\.(?:txt|text|md|markdown|html?|xhtml|docx|pdf)$/i.exec(trimmed);
  if (!m) return trimmed;
  const base = m[1]!.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return base ? base.charAt(0).toUpperCase() + base.slice(1) : trimmed;
}

function sameText(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 40 + Math.min(a.length, b.length)) return false;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b);
}

function findDateline(paragraphs: readonly string[]): string | undefined {
  for (const p of paragraphs) {
    if (p.length > 500 || p.split(/\s+/).length > 14) continue;
    const date = findDateInText(p);
    if (date) return date;
  }
  return undefined;
}
