import type { ProjectSnapshot, TableName } from '../model.js';
import { CLAIM_STATUSES, CLAIM_TYPES, DEBATE_KINDS, DOCUMENT_FORMATS, EVIDENCE_RELATIONS, SNAPSHOT_TABLES, TURN_KINDS } from '../model.js';

/** Data from outside that cannot be made into a project; `message` names the table and record for the user. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);

/** Stamps: an old record may lack one or both; the other, or a fixed date, stands in so output stays reproducible. */
function stamps(r: Rec): { createdAt: string; updatedAt: string } {
  const createdAt = str(r.createdAt, str(r.updatedAt, '1970-01-01T00:00:00.000Z'));
  return { createdAt, updatedAt: str(r.updatedAt, createdAt) };
}

/**
 * Anchors: the current shape, or the older flat ones (`anchor: { start, end, exact, prefix, suffix }`, or `quote`
 * given as a bare string).
 */
function anchor(raw: unknown): Rec {
  const a = isRecord(raw) ? raw : {};
  const quote = isRecord(a.quote) ? a.quote : { exact: typeof a.quote === 'string' ? a.quote : a.exact, prefix: a.prefix, suffix: a.suffix };
  const position = isRecord(a.position) ? a.position : { start: a.start, end: a.end };
  const { exact: _e, prefix: _p, suffix: _s, start: _st, end: _en, ...rest } = a;
  return {
    ...rest,
    quote: { ...quote, exact: str(quote.exact, ''), prefix: str(quote.prefix, ''), suffix: str(quote.suffix, '') },
    position: { ...position, start: num(position.start, 0), end: num(position.end, 0) },
    documentVersion: num(a.documentVersion, 1),
  };
}

const anchorState = (v: unknown) => oneOf(v, ['anchored', 'review', 'orphaned'] as const, 'anchored');

