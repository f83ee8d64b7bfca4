import { cleanFileName } from '../../../shared/fileNames.js';
import { useState, type FormEvent } from 'react';
import { attachFile, viewerFor } from '../../../shared/domain/sources.js';
import { rerunChecksOnEdition } from '../../../shared/domain/tableChecks.js';
import type { Attachment, Source } from '../../../shared/model.js';
import { request } from '../../api/api.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { FormFooter } from '../shell/FormFooter.js';
import { Modal } from '../shell/Modal.js';
import { prepareAttachment } from '../sources/attachmentCheck.js';
import { sourceTitle } from '../sources/sourceFilters.js';
import { editionLabel } from './tables.js';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Attaches a newer (or older) edition of a source's table, or picks one already attached, and re-runs every stored
 * computation that cites the source on it. Earlier runs keep pointing at the bytes they were made on.
 */
export function RerunEditionDialog(props: { source: Source; onClose: () => void }) {
  const notify = useUiStore((s) => s.notify);
  const [attachments, setAttachments] = useState<Attachment[]>(props.source.attachments.filter((a) => viewerFor(a) === 'table'));
  const [hash, setHash] = useState<string>(attachments[attachments.length - 1]?.hash ?? '');
  const [edition, setEdition] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const chosen = attachments.find((a) => a.hash === hash);
  const editionText = edition ?? (chosen ? editionLabel(props.source, chosen) : '');

  async function attach(files: FileList | null) {
    setError(undefined);
    const file = files?.[0];
    if (!file) return;
    try {
      const label = edition?.trim() || cleanFileName(file.name).replace(/\.[^.]+$/, '');
      const attachment = await prepareAttachment(file, label);
      const stored = attachment.hash;
      const updated = await attachFile(store, props.source.id, attachment);
      setAttachments(updated.attachments.filter((a) => viewerFor(a) === 'table'));
      setHash(stored);
      setEdition(updated.attachments.find((a) => a.hash === stored)?.edition ?? label);
      notify(`Attached ${file.name} to ${sourceTitle(props.source)}.`);
    } catch (e) {
      setError(message(e));
    }
  }

  async function rerun(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      if (!chosen) throw new Error('Choose the edition to run the checks on, or attach it.');
      const table = await request('sourcesReadTable', { hash: chosen.hash, fileName: chosen.name });
      const outcome = await rerunChecksOnEdition(store, props.source.id, { hash: chosen.hash, fileName: chosen.name, sheets: table.sheets, ...(editionText.trim() ? { edition: editionText.trim() } : {}) }, sourceTitle(props.source));
      if (outcome.rerun === 0) notify('Every check on this source was made on that file already; nothing to re-run.');
      else notify(`Re-ran ${outcome.rerun} check${outcome.rerun === 1 ? '' : 's'} on ${editionText || chosen.name}: ${outcome.changed} answer${outcome.changed === 1 ? '' : 's'} changed${outcome.failed ? `, ${outcome.failed} could not be computed` : ''}.`);
      props.onClose();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title="Re-run on another edition" onClose={props.onClose}>
      <form onSubmit={rerun} className="form" aria-label="Re-run on another edition" noValidate>
        <p className="small">Every check that cites {sourceTitle(props.source)} is computed again on the edition you choose; the answers are kept side by side.</p>
        <label>
          Edition file
          <select aria-label="Edition file" value={hash} onChange={(e) => { setHash(e.target.value); setEdition(undefined); }}>
            {attachments.length === 0 && <option value="">No table attached</option>}
            {attachments.map((a) => (
              <option key={a.hash} value={a.hash}>
                {a.name}
                {a.edition ? ` — ${a.edition}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Edition name
          <input aria-label="Edition name" value={editionText} onChange={(e) => setEdition(e.target.value)} />
        </label>
        <label>
          Attach a newer edition
          <input type="file" accept=".csv,.xlsx,.xlsm" onChange={(e) => void attach(e.target.files).then(() => (e.target.value = ''))} />
        </label>
        <FormFooter error={error} submitLabel="Re-run checks" onCancel={props.onClose} busy={busy} />
      </form>
    </Modal>
  );
}
