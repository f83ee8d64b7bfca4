import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { isDesktop, request } from '../../api/api.js';
import { db } from '../../db/database.js';
import { useUiStore } from '../../state/uiStore.js';
import { buildBundle, openBackupsDialog } from '../backups/backupService.js';
import { Modal } from '../shell/Modal.js';
import { DebateChecklist } from '../debates/DebateChecklist.js';

/** Hands bytes to the user: the save dialog main opens in the desktop app, a download in the browser preview. */
export async function saveBytes(name: string, bytes: Uint8Array): Promise<boolean> {
  if (isDesktop) {
    const result = await request('filesSave', { suggestedName: name, bytes, filters: [{ name: 'Claimdesk project', extensions: ['claimdesk'] }] });
    return result.saved;
  }
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}

/** File › Export Project…: the whole library, or chosen debates with everything they refer to, as one .claimdesk file. */
export function ExportProjectDialog() {
  const debates = useLiveQuery(() => db.debates.toArray().then((all) => all.sort((a, b) => a.title.localeCompare(b.title))));
  const [scope, setScope] = useState<'all' | 'some'>('all');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string>();
  const [working, setWorking] = useState(false);
  const close = () => openBackupsDialog(undefined);

  async function exportProject() {
    setWorking(true);
    setError(undefined);
    try {
      const debateIds = scope === 'some' ? [...chosen] : undefined;
      const bytes = await buildBundle(debateIds ? { debateIds } : {});
      const name = `claimdesk-project-${new Date().toISOString().slice(0, 10)}.claimdesk`;
      if (await saveBytes(name, bytes)) useUiStore.getState().notify(`Exported the project (${(bytes.byteLength / 1024).toFixed(0)} KB).`);
      close();
    } catch (e) {
      setError(`The project was not exported: ${e instanceof Error ? e.message : String(e)}`);
      setWorking(false);
    }
  }

  return (
    <Modal title="Export project" onClose={close}>
      <p>A .claimdesk file holds the records and the original files, so the project opens the same in another copy of Claimdesk.</p>
      <fieldset>
        <legend>What to export</legend>
        <label>
          <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> The whole library
        </label>
        <label>
          <input type="radio" name="export-scope" checked={scope === 'some'} onChange={() => setScope('some')} /> Chosen debates
        </label>
      </fieldset>
      {scope === 'some' && (
        <DebateChecklist legend="Debates to export" className="bundle-debates" debates={debates ?? []} chosen={chosen} onChange={setChosen} />
      )}
      {error && <p role="alert">{error}</p>}
      <div className="form-actions">
        <button type="button" className="primary" disabled={working || (scope === 'some' && chosen.size === 0)} onClick={() => void exportProject()}>
          {working ? 'Exporting…' : 'Export project'}
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
