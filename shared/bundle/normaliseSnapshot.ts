import { z } from 'zod';
import { cleanFileName } from '../fileNames.js';
import type { ProjectSnapshot, TableName } from '../model.js';
import { normaliseClaimQuantities, normaliseTableCheck } from './normaliseQuantities.js';
import { CLAIM_STATUSES, CLAIM_TYPES, DEBATE_KINDS, DOCUMENT_FORMATS, EVIDENCE_RELATIONS, SNAPSHOT_TABLES, TURN_KINDS } from '../model.js';
import { webAddress } from '../sources/webAddress.js';
import { BUILT_IN_SCALES } from '../verdicts/scales.js';

const BUILT_IN_SCALE_IDS = BUILT_IN_SCALES.map((scale) => scale.id);

/** Optional fields a normaliser found unusable or absent (claim quantities, table checks) are left out, not kept as undefined. */
function withoutUndefined<T extends Record<string, unknown>>(r: T): T {
  for (const key of ['quantities', 'check']) if (r[key] === undefined) delete r[key];
  return r;
}

/** Data from outside that cannot be made into a project; `message` names the table and record for the user. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What the normaliser changed to make the data usable, counted while one snapshot is read. Filling in a field an
 * older version never wrote is an upgrade, not a repair: only values of the wrong type are counted.
 */
interface RepairTally {
  wrongTypes: number;
  dangling: Map<string, number>;
  unsafeUrls: number;
  fileNames: number;
  attachments: number;
}
let tally: RepairTally | undefined;
const noteWrongType = (input: unknown) => {
  if (input !== undefined && tally) tally.wrongTypes += 1;
};

// --- field schemas: each repairs a wrong value with the default, and counts it -----------------------------------

const str = (fallback: string) =>
  z.string().catch((ctx) => {
    noteWrongType(ctx.input);
    return fallback;
  });
const optStr = z
  .string()
  .optional()
  .catch((ctx) => {
    noteWrongType(ctx.input);
    return undefined;
  });
const num = (fallback: number) =>
  z
    .number()
    .refine(Number.isFinite)
    .catch((ctx) => {
      noteWrongType(ctx.input);
      return fallback;
    });
const optNum = z
  .number()
  .refine(Number.isFinite)
  .optional()
  .catch((ctx) => {
    noteWrongType(ctx.input);
    return undefined;
  });
const oneOf = <T extends string>(allowed: readonly [T, ...T[]], fallback: T) =>
  z.enum(allowed).catch((ctx) => {
    noteWrongType(ctx.input);
    return fallback;
  });
