import type {
  Appearance,
  Claim,
  ClaimStatus,
  ClaimType,
  Debate,
  DocumentRecord,
  Person,
  Stance,
  Topic,
  Verdict,
  VerdictScale,
} from '../model.js';
import { topicPath } from './topicPath.js';
import { flattenTopicTree, topicTree } from './topicTree.js';

/**
 * The aggregation behind the "compare candidates" view: topics as rows, speakers as columns, verdict counts,
 * stances and key quotes in the cells, per-speaker totals, and flags for shifting or clashing positions.
 *
 * Decisions the view relies on:
 * - "Checked" means the claim has a verdict, on any scale, conclusion-only included. A claim whose status says
 *   checked/published but that has no verdict is not counted: it gives the reader nothing to compare, and the
 *   too-few-checked warning has to follow the verdicts as they are added.
 * - A claim with several verdicts is judged by the one updated last.
 * - A claim is in scope when, with `debateIds`, one of its appearances is in a document of those debates, and, with
 *   `from`/`to` (inclusive, YYYY-MM-DD), its own date is in range, or, undated, the date of a debate it appears in
 *   (among the scoped appearances) is. Stances are scoped the same way, through their own date and appearances, so
 *   with debates picked a stance that quotes nothing is out. An
 *   empty list in the scope or the filters means "no restriction", as an empty picker does in the window.
 * - A claim belongs to its own topics and its appearances' topics. With `includeSubtopics` it also counts, once,
 *   for every ancestor row. Stances do not roll up: a position on Article 5 is not a position on NATO.
 * - Flags are raised per person and per topic the claim or stance names itself (no roll-up), see `ComparisonFlag`.
 */

/** The records the comparison reads; documents and debates only need their ids, debate link and date. */
export interface ComparisonInput {
  claims: readonly Claim[];
  appearances: readonly Appearance[];
  verdicts: readonly Verdict[];
  scales: readonly VerdictScale[];
  topics: readonly Topic[];
  stances: readonly Stance[];
  documents: readonly Pick<DocumentRecord, 'id' | 'debateId'>[];
  people: readonly Pick<Person, 'id' | 'name' | 'party' | 'color'>[];
  /** Needed only to place undated claims and stances in a date range. */
  debates?: readonly Pick<Debate, 'id' | 'date'>[];
}

/** Which debates or dates the comparison covers; empty means the whole library. */
export interface ComparisonScope {
  debateIds?: readonly string[];
  /** Inclusive, YYYY-MM-DD. */
  from?: string;
  /** Inclusive, YYYY-MM-DD. */
  to?: string;
}

/** Filters on the claims; topicIds also chooses the rows. */
export interface ComparisonFilters {
  topicIds?: readonly string[];
  types?: readonly ClaimType[];
  statuses?: readonly ClaimStatus[];
}

/** What to compare: 2–6 speakers over a scope. */
export interface ComparisonOptions {
  speakerIds: readonly string[];
  scope: ComparisonScope;
  filters?: ComparisonFilters;
  /** Fewer checked claims than this in a cell or for a speaker raises the too-few-checked warning. */
  minChecked?: number;
  /** Count claims on a subtopic in every ancestor's row too. */
  includeSubtopics?: boolean;
}

export const MIN_SPEAKERS = 2;
export const MAX_SPEAKERS = 6;
export const DEFAULT_MIN_CHECKED = 3;
export const MAX_KEY_QUOTES = 3;
/** Common values at or beyond these ends make two ratings "opposite" for the contradiction flag. */
export const FALSE_END = 0.2;
export const TRUE_END = 0.8;

/** One bar segment: a step of a scale, verdicts without a rating, or claims without a verdict. */
export interface VerdictBucket {
  /** Unique across scales: `scaleId:stepId`, `conclusion-only` or `unrated`. */
  key: string;
  stepId: string;
  scaleId?: string;
  scaleName?: string;
  label: string;
  color: string;
  /** The step's place on the common scale (1 true, 0 false); absent for the two unrated buckets. */
  value?: number;
  count: number;
}

