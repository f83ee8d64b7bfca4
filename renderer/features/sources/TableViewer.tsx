import { useEffect, useMemo, useRef, useState } from 'react';
import { TableVirtuoso } from 'react-virtuoso';
import type { TableData } from '../../../shared/contract.js';
import type { Attachment, Locator } from '../../../shared/model.js';
import { request } from '../../api/api.js';

/** What the user picked in a viewer: where it is, and the words or figures to quote. */
export interface ViewerPick {
  locator: Locator;
  excerpt: string;
}

type Sheet = TableData['sheets'][number];

/** Above this many rows only the rows on screen are rendered. */
const VIRTUAL_ROWS = 300;

/** A CSV or XLSX attachment as a table; a cell or a whole row can be picked as the place a claim cites. */
export function TableViewer(props: { attachment: Attachment; locator: Locator; onPick: (pick: ViewerPick) => void }) {
  const [data, setData] = useState<TableData>();
  const [error, setError] = useState<string>();
  const [sheetName, setSheetName] = useState<string>();
  const [picked, setPicked] = useState<{ row: string; column?: string }>();
  const { hash, name } = props.attachment;

  useEffect(() => {
    let live = true;
    setData(undefined);
    setError(undefined);
    request('sourcesReadTable', { hash, fileName: name }).then(
      (table) => live && setData(table),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [hash, name]);

  const sheet: Sheet | undefined = useMemo(() => {
    if (!data) return undefined;
    const wanted = sheetName ?? props.locator.table;
    return data.sheets.find((s) => s.name === wanted) ?? data.sheets[0];
  }, [data, sheetName, props.locator.table]);

  const target = picked ?? (props.locator.row ? { row: props.locator.row, ...(props.locator.column ? { column: props.locator.column } : {}) } : undefined);

  if (error) return <p role="alert" className="form-error">{error}</p>;
  if (!data || !sheet) return <p className="muted" role="status">Reading {name}…</p>;

  const pickCell = (row: string[], columnIndex: number) => {
    const label = row[0] ?? '';
    const column = sheet.columns[columnIndex] ?? '';
    setPicked({ row: label, column });
    props.onPick({ locator: { table: sheet.name, row: label, column, attachmentHash: hash }, excerpt: `${label}, ${column}: ${row[columnIndex] ?? ''}` });
  };
  const pickRow = (row: string[]) => {
    const label = row[0] ?? '';
    setPicked({ row: label });
    const values = sheet.columns.slice(1).map((c, i) => `${c} ${row[i + 1] ?? ''}`);
    props.onPick({ locator: { table: sheet.name, row: label, attachmentHash: hash }, excerpt: `${label}: ${values.join(', ')}` });
  };

  const renderRow = (row: string[]) => {
    const label = row[0] ?? '';
    const rowHit = target?.row === label;
    return (
      <>
        <th scope="row" className={rowHit && !target?.column ? 'cell-picked' : undefined}>
          <button type="button" className="cell-button" aria-label={`Pick row ${label}`} aria-pressed={rowHit && !target?.column} onClick={() => pickRow(row)}>
            {label}
          </button>
        </th>
        {row.slice(1).map((value, i) => {
          const column = sheet.columns[i + 1] ?? '';
          const hit = rowHit && target?.column === column;
          return (
            <td key={column} className={hit ? 'cell-picked' : undefined}>
              <button type="button" className="cell-button" aria-label={`${label}, ${column}: ${value}`} aria-pressed={hit} onClick={() => pickCell(row, i + 1)} data-target={hit ? 'true' : undefined}>
                {value}
              </button>
            </td>
          );
        })}
      </>
    );
  };

  const header = (
    <tr>
      {sheet.columns.map((c) => (
        <th key={c} scope="col">
          {c}
        </th>
      ))}
    </tr>
  );

  return (
    <div className="table-viewer">
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
      {sheet.rows.length > VIRTUAL_ROWS ? (
        <VirtualTable sheet={sheet} header={header} renderRow={renderRow} targetRow={target?.row} />
      ) : (
        <ScrollToTarget deps={[target?.row, target?.column]}>
          <table className="table data-table" aria-label={`Table ${sheet.name}`}>
            <thead>{header}</thead>
            <tbody>
              {sheet.rows.map((row, i) => (
                <tr key={i}>{renderRow(row)}</tr>
              ))}
            </tbody>
          </table>
        </ScrollToTarget>
      )}
    </div>
  );
}

function ScrollToTarget(props: { deps: unknown[]; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Scroll only the table's own box, so the page around it stays where the user left it.
    const box = ref.current;
    const cell = box?.querySelector<HTMLElement>('[data-target="true"]')?.parentElement;
    if (!box || !cell) return;
    const head = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const cellBox = cell.getBoundingClientRect();
    const outer = box.getBoundingClientRect();
    if (cellBox.top < outer.top + head || cellBox.bottom > outer.bottom) box.scrollTop += cellBox.top - outer.top - head - (box.clientHeight - head) / 2;
    if (cellBox.left < outer.left || cellBox.right > outer.right) box.scrollLeft += cellBox.left - outer.left - box.clientWidth / 2;
  }, props.deps);
  return (
    <div ref={ref} className="table-scroll">
      {props.children}
    </div>
  );
}

function VirtualTable(props: { sheet: Sheet; header: React.ReactNode; renderRow: (row: string[]) => React.ReactNode; targetRow: string | undefined }) {
  const index = props.targetRow === undefined ? -1 : props.sheet.rows.findIndex((r) => r[0] === props.targetRow);
  return (
    <TableVirtuoso
      className="table-scroll"
      style={{ height: '28rem' }}
      data={props.sheet.rows}
      {...(index >= 0 ? { initialTopMostItemIndex: index } : {})}
      components={{ Table: (p) => <table {...p} className="table data-table" aria-label={`Table ${props.sheet.name}`} aria-rowcount={props.sheet.rows.length + 1} /> }}
      fixedHeaderContent={() => props.header}
      itemContent={(_i, row) => props.renderRow(row)}
    />
  );
}