/** A list of strings; other items are dropped. */
const strings = z.unknown().optional().transform((v) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []));
/** String-to-string metadata; other values are dropped. */
const metadata = z
  .unknown()
  .optional()
  .transform((v) => (isRecord(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : undefined));
const records = z.unknown().optional().transform((v) => (Array.isArray(v) ? v.filter(isRecord) : []));
const anchorState = oneOf(['anchored', 'review', 'orphaned'], 'anchored');

/** Stamps: an old record may lack one or both; the other, or a fixed date, stands in so output stays reproducible. */
function withStamps<T extends Rec>(r: T): T & { createdAt: string; updatedAt: string } {
  const createdAt = typeof r.createdAt === 'string' ? r.createdAt : typeof r.updatedAt === 'string' ? r.updatedAt : '1970-01-01T00:00:00.000Z';
  return { ...r, createdAt, updatedAt: typeof r.updatedAt === 'string' ? r.updatedAt : createdAt };
}

/**
 * Anchors: the current shape, or the older flat ones (`anchor: { start, end, exact, prefix, suffix }`, or `quote`
 * given as a bare string).
 */
function upgradeAnchor(raw: unknown): Rec {
  const a = isRecord(raw) ? raw : {};
  const quote = isRecord(a.quote) ? a.quote : { exact: typeof a.quote === 'string' ? a.quote : a.exact, prefix: a.prefix, suffix: a.suffix };
  const position = isRecord(a.position) ? a.position : { start: a.start, end: a.end };
  const { exact: _e, prefix: _p, suffix: _s, start: _st, end: _en, ...rest } = a;
  return { ...rest, quote, position };
}
const anchor = z.preprocess(
  upgradeAnchor,
  z.looseObject({
    quote: z.looseObject({ exact: str(''), prefix: str(''), suffix: str('') }),
    position: z.looseObject({ start: num(0), end: num(0) }),
    documentVersion: num(1),
  }),
);

const attachment = z.unknown().optional().transform((raw): Rec | undefined => {
  if (!isRecord(raw) || typeof raw.hash !== 'string' || !/^[0-9a-f]{64}$/.test(raw.hash)) {
    if (tally) tally.attachments += 1;
    return undefined;
  }
  const name = typeof raw.name === 'string' ? cleanFileName(raw.name) : '';
  if (tally && typeof raw.name === 'string' && name !== raw.name) tally.fileNames += 1;
  return {
    ...raw,
    name: name || `file-${raw.hash.slice(0, 8)}`,
    mediaType: typeof raw.mediaType === 'string' ? raw.mediaType : 'application/octet-stream',
    size: typeof raw.size === 'number' && Number.isFinite(raw.size) && raw.size >= 0 ? raw.size : 0,
  };
});

/** A blind second review (issue 14): its own string fields only; one without a reviewer or a scale is dropped. */
function blindReview(raw: unknown): { secondReview?: Rec } {
  if (!isRecord(raw) || typeof raw.reviewer !== 'string' || typeof raw.scaleId !== 'string') return {};
  const review: Rec = { reviewer: raw.reviewer, requestedBy: typeof raw.requestedBy === 'string' ? raw.requestedBy : '', requestedAt: typeof raw.requestedAt === 'string' ? raw.requestedAt : '1970-01-01T00:00:00.000Z', scaleId: raw.scaleId };
  for (const key of ['stepId', 'reasoning', 'ratedAt'] as const) if (typeof raw[key] === 'string') review[key] = raw[key];
  return { secondReview: review };
}

// --- one schema per table: defaults for what is missing, repairs for what is wrong, unknown fields kept ----------

const SCHEMAS: Record<TableName, z.ZodType<Rec>> = {
  debates: z.looseObject({ title: str('Untitled debate'), kind: oneOf(DEBATE_KINDS, 'tv-debate'), date: optStr, venue: optStr, notes: optStr }),
  people: z.looseObject({ name: str('Unnamed'), aliases: strings, party: optStr, color: optStr }),
  participants: z.looseObject({
    debateId: str(''),
    personId: str(''),
    role: oneOf(['candidate', 'moderator', 'panelist', 'audience'], 'candidate'),
    party: optStr,
  }),
  documents: z
    .looseObject({
      debateId: str(''),
      title: str('Untitled document'),
      format: oneOf(DOCUMENT_FORMATS, 'text'),
      text: str(''),
      version: num(1),
      fileHash: optStr,
      fileName: optStr,
      metadata,
    })
    .transform((d) => {
      if (typeof d.fileName !== 'string') return d;
      const clean = cleanFileName(d.fileName);
      if (clean !== d.fileName && tally) tally.fileNames += 1;
      return { ...d, fileName: clean };
    }),
  turns: z.looseObject({
    documentId: str(''),
    index: num(0),
    personId: z.string().nullable().catch(null),
    kind: z.unknown().optional(),
    text: str(''),
    offset: num(0),
    start: optNum,
    end: optNum,
    metadata,
  }).transform((t) => ({ ...t, kind: (TURN_KINDS as readonly unknown[]).includes(t.kind) ? t.kind : typeof t.personId === 'string' ? 'speech' : 'narration' })),
  claims: z
    .looseObject({
      text: str(''),
      topicIds: z.unknown().optional(),
      type: oneOf(CLAIM_TYPES, 'position'),
      status: oneOf(CLAIM_STATUSES, 'new'),
      claimantId: optStr,
      date: optStr,
      notes: optStr,
      quantities: z.unknown().optional(),
    })
    // Older exports had one `topicId`. A blind second review keeps only its own string fields, or goes.
    .transform(({ secondReview, ...c }) =>
      withoutUndefined({
        ...c,
        topicIds: Array.isArray(c.topicIds) ? c.topicIds.filter((x): x is string => typeof x === 'string') : typeof c.topicId === 'string' ? [c.topicId] : [],
        quantities: normaliseClaimQuantities(c.quantities),
        ...blindReview(secondReview),
      }),
    ),
  appearances: z.preprocess(
    (r) => (isRecord(r) && r.anchor === undefined ? { ...r, anchor: { start: r.start, end: r.end, exact: r.exact, prefix: r.prefix, suffix: r.suffix } } : r),
    z.looseObject({ claimId: str(''), documentId: str(''), anchor, state: anchorState, proposed: anchor.optional(), turnId: optStr, topicIds: strings.optional() }),
  ) as z.ZodType<Rec>,
  notes: z.looseObject({ documentId: str(''), anchor, state: anchorState, kind: oneOf(['note', 'tag'], 'note'), body: str(''), proposed: anchor.optional() }),
  sources: z
    .looseObject({
      kind: str('report'),
      csl: z.unknown().optional(),
      tags: strings,
      attachments: z.unknown().optional().transform((v) => (Array.isArray(v) ? v.map((a) => attachment.parse(a)).filter((a): a is Rec => a !== undefined) : [])),
      reliability: optStr,
    })
    .transform((s) => {
      const csl = isRecord(s.csl) ? { ...s.csl } : {};
      if (csl.URL !== undefined && !webAddress(csl.URL)) {
        // A javascript: or data: link would run or show anything where it is clicked: it does not come in.
        if (tally) tally.unsafeUrls += 1;
        delete csl.URL;
      }
      return { ...s, csl: { ...csl, id: typeof csl.id === 'string' ? csl.id : String(s.id ?? ''), type: typeof csl.type === 'string' ? csl.type : 'document' } };
    }),
  evidence: z.looseObject({
    claimId: str(''),
    sourceId: str(''),
    relation: oneOf(EVIDENCE_RELATIONS, 'context'),
    locator: z.unknown().optional().transform((v) => (isRecord(v) ? v : {})),
    edition: optStr,
    figureYear: optStr,
    excerpt: optStr,
    note: optStr,
    check: z.unknown().optional(),
  }).transform((e) => withoutUndefined({ ...e, check: normaliseTableCheck(e.check) })),
  scales: z
    .looseObject({ name: str('Scale'), steps: records, builtIn: z.unknown().optional().transform((v) => v === true), kind: z.unknown().optional() })
    .transform((s) => ({ ...s, kind: s.kind === 'rated' || s.kind === 'conclusion-only' ? s.kind : s.steps.length ? 'rated' : 'conclusion-only' })),
  verdicts: z.looseObject({
    claimId: str(''),
    scaleId: str(''),
    stepId: optStr,
    conclusion: str(''),
    reasoning: str(''),
    author: str(''),
    history: records,
  }),
  topics: z.looseObject({ name: str('Topic'), parentId: optStr }),
  stances: z.looseObject({ personId: str(''), topicId: str(''), label: str(''), text: optStr, date: optStr, appearanceIds: strings }),
};

/** Ids that cannot be right: they name the prototype machinery of the very objects records are kept in. */
const FORBIDDEN_IDS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_ID_LENGTH = 512;

function checkId(row: unknown, table: TableName, index: number): string {
  if (!isRecord(row) || typeof row.id !== 'string' || row.id === '') throw new SnapshotError(`Record ${index + 1} of "${table}" has no id.`);
  const id = row.id;
  if (FORBIDDEN_IDS.has(id)) throw new SnapshotError(`Record ${index + 1} of "${table}" has the id "${id}", which no Claimdesk record can have.`);
  if (id.length > MAX_ID_LENGTH || /[\u0000-\u001f\u007f]/.test(id)) throw new SnapshotError(`Record ${index + 1} of "${table}" has an id no Claimdesk record can have.`);
  return id;
}

function dropUndefined(r: Rec): Rec {
  for (const key of Object.keys(r)) if (r[key] === undefined) delete r[key];
  return r;
}

/** Options for reading a snapshot from outside. */
export interface NormaliseOptions {
  /**
   * Check the links between records: refuse a cycle of topic parents, drop records whose required links point at
   * records that are not in the data, clear optional links that do. For whole projects from outside (bundles);
   * fragments (a salvage of a damaged database) leave it off.
   */
  checkLinks?: boolean;
  /**
   * The data is a cut of a library (a bundle of some debates): records may point at appearances that stayed
   * behind, so stances keep their appearance ids. Everything else must point inside the data.
   */
  partial?: boolean;
}

/** A snapshot made usable, with one sentence per kind of repair (empty when nothing was repaired). */
export interface NormalisedSnapshot {
  snapshot: ProjectSnapshot;
  repairs: string[];
}

/**
 * The one way into a ProjectSnapshot for anything loaded from outside (bundle, project JSON, backup): every record
 * is validated with zod; missing tables become empty, missing fields get defaults, old shapes are upgraded, and
 * fields we do not know are kept so a newer app's data survives a trip through an older one. What cannot be right
 * is refused with a SnapshotError (a record without an id, an id twice, `__proto__` as an id, and with
 * `checkLinks` a cycle of topic parents); what can be repaired is (values of the wrong type, source URLs that are
 * not web addresses, hidden characters in file names, and with `checkLinks` links to records that are not there),
 * and each kind of repair is said in `repairs`.
 */
export function normaliseSnapshotWithRepairs(raw: unknown, options: NormaliseOptions = {}): NormalisedSnapshot {
  if (!isRecord(raw)) throw new SnapshotError('The project data is not an object.');
  const outer = tally;
  const local: RepairTally = { wrongTypes: 0, dangling: new Map(), unsafeUrls: 0, fileNames: 0, attachments: 0 };
  tally = local;
  try {
    const out = {} as Record<TableName, Rec[]>;
    for (const table of SNAPSHOT_TABLES) {
      const rows = raw[table];
      if (rows === undefined || rows === null) {
        out[table] = [];
        continue;
      }
      if (!Array.isArray(rows)) throw new SnapshotError(`The "${table}" table is not a list.`);
      const seen = new Set<string>();
      out[table] = rows.map((row, i) => {
        const id = checkId(row, table, i);
        if (seen.has(id)) throw new SnapshotError(`"${table}" holds the id "${id}" twice.`);
        seen.add(id);
        const parsed = { ...SCHEMAS[table].parse(row), id };
        // Turns carry no stamps of their own; every other record does.
        return dropUndefined(table === 'turns' ? parsed : withStamps(parsed));
      });
    }
    let snapshot = out as unknown as ProjectSnapshot;
    if (options.checkLinks) {
      refuseTopicCycles(out.topics);
      snapshot = dropDanglingLinks(snapshot, local, options);
    }
    return { snapshot, repairs: describeRepairs(local) };
  } finally {
    tally = outer;
  }
}

/** normaliseSnapshotWithRepairs, for callers that need only the snapshot. */
export function normaliseSnapshot(raw: unknown, options: NormaliseOptions = {}): ProjectSnapshot {
  return normaliseSnapshotWithRepairs(raw, options).snapshot;
}

/** A topic that is its own ancestor would send every tree walk round for ever: refused, naming the topics. */
function refuseTopicCycles(topics: Rec[]): void {
  const parentOf = new Map(topics.map((t) => [t.id as string, typeof t.parentId === 'string' ? t.parentId : undefined]));
  const nameOf = new Map(topics.map((t) => [t.id as string, String(t.name)]));
  const done = new Set<string>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    for (let id: string | undefined = start; id !== undefined && parentOf.has(id) && !done.has(id); id = parentOf.get(id)) {
      if (onPath.has(id)) {
        const cycle = path.slice(path.indexOf(id)).map((t) => `“${nameOf.get(t)}”`);
        throw new SnapshotError(
          cycle.length === 1 ? `The topic ${cycle[0]} is its own parent.` : `The topics ${cycle.join(', ')} are each other's parents (a cycle).`,
        );
      }
      onPath.add(id);
      path.push(id);
    }
    for (const id of path) done.add(id);
  }
}

