import type { EvidenceLink, Source, TableComputation } from '../model.js';
import { computedFor } from '../tableChecks/compareClaim.js';
import { OPERATOR_SYMBOLS, formatNumber, resultFigure } from '../tableChecks/describeComputation.js';
import { compareRun, primaryRun } from '../tableChecks/suggestVerdict.js';

/** A table check as reports show it under "How we checked": table, edition, computation, result, claimed vs computed. */
export interface ReportCheck {
  /** The computation and its result as one sentence, with the table and edition. */
  sentence: string;
  table: string;
  edition?: string;
  fileName: string;
  /** SHA-256 of the exact file the computation ran on. */
  fileHash: string;
  /** What was computed, in words: "count of rows where 2015 ≥ 2.0; rows left out: NATO Total". */
  computation: string;
  result: string;
  /** "“five out of 28” (5)". */
  claimed?: string;
  /** "Outside the claim's precision (an exact count): 4 against 5, a difference of −1." */
  outcome?: string;
  /** The same computation on other editions of the table. */
  editions: Array<{ edition: string; result: string }>;
  /** True when another edition gives a different answer. */
  editionsDiffer: boolean;
}

/** What a computation does, in words, for the record. */
export function computationSummary(c: TableComputation): string {
  const where = c.filter ? `${c.filter.column} ${OPERATOR_SYMBOLS[c.filter.operator]}${c.filter.operator === 'not-empty' ? '' : ` ${c.filter.value}`}` : '';
  let text: string;
  switch (c.operation) {
    case 'count':
      text = `count of rows where ${where}`;
      break;
    case 'share':
      text = `share of rows where ${where}`;
      break;
    case 'sum':
    case 'mean':
      text = `${c.operation === 'sum' ? 'total' : 'mean'} of ${c.column ?? ''}${where ? ` over rows where ${where}` : ''}`;
      break;
    case 'rank':
      text = `rank of ${c.row ?? ''} by ${c.column ?? ''}, ${c.order === 'lowest-first' ? 'lowest' : 'highest'} first`;
      break;
    case 'change':
      text = `change for ${c.row ?? ''} from ${c.fromColumn ?? ''} to ${c.toColumn ?? ''} (absolute and percent)`;
      break;
    case 'min':
    case 'max':
      text = c.row
        ? `${c.operation === 'max' ? 'maximum' : 'minimum'} of ${c.row} across ${c.columns?.length ? c.columns.join(', ') : 'every column'}, and where it occurred`
        : `${c.operation === 'max' ? 'maximum' : 'minimum'} of ${c.column ?? ''} down the rows, and for which row`;
      break;
    case 'cell':
      text = `the cell ${c.row ?? ''}, ${c.column ?? ''}`;
      break;
    default:
      text = String(c.operation);
  }
  const parts = [`${text} in sheet ${c.sheet}`];
  if (c.excludeRows?.length) parts.push(`rows left out: ${c.excludeRows.join(', ')}`);
  if (c.multiplier && c.multiplier !== 1) parts.push(`figures multiplied by ${formatNumber(c.multiplier)}`);
  return parts.join('; ');
}

/** The checks of one claim's evidence, oldest first, as reports show them. */
export function reportChecks(links: EvidenceLink[], sources: ReadonlyMap<string, Source>): ReportCheck[] {
  return links
    .filter((l) => l.check && l.check.runs.length > 0)
    .map((link): ReportCheck => {
      const check = link.check!;
      const run = primaryRun(check) ?? check.runs[0]!;
      const title = sources.get(link.sourceId)?.csl.title ?? 'Unknown source';
      const comparison = compareRun(check, run);
      const figure = (r: typeof run) => (r.result ? resultFigure(check.computation, r.result) : `no answer (${r.error ?? 'not computed'})`);
      const others = check.runs.filter((r) => r !== run);
      const values = check.runs.filter((r) => r.result).map((r) => formatNumber(check.claimed ? computedFor(check.claimed, check.computation.operation, r.result!) : r.result!.value));
      const out: ReportCheck = {
        sentence: run.sentence,
        table: String(title),
        fileName: run.fileName,
        fileHash: run.fileHash,
        computation: computationSummary(check.computation),
        result: figure(run),
        editions: others.map((r) => ({ edition: r.edition ?? r.fileName, result: figure(r) })),
        editionsDiffer: new Set(values).size > 1,
      };
      if (run.edition) out.edition = run.edition;
      if (check.claimed) out.claimed = `“${check.claimed.text}” (${formatNumber(check.claimed.value)})`;
      if (comparison) {
        const diff = `${comparison.difference > 0 ? '+' : ''}${formatNumber(comparison.difference)}`;
        out.outcome = `${comparison.within ? 'Within' : 'Outside'} the claim's precision (${comparison.basis}): computed ${formatNumber(comparison.computed)} against claimed ${formatNumber(comparison.claimed)}, a difference of ${diff}.`;
      }
      return out;
    });
}
