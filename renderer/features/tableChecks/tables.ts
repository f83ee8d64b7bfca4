import { useEffect, useState } from 'react';
import type { TableData } from '../../../shared/contract.js';
import { viewerFor } from '../../../shared/domain/sources.js';
import type { Attachment, Source } from '../../../shared/model.js';
import { sourceTitle } from '../sources/sourceFilters.js';
import { request } from '../../api/api.js';

/** A CSV or XLSX attached to a source: what "Check against table…" can compute on. */
export interface TableChoice {
  key: string;
  source: Source;
  attachment: Attachment;
}

/** Every table attachment in the library, those of the given sources (the claim's evidence) first. */
export function tableChoices(sources: Source[], preferredSourceIds: ReadonlySet<string>): TableChoice[] {
  const out: TableChoice[] = [];
  for (const source of sources) {
    for (const attachment of source.attachments) {
      if (viewerFor(attachment) === 'table') out.push({ key: `${source.id}:${attachment.hash}`, source, attachment });
    }
  }
  return out.sort((a, b) => Number(preferredSourceIds.has(b.source.id)) - Number(preferredSourceIds.has(a.source.id)) || sourceTitle(a.source).localeCompare(sourceTitle(b.source)));
}

/**
 * The edition a file stands for, as sentences cite it: its own label, else the source's title, edition and date
 * ("Defence Expenditure of NATO Countries (2014-2024), June 2024").
 */
export function editionLabel(source: Source, attachment: Attachment): string {
  if (attachment.edition) return attachment.edition;
  const title = sourceTitle(source);
  const issued = source.csl.issued?.['date-parts']?.[0];
  const when = issued ? issuedText(issued) : undefined;
  const edition = source.csl.edition !== undefined ? String(source.csl.edition) : undefined;
  return [title, edition && !title.includes(edition) ? `edition ${edition}` : undefined, when].filter(Boolean).join(', ');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function issuedText(parts: Array<number | string>): string {
  const [year, month, day] = parts.map((p) => Number(p));
  if (!year) return '';
  if (!month) return String(year);
  return `${day ? `${day} ` : ''}${MONTHS[month - 1] ?? ''} ${year}`.trim();
}

/** The table's sheets, read by the main process from the vault; `error` is one sentence when it cannot be read. */
export function useTableData(choice: Pick<TableChoice, 'attachment'> | undefined): { data?: TableData; error?: string } {
  const [state, setState] = useState<{ key?: string; data?: TableData; error?: string }>({});
  const hash = choice?.attachment.hash;
  const name = choice?.attachment.name;
  useEffect(() => {
    if (!hash || !name) return;
    let live = true;
    setState({ key: hash });
    request('sourcesReadTable', { hash, fileName: name }).then(
      (data) => live && setState({ key: hash, data }),
      (e: unknown) => live && setState({ key: hash, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [hash, name]);
  if (!hash || state.key !== hash) return {};
  return { ...(state.data ? { data: state.data } : {}), ...(state.error ? { error: state.error } : {}) };
}