/** A quote the reader can jump to: the exact span of an appearance. */
export interface KeyQuote {
  appearanceId: string;
  claimId: string;
  documentId: string;
  quote: string;
  start: number;
  end: number;
}

/** One speaker on one topic. */
export interface ComparisonCell {
  personId: string;
  /** The latest stance in scope. */
  stance?: Stance;
  /** Stances in scope, oldest first; undated ones come before dated ones, since their age is unknown. */
  stanceHistory: Stance[];
  keyQuotes: KeyQuote[];
  claimCount: number;
  /** Non-empty buckets in legend order, unrated last. */
  byVerdict: VerdictBucket[];
  checked: number;
  /** Checked claims whose verdict sits on a rated step. */
  rated: number;
  tooFewChecked: boolean;
  /** Mean common value (0..1) of the rated claims. */
  meanCommonValue?: number;
}

/** One topic row. Depth is the topic's depth in the whole tree, so filtered rows keep their indentation. */
export interface ComparisonRow {
  topic: Topic;
  depth: number;
  path: string;
  cells: ComparisonCell[];
  /** No claims and no stances for any of the speakers. */
  empty: boolean;
}

/** A fifth of the common scale; bin 4 includes 1. */
export interface CommonBin {
  bin: number;
  from: number;
  to: number;
  label: string;
  count: number;
  /** Of the speaker's rated claims; 0 when there are none. */
  share: number;
}

/** A verdict bucket with its share of the speaker's checked claims. */
export interface VerdictShare extends VerdictBucket {
  share: number;
}

/** All of one speaker's claims in scope (each claim once, whatever its topics). */
export interface SpeakerTotals {
  personId: string;
  name: string;
  party?: string;
  color?: string;
  claimCount: number;
  checked: number;
  rated: number;
  unchecked: number;
  tooFewChecked: boolean;
  /** Checked claims only, so shares add up to 1 over checked claims. */
  byVerdict: VerdictShare[];
  /** Rated claims on the common scale, so speakers rated under different scales compare. */
  distribution: CommonBin[];
  meanCommonValue?: number;
}

/**
 * stance-change: two dated stances of a person on a topic, consecutive in time, with different labels.
 * contradiction, reason 'stances-disagree': stances of a person on a topic with different labels that cannot be
 * ordered in time (same date, or both undated). contradiction, reason 'verdicts-opposite': among a person's claims
 * on a topic, one is rated at or above TRUE_END and another at or below FALSE_END; the ids name the highest and
 * the lowest rated claim. It is a prompt to read both, not a judgement that they contradict.
 */
export interface ComparisonFlag {
  kind: 'stance-change' | 'contradiction';
  reason: 'stance-change' | 'stances-disagree' | 'verdicts-opposite';
  personId: string;
  topicId: string;
  detail: string;
  /** Stance ids, or claim ids for 'verdicts-opposite'. */
  ids: string[];
}

/** The compare view's data. */
export interface Comparison {
  rows: ComparisonRow[];
  speakers: SpeakerTotals[];
  flags: ComparisonFlag[];
  /** Every bucket that occurs, in display order, with total counts: the chart legend and the CSV columns. */
  legend: VerdictBucket[];
  minChecked: number;
}

/** The id of the row for claims without a topic (not a topic record: no stance can be set there). */
export const NO_TOPIC_ID = 'no-topic';
export const NO_TOPIC_NAME = 'No topic';

export const CONCLUSION_ONLY = 'conclusion-only';
export const UNRATED = 'unrated';

export const COMMON_BIN_LABELS = ['False', 'Mostly false', 'Mixed', 'Mostly true', 'True'] as const;

/** The bin (0..4) of a common value; values are clamped to 0..1 and 1 falls in the top bin. */
export function commonBin(value: number): number {
  const v = Math.min(1, Math.max(0, value));
  // The epsilon keeps 0.6 (0.6 * 5 = 2.9999…) in the bin its step was meant for.
  return Math.min(4, Math.floor(v * 5 + 1e-9));
}

