/**
 * The Claimdesk domain model: every record the app stores. Pure types, no runtime code, so that the main
 * process, the window, the command line and the tests agree on one shape.
 *
 * Ids are globally unique strings (see shared/ids.ts) so libraries can one day be merged and synced.
 * Dates are ISO 8601 strings: `YYYY-MM-DD` for calendar dates, full timestamps for created/updated.
 */

export type Id = string;

/** Timestamps every stored record carries. */
export interface Stamped {
  createdAt: string;
  updatedAt: string;
  /** In a team project: the name of the analyst who made the record, and of the one who changed it last. */
  createdBy?: string;
  updatedBy?: string;
}

export const DEBATE_KINDS = ['tv-debate', 'hustings', 'interview', 'article', 'parliament'] as const;
/** What sort of event a debate record stands for. */
export type DebateKind = (typeof DEBATE_KINDS)[number];
export const DEBATE_KIND_LABELS: Record<DebateKind, string> = {
  'tv-debate': 'TV debate',
  hustings: 'Hustings',
  interview: 'Interview',
  article: 'Article',
  parliament: 'Parliament',
};

/** A debate, hustings, interview, article or sitting: the event documents belong to. */
export interface Debate extends Stamped {
  id: Id;
  title: string;
  /** Calendar date, YYYY-MM-DD. */
  date?: string;
  venue?: string;
  kind: DebateKind;
  notes?: string;
}

export const PARTICIPANT_ROLES = ['candidate', 'moderator', 'panelist', 'audience'] as const;
/** The part a person plays in one debate. */
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** A person who speaks or is quoted anywhere in the library; the same candidate in five debates is one person. */
export interface Person extends Stamped {
  id: Id;
  name: string;
  /** Other names the person appears under: `CORBYN`, `Mr Corbyn`, `The Labour leader`. */
  aliases: string[];
  party?: string;
  /** A colour for the reader, as a CSS hex colour. */
  color?: string;
}

/** A person taking part in one debate, with their role and party there. */
export interface Participant extends Stamped {
  id: Id;
  debateId: Id;
  personId: Id;
  role: ParticipantRole;
  /** Party at the time of this debate, if it differs from the person's current party. */
  party?: string;
}

export const DOCUMENT_FORMATS = ['text', 'markdown', 'docx', 'pdf', 'html', 'srt', 'webvtt', 'csv', 'json'] as const;
/** The format a document was imported from. */
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** A transcript or article inside a debate: its text is the turns' text joined, and anchors point into it. */
export interface DocumentRecord extends Stamped {
  id: Id;
  debateId: Id;
  title: string;
  format: DocumentFormat;
  /** SHA-256 of the original file, kept in the vault. */
  fileHash?: string;
  fileName?: string;
  /** The document's full text; every turn is a slice of it. */
  text: string;
  /** Increases whenever the text changes; anchors record the version they were made on. */
  version: number;
  /** Direct quotations the importer attributed to someone, as spans of `text`. */
  quotes?: AttributedQuote[];
  metadata?: Record<string, string>;
}

/** A direct quotation inside a document, attributed to a person (articles quote people inside narration). */
export interface AttributedQuote {
  personId: Id;
  start: number;
  end: number;
  turnIndex: number;
}

export const TURN_KINDS = ['speech', 'narration', 'stage'] as const;
/** Speech by someone, article narration, or a stage direction such as (APPLAUSE). */
export type TurnKind = (typeof TURN_KINDS)[number];

/** One turn (or article paragraph) of a document. */
export interface Turn {
  id: Id;
  documentId: Id;
  /** Position in the document, from 0. */
  index: number;
  /** The person speaking; null for narration, stage directions and comments. */
  personId: Id | null;
  kind: TurnKind;
  text: string;
  /** Where this turn's text starts in DocumentRecord.text. */
  offset: number;
  /** Seconds from the start of the recording. */
  start?: number;
  end?: number;
  metadata?: Record<string, string>;
}

