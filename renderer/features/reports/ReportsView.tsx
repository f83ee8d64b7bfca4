import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { CITATION_STYLES, type CitationStyle } from '../../../shared/exports/bibliography.js';
import { REPORT_SECTIONS, type ReportModel, type ReportOptions, type ReportSection } from '../../../shared/exports/reportModel.js';
import { indexSnapshot, topicPath } from '../../../shared/exports/snapshotIndex.js';
import { CLAIM_STATUSES, type ProjectSnapshot } from '../../../shared/model.js';
import { db } from '../../db/database.js';
import { saveFile } from '../sources/saveFile.js';
import { APP_EXPORTS, ExportRefused, fileNameFor, type AppExport } from './exportFormats.js';
import { loadSnapshot } from './loadSnapshot.js';
import { openPrintDialog, printToPdf } from './printReport.js';
import { buildExport, buildReportHtml, buildReportModel } from './reportClient.js';
import { ReportPreview } from './ReportPreview.js';
import { useReportBuilder } from './reportBuilderStore.js';
import './reports.css';
import { count } from '../../format/format.js';

/** The settings key holding the organisation that signs reports and ClaimReview. */
export const ORGANISATION_KEY = 'organisation';

const SECTION_LABELS: Record<ReportSection, string> = {
  summary: 'Summary',
  'verdict-breakdown': 'Verdict breakdown charts',
  comparison: 'Comparison table',
  excerpts: 'Annotated transcript excerpts',
  'claim-cards': 'Claim cards',
  bibliography: 'Bibliography',
};
const STYLE_LABELS: Record<CitationStyle, string> = { apa: 'APA', chicago: 'Chicago (author-date)' };
const REPORT_FORMATS: AppExport[] = ['html', 'pdf', 'docx', 'md'];
const DATA_FORMATS: AppExport[] = ['csv', 'json', 'claimreview', 'web-annotation', 'qdpx', 'csl-json'];

interface Choice {
  id: string;
  label: string;
}

