import { agreementByDebate, type DebateAgreement } from '../verdicts/agreement.js';
import type {
  Claim,
  ClaimStatus,
  ClaimType,
  EvidenceRelation,
  Id,
  Locator,
  ProjectSnapshot,
} from '../model.js';
import { CLAIM_STATUSES } from '../model.js';
import { bibliography, type CitationStyle } from './bibliography.js';
import { reportChecks, type ReportCheck } from './howWeChecked.js';
import {
  indexSnapshot,
  resolveVerdict,
  topicPath,
  topicWithDescendants,
  usableAppearances,
  type SnapshotIndex,
} from './snapshotIndex.js';

export const REPORT_SECTIONS = ['summary', 'verdict-breakdown', 'comparison', 'excerpts', 'claim-cards', 'bibliography'] as const;
/** A part of a report the user can switch on or off. */
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** Which claims a report covers; every list given narrows the selection, an absent or empty list does not. */
export interface ReportFilter {
  speakerIds?: Id[];
  /** A topic includes the topics below it. */
  topicIds?: Id[];
  verdictStepIds?: string[];
  statuses?: ClaimStatus[];
}

/** What the report builder asks for. */
export interface ReportOptions {
  title: string;
  /** Only claims appearing in these documents, and excerpts only from them. */
  documentIds?: Id[];
  filter: ReportFilter;
  sections: ReportSection[];
  citationStyle: CitationStyle;
  organisation: { name: string; url?: string };
  /** When the report was made; fixed by tests and the CLI for reproducible output. */
  generatedAt?: string;
}

export interface ReportPerson {
  id: Id;
  name: string;
  party?: string;
}

/** A quotation with the words around it, cut at word boundaries. */
export interface QuoteInContext {
  documentId: Id;
  documentTitle: string;
  /** Who speaks the turn the quote is in (its context stays inside that turn). */
  speaker?: string;
  before: string;
  exact: string;
  after: string;
}

export interface ReportVerdict {
  label: string;
  /** A CSS hex colour, checked, or undefined. */
  color?: string;
  /** Common scale: 1 true … 0 false; undefined for conclusion-only verdicts. */
  value?: number;
  scaleName?: string;
  conclusion: string;
  reasoning: string;
  author: string;
  date: string;
}

export interface ReportEvidence {
  sourceId: Id;
  sourceTitle: string;
  relation: EvidenceRelation;
  /** "p. 8, Table 3, column 2015e". */
  locator: string;
  edition?: string;
  figureYear?: string;
  excerpt?: string;
  note?: string;
  /** The source's URL, only when it is http(s). */
  url?: string;
  /** The source's formatted reference in the report's citation style. */
  citation: string;
}

/** One claim card. `number` is what the excerpts' highlights refer to. */
export interface ReportClaim {
  number: number;
  id: Id;
  text: string;
  claimant?: ReportPerson;
  date?: string;
  type: ClaimType;
  status: ClaimStatus;
  topics: string[];
  quote?: QuoteInContext;
  appearanceCount: number;
  verdict?: ReportVerdict;
  evidence: ReportEvidence[];
  /** "How we checked": the computations over tables that check the claim's figures. */
  checks: ReportCheck[];
}

/** A column of the verdict breakdown: one step of a rated scale in use, or the unrated bucket. */
export interface BreakdownColumn {
  key: string;
  label: string;
  color: string;
  value?: number;
}

export interface BreakdownRow {
  speaker: ReportPerson | null;
  /** Counts by BreakdownColumn.key. */
  counts: Record<string, number>;
  total: number;
}

export interface ComparisonCell {
  topicId: Id;
  claimNumbers: number[];
  /** Mean common-scale value of the rated claims, when any are rated. */
  meanValue?: number;
  verdictLabels: string[];
}

export interface ComparisonRow {
  speaker: ReportPerson;
  cells: ComparisonCell[];
}