interface BucketInfo {
  key: string;
  stepId: string;
  scaleId?: string;
  scaleName?: string;
  label: string;
  color: string;
  value?: number;
  order: number;
}

interface Rating {
  bucket: BucketInfo;
  checked: boolean;
  value?: number;
}

interface Tally {
  claimCount: number;
  checked: number;
  rated: number;
  valueSum: number;
  buckets: Map<BucketInfo, number>;
}

interface CellAcc extends Tally {
  /** The first claims with a quotable appearance, and their appearances in scope. */
  quoteClaims: (readonly Appearance[])[];
  stances: Stance[];
}

interface Extremes {
  high?: { claim: Claim; rating: Rating };
  low?: { claim: Claim; rating: Rating };
}

const newTally = (): Tally => ({ claimCount: 0, checked: 0, rated: 0, valueSum: 0, buckets: new Map() });

function addToTally(tally: Tally, rating: Rating): void {
  tally.claimCount += 1;
  if (rating.checked) tally.checked += 1;
  if (rating.value !== undefined) {
    tally.rated += 1;
    tally.valueSum += rating.value;
  }
  tally.buckets.set(rating.bucket, (tally.buckets.get(rating.bucket) ?? 0) + 1);
}

function bucketsOf(tally: Tally): VerdictBucket[] {
  return [...tally.buckets]
    .sort(([a], [b]) => a.order - b.order)
    .map(([info, count]) => toBucket(info, count));
}

function toBucket(info: BucketInfo, count: number): VerdictBucket {
  const bucket: VerdictBucket = { key: info.key, stepId: info.stepId, label: info.label, color: info.color, count };
  if (info.scaleId !== undefined) bucket.scaleId = info.scaleId;
  if (info.scaleName !== undefined) bucket.scaleName = info.scaleName;
  if (info.value !== undefined) bucket.value = info.value;
  return bucket;
}

const normalLabel = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** Dated stances sort by date, undated first; ties by last update, so the latest edit wins. */
const byStanceTime = (a: Stance, b: Stance): number =>
  (a.date ?? '').localeCompare(b.date ?? '') || a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id);

const nonEmpty = <T>(list: readonly T[] | undefined): list is readonly T[] => list !== undefined && list.length > 0;

