import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { createSource, attachFile } from '../../../shared/domain/sources.js';
import { runOn, saveTableCheck } from '../../../shared/domain/tableChecks.js';
import type { Claim, ClaimQuantity, TableCheck, TableComputation } from '../../../shared/model.js';
import { formatQuantity } from '../../../shared/quantities/formatQuantity.js';
import { compareClaimed, computedFor } from '../../../shared/tableChecks/compareClaim.js';
import { suggestExcludedRows } from '../../../shared/tableChecks/computeTable.js';
import { resultFigure } from '../../../shared/tableChecks/describeComputation.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { useClaimQuantities } from '../quantities/QuantityChips.js';
import { FormFooter } from '../shell/FormFooter.js';
import { Modal } from '../shell/Modal.js';
import { prepareAttachment } from '../sources/attachmentCheck.js';
import { sourceTitle } from '../sources/sourceFilters.js';
import { TableViewer } from '../sources/TableViewer.js';
import { ClaimedVsComputed } from './ClaimedVsComputed.js';
import { ComputationFields } from './ComputationFields.js';
import { editionLabel, tableChoices, useTableData, type TableChoice } from './tables.js';
import './tableChecks.css';

type Sheet = { name: string; columns: string[]; rows: string[][] };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The quantity a check starts from: the first count or amount (a bare "doubled" or a year rarely is the point). */
function defaultQuantity(quantities: ClaimQuantity[]): ClaimQuantity | undefined {
  return quantities.find((q) => q.unit !== 'year' && q.unit !== 'ratio') ?? quantities[0];
}

/** A first computation for the claim's quantity: a count for "five out of 28", a cell otherwise. */
function startingComputation(sheet: Sheet, quantity: ClaimQuantity | undefined): TableComputation {
  const labelColumn = sheet.columns[0] ?? '';
  const counting = quantity && (quantity.unit === 'count' || quantity.unit === 'people');
  const year = quantity?.period?.to ?? quantity?.period?.from;
  const yearColumn = year !== undefined ? sheet.columns.find((c) => c.trim().startsWith(String(year))) : undefined;
  const computation: TableComputation = { operation: counting ? 'count' : 'cell', sheet: sheet.name, labelColumn };
  if (counting) computation.filter = { column: yearColumn ?? '', operator: '>=', value: '' };
  else if (yearColumn) computation.column = yearColumn;
  const excluded = suggestExcludedRows(sheet, labelColumn);
  if (excluded.length) computation.excludeRows = excluded;
  if (quantity?.what) computation.noun = quantity.what;
  return computation;
}

/**
 * "Check against table…": the claim's quantity beside a CSV or XLSX attached to a source. The analyst picks a cell or
 * builds a computation; the result is set against the claimed figure with the tolerance its wording allows, and
 * "Save check" keeps it as structured evidence on the claim.
 */