/**
 * Drops records whose required links point at records that are not there, and clears optional links that do,
 * counting each. Runs parents first, so a dropped document takes its turns, appearances and notes with it.
 */
function dropDanglingLinks(s: ProjectSnapshot, t: RepairTally, options: NormaliseOptions): ProjectSnapshot {
  const count = (what: string, n = 1) => t.dangling.set(what, (t.dangling.get(what) ?? 0) + n);
  const ids = <T extends { id: string }>(rows: T[]) => new Set(rows.map((r) => r.id));
  const keep = <T>(rows: T[], what: string, ok: (row: T) => boolean): T[] => {
    const kept = rows.filter(ok);
    if (kept.length < rows.length) count(what, rows.length - kept.length);
    return kept;
  };
  const debates = ids(s.debates);
  const people = ids(s.people);
  const topics = ids(s.topics);
  const sources = ids(s.sources);
  const scales = new Set([...ids(s.scales), ...BUILT_IN_SCALE_IDS]);

  const topicList = s.topics.map((topic) => {
    if (topic.parentId === undefined || topics.has(topic.parentId)) return topic;
    count('topic parents');
    const { parentId: _gone, ...rest } = topic;
    return rest;
  });
  const participants = keep(s.participants, 'participants', (p) => debates.has(p.debateId) && people.has(p.personId));
  const documents = keep(s.documents, 'documents', (d) => debates.has(d.debateId));
  const documentIds = ids(documents);
  const turns = keep(s.turns, 'turns', (turn) => documentIds.has(turn.documentId)).map((turn) => {
    if (turn.personId === null || people.has(turn.personId)) return turn;
    count('speakers of turns');
    return { ...turn, personId: null };
  });
  const claims = s.claims.map((claim) => {
    let next = claim;
    if (claim.claimantId !== undefined && !people.has(claim.claimantId)) {
      count('claimants');
      const { claimantId: _gone, ...rest } = next;
      next = rest;
    }
    const topicIds = next.topicIds.filter((id) => topics.has(id));
    if (topicIds.length < next.topicIds.length) {
      count('claim topics', next.topicIds.length - topicIds.length);
      next = { ...next, topicIds };
    }
    return next;
  });
  const claimIds = ids(claims);
  const appearances = keep(s.appearances, 'appearances', (a) => claimIds.has(a.claimId) && documentIds.has(a.documentId));
  const appearanceIds = ids(appearances);
  return {
    ...s,
    topics: topicList,
    participants,
    documents,
    turns,
    claims,
    appearances,
    notes: keep(s.notes, 'notes', (n) => documentIds.has(n.documentId)),
    evidence: keep(s.evidence, 'evidence links', (e) => claimIds.has(e.claimId) && sources.has(e.sourceId)),
    verdicts: keep(s.verdicts, 'verdicts', (v) => claimIds.has(v.claimId) && scales.has(v.scaleId)),
    stances: keep(s.stances, 'stances', (st) => people.has(st.personId) && topics.has(st.topicId)).map((st) => {
      if (options.partial) return st;
      const kept = st.appearanceIds.filter((id) => appearanceIds.has(id));
      if (kept.length === st.appearanceIds.length) return st;
      count('stance appearances', st.appearanceIds.length - kept.length);
      return { ...st, appearanceIds: kept };
    }),
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** The singular of each kind of dropped link, for the repair sentence. */
const LINK_LABELS: Record<string, [string]> = {
  'topic parents': ['topic parent'],
  participants: ['participant'],
  documents: ['document'],
  turns: ['turn'],
  'speakers of turns': ['speaker of a turn'],
  claimants: ['claimant'],
  'claim topics': ['claim topic'],
  appearances: ['appearance'],
  notes: ['note'],
  'evidence links': ['evidence link'],
  verdicts: ['verdict'],
  stances: ['stance'],
  'stance appearances': ['stance appearance'],
};

function describeRepairs(t: RepairTally): string[] {
  const out: string[] = [];
  const dangling = [...t.dangling.entries()];
  if (dangling.length) {
    const total = dangling.reduce((sum, [, n]) => sum + n, 0);
    out.push(
      `${plural(total, 'link pointed', 'links pointed')} at records that are not there and ${total === 1 ? 'was' : 'were'} dropped (${dangling.map(([what, n]) => plural(n, LINK_LABELS[what]?.[0] ?? what, what)).join(', ')}).`,
    );
  }
  if (t.wrongTypes) out.push(`${plural(t.wrongTypes, 'value of the wrong type was', 'values of the wrong type were')} replaced by the default.`);
  if (t.unsafeUrls) out.push(`${plural(t.unsafeUrls, 'source URL that was not a web address was', 'source URLs that were not web addresses were')} removed (only http and https links are kept).`);
  if (t.fileNames) out.push(`Hidden formatting characters were removed from ${plural(t.fileNames, 'file name', 'file names')}.`);
  if (t.attachments) out.push(`${plural(t.attachments, 'attachment that names no stored file was', 'attachments that name no stored file were')} dropped.`);
  return out;
}