/** A run of document text, highlighted when it belongs to a numbered claim. */
export interface ExcerptSegment {
  text: string;
  claimNumber?: number;
}

export interface ReportExcerpt {
  documentId: Id;
  documentTitle: string;
  debateTitle?: string;
  date?: string;
  /** Each passage is one turn (or context window) holding at least one highlighted claim. */
  passages: Array<{ speaker?: string; segments: ExcerptSegment[] }>;
}

/** The report as plain data: every renderer (HTML, Markdown, DOCX) draws this and nothing else. */
export interface ReportModel {
  title: string;
  organisation: { name: string; url?: string };
  generatedAt: string;
  sections: ReportSection[];
  citationStyle: CitationStyle;
  summary: {
    claimCount: number;
    speakerCount: number;
    documentCount: number;
    evidenceCount: number;
    byStatus: Record<ClaimStatus, number>;
    documents: Array<{ id: Id; title: string; debateTitle?: string; date?: string }>;
  };
  claims: ReportClaim[];
  verdictBreakdown: { columns: BreakdownColumn[]; rows: BreakdownRow[] };
  comparison: { topics: Array<{ id: Id; name: string }>; rows: ComparisonRow[] };
  excerpts: ReportExcerpt[];
  bibliography: Array<{ sourceId: Id; text: string; url?: string }>;
  /** Blind second review: per debate, Cohen's κ of the first verdicts and the blind ratings, with disagreements. */
  agreement?: DebateAgreement[];
}

const CONTEXT_CHARS = 160;
const UNRATED_COLOR = '#9e9e9e';

/** Only plain http(s) links reach a report; `javascript:` and friends become text. */
export function safeHttpUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  return /^https?:\/\/[^\s<>"']+$/i.test(trimmed) ? trimmed : undefined;
}

/** Colours come from user data and end up in CSS and SVG attributes, so only hex colours pass. */
export function safeColor(color: unknown, fallback = UNRATED_COLOR): string {
  return typeof color === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : fallback;
}

export function formatLocator(locator: Locator): string {
  const parts: string[] = [];
  if (locator.page !== undefined) parts.push(`p. ${locator.page}`);
  if (locator.section) parts.push(locator.section);
  if (locator.table) parts.push(locator.table);
  if (locator.row) parts.push(`row ${locator.row}`);
  if (locator.column) parts.push(`column ${locator.column}`);
  if (locator.timestamp) parts.push(`at ${locator.timestamp}`);
  return parts.join(', ');
}

function cutBefore(text: string): string {
  if (text.length < CONTEXT_CHARS) return text.replace(/^\s+/, '');
  const cut = text.slice(-CONTEXT_CHARS);
  const space = cut.search(/\s/);
  return '…' + (space >= 0 ? cut.slice(space + 1) : cut);
}

function cutAfter(text: string): string {
  if (text.length < CONTEXT_CHARS) return text.replace(/\s+$/, '');
  const cut = text.slice(0, CONTEXT_CHARS);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut) + '…';
}

/** The claims the filter and document choice let through, in reading order. */
export function selectClaims(index: SnapshotIndex, options: Pick<ReportOptions, 'filter' | 'documentIds'>): Claim[] {
  const { filter, documentIds } = options;
  const speakers = filter.speakerIds?.length ? new Set(filter.speakerIds) : undefined;
  const topics = filter.topicIds?.length ? topicWithDescendants(index, filter.topicIds) : undefined;
  const steps = filter.verdictStepIds?.length ? new Set(filter.verdictStepIds) : undefined;
  const statuses = filter.statuses?.length ? new Set(filter.statuses) : undefined;
  const documents = documentIds?.length ? new Set(documentIds) : undefined;
  const selected = index.snapshot.claims.filter((claim) => {
    if (speakers && !(claim.claimantId && speakers.has(claim.claimantId))) return false;
    if (topics && !claim.topicIds.some((t) => topics.has(t))) return false;
    if (statuses && !statuses.has(claim.status)) return false;
    if (steps) {
      const stepId = index.verdictByClaim.get(claim.id)?.stepId;
      if (!stepId || !steps.has(stepId)) return false;
    }
    if (documents && !(index.appearancesByClaim.get(claim.id) ?? []).some((a) => documents.has(a.documentId))) return false;
    return true;
  });
  return sortByReadingOrder(index, selected);
}

