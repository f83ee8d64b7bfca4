import type { TableData } from '../../../shared/contract.js';
import { CONDITION_OPERATORS, type ConditionOperator, type TableComputation, type TableOperation } from '../../../shared/model.js';
import { OPERATOR_SYMBOLS } from '../../../shared/tableChecks/describeComputation.js';

type Sheet = TableData['sheets'][number];

export const OPERATION_LABELS: Record<TableOperation, string> = {
  count: 'Count rows where…',
  share: 'Share of rows where…',
  sum: 'Total of a column',
  mean: 'Mean of a column',
  rank: 'Rank of a row',
  change: 'Change between two columns',
  min: 'Minimum (and where)',
  max: 'Maximum (and where)',
  cell: 'One cell',
};

const CONDITION_LABELS: Record<ConditionOperator, string> = {
  '>=': '≥ at least',
  '>': '> more than',
  '<=': '≤ at most',
  '<': '< less than',
  '=': '= equal to',
  '!=': '≠ not equal to',
  contains: 'contains',
  'not-empty': OPERATOR_SYMBOLS['not-empty'],
};

const MULTIPLIERS: Array<[number, string]> = [
  [1, 'as they are'],
  [1e3, 'thousands'],
  [1e6, 'millions'],
  [1e9, 'billions'],
];

const ORDER: TableOperation[] = ['count', 'share', 'sum', 'mean', 'rank', 'change', 'min', 'max', 'cell'];

