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

  paragraphs.forEach((paragraph, index) => {
    if (index >= commentsFrom) {
      turns.push({ speaker: null, kind: 'narration', text: paragraph, metadata: { section: 'comments' } });
      return;
    }
    const outcome = attributeParagraph(paragraph, people, previous);
    previous = outcome;
    const turn = turns.length;
    for (const q of outcome.quotes) {
      if (!q.person) continue;
      q.person.speaking = true;
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

  const doc: ParsedDocument = { title, format: opts.format, speakers, turns, quotes, warnings: [] };
  const date = findDateline(paragraphs.slice(0, Math.min(3, commentsFrom)));
  if (date) doc.date = date;
  return doc;
}

// ---------------------------------------------------------------------------------------------------------------

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

function attributeParagraph(paragraph: string, people: ArticlePeople, previous: ParagraphOutcome | undefined): ParagraphOutcome {
  const spans = findQuotes(paragraph);
  const masked = maskQuotes(paragraph, spans);
  const sentences = splitSentences(paragraph, spans);
  // A paragraph that opens with a quotation and says little else (`“…,” he said.`) is that person's speech.
  const isBlockQuote =
    spans[0]?.start === 0 && (quotedShare(paragraph, spans) >= 0.5 || masked.replace(/■+/g, ' ').trim().split(/\s+/).length <= 12);
  const found: FoundQuote[] = [];
  let intro: ArticlePerson | null | undefined;
  let lastSentencePerson: ArticlePerson | undefined;

  sentences.forEach(([s, e], sentenceIndex) => {
    const local = masked.slice(s, e);
    const mentions = people.mentionsIn(local);
    const attributions = findAttributions(local, mentions);
    const inSentence = spans.filter((q) => q.start >= s && q.start < e);
    for (const span of inSentence) {
      const q = { start: span.start - s, end: span.end - s };
      const inner = paragraph.slice(span.innerStart, span.innerEnd);
      const words = inner.trim().split(/\s+/).filter(Boolean).length;
      const whole = local.slice(0, q.start).replace(/[\s\p{P}]/gu, '') === '' && local.slice(q.end).replace(/[\s\p{P}■]/gu, '') === '' && inSentence.length === 1;
      let person: ArticlePerson | null | undefined = adjacentAttribution(local, q, attributions);
      if (person === undefined && words >= 2) {
        const before = attributions.filter((a) => a.person && a.end <= q.start).at(-1);
        const after = attributions.find((a) => a.person && a.start >= q.end);
        person = (before ?? after)?.person;
      }
      if (person === undefined && (whole || (isBlockQuote && span.start === 0))) {
        if (sentenceIndex === 0 && span.start === 0) person = carriedOver(previous, paragraph);
        else person = found.at(-1)?.person ?? lastSentencePerson;
      }
      if (person === undefined && found.length > 0 && isBlockQuote) person = found.at(-1)!.person;
      found.push({ person: person ?? null, text: quoteText(inner), closed: span.closed });
    }
    for (const a of attributions) if (a.person) a.person.speaking = true;
    const lastAttribution = attributions.at(-1);
    lastSentencePerson = attributions.filter((a) => a.person).at(-1)?.person ?? undefined;
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
  for (const a of attributions) {
    if (a.start >= q.end && /^[\s,.!?;:—–-]*$/.test(local.slice(q.end, a.start))) return a.person;
  }
  for (const a of [...attributions].reverse()) {
    if (a.end > q.start) continue;
    const between = local.slice(a.end, q.start);
    if (/^\s*[:,—–-]?\s*(?:that\s*)?$/.test(between)) return a.person;
    if (/:\s*$/.test(between) && !between.includes(MASK) && between.trim().split(/\s+/).length <= 8) return a.person;
  }
  return undefined;
}

/** Speech verbs in one sentence (quotations masked) with the person who speaks, when the sentence names them. */
function findAttributions(local: string, mentions: Mention[]): Attribution[] {
  const out: Attribution[] = [];
  for (const m of local.matchAll(VERB_RE)) {
    const verb = m[0].toLowerCase();
    const vs = m.index;
    const ve = vs + m[0].length;
    if (verb === 'according to') {
      const who = mentions.find((x) => x.start >= ve && /^\s+$/.test(local.slice(ve, x.start)));
      if (who) out.push({ start: vs, end: who.end, person: who.person });
      continue;
    }
    if (PARTICIPLES.includes(verb)) {
      const subject = mentions.find((x) => x.end <= vs);
      out.push({ start: vs, end: ve, person: subject?.person ?? null });
      continue;
    }
    // `“…,” said Mr Green`: the speaker follows the verb only when the verb follows a quotation.
    if (new RegExp(`${MASK}[\\s,—–-]*$`).test(local.slice(0, vs))) {
      const who = mentions.find((x) => x.start >= ve && /^\s+$/.test(local.slice(ve, x.start)));
      if (who) {
        out.push({ start: vs, end: who.end, person: who.person });
        continue;
      }
    }
    const before = mentions.filter((x) => x.end <= vs).reverse().slice(0, 3);
    const subject = before.find((x) => SUBJECT_GAP.test(local.slice(x.end, vs)));
    if (subject) out.push({ start: subject.start, end: ve, person: subject.person });
    else if (isSpeechUse(local, vs)) out.push({ start: vs, end: ve, person: null });
  }
  return out;
}

// `a spokesman said` names nobody we know, and must stop a quote from going to someone else; `the calls grew` is no
// speech, and in `Tom Wu, who said “…”, disagreed` the subject is further back.
function isSpeechUse(local: string, verbStart: number): boolean {
  return /\p{L}\s+$/u.test(local.slice(0, verbStart)) && !/(?:^|\s)(?:the|a|an|his|her|their|its)\s*$/iu.test(local.slice(0, verbStart));
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

/** Paragraphs separated by blank lines; a text without any blank line has one paragraph a line. */
export function splitParagraphs(text: string, markdown = false): string[] {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  const blocks = /\n[ \t]*\n/.test(normalised) ? normalised.split(/\n[ \t]*\n/) : normalised.split('\n');
  return blocks
    .map((block) => {
      let lines = block.split('\n').map((l) => l.trim());
      if (markdown) lines = lines.map((l) => l.replace(/^#{1,6}\s+/, '').replace(/^>\s?/, ''));
      return lines.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
    })
    .filter((p) => p.length > 0);
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
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b);
}

function findDateline(paragraphs: readonly string[]): string | undefined {
  for (const p of paragraphs) {
    if (p.split(/\s+/).length > 14) continue;
    const date = findDateInText(p);
    if (date) return date;
  }
  return undefined;
}