/** What the filters can offer: only documents, speakers, topics and verdicts the library has. */
function choicesOf(snapshot: ProjectSnapshot) {
  const index = indexSnapshot(snapshot);
  const documents: Choice[] = snapshot.documents
    .map((d) => ({ id: d.id, label: d.title }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const claimants = new Set(snapshot.claims.flatMap((c) => (c.claimantId ? [c.claimantId] : [])));
  const speakers: Choice[] = snapshot.people.filter((p) => claimants.has(p.id)).map((p) => ({ id: p.id, label: p.name })).sort((a, b) => a.label.localeCompare(b.label));
  const topics: Choice[] = snapshot.topics.map((t) => ({ id: t.id, label: topicPath(index, t.id) })).sort((a, b) => a.label.localeCompare(b.label));
  const verdicts = new Map<string, Choice>();
  for (const v of snapshot.verdicts) {
    if (!v.stepId || verdicts.has(v.stepId)) continue;
    const step = index.scales.get(v.scaleId)?.steps.find((s) => s.id === v.stepId);
    verdicts.set(v.stepId, { id: v.stepId, label: step?.label ?? v.stepId });
  }
  return { documents, speakers, topics, verdicts: [...verdicts.values()] };
}

function CheckList(props: { legend: string; choices: Choice[]; selected: readonly string[]; onToggle: (id: string, on: boolean) => void; hint?: string }) {
  return (
    <fieldset className="report-checklist">
      <legend>{props.legend}</legend>
      {props.hint && <p className="muted small">{props.hint}</p>}
      {props.choices.length === 0 && <p className="muted small">None in this library yet.</p>}
      {props.choices.map((c) => (
        <label key={c.id}>
          <input type="checkbox" checked={props.selected.includes(c.id)} onChange={(e) => props.onToggle(c.id, e.target.checked)} /> {c.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The organisation that signs reports, kept in the settings table; edits are saved as they are typed. */
function useOrganisation(): [{ name: string; url: string }, (next: { name: string; url: string }) => void] {
  // null once read and absent; undefined only while loading.
  const stored = useLiveQuery(() => db.settings.get(ORGANISATION_KEY).then((row) => row ?? null), []);
  const [draft, setDraft] = useState<{ name: string; url: string } | undefined>();
  useEffect(() => {
    if (draft !== undefined || stored === undefined) return;
    const value = (stored?.value ?? {}) as { name?: unknown; url?: unknown };
    setDraft({ name: typeof value.name === 'string' ? value.name : '', url: typeof value.url === 'string' ? value.url : '' });
  }, [stored, draft]);
  const current = draft ?? { name: '', url: '' };
  return [
    current,
    (next) => {
      setDraft(next);
      void db.settings.put({ key: ORGANISATION_KEY, value: next });
    },
  ];
}

/** The Reports section: choose what goes in, see it as it will print, export it as a report or as data. */
export function ReportsView() {
  const snapshot = useLiveQuery(loadSnapshot, []);
  const builder = useReportBuilder();
  const [organisation, setOrganisation] = useOrganisation();
  const [busy, setBusy] = useState<string | undefined>();
  const [status, setStatus] = useState<string>('');
  const [error, setError] = useState<string>('');

  const options: ReportOptions = useMemo(
    () => ({
      title: builder.title.trim() || 'Fact-check report',
      ...(builder.documentIds.length ? { documentIds: builder.documentIds } : {}),
      filter: builder.filter,
      sections: builder.sections,
      citationStyle: builder.citationStyle,
      organisation: { name: organisation.name.trim() || 'Claimdesk', ...(organisation.url.trim() ? { url: organisation.url.trim() } : {}) },
    }),
    [builder.title, builder.documentIds, builder.filter, builder.sections, builder.citationStyle, organisation.name, organisation.url],
  );
  // The preview follows the options; the report is built in a worker, and only the newest answer is shown.
  const deferred = useDeferredValue(options);
  const [preview, setPreview] = useState<{ model?: ReportModel; building: boolean; error?: string }>({ building: true });
  useEffect(() => {
    if (!snapshot) return;
    let current = true;
    setPreview((p) => ({ ...p, building: true }));
    buildReportModel(snapshot, deferred).then(
      (model) => current && setPreview({ model, building: false }),
      (caught: unknown) => current && setPreview({ building: false, error: caught instanceof Error ? caught.message : String(caught) }),
    );
    return () => {
      current = false;
    };
  }, [snapshot, deferred]);
  const choices = useMemo(() => (snapshot ? choicesOf(snapshot) : undefined), [snapshot]);

  if (!snapshot || !choices) return <p className="muted">Loading the library…</p>;

  async function run(format: AppExport) {
    const spec = APP_EXPORTS[format];
    setBusy(format);
    setError('');
    setStatus(`Exporting ${spec.label}…`);
    try {
      // Exports read the library afresh, so nothing typed a moment ago is missing.
      const fresh = await loadSnapshot();
      const name = fileNameFor(options.title, format);
      let bytes: Uint8Array;
      if (format === 'pdf') {
        const pdf = await printToPdf(await buildReportHtml(fresh, options));
        if (!pdf) {
          openPrintDialog();
          setStatus("This preview has no PDF engine: the browser's print dialog opened; choose “Save as PDF” there.");
          return;
        }
        bytes = pdf;
      } else {
        bytes = await buildExport(fresh, format, options);
      }
      const saved = await saveFile(name, bytes, spec.mime);
      setStatus(saved ? `Exported ${spec.label}: ${name}.` : 'Export cancelled.');
    } catch (caught) {
      const message = caught instanceof ExportRefused ? caught.message : `The ${spec.label} export failed: ${caught instanceof Error ? caught.message : String(caught)}`;
      setStatus('');
      setError(message);
    } finally {
      setBusy(undefined);
    }
  }

  const claimCount = preview.model?.claims.length;
  return (
    <div className="reports">
      <form className="report-options" aria-label="Report options" onSubmit={(e) => e.preventDefault()}>
        <h2>Report</h2>
        <label className="report-field">
          Report title
          <input type="text" value={builder.title} onChange={(e) => builder.setTitle(e.target.value)} />
        </label>
        <fieldset className="report-org">
          <legend>Organisation</legend>
          <label className="report-field">
            Organisation name
            <input type="text" value={organisation.name} onChange={(e) => setOrganisation({ ...organisation, name: e.target.value })} placeholder="Claimdesk" />
          </label>
          <label className="report-field">
            Organisation URL
            <input type="url" value={organisation.url} onChange={(e) => setOrganisation({ ...organisation, url: e.target.value })} placeholder="https://" />
          </label>
        </fieldset>
        <CheckList legend="Documents" hint="None ticked: every document." choices={choices.documents} selected={builder.documentIds} onToggle={(id, on) => builder.toggle('documentIds', id, on)} />
        <CheckList legend="Speakers" hint="None ticked: every speaker." choices={choices.speakers} selected={builder.filter.speakerIds} onToggle={(id, on) => builder.toggle('speakerIds', id, on)} />
        <CheckList legend="Topics" hint="A topic includes the topics below it." choices={choices.topics} selected={builder.filter.topicIds} onToggle={(id, on) => builder.toggle('topicIds', id, on)} />
        <CheckList legend="Verdicts" choices={choices.verdicts} selected={builder.filter.verdictStepIds} onToggle={(id, on) => builder.toggle('verdictStepIds', id, on)} />
        <CheckList legend="Statuses" choices={CLAIM_STATUSES.map((s) => ({ id: s, label: s }))} selected={builder.filter.statuses} onToggle={(id, on) => builder.toggle('statuses', id, on)} />
        <CheckList legend="Sections" choices={REPORT_SECTIONS.map((s) => ({ id: s, label: SECTION_LABELS[s] }))} selected={builder.sections} onToggle={(id, on) => builder.toggle('sections', id, on)} />
        <label className="report-field">
          Citation style
          <select value={builder.citationStyle} onChange={(e) => builder.setCitationStyle(e.target.value as CitationStyle)}>
            {CITATION_STYLES.map((s) => (
              <option key={s} value={s}>
                {STYLE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => builder.reset()}>
          Reset choices
        </button>
      </form>
      <section className="report-preview" aria-labelledby="report-preview-heading">
        <div className="report-preview-head">
          <h2 id="report-preview-heading">Preview</h2>
          <p className="muted small" aria-live="polite">
            {preview.building ? 'Building the preview…' : `${count(claimCount ?? 0, 'claim')} in the report`}
          </p>
        </div>
        {preview.error && <p role="alert" className="report-error">The preview could not be built: {preview.error}</p>}
        {preview.model ? <ReportPreview report={preview.model} /> : <p className="report-building">Building the preview…</p>}
      </section>
      <section className="report-exports" aria-label="Export">
        <div role="group" aria-label="Export report">
          <h3>Export report</h3>
          {REPORT_FORMATS.map((f) => (
            <button key={f} type="button" disabled={busy !== undefined} onClick={() => void run(f)}>
              Export {APP_EXPORTS[f].label}
            </button>
          ))}
        </div>
        <div role="group" aria-label="Export data">
          <h3>Export data</h3>
          {DATA_FORMATS.map((f) => (
            <button key={f} type="button" disabled={busy !== undefined} onClick={() => void run(f)}>
              {APP_EXPORTS[f].label}
            </button>
          ))}
        </div>
        <p role="status" className="muted small">
          {status}
        </p>
        {error && (
          <p role="alert" className="report-error">
            {error}
          </p>
        )}
      </section>
    </div>
  );
}