/** Debate date, then document, then position in the text; claims that appear nowhere come last, by date. */
function sortByReadingOrder(index: SnapshotIndex, claims: Claim[]): Claim[] {
  const keyOf = (claim: Claim): [string, string, number, string] => {
    const first = usableAppearances(index, claim.id)[0];
    if (!first) return ['\uffff', '', 0, claim.date ?? claim.createdAt];
    const doc = index.documents.get(first.documentId);
    const debate = doc ? index.debates.get(doc.debateId) : undefined;
    return [debate?.date ?? claim.date ?? '', doc?.title ?? '', first.anchor.position.start, claim.createdAt];
  };
  const keys = new Map(claims.map((c) => [c.id, keyOf(c)]));
  return [...claims].sort((a, b) => {
    const ka = keys.get(a.id) as [string, string, number, string];
    const kb = keys.get(b.id) as [string, string, number, string];
    if (ka[0] !== kb[0]) return ka[0] < kb[0] ? -1 : 1;
    if (ka[1] !== kb[1]) return ka[1] < kb[1] ? -1 : 1;
    if (ka[2] !== kb[2]) return ka[2] - kb[2];
    return ka[3] < kb[3] ? -1 : ka[3] > kb[3] ? 1 : 0;
  });
}

function reportPerson(index: SnapshotIndex, personId: Id | undefined | null): ReportPerson | undefined {
  const person = personId ? index.people.get(personId) : undefined;
  return person ? { id: person.id, name: person.name, ...(person.party ? { party: person.party } : {}) } : undefined;
}

function buildClaim(
  index: SnapshotIndex,
  claim: Claim,
  number: number,
  citations: Map<string, string>,
  documents: Set<string> | undefined,
): ReportClaim {
  const appearances = usableAppearances(index, claim.id).filter((a) => !documents || documents.has(a.documentId));
  const first = appearances[0];
  let quote: QuoteInContext | undefined;
  if (first) {
    const doc = index.documents.get(first.documentId);
    if (doc) {
      const { start, end } = first.anchor.position;
      // The context stays in the quote's own turn, so no other speaker's words appear under this speaker's name.
      const turn = turnHolding(index, doc.id, start);
      const lower = turn ? turn.offset : 0;
      const upper = turn ? Math.max(end, turn.offset + turn.text.length) : doc.text.length;
      const speaker = turn ? reportPerson(index, turn.personId)?.name : undefined;
      quote = {
        documentId: doc.id,
        documentTitle: doc.title,
        ...(speaker ? { speaker } : {}),
        before: cutBefore(doc.text.slice(Math.max(lower, start - CONTEXT_CHARS * 2), start)),
        exact: doc.text.slice(start, end),
        after: cutAfter(doc.text.slice(end, Math.min(upper, end + CONTEXT_CHARS * 2))),
      };
    }
  }
  const resolved = resolveVerdict(index, claim);
  const verdict: ReportVerdict | undefined = resolved && {
    label: resolved.label,
    ...(resolved.step ? { color: safeColor(resolved.step.color), value: resolved.step.value } : {}),
    ...(resolved.scale ? { scaleName: resolved.scale.name } : {}),
    conclusion: resolved.verdict.conclusion,
    reasoning: resolved.verdict.reasoning,
    author: resolved.verdict.author,
    date: resolved.verdict.updatedAt.slice(0, 10),
  };
  const evidence = (index.evidenceByClaim.get(claim.id) ?? []).map((link): ReportEvidence => {
    const source = index.sources.get(link.sourceId);
    const url = safeHttpUrl(source?.csl.URL);
    return {
      sourceId: link.sourceId,
      sourceTitle: source?.csl.title ?? 'Unknown source',
      relation: link.relation,
      locator: formatLocator(link.locator),
      ...(link.edition ? { edition: link.edition } : {}),
      ...(link.figureYear ? { figureYear: link.figureYear } : {}),
      ...(link.excerpt ? { excerpt: link.excerpt } : {}),
      ...(link.note ? { note: link.note } : {}),
      ...(url ? { url } : {}),
      citation: citations.get(link.sourceId) ?? source?.csl.title ?? link.sourceId,
    };
  });
  const claimant = reportPerson(index, claim.claimantId);
  return {
    number,
    id: claim.id,
    text: claim.text,
    ...(claimant ? { claimant } : {}),
    ...(claim.date ? { date: claim.date } : {}),
    type: claim.type,
    status: claim.status,
    topics: claim.topicIds.map((t) => topicPath(index, t)).filter((t) => t !== ''),
    ...(quote ? { quote } : {}),
    appearanceCount: appearances.length,
    ...(verdict ? { verdict } : {}),
    evidence,
    checks: reportChecks(index.evidenceByClaim.get(claim.id) ?? [], index.sources),
  };
}