function ColumnSelect(props: { label: string; sheet: Sheet; value: string | undefined; onChange: (v: string) => void; skip?: string }) {
  return (
    <label>
      {props.label}
      <select aria-label={props.label} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">Choose…</option>
        {props.sheet.columns
          .filter((c) => c !== props.skip)
          .map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
      </select>
    </label>
  );
}

function RowSelect(props: { label: string; sheet: Sheet; labelColumn: string; value: string | undefined; onChange: (v: string) => void; none?: string }) {
  const index = Math.max(0, props.sheet.columns.indexOf(props.labelColumn));
  const labels = [...new Set(props.sheet.rows.map((r) => (r[index] ?? '').trim()).filter((l) => l !== ''))];
  return (
    <label>
      {props.label}
      <select aria-label={props.label} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.none ?? 'Choose…'}</option>
        {labels.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The computation builder: what to compute, over which columns and rows, with which condition, which rows to leave
 * out (totals are suggested), and how the sentence names the rows and their unit.
 */
export function ComputationFields(props: { sheet: Sheet; computation: TableComputation; onChange: (c: TableComputation) => void }) {
  const { sheet, computation: c } = props;
  const set = (patch: Partial<TableComputation>) => {
    const next: TableComputation = { ...c, ...patch };
    for (const key of Object.keys(next) as (keyof TableComputation)[]) if (next[key] === undefined || next[key] === '') delete next[key];
    props.onChange(next);
  };
  const filter = c.filter ?? { column: '', operator: '>=' as ConditionOperator, value: '' };
  const setFilter = (patch: Partial<typeof filter>) => set({ filter: { ...filter, ...patch } });
  const labelIndex = Math.max(0, sheet.columns.indexOf(c.labelColumn));
  const rowLabels = [...new Set(sheet.rows.map((r) => (r[labelIndex] ?? '').trim()).filter((l) => l !== ''))];
  const excluded = new Set(c.excludeRows ?? []);
  const usesFilter = c.operation === 'count' || c.operation === 'share';
  const mayFilter = c.operation === 'sum' || c.operation === 'mean';
  const usesRows = c.operation !== 'cell' && c.operation !== 'change' && !(c.row && (c.operation === 'min' || c.operation === 'max'));

  return (
    <div className="computation-fields">
      <div className="form-grid">
        <label>
          Computation
          <select aria-label="Computation" value={c.operation} onChange={(e) => set({ operation: e.target.value as TableOperation })}>
            {ORDER.map((op) => (
              <option key={op} value={op}>
                {OPERATION_LABELS[op]}
              </option>
            ))}
          </select>
        </label>
        <ColumnSelect label="Rows are named by" sheet={sheet} value={c.labelColumn} onChange={(v) => set({ labelColumn: v })} />
      </div>
      {(usesFilter || mayFilter) && (
        <fieldset className="form-grid condition">
          <legend>{usesFilter ? 'Rows to count' : 'Only rows where (optional)'}</legend>
          <ColumnSelect label="Column to test" sheet={sheet} value={filter.column} skip={c.labelColumn} onChange={(v) => setFilter({ column: v })} />
          <label>
            Condition
            <select aria-label="Condition" value={filter.operator} onChange={(e) => setFilter({ operator: e.target.value as ConditionOperator })}>
              {CONDITION_OPERATORS.map((op) => (
                <option key={op} value={op}>
                  {CONDITION_LABELS[op]}
                </option>
              ))}
            </select>
          </label>
          {filter.operator !== 'not-empty' && (
            <label>
              Value
              <input aria-label="Value" value={filter.value} onChange={(e) => setFilter({ value: e.target.value })} />
            </label>
          )}
        </fieldset>
      )}
      <div className="form-grid">
        {(c.operation === 'sum' || c.operation === 'mean' || c.operation === 'rank' || c.operation === 'cell' || ((c.operation === 'min' || c.operation === 'max') && !c.row)) && (
          <ColumnSelect label="Column" sheet={sheet} value={c.column} skip={c.labelColumn} onChange={(v) => set({ column: v })} />
        )}
        {(c.operation === 'rank' || c.operation === 'change' || c.operation === 'cell') && <RowSelect label="Row" sheet={sheet} labelColumn={c.labelColumn} value={c.row} onChange={(v) => set({ row: v })} />}
        {(c.operation === 'min' || c.operation === 'max') && (
          <RowSelect label="Across the columns of row" none="(none: down a column)" sheet={sheet} labelColumn={c.labelColumn} value={c.row} onChange={(v) => set({ row: v })} />
        )}
        {c.operation === 'change' && (
          <>
            <ColumnSelect label="From column" sheet={sheet} value={c.fromColumn} skip={c.labelColumn} onChange={(v) => set({ fromColumn: v })} />
            <ColumnSelect label="To column" sheet={sheet} value={c.toColumn} skip={c.labelColumn} onChange={(v) => set({ toColumn: v })} />
          </>
        )}
        {c.operation === 'rank' && (
          <label>
            Order
            <select aria-label="Order" value={c.order ?? 'highest-first'} onChange={(e) => set({ order: e.target.value as TableComputation['order'] })}>
              <option value="highest-first">Highest first</option>
              <option value="lowest-first">Lowest first</option>
            </select>
          </label>
        )}
      </div>
      <div className="form-grid">
        <label>
          The rows are
          <input aria-label="The rows are" value={c.noun ?? ''} placeholder="allies, countries, rows" onChange={(e) => set({ noun: e.target.value })} />
        </label>
        <label>
          Unit of the figures
          <input aria-label="Unit of the figures" value={c.valueUnit ?? ''} placeholder="% of GDP" onChange={(e) => set({ valueUnit: e.target.value })} />
        </label>
        <label>
          Figures are in
          <select aria-label="Figures are in" value={String(c.multiplier ?? 1)} onChange={(e) => set({ multiplier: Number(e.target.value) === 1 ? undefined : Number(e.target.value) })}>
            {MULTIPLIERS.map(([m, label]) => (
              <option key={m} value={m}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {usesRows && rowLabels.length > 0 && (
        <fieldset className="rows-left-out">
          <legend>Leave out rows ({excluded.size})</legend>
          <div className="rows-left-out-list">
            {rowLabels.map((label) => (
              <label key={label} className="checkbox">
                <input
                  type="checkbox"
                  checked={excluded.has(label)}
                  onChange={(e) => set({ excludeRows: e.target.checked ? [...excluded, label] : [...excluded].filter((l) => l !== label) })}
                />{' '}
                {label}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}
