import { newId, nowIso } from '../ids.js';
import type { ClaimStatus, ComputationRun, EvidenceLink, EvidenceRelation, TableCheck, TableComputation } from '../model.js';
import { EVIDENCE_RELATIONS, TABLE_OPERATIONS } from '../model.js';
import { describeComputation } from '../tableChecks/describeComputation.js';
import { runComputation, TableCheckError, type Sheet } from '../tableChecks/computeTable.js';
import { compareRun } from '../tableChecks/suggestVerdict.js';
import { writeVerdict, type VerdictInput } from './claims.js';
import { ValidationError } from './debates.js';
import type { Store } from './store.js';

/** The table a computation runs on: a file in the vault, attached to a source, and the edition it is. */
export interface CheckTable {
  sourceId: string;
  hash: string;
  fileName: string;
  edition?: string;
  sheets: Sheet[];
}

const isYearColumn = (column: string | undefined): column is string => column !== undefined && /^(?:1[6-9]|20)\d\d/.test(column.trim());

/**
 * Runs a computation on one table and keeps the outcome as a run: a result and its sentence, or why it failed. The
 * sentence cites the edition (or, without one, `sourceLabel`, or the file's name).
 */
export function runOn(table: Omit<CheckTable, 'sourceId'>, computation: TableComputation, sourceLabel?: string): ComputationRun {
  const base = { fileHash: table.hash, fileName: table.fileName, sheet: computation.sheet, at: nowIso(), ...(table.edition ? { edition: table.edition } : {}) };
  const label = table.edition || sourceLabel || table.fileName;
  try {
    const result = runComputation(table.sheets, computation);
    return { ...base, result, sentence: describeComputation(computation, result, label) };
  } catch (error) {
    if (!(error instanceof TableCheckError)) throw error;
    return { ...base, error: error.message, sentence: `Could not be computed on ${label}: ${error.message}` };
  }
}

function checkComputation(computation: TableComputation): void {
  if (!TABLE_OPERATIONS.includes(computation.operation)) throw new ValidationError('Choose what to compute.');
  if (!computation.sheet) throw new ValidationError('Choose the sheet of the table.');
}

/** What "Save check" stores: the claim, the table it ran on, the computation, its run and the claimed figure. */
export interface TableCheckInput {
  claimId: string;
  sourceId: string;
  check: TableCheck;
  relation?: EvidenceRelation;
  note?: string;
}

/**
 * Saves a table check as structured evidence on the claim: an evidence link to the source, located at the table,
 * sheet and columns, with the computation, its run (file hash, result, sentence) and the claimed figure. The
 * relation defaults to what the comparison says (supports within the claim's precision, contradicts beyond it).
 */
export async function saveTableCheck(store: Store, input: TableCheckInput): Promise<EvidenceLink> {
  checkComputation(input.check.computation);
  const run = input.check.runs[0];
  if (!run) throw new ValidationError('Run the computation before saving the check.');
  if (!run.result) throw new ValidationError(run.error ?? 'The computation gave no result, so there is nothing to save.');
  if (input.relation && !EVIDENCE_RELATIONS.includes(input.relation)) throw new ValidationError('Choose whether the check supports, contradicts or gives context.');
  return store.transaction('Check against table', async (tx) => {
    if (!(await tx.get('claims', input.claimId))) throw new ValidationError('That claim no longer exists.');
    const source = await tx.get('sources', input.sourceId);
    if (!source) throw new ValidationError('That source no longer exists.');
    const c = input.check.computation;
    const comparison = compareRun(input.check, run);
    const relation: EvidenceRelation = input.relation ?? (comparison ? (comparison.within ? 'supports' : 'contradicts') : 'context');
    const column = c.filter?.column ?? c.column ?? (c.fromColumn && c.toColumn ? `${c.fromColumn} → ${c.toColumn}` : undefined);
    const now = nowIso();
    const link: EvidenceLink = {
      id: newId('evd_'),
      claimId: input.claimId,
      sourceId: input.sourceId,
      relation,
      locator: { table: c.sheet, attachmentHash: run.fileHash, ...(column ? { column } : {}), ...(c.row ? { row: c.row } : {}) },
      excerpt: run.sentence,
      check: input.check,
      createdAt: now,
      updatedAt: now,
    };
    if (run.edition) link.edition = run.edition;
    const year = [c.filter?.column, c.column, c.toColumn].find(isYearColumn);
    if (year) link.figureYear = year;
    if (input.note?.trim()) link.note = input.note.trim();
    await tx.put('evidence', link);
    return link;
  });
}

/**
 * Re-runs every stored computation that cites `sourceId` on another edition of its table, in one transaction: each
 * check gains a run on the new bytes (a run on the same bytes is replaced, not repeated). The runs made before keep
 * pointing at the files they were made on. Returns the checks re-run and how many answers changed.
 */
export async function rerunChecksOnEdition(store: Store, sourceId: string, table: Omit<CheckTable, 'sourceId'>, sourceLabel?: string): Promise<{ rerun: number; changed: number; failed: number }> {
  return store.transaction(`Re-run checks on ${table.edition ?? table.fileName}`, async (tx) => {
    const links = (await tx.where('evidence', 'sourceId', sourceId)).filter((l) => l.check);
    let changed = 0;
    let failed = 0;
    let rerun = 0;
    for (const link of links) {
      const check = link.check!;
      // The bytes the check was made on need no second run.
      if (check.runs[0]?.fileHash === table.hash) continue;
      const run = runOn(table, check.computation, sourceLabel);
      const runs = [...check.runs.filter((r) => r.fileHash !== table.hash), run];
      rerun++;
      if (run.error) failed++;
      else if (check.runs[0]?.result && run.result && check.runs[0].result.value !== run.result.value) changed++;
      await tx.put('evidence', { ...link, check: { ...check, runs }, updatedAt: nowIso() });
    }
    return { rerun, changed, failed };
  });
}

/** The reason a verdict's history gives when the analyst accepted what a table check suggested. */
export const ACCEPTED_SUGGESTION_WHY = 'Accepted the rating a table check suggested.';

/** What accepting a suggested verdict saves: the verdict as accepted (or edited) and, optionally, the status. */
export interface AcceptVerdictInput extends VerdictInput {
  status?: ClaimStatus;
}

/**
 * Saves the verdict a table check suggested, after the analyst has read (and perhaps edited) it, and marks the claim
 * checked, in one step that one undo takes back. Nothing calls this without the analyst's click.
 */
export async function acceptSuggestedVerdict(store: Store, claimId: string, input: AcceptVerdictInput) {
  return store.transaction('Accept suggested verdict', async (tx) => {
    // The status first and the verdict last: awaiting Dexie work after a nested helper's own awaits can lose the
    // transaction (PrematureCommitError); a refused verdict still rolls the status back.
    if (input.status) {
      const claim = await tx.get('claims', claimId);
      if (claim && claim.status !== input.status) await tx.put('claims', { ...claim, status: input.status, updatedAt: nowIso() });
    }
    return writeVerdict(tx, claimId, input);
  });
}