export const CLAIM_TYPES = ['statistic', 'quotation', 'comparison', 'prediction', 'promise', 'position', 'attack'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];
export const CLAIM_STATUSES = ['new', 'researching', 'checked', 'published'] as const;
/** Where a claim is in the checking workflow. */
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const QUANTITY_UNITS = ['count', 'percent', 'percent-of-gdp', 'money', 'people', 'ratio', 'year'] as const;
/**
 * What a quantity measures: a count of things, a percentage, a percentage of GDP, an amount of money (with an ISO
 * 4217 currency), a number of people, a ratio (a third, half, twice, four times), or a duration or age in years.
 */
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

/** The years a quantity's time phrase covers ("last year" in a 2016 debate: 2015 to 2015). */
export interface QuantityPeriod {
  from?: number;
  to?: number;
}

/**
 * A number read out of a sentence: "only five out of 28 members … last year" is value 5, unit count, of 28, what
 * members, comparison only, time "last year". `start`/`end` are the expression's offsets in the sentence.
 */
export interface Quantity {
  value: number;
  unit: QuantityUnit;
  /** ISO 4217 code, for money. */
  currency?: string;
  /** The whole the value is part of: "five out of 28". */
  of?: number;
  /** The thing counted: "members", "troops", "jobs". */
  what?: string;
  /** Comparison words as written, lower-cased: "only", "at least", "more than", "doubled", "lowest since 1938". */
  comparison?: string;
  /** The time phrase as written: "last year", "since 2022", "in 2015". */
  time?: string;
  /** The time phrase resolved to years, when it could be (against the debate's date for "last year"). */
  period?: QuantityPeriod;
  start: number;
  end: number;
}

/** A quantity kept on a claim: the words it was read from, and whether the analyst corrected it. */
export interface ClaimQuantity extends Quantity {
  id: Id;
  /** The expression as written in the claim ("five out of 28"); offsets go stale when the statement is edited. */
  text: string;
  /** 'parsed' as read by the parser; 'analyst' once the analyst has corrected or added it. */
  origin: 'parsed' | 'analyst';
}

/** A claim: the canonical statement, separate from the places it appears. */
export interface Claim extends Stamped {
  id: Id;
  text: string;
  claimantId?: Id;
  date?: string;
  topicIds: Id[];
  type: ClaimType;
  status: ClaimStatus;
  notes?: string;
  /** The quantities in the statement, parsed when the claim is made and corrected by the analyst. */
  quantities?: ClaimQuantity[];
  /** A blind second review of the claim's verdict (issue 14), when an editor asked for one. */
  secondReview?: SecondReview;
}

/**
 * A second analyst's rating of a claim made without seeing the first verdict, for intercoder agreement. The editor's
 * request names the reviewer and the scale; the rating fills in stepId, reasoning and ratedAt.
 */
export interface SecondReview {
  reviewer: string;
  requestedBy: string;
  requestedAt: string;
  scaleId: Id;
  stepId?: string;
  reasoning?: string;
  ratedAt?: string;
}

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}
/** W3C Web Annotation TextPositionSelector: [start, end) in the document text. */
export interface TextPositionSelector {
  start: number;
  end: number;
}
/** Where an annotation points, for the document version it was made on. */
export interface Anchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  documentVersion: number;
}
/** anchored: found; review: moved with doubt, waiting for the user; orphaned: no longer found. */
export type AnchorState = 'anchored' | 'review' | 'orphaned';

/** One place a claim appears: an exact span in a document. */
export interface Appearance extends Stamped {
  id: Id;
  claimId: Id;
  documentId: Id;
  anchor: Anchor;
  state: AnchorState;
  /** Where a doubtful re-anchoring would put it, for the review queue. */
  proposed?: Anchor;
  turnId?: Id;
  topicIds?: Id[];
}