/** Builds the compare view's rows, speaker totals and flags; see the module comment for the rules. */
export function buildComparison(input: ComparisonInput, options: ComparisonOptions): Comparison {
  const speakerIds = [...new Set(options.speakerIds)];
  if (speakerIds.length < MIN_SPEAKERS || speakerIds.length > MAX_SPEAKERS) {
    throw new RangeError(`Compare ${MIN_SPEAKERS} to ${MAX_SPEAKERS} speakers, not ${speakerIds.length}.`);
  }
  const speakerIndex = new Map(speakerIds.map((id, i) => [id, i]));
  const minChecked = options.minChecked ?? DEFAULT_MIN_CHECKED;
  const includeSubtopics = options.includeSubtopics ?? true;
  const filters = options.filters ?? {};
  const typeSet = nonEmpty(filters.types) ? new Set<string>(filters.types) : undefined;
  const statusSet = nonEmpty(filters.statuses) ? new Set<string>(filters.statuses) : undefined;

  // Topics: ancestors (self first) once per topic, rows in tree order.
  const topicById = new Map(input.topics.map((t) => [t.id, t]));
  const lineage = new Map<string, string[]>();
  for (const topic of input.topics) {
    const chain: string[] = [];
    let current: Topic | undefined = topic;
    while (current && !chain.includes(current.id)) {
      chain.push(current.id);
      current = current.parentId === undefined ? undefined : topicById.get(current.parentId);
    }
    lineage.set(topic.id, chain);
  }
  const ordered = flattenTopicTree(topicTree(input.topics));
  let rowSet: Set<string>;
  if (nonEmpty(filters.topicIds)) {
    const picked = new Set(filters.topicIds);
    rowSet = new Set(
      ordered
        .map((r) => r.topic.id)
        .filter((id) => picked.has(id) || (includeSubtopics && (lineage.get(id) ?? []).some((a) => picked.has(a)))),
    );
  } else {
    rowSet = new Set(ordered.map((r) => r.topic.id));
  }
  const topicFiltered = nonEmpty(filters.topicIds);
  const rowTopics = ordered.filter((r) => rowSet.has(r.topic.id));

  // Verdict buckets: every step of every scale, in the scales' order, then the two unrated buckets.
  const stepBuckets = new Map<string, Map<string, BucketInfo>>();
  const scaleKind = new Map<string, VerdictScale['kind']>();
  let order = 0;
  for (const scale of input.scales) {
    scaleKind.set(scale.id, scale.kind);
    const steps = new Map<string, BucketInfo>();
    for (const step of scale.steps) {
      steps.set(step.id, {
        key: `${scale.id}:${step.id}`,
        stepId: step.id,
        scaleId: scale.id,
        scaleName: scale.name,
        label: step.label,
        color: step.color,
        value: step.value,
        order: order++,
      });
    }
    stepBuckets.set(scale.id, steps);
  }
  const conclusionOnly: BucketInfo = {
    key: CONCLUSION_ONLY,
    stepId: CONCLUSION_ONLY,
    label: 'Conclusion only',
    color: '#64748b',
    order: order++,
  };
  const unrated: BucketInfo = { key: UNRATED, stepId: UNRATED, label: 'No verdict', color: '#cbd5e1', order: order++ };

  // Most of a library belongs to speakers not on screen; index only what the compared speakers need.
  const candidates: Claim[] = [];
  const candidateIds = new Set<string>();
  for (const claim of input.claims) {
    if (claim.claimantId === undefined || !speakerIndex.has(claim.claimantId)) continue;
    if (typeSet && !typeSet.has(claim.type)) continue;
    if (statusSet && !statusSet.has(claim.status)) continue;
    candidates.push(claim);
    candidateIds.add(claim.id);
  }
  const candidateStances: Stance[] = [];
  const stanceAppearanceIds = new Set<string>();
  for (const stance of input.stances) {
    if (!speakerIndex.has(stance.personId) || !rowSet.has(stance.topicId)) continue;
    candidateStances.push(stance);
    for (const id of stance.appearanceIds) stanceAppearanceIds.add(id);
  }

  const latestVerdict = new Map<string, Verdict>();
  for (const verdict of input.verdicts) {
    if (!candidateIds.has(verdict.claimId)) continue;
    const previous = latestVerdict.get(verdict.claimId);
    if (!previous || verdict.updatedAt > previous.updatedAt) latestVerdict.set(verdict.claimId, verdict);
  }
  const rate = (claimId: string): Rating => {
    const verdict = latestVerdict.get(claimId);
    if (!verdict) return { bucket: unrated, checked: false };
    const step =
      scaleKind.get(verdict.scaleId) === 'rated' && verdict.stepId !== undefined
        ? stepBuckets.get(verdict.scaleId)?.get(verdict.stepId)
        : undefined;
    // A rated scale without a (known) step still holds a conclusion: checked, but nothing to place on the scale.
    if (!step || step.value === undefined) return { bucket: conclusionOnly, checked: true };
    return { bucket: step, checked: true, value: step.value };
  };

  // Scope.
  const debateOfDocument = new Map(input.documents.map((d) => [d.id, d.debateId]));
  const debateDate = new Map<string, string>();
  for (const debate of input.debates ?? []) if (debate.date) debateDate.set(debate.id, debate.date);
  const scope = options.scope;
  const debateSet = nonEmpty(scope.debateIds) ? new Set(scope.debateIds) : undefined;
  const scopedDocuments = new Set<string>();
  if (debateSet) for (const d of input.documents) if (debateSet.has(d.debateId)) scopedDocuments.add(d.id);
  const from = scope.from || undefined;
  const to = scope.to || undefined;
  const inRange = (date: string): boolean => {
    const day = date.slice(0, 10);
    return (from === undefined || day >= from) && (to === undefined || day <= to);
  };
  const dateOfAppearance = (a: Appearance): string | undefined => {
    const debateId = debateOfDocument.get(a.documentId);
    return debateId === undefined ? undefined : debateDate.get(debateId);
  };
  /** The appearances that put a record in scope, or undefined when it is out. */
  const scoped = (date: string | undefined, appearances: readonly Appearance[]): readonly Appearance[] | undefined => {
    let kept = appearances;
    if (debateSet) {
      const inDebates = (a: Appearance): boolean => scopedDocuments.has(a.documentId);
      // Most claims sit wholly inside or outside the scope; copy only the mixed ones.
      if (!appearances.every(inDebates)) kept = appearances.filter(inDebates);
      if (kept.length === 0) return undefined;
    }
    if (from === undefined && to === undefined) return kept;
    if (date) return inRange(date) ? kept : undefined;
    return kept.some((a) => {
      const d = dateOfAppearance(a);
      return d !== undefined && inRange(d);
    })
      ? kept
      : undefined;
  };

  const appearanceById = new Map<string, Appearance>();
  const appearancesOfClaim = new Map<string, Appearance[]>();
  for (const appearance of input.appearances) {
    if (stanceAppearanceIds.has(appearance.id)) appearanceById.set(appearance.id, appearance);
    if (!candidateIds.has(appearance.claimId)) continue;
    const list = appearancesOfClaim.get(appearance.claimId);
    if (list) list.push(appearance);
    else appearancesOfClaim.set(appearance.claimId, [appearance]);
  }

  // Accumulators: one per speaker, one per (row, speaker), extremes per (own topic, speaker).
  const totals = speakerIds.map(() => newTally());
  const cells = new Map<string, CellAcc[]>();
  const cellOf = (topicId: string, speaker: number): CellAcc => {
    let row = cells.get(topicId);
    if (!row) {
      row = speakerIds.map(() => ({ ...newTally(), quoteClaims: [], stances: [] }));
      cells.set(topicId, row);
    }
    return row[speaker]!;
  };
  const extremes = new Map<string, Extremes[]>();
  const noAppearances: Appearance[] = [];
  const claimTopics = new Set<string>();
  const claimRows = new Set<string>();

  for (const claim of candidates) {
    const speaker = speakerIndex.get(claim.claimantId!)!;
    const kept = scoped(claim.date, appearancesOfClaim.get(claim.id) ?? noAppearances);
    if (!kept) continue;

    claimTopics.clear();
    claimRows.clear();
    for (const id of claim.topicIds) claimTopics.add(id);
    for (const a of kept) for (const id of a.topicIds ?? []) claimTopics.add(id);
    for (const id of claimTopics) {
      if (includeSubtopics) {
        for (const up of lineage.get(id) ?? []) if (rowSet.has(up)) claimRows.add(up);
      } else if (rowSet.has(id)) {
        claimRows.add(id);
      }
    }
    if (topicFiltered && claimRows.size === 0) continue;
    // Every claim shows somewhere: one without a topic goes to the "No topic" row (unless topics are filtered).
    if (claimRows.size === 0) claimRows.add(NO_TOPIC_ID);

    const rating = rate(claim.id);
    addToTally(totals[speaker]!, rating);
    for (const topicId of claimRows) {
      const cell = cellOf(topicId, speaker);
      addToTally(cell, rating);
      if (cell.quoteClaims.length < MAX_KEY_QUOTES && kept.some((a) => a.state !== 'orphaned')) {
        cell.quoteClaims.push(kept);
      }
    }
    if (rating.value === undefined) continue;
    for (const topicId of claimTopics) {
      if (!rowSet.has(topicId)) continue;
      let row = extremes.get(topicId);
      if (!row) {
        row = speakerIds.map(() => ({}));
        extremes.set(topicId, row);
      }
      const ends = row[speaker]!;
      if (!ends.high || rating.value > ends.high.rating.value!) ends.high = { claim, rating };
      if (!ends.low || rating.value < ends.low.rating.value!) ends.low = { claim, rating };
    }
  }

  for (const stance of candidateStances) {
    const speaker = speakerIndex.get(stance.personId)!;
    const backing: Appearance[] = [];
    for (const id of stance.appearanceIds) {
      const a = appearanceById.get(id);
      if (a) backing.push(a);
    }
    if (!scoped(stance.date, backing)) continue;
    cellOf(stance.topicId, speaker).stances.push(stance);
  }

  // Filled row by row, speaker by speaker, so flags come out in the table's reading order.
  const flags: ComparisonFlag[] = [];
  const toQuote = (a: Appearance): KeyQuote => ({
    appearanceId: a.id,
    claimId: a.claimId,
    documentId: a.documentId,
    quote: a.anchor.quote.exact,
    start: a.anchor.position.start,
    end: a.anchor.position.end,
  });
  /** The earliest place a claim is made: by debate date, then position; undated debates last. */
  const firstAppearance = (kept: readonly Appearance[]): Appearance | undefined => {
    let best: Appearance | undefined;
    let bestKey = '';
    for (const a of kept) {
      if (a.state === 'orphaned') continue;
      const key = `${dateOfAppearance(a) ?? '9999'}|${String(a.anchor.position.start).padStart(12, '0')}`;
      if (!best || key < bestKey) {
        best = a;
        bestKey = key;
      }
    }
    return best;
  };

  if (!topicFiltered && cells.has(NO_TOPIC_ID)) {
    const stamp = new Date(0).toISOString();
    rowTopics.push({ topic: { id: NO_TOPIC_ID, name: NO_TOPIC_NAME, createdAt: stamp, updatedAt: stamp }, depth: 0 });
  }
  const rows: ComparisonRow[] = rowTopics.map(({ topic, depth }) => {
    const accs = cells.get(topic.id);
    const rowCells = speakerIds.map((personId, speaker): ComparisonCell => {
      const acc = accs?.[speaker];
      if (!acc) {
        return {
          personId,
          stanceHistory: [],
          keyQuotes: [],
          claimCount: 0,
          byVerdict: [],
          checked: 0,
          rated: 0,
          tooFewChecked: 0 < minChecked,
        };
      }
      const history = acc.stances.sort(byStanceTime);
      const stance = history[history.length - 1];
      let keyQuotes: KeyQuote[] = [];
      if (stance) {
        for (const id of stance.appearanceIds) {
          const a = appearanceById.get(id);
          if (a && a.state !== 'orphaned') keyQuotes.push(toQuote(a));
          if (keyQuotes.length === MAX_KEY_QUOTES) break;
        }
      }
      if (keyQuotes.length === 0) {
        keyQuotes = acc.quoteClaims.flatMap((kept) => {
          const a = firstAppearance(kept);
          return a ? [toQuote(a)] : [];
        });
      }
      flags.push(...stanceFlags(history, personId, topic));
      const cell: ComparisonCell = {
        personId,
        stanceHistory: history,
        keyQuotes,
        claimCount: acc.claimCount,
        byVerdict: bucketsOf(acc),
        checked: acc.checked,
        rated: acc.rated,
        tooFewChecked: acc.checked < minChecked,
      };
      if (stance) cell.stance = stance;
      if (acc.rated > 0) cell.meanCommonValue = acc.valueSum / acc.rated;
      const ends = extremes.get(topic.id)?.[speaker];
      if (ends?.high && ends.low && ends.high.rating.value! >= TRUE_END && ends.low.rating.value! <= FALSE_END) {
        flags.push({
          kind: 'contradiction',
          reason: 'verdicts-opposite',
          personId,
          topicId: topic.id,
          detail: `Claims on ${topic.name} rated at opposite ends: “${ends.high.rating.bucket.label}” and “${ends.low.rating.bucket.label}”`,
          ids: [ends.high.claim.id, ends.low.claim.id],
        });
      }
      return cell;
    });
    return {
      topic,
      depth,
      path: topic.id === NO_TOPIC_ID ? NO_TOPIC_NAME : topicPath(topicById, topic.id),
      cells: rowCells,
      empty: rowCells.every((c) => c.claimCount === 0 && c.stanceHistory.length === 0),
    };
  });

  const people = new Map(input.people.map((p) => [p.id, p]));
  const legendCounts = new Map<BucketInfo, number>();
  const speakers = speakerIds.map((personId, speaker): SpeakerTotals => {
    const tally = totals[speaker]!;
    for (const [info, count] of tally.buckets) legendCounts.set(info, (legendCounts.get(info) ?? 0) + count);
    const bins = COMMON_BIN_LABELS.map((label, bin): CommonBin => ({
      bin,
      from: bin / 5,
      to: (bin + 1) / 5,
      label,
      count: 0,
      share: 0,
    }));
    for (const [info, count] of tally.buckets) {
      if (info.value !== undefined) bins[commonBin(info.value)]!.count += count;
    }
    for (const bin of bins) bin.share = tally.rated > 0 ? bin.count / tally.rated : 0;
    const person = people.get(personId);
    const totalsOut: SpeakerTotals = {
      personId,
      name: person?.name ?? personId,
      claimCount: tally.claimCount,
      checked: tally.checked,
      rated: tally.rated,
      unchecked: tally.claimCount - tally.checked,
      tooFewChecked: tally.checked < minChecked,
      byVerdict: bucketsOf(tally)
        .filter((b) => b.key !== UNRATED)
        .map((b) => ({ ...b, share: tally.checked > 0 ? b.count / tally.checked : 0 })),
      distribution: bins,
    };
    if (person?.party !== undefined) totalsOut.party = person.party;
    if (person?.color !== undefined) totalsOut.color = person.color;
    if (tally.rated > 0) totalsOut.meanCommonValue = tally.valueSum / tally.rated;
    return totalsOut;
  });

  const legend = [...legendCounts].sort(([a], [b]) => a.order - b.order).map(([info, count]) => toBucket(info, count));
  return { rows, speakers, flags, legend, minChecked };
}