function breakdown(index: SnapshotIndex, claims: Claim[], numbered: ReportClaim[]): ReportModel['verdictBreakdown'] {
  const columns = new Map<string, BreakdownColumn>();
  const rows = new Map<string, BreakdownRow>();
  claims.forEach((claim, i) => {
    const resolved = resolveVerdict(index, claim);
    const key = resolved?.step ? `${resolved.verdict.scaleId}/${resolved.step.id}` : 'unrated';
    if (!columns.has(key)) {
      columns.set(
        key,
        resolved?.step
          ? { key, label: resolved.step.label, color: safeColor(resolved.step.color), value: resolved.step.value }
          : { key, label: 'Not rated', color: UNRATED_COLOR },
      );
    }
    const speaker = numbered[i]?.claimant ?? null;
    const rowKey = speaker?.id ?? '';
    let row = rows.get(rowKey);
    if (!row) rows.set(rowKey, (row = { speaker, counts: {}, total: 0 }));
    row.counts[key] = (row.counts[key] ?? 0) + 1;
    row.total += 1;
  });
  const sortedColumns = [...columns.values()].sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  const sortedRows = [...rows.values()].sort((a, b) =>
    a.speaker === null ? 1 : b.speaker === null ? -1 : a.speaker.name.localeCompare(b.speaker.name),
  );
  return { columns: sortedColumns, rows: sortedRows };
}

