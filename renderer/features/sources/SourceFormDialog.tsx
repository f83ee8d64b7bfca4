import { useState, type FormEvent } from 'react';
import { createSource, updateSource, type SourceInput } from '../../../shared/domain/sources.js';
import { SOURCE_KINDS, type Source, type SourceKind } from '../../../shared/model.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { Modal } from '../shell/Modal.js';
import { dateText, namesText, parseDate, parseNames } from './sourceFilters.js';
import { FormFooter } from '../shell/FormFooter.js';

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  report: 'Report',
  dataset: 'Dataset',
  article: 'Article',
  statute: 'Statute',
  'official-transcript': 'Official transcript',
  'web-page': 'Web page',
  interview: 'Interview',
  book: 'Book',
};

/** Creates or edits a source: its kind, the CSL-JSON fields an editor cites, a reliability note and tags. */
export function SourceFormDialog(props: { source?: Source; initialTitle?: string; initialAuthor?: string; onClose: () => void; onSaved?: (source: Source) => void }) {
  const csl = props.source?.csl;
  const [kind, setKind] = useState<SourceKind>(props.source?.kind ?? 'report');
  const [title, setTitle] = useState(typeof csl?.title === 'string' ? csl.title : (props.initialTitle ?? ''));
  const [author, setAuthor] = useState(csl ? namesText(csl.author) : (props.initialAuthor ?? ''));
  const [publisher, setPublisher] = useState(csl?.publisher ?? '');
  const [issued, setIssued] = useState(dateText(csl?.issued));
  const [edition, setEdition] = useState(csl?.edition === undefined ? '' : String(csl.edition));
  const [url, setUrl] = useState(csl?.URL ?? '');
  const [accessed, setAccessed] = useState(dateText(csl?.accessed));
  const [doi, setDoi] = useState(csl?.DOI ?? '');
  const [isbn, setIsbn] = useState(csl?.ISBN ?? '');
  const [reliability, setReliability] = useState(props.source?.reliability ?? '');
  const [tags, setTags] = useState(props.source?.tags.join(', ') ?? '');
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields: SourceInput['csl'] = { ...(csl ?? {}), title, author: parseNames(author), publisher, edition, URL: url, DOI: doi, ISBN: isbn };
    const issuedDate = parseDate(issued);
    const accessedDate = parseDate(accessed);
    if (issuedDate) fields.issued = issuedDate;
    else delete fields.issued;
    if (accessedDate) fields.accessed = accessedDate;
    else delete fields.accessed;
    // A kind change gives the CSL type of the new kind.
    if (props.source && props.source.kind !== kind) delete fields.type;
    const input: SourceInput = { kind, csl: fields, reliability, tags: tags.split(',') };
    try {
      const saved = props.source ? await updateSource(store, props.source.id, input) : await createSource(store, input);
      useUiStore.getState().notify(props.source ? 'Source saved.' : `Created source “${title.trim()}”.`);
      props.onSaved?.(saved);
      props.onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <Modal title={props.source ? 'Edit source' : 'New source'} onClose={props.onClose} wide>
      <form onSubmit={submit} className="form source-form" noValidate aria-label={props.source ? 'Edit source' : 'New source'}>
        <div className="source-form-grid">
          <label>
            Kind
            <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value as SourceKind)}>
              {SOURCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {SOURCE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="span-2">
            Title
            <input value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus maxLength={1000} />
          </label>
          <label className="span-2">
            Author or institution
            <input value={author} onChange={(e) => setAuthor(e.target.value)} placeholder="Family, Given; or an institution" />
          </label>
          <label>
            Publisher
            <input value={publisher} onChange={(e) => setPublisher(e.target.value)} />
          </label>
          <label>
            Issued
            <input value={issued} onChange={(e) => setIssued(e.target.value)} placeholder="YYYY-MM-DD" />
          </label>
          <label>
            Edition
            <input value={edition} onChange={(e) => setEdition(e.target.value)} />
          </label>
          <label className="span-2">
            URL
            <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
          </label>
          <label>
            Accessed
            <input value={accessed} onChange={(e) => setAccessed(e.target.value)} placeholder="YYYY-MM-DD" />
          </label>
          <label>
            DOI
            <input value={doi} onChange={(e) => setDoi(e.target.value)} />
          </label>
          <label>
            ISBN
            <input value={isbn} onChange={(e) => setIsbn(e.target.value)} />
          </label>
          <label className="span-2">
            Tags
            <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder="comma-separated" />
          </label>
          <label className="span-3">
            Reliability note
            <textarea value={reliability} onChange={(e) => setReliability(e.target.value)} rows={3} />
          </label>
        </div>
        <FormFooter error={error} submitLabel={props.source ? 'Save source' : 'Create source'} onCancel={props.onClose} />
      </form>
    </Modal>
  );
}
