import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { createSource, linkEvidence, updateEvidence, type EvidenceInput } from '../../../shared/domain/sources.js';
import { EVIDENCE_RELATIONS, SOURCE_KINDS, type EvidenceLink, type EvidenceRelation, type Locator, type SourceKind } from '../../../shared/model.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { Modal } from '../shell/Modal.js';
import { SOURCE_KIND_LABELS } from '../sources/SourceFormDialog.js';
import { sourceTitle } from '../sources/sourceFilters.js';
import { FormFooter } from '../shell/FormFooter.js';

export const RELATION_LABELS: Record<EvidenceRelation, string> = { supports: 'Supports', contradicts: 'Contradicts', context: 'Context' };

const NEW_SOURCE = '__new__';

/**
 * Adds or edits an evidence link: the claim, the source (picked, or created on the spot), the relation, where in
 * the source (page, table, row, column, section, timestamp), the edition and year of the figure, the excerpt, a note.
 */
export function EvidenceDialog(props: { claimId?: string; sourceId?: string; link?: EvidenceLink; draft?: Partial<EvidenceInput>; onClose: () => void }) {
  const claims = useLiveQuery(() => db.claims.toArray(), []);
  const sources = useLiveQuery(() => db.sources.toArray(), []);
  const initial: Partial<EvidenceInput> = props.link ?? props.draft ?? {};
  const loc: Locator = initial.locator ?? {};
  const [claimId, setClaimId] = useState(props.link?.claimId ?? props.claimId ?? '');
  const [sourceId, setSourceId] = useState(props.link?.sourceId ?? props.sourceId ?? '');
  const [newTitle, setNewTitle] = useState('');
  const [newKind, setNewKind] = useState<SourceKind>('report');
  const [relation, setRelation] = useState<EvidenceRelation>(initial.relation ?? 'supports');
  const [page, setPage] = useState(loc.page === undefined ? '' : String(loc.page));
  const [table, setTable] = useState(loc.table ?? '');
  const [row, setRow] = useState(loc.row ?? '');
  const [column, setColumn] = useState(loc.column ?? '');
  const [section, setSection] = useState(loc.section ?? '');
  const [timestamp, setTimestamp] = useState(loc.timestamp ?? '');
  const [edition, setEdition] = useState(initial.edition ?? '');
  const [figureYear, setFigureYear] = useState(initial.figureYear ?? '');
  const [excerpt, setExcerpt] = useState(initial.excerpt ?? '');
  const [note, setNote] = useState(initial.note ?? '');
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      if (!claimId) throw new Error('Choose the claim this evidence is for.');
      let targetSource = sourceId;
      if (targetSource === NEW_SOURCE) targetSource = (await createSource(store, { kind: newKind, csl: { title: newTitle } })).id;
      if (!targetSource) throw new Error('Choose a source, or create one.');
      const pageNumber = page.trim() === '' ? undefined : Number(page);
      if (pageNumber !== undefined && !Number.isInteger(pageNumber)) throw new Error('A page number is a whole number from 1.');
      const locator: Locator = { table, row, column, section, timestamp };
      if (pageNumber !== undefined) locator.page = pageNumber;
      const keepHash = loc.attachmentHash && targetSource === (props.link?.sourceId ?? props.sourceId) ? loc.attachmentHash : undefined;
      if (keepHash) locator.attachmentHash = keepHash;
      const input: EvidenceInput = { relation, locator, edition, figureYear, excerpt, note };
      if (props.link) await updateEvidence(store, props.link.id, input);
      else await linkEvidence(store, claimId, targetSource, input);
      useUiStore.getState().notify(props.link ? 'Evidence saved.' : 'Evidence linked to the claim.');
      props.onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const claimFixed = Boolean(props.link || props.claimId);
  return (
    <Modal title={props.link ? 'Edit evidence' : 'Add evidence'} onClose={props.onClose} wide>
      <form onSubmit={submit} className="form" noValidate aria-label={props.link ? 'Edit evidence' : 'Add evidence'}>
        <div className="source-form-grid">
          <label className="span-3">
            Claim
            <select aria-label="Claim" value={claimId} onChange={(e) => setClaimId(e.target.value)} disabled={claimFixed}>
              <option value="">Choose a claim…</option>
              {claims?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.text.length > 120 ? `${c.text.slice(0, 119)}…` : c.text}
                </option>
              ))}
            </select>
          </label>
          <label className="span-2">
            Source
            <select aria-label="Source" value={sourceId} onChange={(e) => setSourceId(e.target.value)} disabled={Boolean(props.link)}>
              <option value="">Choose a source…</option>
              {sources
                ?.slice()
                .sort((a, b) => sourceTitle(a).localeCompare(sourceTitle(b)))
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {sourceTitle(s)}
                  </option>
                ))}
              <option value={NEW_SOURCE}>New source…</option>
            </select>
          </label>
          <label>
            Relation
            <select aria-label="Relation" value={relation} onChange={(e) => setRelation(e.target.value as EvidenceRelation)}>
              {EVIDENCE_RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {RELATION_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
          {sourceId === NEW_SOURCE && (
            <>
              <label className="span-2">
                New source title
                <input value={newTitle} onChange={(e) => setNewTitle(e.target.value)} />
              </label>
              <label>
                New source kind
                <select aria-label="New source kind" value={newKind} onChange={(e) => setNewKind(e.target.value as SourceKind)}>
                  {SOURCE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {SOURCE_KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}
          <fieldset className="span-3 locator-fields">
            <legend>Where in the source</legend>
            <label>
              Page
              <input type="number" min={1} value={page} onChange={(e) => setPage(e.target.value)} />
            </label>
            <label>
              Table
              <input value={table} onChange={(e) => setTable(e.target.value)} />
            </label>
            <label>
              Row
              <input value={row} onChange={(e) => setRow(e.target.value)} />
            </label>
            <label>
              Column
              <input value={column} onChange={(e) => setColumn(e.target.value)} />
            </label>
            <label>
              Section
              <input value={section} onChange={(e) => setSection(e.target.value)} />
            </label>
            <label>
              Timestamp
              <input value={timestamp} onChange={(e) => setTimestamp(e.target.value)} placeholder="h:mm:ss" />
            </label>
          </fieldset>
          <label className="span-2">
            Edition
            <input value={edition} onChange={(e) => setEdition(e.target.value)} />
          </label>
          <label>
            Year of the figure
            <input value={figureYear} onChange={(e) => setFigureYear(e.target.value)} />
          </label>
          <label className="span-3">
            Excerpt
            <textarea value={excerpt} onChange={(e) => setExcerpt(e.target.value)} rows={3} />
          </label>
          <label className="span-3">
            Note
            <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
          </label>
        </div>
        <FormFooter error={error} submitLabel="Save evidence" onCancel={props.onClose} />
      </form>
    </Modal>
  );
}
