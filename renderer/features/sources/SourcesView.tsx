import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { CitationImportResult } from '../../../shared/contract.js';
import { SOURCE_KINDS, type SourceKind } from '../../../shared/model.js';
import { exportCslJson } from '../../../shared/sources/cslExport.js';
import { request } from '../../api/api.js';
import { db } from '../../db/database.js';
import { useUiStore } from '../../state/uiStore.js';
import { ImportCitationsDialog } from './ImportCitationsDialog.js';
import { saveFile } from './saveFile.js';
import { SourceDetail } from './SourceDetail.js';
import { SourceFormDialog, SOURCE_KIND_LABELS } from './SourceFormDialog.js';
import { allTags, filterSources, issuedText, sourceTitle } from './sourceFilters.js';
import { useSourcesUi } from './sourcesUi.js';
import './sources.css';

/** The sources library: browse and filter, create, import and export, and the selected source's page. */
export function SourcesView() {
  const sources = useLiveQuery(() => db.sources.toArray(), []);
  const { selectedSourceId, filterText, filterKind, filterTag, selectSource, setFilter, viewer } = useSourcesUi();
  const [showList, setShowList] = useState(true);
  const [creating, setCreating] = useState(false);
  const [imported, setImported] = useState<{ fileName: string; result: CitationImportResult }>();
  const [importError, setImportError] = useState<string>();

  if (!sources) return <p className="muted">Opening the sources library…</p>;
  const shown = filterSources(sources, { text: filterText, kind: filterKind, tag: filterTag });
  const selected = sources.find((s) => s.id === selectedSourceId);

  async function importFile(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    setImportError(undefined);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const existing = sources!.map((s) => ({ id: s.id, csl: s.csl as Record<string, unknown> }));
      const result = await request('sourcesImportCitations', { fileName: file.name, bytes, existing });
      setImported({ fileName: file.name, result });
    } catch (e) {
      setImportError(`${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function exportLibrary() {
    const json = JSON.stringify(exportCslJson(sources!), null, 2);
    try {
      const saved = await saveFile('claimdesk-sources.json', new TextEncoder().encode(json), 'application/json');
      if (saved) useUiStore.getState().notify(`Exported ${sources!.length} sources as CSL-JSON.`);
    } catch (e) {
      useUiStore.getState().notify(e instanceof Error ? e.message : String(e), 'error');
    }
  }

  // An open table or PDF takes the room it needs: the list narrows, and steps aside altogether when asked.
  const layout = viewer === undefined ? 'sources-view' : showList ? 'sources-view viewing' : 'sources-view viewing list-hidden';
  return (
    <div className={layout}>
      <section className="sources-list-pane" aria-label="Sources library">
        <div className="section-head">
          <h2>Sources</h2>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New source
          </button>
        </div>
        <div className="sources-toolbar">
          <label className="file-button">
            Import citations (CSL-JSON, BibTeX, RIS)
            <input type="file" accept=".json,.bib,.bibtex,.ris,.txt" onChange={(e) => void importFile(e.target.files).then(() => (e.target.value = ''))} />
          </label>
          <button type="button" onClick={() => void exportLibrary()} disabled={sources.length === 0}>
            Export CSL-JSON
          </button>
        </div>
        {importError && (
          <p role="alert" className="form-error">
            {importError}
          </p>
        )}
        <div className="sources-filters" role="search" aria-label="Filter sources">
          <label>
            Search sources
            <input type="search" value={filterText} onChange={(e) => setFilter({ filterText: e.target.value })} />
          </label>
          <label>
            Kind
            <select aria-label="Kind" value={filterKind} onChange={(e) => setFilter({ filterKind: e.target.value as SourceKind | '' })}>
              <option value="">All kinds</option>
              {SOURCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {SOURCE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Tag
            <select aria-label="Tag" value={filterTag} onChange={(e) => setFilter({ filterTag: e.target.value })}>
              <option value="">All tags</option>
              {allTags(sources).map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
        </div>
        {sources.length === 0 ? (
          <p className="muted" role="note">
            No sources yet. Create one, or import a reference manager’s export (Zotero writes CSL-JSON, BibTeX and RIS).
          </p>
        ) : shown.length === 0 ? (
          <p className="muted" role="note">
            No source matches these filters.
          </p>
        ) : null}
        <ul className="source-list" aria-label="Sources">
          {shown.map((s) => (
            <li key={s.id}>
              <button type="button" className={`source-link${s.id === selectedSourceId ? ' selected' : ''}`} aria-current={s.id === selectedSourceId ? 'true' : undefined} onClick={() => selectSource(s.id)}>
                <span className="source-link-title">{sourceTitle(s)}</span>
                <span className="muted small">
                  {[SOURCE_KIND_LABELS[s.kind], issuedText(s), s.attachments.length > 0 ? `${s.attachments.length} file${s.attachments.length === 1 ? '' : 's'}` : ''].filter(Boolean).join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <div className="source-detail-pane">
        {viewer !== undefined && (
          <button type="button" className="list-toggle" aria-pressed={showList} onClick={() => setShowList((v) => !v)}>
            {showList ? 'Hide the sources list' : 'Show the sources list'}
          </button>
        )}
        {selected ? <SourceDetail key={selected.id} source={selected} library={sources} /> : <p className="muted">Select a source to see its details, files and the claims that cite it.</p>}
      </div>
      {creating && <SourceFormDialog onClose={() => setCreating(false)} onSaved={(s) => selectSource(s.id)} />}
      {imported && <ImportCitationsDialog fileName={imported.fileName} result={imported.result} onClose={() => setImported(undefined)} />}
    </div>
  );
}
