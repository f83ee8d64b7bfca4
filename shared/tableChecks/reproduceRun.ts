import type { Attachment, ComputationRun, TableComputation } from '../model.js';
import { runComputation, TableCheckError, type Sheet } from './computeTable.js';
import { resultFigure } from './describeComputation.js';

/** What re-running a stored run on the bytes it names gave. */
export interface Reproduction {
  /** reproduced: same bytes, same answer; differs: same bytes, another answer; changed: the bytes are not the ones
   *  the run was made on; failed: the computation cannot run on them any more. */
  outcome: 'reproduced' | 'differs' | 'changed' | 'failed';
  sentence: string;
}

/** The table as read back for a re-run: its sheets and the SHA-256 of the bytes that were read. */
export interface ReadBack {
  sheets: Sheet[];
  sha256?: string;
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * Runs a stored computation again on the bytes its run names and says whether it gives the same answer. Bytes that
 * no longer hash to what the run recorded are reported, not computed on: a check only reproduces on its own bytes.
 */
export function reproduceRun(computation: TableComputation, run: ComputationRun, table: ReadBack): Reproduction {
  const label = run.edition ?? run.fileName;
  if (table.sha256 !== undefined && table.sha256 !== run.fileHash) {
    return {
      outcome: 'changed',
      sentence: `The file this check was made on has changed: ${run.fileName} should have sha256 ${short(run.fileHash)} but the stored bytes now have ${short(table.sha256)}, so the check cannot be reproduced from them.`,
    };
  }
  if (!run.result) return { outcome: 'failed', sentence: `This run gave no answer on ${label}${run.error ? `: ${run.error}` : ''}.` };
  const was = resultFigure(computation, run.result);
  let now: string;
  try {
    now = resultFigure(computation, runComputation(table.sheets, computation));
  } catch (error) {
    if (!(error instanceof TableCheckError)) throw error;
    return { outcome: 'failed', sentence: `Could not run the check again on ${label}: ${error.message}` };
  }
  if (now === was) return { outcome: 'reproduced', sentence: `Reproduced: ${now} again on ${label}, from the same bytes (sha256 ${short(run.fileHash)}).` };
  return { outcome: 'differs', sentence: `Not reproduced: the same bytes now give ${now}, where the check recorded ${was} on ${label}.` };
}

/**
 * Whether the source's tables have changed since a run: the file it ran on is no longer attached, or another file of
 * the same name sits beside it. Returns the sentence to show, or undefined when the run's file is still the table.
 */
export function tableChangedSince(run: ComputationRun, attachments: readonly Attachment[]): string | undefined {
  const still = attachments.some((a) => a.hash === run.fileHash);
  const sameName = attachments.filter((a) => a.hash !== run.fileHash && a.name === run.fileName);
  if (still && sameName.length === 0) return undefined;
  const newer = sameName[sameName.length - 1];
  const now = newer ? ` ${newer.name} with sha256 ${short(newer.hash)} is attached now.` : still ? '' : ` ${run.fileName} is no longer attached to the source.`;
  return `The table has changed since this check was made.${now} The check keeps pointing at the bytes it ran on (sha256 ${short(run.fileHash)}); “Re-run on another edition…” computes it on the new file.`;
}