/** Per table: the defaults to fill in. Existing values win, unknown fields pass through untouched. */
const NORMALISERS: Record<TableName, (r: Rec) => Rec> = {
  debates: (r) => ({ ...r, title: str(r.title, 'Untitled debate'), kind: oneOf(r.kind, DEBATE_KINDS, 'tv-debate'), ...stamps(r) }),
  people: (r) => ({ ...r, name: str(r.name, 'Unnamed'), aliases: strings(r.aliases), ...stamps(r) }),
  participants: (r) => ({
    ...r,
    debateId: str(r.debateId, ''),
    personId: str(r.personId, ''),
    role: oneOf(r.role, ['candidate', 'moderator', 'panelist', 'audience'] as const, 'candidate'),
    ...stamps(r),
  }),
  documents: (r) => ({
    ...r,
    debateId: str(r.debateId, ''),
    title: str(r.title, 'Untitled document'),
    format: oneOf(r.format, DOCUMENT_FORMATS, 'text'),
    text: str(r.text, ''),
    version: num(r.version, 1),
    ...stamps(r),
  }),
  turns: (r) => ({
    ...r,
    documentId: str(r.documentId, ''),
    index: num(r.index, 0),
    personId: typeof r.personId === 'string' ? r.personId : null,
    kind: oneOf(r.kind, TURN_KINDS, typeof r.personId === 'string' ? 'speech' : 'narration'),
    text: str(r.text, ''),
    offset: num(r.offset, 0),
  }),
  claims: (r) => ({
    ...r,
    text: str(r.text, ''),
    // Older exports had one `topicId`.
    topicIds: Array.isArray(r.topicIds) ? strings(r.topicIds) : typeof r.topicId === 'string' ? [r.topicId] : [],
    type: oneOf(r.type, CLAIM_TYPES, 'position'),
    status: oneOf(r.status, CLAIM_STATUSES, 'new'),
    ...stamps(r),
  }),
  appearances: (r) => ({
    ...r,
    claimId: str(r.claimId, ''),
    documentId: str(r.documentId, ''),
    anchor: anchor(r.anchor ?? { start: r.start, end: r.end, exact: r.exact, prefix: r.prefix, suffix: r.suffix }),
    state: anchorState(r.state),
    ...(r.proposed !== undefined ? { proposed: anchor(r.proposed) } : {}),
    ...stamps(r),
  }),
  notes: (r) => ({
    ...r,
    documentId: str(r.documentId, ''),
    anchor: anchor(r.anchor),
    state: anchorState(r.state),
    kind: oneOf(r.kind, ['note', 'tag'] as const, 'note'),
    body: str(r.body, ''),
    ...stamps(r),
  }),
  sources: (r) => {
    const csl = isRecord(r.csl) ? r.csl : {};
    return {
      ...r,
      kind: str(r.kind, 'report'),
      csl: { ...csl, id: str(csl.id, str(r.id, '')), type: str(csl.type, 'document') },
      tags: strings(r.tags),
      attachments: Array.isArray(r.attachments) ? r.attachments.filter((a) => isRecord(a) && typeof a.hash === 'string') : [],
      ...stamps(r),
    };
  },
  evidence: (r) => ({
    ...r,
    claimId: str(r.claimId, ''),
    sourceId: str(r.sourceId, ''),
    relation: oneOf(r.relation, EVIDENCE_RELATIONS, 'context'),
    locator: isRecord(r.locator) ? r.locator : {},
    ...stamps(r),
  }),
  scales: (r) => {
    const steps = Array.isArray(r.steps) ? r.steps.filter(isRecord) : [];
    return {
      ...r,
      name: str(r.name, 'Scale'),
      kind: oneOf(r.kind, ['rated', 'conclusion-only'] as const, steps.length ? 'rated' : 'conclusion-only'),
      steps,
      builtIn: r.builtIn === true,
      ...stamps(r),
    };
  },
  verdicts: (r) => ({
    ...r,
    claimId: str(r.claimId, ''),
    scaleId: str(r.scaleId, ''),
    conclusion: str(r.conclusion, ''),
    reasoning: str(r.reasoning, ''),
    author: str(r.author, ''),
    history: Array.isArray(r.history) ? r.history.filter(isRecord) : [],
    ...stamps(r),
  }),
  topics: (r) => ({ ...r, name: str(r.name, 'Topic'), ...stamps(r) }),
  stances: (r) => ({
    ...r,
    personId: str(r.personId, ''),
    topicId: str(r.topicId, ''),
    label: str(r.label, ''),
    appearanceIds: strings(r.appearanceIds),
    ...stamps(r),
  }),
};

/**
 * The one way into a ProjectSnapshot for anything loaded from outside (bundle, project JSON, backup): missing
 * tables become empty, missing fields get defaults, old shapes are upgraded, and fields we do not know are kept so
 * a newer app's data survives a trip through an older one. A record without an id is refused.
 */
export function normaliseSnapshot(raw: unknown): ProjectSnapshot {
  if (!isRecord(raw)) throw new SnapshotError('The project data is not an object.');
  const out: Partial<Record<TableName, Rec[]>> = {};
  for (const table of SNAPSHOT_TABLES) {
    const rows = raw[table];
    if (rows === undefined || rows === null) {
      out[table] = [];
      continue;
    }
    if (!Array.isArray(rows)) throw new SnapshotError(`The "${table}" table is not a list.`);
    const seen = new Set<string>();
    out[table] = rows.map((row, i) => {
      if (!isRecord(row) || typeof row.id !== 'string' || row.id === '') {
        throw new SnapshotError(`Record ${i + 1} of "${table}" has no id.`);
      }
      if (seen.has(row.id)) throw new SnapshotError(`"${table}" holds the id "${row.id}" twice.`);
      seen.add(row.id);
      return NORMALISERS[table](row);
    });
  }
  return out as unknown as ProjectSnapshot;
}