/** A note or tag on a span that is not a claim. */
export interface Note extends Stamped {
  id: Id;
  documentId: Id;
  anchor: Anchor;
  state: AnchorState;
  kind: 'note' | 'tag';
  body: string;
  /** Where a doubtful re-anchoring would put it, for the review queue. */
  proposed?: Anchor;
}

export const SOURCE_KINDS = ['report', 'dataset', 'article', 'statute', 'official-transcript', 'web-page', 'interview', 'book'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A CSL-JSON name. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}
/** A CSL-JSON date. */
export interface CslDate {
  'date-parts'?: Array<Array<number | string>>;
  raw?: string;
  literal?: string;
}
/** The CSL-JSON fields a source keeps (unknown CSL fields are kept too). */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  publisher?: string;
  'publisher-place'?: string;
  issued?: CslDate;
  accessed?: CslDate;
  edition?: string | number;
  URL?: string;
  DOI?: string;
  ISBN?: string;
  [field: string]: unknown;
}

/** A file attached to a source, stored in the vault by hash. */
export interface Attachment {
  hash: string;
  name: string;
  mediaType: string;
  size: number;
  /** Which edition of the source this file is ("2024 edition, June 2024"), when a source has several. */
  edition?: string;
}

/** A piece of evidence in the sources library. */
export interface Source extends Stamped {
  id: Id;
  kind: SourceKind;
  csl: CslItem;
  reliability?: string;
  tags: string[];
  attachments: Attachment[];
}

export const EVIDENCE_RELATIONS = ['supports', 'contradicts', 'context'] as const;
export type EvidenceRelation = (typeof EVIDENCE_RELATIONS)[number];

/** The exact place in a source: any of page, table, row/column, section, timestamp. */
export interface Locator {
  page?: number;
  table?: string;
  row?: string;
  column?: string;
  section?: string;
  timestamp?: string;
  attachmentHash?: string;
}