export function TableCheckDialog(props: { claim: Claim; onClose: () => void }) {
  const { claim } = props;
  const quantities = useClaimQuantities(claim);
  const notify = useUiStore((s) => s.notify);
  const library = useLiveQuery(async () => {
    const sources = await db.sources.toArray();
    const linked = new Set((await db.evidence.where('claimId').equals(claim.id).toArray()).map((l) => l.sourceId));
    return tableChoices(sources, linked);
  }, [claim.id]);
  const [quantityId, setQuantityId] = useState<string>();
  const [choiceKey, setChoiceKey] = useState<string>();
  const [mode, setMode] = useState<'compute' | 'cell'>('compute');
  const [sheetName, setSheetName] = useState<string>();
  const [computation, setComputation] = useState<TableComputation>();
  const [edition, setEdition] = useState<string>();
  const [attachError, setAttachError] = useState<string>();
  const [error, setError] = useState<string>();

  const quantity = quantities.find((q) => q.id === quantityId) ?? defaultQuantity(quantities);
  const choice: TableChoice | undefined = library?.find((c) => c.key === choiceKey) ?? library?.[0];
  const { data, error: readError } = useTableData(choice);
  const sheet = data ? (data.sheets.find((s) => s.name === (sheetName ?? computation?.sheet)) ?? data.sheets[0]) : undefined;
  const editionText = edition ?? (choice ? editionLabel(choice.source, choice.attachment) : '');

  // A fresh computation whenever another table or sheet is chosen.
  useEffect(() => {
    if (sheet) setComputation(startingComputation(sheet, quantity));
    // Only a new table or sheet resets the builder; editing the quantity or the edition keeps it.
  }, [sheet?.name, choice?.key]);

  const run = useMemo(() => {
    if (!data || !choice || !computation) return undefined;
    return runOn({ hash: choice.attachment.hash, fileName: choice.attachment.name, sheets: data.sheets, ...(editionText ? { edition: editionText } : {}) }, computation, sourceTitle(choice.source));
  }, [data, choice, computation, editionText]);

  const comparison = quantity && run?.result && computation ? compareClaimed(quantity, computedFor(quantity, computation.operation, run.result)) : undefined;

  async function addTable(files: FileList | null) {
    setAttachError(undefined);
    const file = files?.[0];
    if (!file) return;
    try {
      const attachment = await prepareAttachment(file);
      const title = attachment.name.replace(/\.[^.]+$/, '');
      const source = await createSource(store, { kind: 'dataset', csl: { title } });
      await attachFile(store, source.id, attachment);
      setChoiceKey(`${source.id}:${attachment.hash}`);
      notify(`Added ${file.name} as a new source; give it its title and edition in Sources.`);
    } catch (e) {
      setAttachError(message(e));
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      if (!choice) throw new Error('Choose a table to check against, or add one.');
      if (!run || !computation) throw new Error('The table is still being read.');
      if (!run.result) throw new Error(run.error ?? 'The computation gave no result.');
      const check: TableCheck = { computation, runs: [run] };
      if (quantity) {
        check.claimed = { quantityId: quantity.id, value: quantity.value, unit: quantity.unit, text: quantity.text };
        if (quantity.comparison) check.claimed.comparison = quantity.comparison;
      }
      await saveTableCheck(store, { claimId: claim.id, sourceId: choice.source.id, check });
      notify('Check saved with the claim’s evidence.');
      props.onClose();
    } catch (e) {
      setError(message(e));
    }
  }

  return (
    <Modal title="Check against table" onClose={props.onClose} wide>
      <form onSubmit={save} className="form table-check" aria-label="Check against table" noValidate>
        <div className="form-grid">
          <label>
            Claimed quantity
            <select aria-label="Claimed quantity" value={quantity?.id ?? ''} onChange={(e) => setQuantityId(e.target.value)}>
              {quantities.length === 0 && <option value="">No quantity in the claim</option>}
              {quantities.map((q) => (
                <option key={q.id} value={q.id}>
                  {formatQuantity(q)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Table
            <select aria-label="Table" value={choice?.key ?? ''} onChange={(e) => { setChoiceKey(e.target.value); setEdition(undefined); setSheetName(undefined); }}>
              {library?.length === 0 && <option value="">No tables attached yet</option>}
              {library?.map((c) => (
                <option key={c.key} value={c.key}>
                  {sourceTitle(c.source)} — {c.attachment.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Edition
            <input aria-label="Edition" value={editionText} onChange={(e) => setEdition(e.target.value)} />
          </label>
          <label>
            Add a table file
            <input type="file" accept=".csv,.xlsx,.xlsm" onChange={(e) => void addTable(e.target.files).then(() => (e.target.value = ''))} />
          </label>
        </div>
        {attachError && (
          <p role="alert" className="form-error">
            {attachError}
          </p>
        )}
        {quantity && <p className="claim-quote">Claim: “{claim.text}”</p>}
        {readError && (
          <p role="alert" className="form-error">
            {readError}
          </p>
        )}
        {choice && !data && !readError && (
          <p role="status" className="muted">
            Reading {choice.attachment.name}…
          </p>
        )}
        {data && sheet && computation && (
          <>
            {data.sheets.length > 1 && (
              <label>
                Sheet
                <select aria-label="Sheet" value={sheet.name} onChange={(e) => setSheetName(e.target.value)}>
                  {data.sheets.map((s) => (
                    <option key={s.name}>{s.name}</option>
                  ))}
                </select>
              </label>
            )}
            <fieldset className="check-mode">
              <legend>How to check</legend>
              <label className="checkbox">
                <input type="radio" name="check-mode" checked={mode === 'compute'} onChange={() => setMode('compute')} /> Build a computation
              </label>
              <label className="checkbox">
                <input type="radio" name="check-mode" checked={mode === 'cell'} onChange={() => setMode('cell')} /> Pick a cell
              </label>
            </fieldset>
            {mode === 'compute' ? (
              <ComputationFields sheet={sheet} computation={computation} onChange={setComputation} />
            ) : (
              <TableViewer
                attachment={choice!.attachment}
                locator={{ table: sheet.name, ...(computation.row ? { row: computation.row } : {}), ...(computation.column ? { column: computation.column } : {}) }}
                onPick={(pick) => {
                  if (!pick.locator.column) return;
                  setComputation({ ...computation, operation: 'cell', sheet: pick.locator.table ?? sheet.name, row: pick.locator.row ?? '', column: pick.locator.column });
                }}
              />
            )}
            <section className="check-result" aria-label="Result">
              {run?.result ? (
                <p role="status" className="result-sentence">
                  <strong>{resultFigure(computation, run.result)}</strong> — {run.sentence}
                </p>
              ) : (
                <p role="alert" className="form-error">
                  {run?.error ?? 'Fill in the computation.'}
                </p>
              )}
              {run?.result?.skipped?.length ? <p className="muted small">Left out, no figure: {run.result.skipped.join(', ')}.</p> : null}
            </section>
            {quantity && comparison && <ClaimedVsComputed claimedText={quantity.text} comparison={comparison} />}
          </>
        )}
        <FormFooter error={error} submitLabel="Save check" onCancel={props.onClose} />
      </form>
    </Modal>
  );
}
