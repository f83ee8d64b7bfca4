import { useEffect, useMemo, useRef, useState } from 'react';
import { TableVirtuoso, type TableVirtuosoHandle } from 'react-virtuoso';
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
  const [active, setActive] = useState<{ row: number; column: number }>();
  const gridRef = useRef<HTMLDivElement>(null);
  const virtualRef = useRef<TableVirtuosoHandle>(null);
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

  const rows = sheet.rows;
  const width = Math.max(1, sheet.columns.length);
  // One Tab stop for the whole grid: the active cell (the picked one, else the first), arrows move from there.
  const targetIndex = target ? rows.findIndex((r) => r[0] === target.row) : -1;
  const targetColumn = target?.column ? Math.max(0, sheet.columns.indexOf(target.column)) : 0;
  const at = active ?? (targetIndex >= 0 ? { row: targetIndex, column: targetColumn } : { row: 0, column: 0 });

  const moveTo = (row: number, column: number) => {
    const next = { row: Math.min(Math.max(0, row), rows.length - 1), column: Math.min(Math.max(0, column), width - 1) };
    setActive(next);
    focusCell(gridRef.current, next, () => virtualRef.current?.scrollIntoView({ index: next.row }));
  };
  const pickAt = (row: number, column: number) => {
    const cells = rows[row];
    if (!cells) return;
    if (column === 0) pickRow(cells);
    else pickCell(cells, column);
  };
  const onGridKey = (event: React.KeyboardEvent) => {
    const page = 10;
    const moves: Record<string, [number, number]> = {
      ArrowDown: [at.row + 1, at.column],
      ArrowUp: [at.row - 1, at.column],
      ArrowRight: [at.row, at.column + 1],
      ArrowLeft: [at.row, at.column - 1],
      PageDown: [at.row + page, at.column],
      PageUp: [at.row - page, at.column],
      Home: event.ctrlKey ? [0, 0] : [at.row, 0],
      End: event.ctrlKey ? [rows.length - 1, width - 1] : [at.row, width - 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      moveTo(move[0], move[1]);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      pickAt(at.row, at.column);
    }
  };

  const renderRow = (row: string[], rowIndex: number) => {
    const label = row[0] ?? '';
    const rowHit = target?.row === label;
    const tabIndex = (column: number) => (at.row === rowIndex && at.column === column ? 0 : -1);
    return (
      <>
        <th
          scope="row"
          role="rowheader"
          className={rowHit && !target?.column ? 'cell cell-picked' : 'cell'}
          aria-label={`Pick row ${label}`}
          aria-selected={rowHit && !target?.column}
          tabIndex={tabIndex(0)}
          data-cell={`${rowIndex}:0`}
          onClick={() => {
            setActive({ row: rowIndex, column: 0 });
            pickRow(row);
          }}
        >
          {label}
        </th>
        {row.slice(1).map((value, i) => {
          const column = sheet.columns[i + 1] ?? '';
          const hit = rowHit && target?.column === column;
          return (
            <td
              key={column}
              role="gridcell"
              className={hit ? 'cell cell-picked' : 'cell'}
              aria-label={`${label}, ${column}: ${value}`}
              aria-selected={hit}
              tabIndex={tabIndex(i + 1)}
              data-cell={`${rowIndex}:${i + 1}`}
              data-target={hit ? 'true' : undefined}
              onClick={() => {
                setActive({ row: rowIndex, column: i + 1 });
                pickCell(row, i + 1);
              }}
            >
              {value}
            </td>
          );
        })}
      </>
    );
  };

  const header = (
    <tr>
      {sheet.columns.map((c) => (
        <th key={c} scope="col" role="columnheader">
          {c}
        </th>
      ))}
    </tr>
  );
  const gridProps = {
    role: 'grid',
    'aria-label': `Table ${sheet.name}`,
    'aria-rowcount': rows.length + 1,
    'aria-colcount': width,
    'aria-describedby': 'table-viewer-keys',
    onKeyDown: onGridKey,
  } as const;

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
      <p id="table-viewer-keys" className="small muted">
        Arrow keys move between cells; Enter picks the cell, or the whole row from its first column.
      </p>
      <div ref={gridRef}>
        {rows.length > VIRTUAL_ROWS ? (
          <VirtualTable sheet={sheet} header={header} renderRow={renderRow} targetRow={target?.row} gridProps={gridProps} handle={virtualRef} />
        ) : (
          <ScrollToTarget deps={[target?.row, target?.column]}>
            <table className="table data-table" {...gridProps}>
              <thead>{header}</thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>{renderRow(row, i)}</tr>
                ))}
              </tbody>
            </table>
          </ScrollToTarget>
        )}
      </div>
    </div>
  );
}

/** Focuses a cell once it is rendered; a virtual table first scrolls its row into view. */
function focusCell(grid: HTMLElement | null, cell: { row: number; column: number }, scroll: () => void, tries = 6): void {
  const element = grid?.querySelector<HTMLElement>(`[data-cell="${cell.row}:${cell.column}"]`);
  if (element) {
    element.focus();
    return;
  }
  if (tries === 6) scroll();
  if (tries > 0) requestAnimationFrame(() => focusCell(grid, cell, scroll, tries - 1));
}

function ScrollToTarget(props: { deps: unknown[]; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Scroll only the table's own box, so the page around it stays where the user left it.
    const box = ref.current;
    const cell = box?.querySelector<HTMLElement>('[data-target="true"]');
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

function VirtualTable(props: {
  sheet: Sheet;
  header: React.ReactNode;
  renderRow: (row: string[], index: number) => React.ReactNode;
  targetRow: string | undefined;
  gridProps: React.TableHTMLAttributes<HTMLTableElement>;
  handle: React.RefObject<TableVirtuosoHandle | null>;
}) {
  const index = props.targetRow === undefined ? -1 : props.sheet.rows.findIndex((r) => r[0] === props.targetRow);
  const { gridProps } = props;
  return (
    <TableVirtuoso
      ref={props.handle}
      className="table-scroll"
      style={{ height: '100%', minHeight: '28rem' }}
      data={props.sheet.rows}
      {...(index >= 0 ? { initialTopMostItemIndex: index } : {})}
      components={{ Table: (p) => <table {...p} {...gridProps} className="table data-table" /> }}
      fixedHeaderContent={() => props.header}
      itemContent={(i, row) => props.renderRow(row, i)}
    />
  );
}