function comparison(index: SnapshotIndex, numbered: ReportClaim[], claims: Claim[]): ReportModel['comparison'] {
  const topicIds = new Set<string>();
  for (const claim of claims) for (const t of claim.topicIds) if (index.topics.has(t)) topicIds.add(t);
  const topics = [...topicIds]
    .map((id) => ({ id, name: topicPath(index, id) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const bySpeaker = new Map<string, { speaker: ReportPerson; claims: Array<[Claim, ReportClaim]> }>();
  claims.forEach((claim, i) => {
    const card = numbered[i];
    if (!card?.claimant) return;
    let entry = bySpeaker.get(card.claimant.id);
    if (!entry) bySpeaker.set(card.claimant.id, (entry = { speaker: card.claimant, claims: [] }));
    entry.claims.push([claim, card]);
  });
  const rows = [...bySpeaker.values()]
    .sort((a, b) => a.speaker.name.localeCompare(b.speaker.name))
    .map(({ speaker, claims: own }) => ({
      speaker,
      cells: topics.map(({ id }): ComparisonCell => {
        const inTopic = own.filter(([claim]) => claim.topicIds.includes(id)).map(([, card]) => card);
        const values = inTopic.map((c) => c.verdict?.value).filter((v): v is number => v !== undefined);
        return {
          topicId: id,
          claimNumbers: inTopic.map((c) => c.number),
          ...(values.length ? { meanValue: values.reduce((s, v) => s + v, 0) / values.length } : {}),
          verdictLabels: inTopic.flatMap((c) => (c.verdict ? [c.verdict.label] : [])),
        };
      }),
    }));
  return { topics, rows };
}

/** Splits a passage of document text at the claim spans inside it; a span overlapping an earlier one is clipped. */
function segmentPassage(
  text: string,
  passageStart: number,
  spans: Array<{ start: number; end: number; number: number }>,
): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  let cursor = passageStart;
  const passageEnd = passageStart + text.length;
  for (const span of [...spans].sort((a, b) => a.start - b.start || a.number - b.number)) {
    const start = Math.max(span.start, cursor);
    const end = Math.min(span.end, passageEnd);
    if (end <= start) continue;
    if (start > cursor) segments.push({ text: text.slice(cursor - passageStart, start - passageStart) });
    segments.push({ text: text.slice(start - passageStart, end - passageStart), claimNumber: span.number });
    cursor = end;
  }
  if (cursor < passageEnd) segments.push({ text: text.slice(cursor - passageStart) });
  return segments;
}

function excerpts(index: SnapshotIndex, claims: Claim[], numbered: ReportClaim[], documents: Set<string> | undefined): ReportExcerpt[] {
  const spansByDoc = new Map<string, Array<{ start: number; end: number; number: number }>>();
  claims.forEach((claim, i) => {
    const number = numbered[i]?.number ?? i + 1;
    for (const a of usableAppearances(index, claim.id)) {
      if (documents && !documents.has(a.documentId)) continue;
      const list = spansByDoc.get(a.documentId) ?? [];
      list.push({ ...a.anchor.position, number });
      spansByDoc.set(a.documentId, list);
    }
  });
  const turnsByDoc = new Map<string, ProjectSnapshot['turns']>();
  for (const turn of index.snapshot.turns) {
    if (!spansByDoc.has(turn.documentId)) continue;
    const list = turnsByDoc.get(turn.documentId) ?? [];
    list.push(turn);
    turnsByDoc.set(turn.documentId, list);
  }
  const result: ReportExcerpt[] = [];
  for (const [documentId, spans] of spansByDoc) {
    const doc = index.documents.get(documentId);
    if (!doc) continue;
    const debate = index.debates.get(doc.debateId);
    const turns = (turnsByDoc.get(documentId) ?? []).sort((a, b) => a.offset - b.offset);
    // Passages: each turn a span touches, with its speaker (a span running on into the next turn brings that turn,
    // under its own speaker), or a window around spans in documents without turns.
    const ranges: Array<{ start: number; end: number; speaker?: string; turn?: boolean }> = [];
    const seenTurns = new Set<number>();
    for (const span of [...spans].sort((a, b) => a.start - b.start)) {
      const touched = turns.filter((t) => t.offset < span.end && span.start < t.offset + t.text.length);
      if (touched.length === 0) {
        const window = { start: Math.max(0, span.start - CONTEXT_CHARS), end: Math.min(doc.text.length, span.end + CONTEXT_CHARS) };
        const last = ranges[ranges.length - 1];
        if (last && !last.turn && window.start < last.end) last.end = Math.max(last.end, window.end);
        else ranges.push(window);
      }
      for (const turn of touched) {
        if (seenTurns.has(turn.offset)) continue;
        seenTurns.add(turn.offset);
        const speaker = reportPerson(index, turn.personId)?.name;
        ranges.push({ start: turn.offset, end: turn.offset + turn.text.length, turn: true, ...(speaker ? { speaker } : {}) });
      }
    }
    ranges.sort((a, b) => a.start - b.start);
    result.push({
      documentId,
      documentTitle: doc.title,
      ...(debate ? { debateTitle: debate.title } : {}),
      ...(debate?.date ? { date: debate.date } : {}),
      passages: ranges.map((r) => ({
        ...(r.speaker ? { speaker: r.speaker } : {}),
        segments: segmentPassage(doc.text.slice(r.start, r.end), r.start, spans.filter((s) => s.end > r.start && s.start < r.end)),
      })),
    });
  }
  return result.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.documentTitle.localeCompare(b.documentTitle));
}

const turnsCache = new WeakMap<SnapshotIndex, Map<string, ProjectSnapshot['turns']>>();
/** The turn of a document holding a position (turns grouped by document once per index). */
function turnHolding(index: SnapshotIndex, documentId: string, position: number): ProjectSnapshot['turns'][number] | undefined {
  let byDoc = turnsCache.get(index);
  if (!byDoc) {
    byDoc = new Map();
    for (const turn of index.snapshot.turns) {
      const list = byDoc.get(turn.documentId);
      if (list) list.push(turn);
      else byDoc.set(turn.documentId, [turn]);
    }
    turnsCache.set(index, byDoc);
  }
  return byDoc.get(documentId)?.find((t) => t.offset <= position && position < t.offset + t.text.length);
}

/** Builds the report's data from a snapshot: selection, numbering, breakdowns, excerpts and bibliography. */
export function buildReport(snapshot: ProjectSnapshot, options: ReportOptions): ReportModel {
  const index = indexSnapshot(snapshot);
  const documents = options.documentIds?.length ? new Set(options.documentIds) : undefined;
  const claims = selectClaims(index, options);
  const sourceIds = new Set<string>();
  for (const claim of claims) for (const link of index.evidenceByClaim.get(claim.id) ?? []) sourceIds.add(link.sourceId);
  const sources = [...sourceIds].flatMap((id) => index.sources.get(id) ?? []);
  const references = bibliography(sources, options.citationStyle);
  const citations = new Map(references.map((r) => [r.sourceId, r.text]));
  const numbered = claims.map((claim, i) => buildClaim(index, claim, i + 1, citations, documents));

  const byStatus = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  for (const claim of claims) byStatus[claim.status] += 1;
  const docIds = new Set<string>();
  for (const claim of claims) {
    for (const a of index.appearancesByClaim.get(claim.id) ?? []) if (!documents || documents.has(a.documentId)) docIds.add(a.documentId);
  }
  const summaryDocuments = [...docIds].flatMap((id) => {
    const doc = index.documents.get(id);
    if (!doc) return [];
    const debate = index.debates.get(doc.debateId);
    return [{ id, title: doc.title, ...(debate ? { debateTitle: debate.title } : {}), ...(debate?.date ? { date: debate.date } : {}) }];
  });

  return {
    title: options.title,
    organisation: options.organisation,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    sections: options.sections,
    citationStyle: options.citationStyle,
    summary: {
      claimCount: claims.length,
      speakerCount: new Set(claims.flatMap((c) => (c.claimantId ? [c.claimantId] : []))).size,
      documentCount: summaryDocuments.length,
      evidenceCount: numbered.reduce((n, c) => n + c.evidence.length, 0),
      byStatus,
      documents: summaryDocuments,
    },
    claims: numbered,
    verdictBreakdown: breakdown(index, claims, numbered),
    comparison: comparison(index, numbered, claims),
    excerpts: excerpts(index, claims, numbered, documents),
    bibliography: references.map((r) => {
      const url = safeHttpUrl(index.sources.get(r.sourceId)?.csl.URL);
      return { sourceId: r.sourceId, text: r.text, ...(url ? { url } : {}) };
    }),
    agreement: agreementByDebate({
      ...snapshot,
      claims,
      appearances: documents ? snapshot.appearances.filter((a) => documents.has(a.documentId)) : snapshot.appearances,
    }),
  };
}