function stanceFlags(history: readonly Stance[], personId: string, topic: Topic): ComparisonFlag[] {
  // Filled row by row, speaker by speaker, so flags come out in the table's reading order.
  const flags: ComparisonFlag[] = [];
  let previous: Stance | undefined;
  for (const stance of history) {
    if (!stance.date) continue;
    if (previous && previous.date !== stance.date && normalLabel(previous.label) !== normalLabel(stance.label)) {
      flags.push({
        kind: 'stance-change',
        reason: 'stance-change',
        personId,
        topicId: topic.id,
        detail: `On ${topic.name}: “${previous.label}” (${previous.date}) → “${stance.label}” (${stance.date})`,
        ids: [previous.id, stance.id],
      });
    }
    previous = stance;
  }
  // Stances that cannot be put in order yet disagree: same date, or no date at all.
  const byDate = new Map<string, Stance[]>();
  for (const stance of history) {
    const key = stance.date ?? '';
    const group = byDate.get(key);
    if (group) group.push(stance);
    else byDate.set(key, [stance]);
  }
  for (const [date, group] of byDate) {
    const labels = [...new Map(group.map((s) => [normalLabel(s.label), s.label])).values()];
    if (labels.length < 2) continue;
    flags.push({
      kind: 'contradiction',
      reason: 'stances-disagree',
      personId,
      topicId: topic.id,
      detail: `On ${topic.name}, ${date ? `on ${date}` : 'undated'}: ${labels.map((l) => `“${l}”`).join(' vs ')}`,
      ids: group.map((s) => s.id),
    });
  }
  return flags;
}