export const TABLE_OPERATIONS = ['cell', 'count', 'share', 'sum', 'mean', 'rank', 'change', 'min', 'max'] as const;
/** What a table check computes: a cell, rows meeting a condition (count, share), a total or mean, a row's rank, a change between two columns, a minimum or maximum. */
export type TableOperation = (typeof TABLE_OPERATIONS)[number];
export const CONDITION_OPERATORS = ['>=', '>', '<=', '<', '=', '!=', 'contains', 'not-empty'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** A test on one column of a row: "2015 ≥ 2.0". */
export interface TableCondition {
  column: string;
  operator: ConditionOperator;
  value: string;
}

/** A computation over a table, by column and row names so it can be run again on another edition. */
export interface TableComputation {
  operation: TableOperation;
  sheet: string;
  /** The column that names the rows (the first, usually). */
  labelColumn: string;
  /** The column computed over (sum, mean, rank, min/max down a column, cell). */
  column?: string;
  /** Which rows count (count, share) or are included (sum, mean). */
  filter?: TableCondition;
  /** Rows left out: totals and averages such as "NATO Total". */
  excludeRows?: string[];
  /** The row a cell, rank, change or min/max across columns is about. */
  row?: string;
  fromColumn?: string;
  toColumn?: string;
  /** The columns a min/max across a row looks at (all but the label column when absent). */
  columns?: string[];
  order?: 'highest-first' | 'lowest-first';
  /** What the rows are, for the sentence: "allies". */
  noun?: string;
  /** The unit of the cells, for the sentence: "% of GDP". */
  valueUnit?: string;
  /** The cells are in thousands, millions…: every figure is multiplied by this. */
  multiplier?: number;
}

/** What a computation gave. */
export interface ComputationResult {
  value: number;
  /** The whole: rows tested (count, share), rows added (sum, mean), rows ranked. */
  of?: number;
  /** Rows meeting the condition, for a share. */
  count?: number;
  /** Where a minimum or maximum occurred: the column (year) across a row, the row down a column. */
  at?: string;
  /** A change: the two figures and the change in percent. */
  from?: number;
  to?: number;
  percent?: number;
  /** The rows counted or included, as the record of what was computed (at most 50). */
  rows?: string[];
  /** Rows (or columns) whose cell held no number and were left out (at most 50). */
  skipped?: string[];
}

/** One run of a computation on one file's bytes (one edition), kept by the file's vault hash. */
export interface ComputationRun {
  fileHash: string;
  fileName: string;
  sheet: string;
  /** The edition the analyst named: "Defence Expenditure of NATO Countries (2014-2024), June 2024". */
  edition?: string;
  at: string;
  result?: ComputationResult;
  /** Why the run gave no result on this edition ("This table has no column “2016e”."). */
  error?: string;
  /** The computation and its result as a sentence. */
  sentence: string;
}

/** A claim checked against a table: the claimed figure, the computation, and every run of it (one per edition). */
export interface TableCheck {
  computation: TableComputation;
  /** The claim's quantity it was set against. */
  claimed?: { quantityId?: string; value: number; unit: QuantityUnit; text: string; comparison?: string };
  /** Oldest first; the first is the run the check was made with. */
  runs: ComputationRun[];
}

/** A claim linked to a precise place in a source, with the edition and year the figure comes from. */
export interface EvidenceLink extends Stamped {
  id: Id;
  claimId: Id;
  sourceId: Id;
  relation: EvidenceRelation;
  locator: Locator;
  edition?: string;
  figureYear?: string;
  excerpt?: string;
  note?: string;
  /** A computation over the attached table that checks the claim's figure (issue 15): kept with every edition's run. */
  check?: TableCheck;
}

/** One step of a verdict scale, with its place on the common scale (1 = true, 0 = false). */
export interface VerdictStep {
  id: string;
  label: string;
  color: string;
  /** Common numeric scale: 1 true … 0 false, so ratings on different scales compare. */
  value: number;
}

/** A verdict scale: rated steps, or conclusion only (no rating). */
export interface VerdictScale extends Stamped {
  id: Id;
  name: string;
  kind: 'rated' | 'conclusion-only';
  steps: VerdictStep[];
  builtIn: boolean;
}

/** One change of a verdict, kept as history. */
export interface VerdictChange {
  at: string;
  author: string;
  fromScaleId?: string;
  toScaleId?: string;
  fromReasoning?: string;
  fromStepId?: string;
  toStepId?: string;
  fromConclusion?: string;
  toConclusion?: string;
  why: string;
}

/** The verdict on a claim, with its reasoning, author and history. */
export interface Verdict extends Stamped {
  id: Id;
  claimId: Id;
  scaleId: Id;
  stepId?: string;
  conclusion: string;
  reasoning: string;
  author: string;
  history: VerdictChange[];
}

/** A topic in a small tree: Defence › NATO › Article 5. */
export interface Topic extends Stamped {
  id: Id;
  name: string;
  parentId?: Id;
}

/** Where a speaker stands on a topic, backed by appearances, dated so shifts show. */
export interface Stance extends Stamped {
  id: Id;
  personId: Id;
  topicId: Id;
  label: string;
  text?: string;
  date?: string;
  appearanceIds: Id[];
}

/** The tables of a library, each a list of records: what bundles, backups and exports are made from. */
export interface ProjectSnapshot {
  debates: Debate[];
  people: Person[];
  participants: Participant[];
  documents: DocumentRecord[];
  turns: Turn[];
  claims: Claim[];
  appearances: Appearance[];
  notes: Note[];
  sources: Source[];
  evidence: EvidenceLink[];
  scales: VerdictScale[];
  verdicts: Verdict[];
  topics: Topic[];
  stances: Stance[];
}

export const SNAPSHOT_TABLES = [
  'debates',
  'people',
  'participants',
  'documents',
  'turns',
  'claims',
  'appearances',
  'notes',
  'sources',
  'evidence',
  'scales',
  'verdicts',
  'topics',
  'stances',
] as const satisfies ReadonlyArray<keyof ProjectSnapshot>;
export type TableName = (typeof SNAPSHOT_TABLES)[number];
