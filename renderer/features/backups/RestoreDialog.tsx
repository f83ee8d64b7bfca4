import { useCallback, useEffect, useState } from 'react';
import type { BackupEntry } from '../../../shared/contract.js';
import { useUiStore } from '../../state/uiStore.js';
import { Modal } from '../shell/Modal.js';
import { backupNow, listBackups, openBackupsDialog, restoreBackup, useBackupsStore } from './backupService.js';
import { describeCounts, formatSize, formatWhen, REASON_LABELS } from './describe.js';
import { LibraryCounts } from './LibraryCounts.js';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Lists the backups, newest first, backs up on request, and restores one after backing up the library as it is. */
export function RestoreDialog() {
  const [entries, setEntries] = useState<BackupEntry[]>();
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState<BackupEntry>();
  const busy = useBackupsStore((s) => s.busy);
  // Refresh when any backup (an automatic one included) has been written while the dialog is open.
  const lastBackup = useBackupsStore((s) => s.lastBackup);
  const [restoring, setRestoring] = useState(false);
  const close = () => openBackupsDialog(undefined);

  const refresh = useCallback(() => {
    listBackups().then(setEntries, (e: unknown) => setError(message(e)));
  }, []);
  useEffect(refresh, [refresh, lastBackup]);

  async function backUp() {
    setError(undefined);
    try {
      const entry = await backupNow('manual', { force: true });
      useUiStore.getState().notify(entry?.verified ? 'Backed up and verified.' : 'Backed up, but the backup could not be verified.', entry?.verified ? 'info' : 'error');
    } catch (e) {
      setError(message(e));
    }
    refresh();
  }

  async function restore(entry: BackupEntry) {
    setRestoring(true);
    setError(undefined);
    try {
      await restoreBackup(entry.id);
      useUiStore.getState().notify(`Restored the backup from ${formatWhen(entry.createdAt)}.`);
      close();
    } catch (e) {
      setError(`The backup was not restored: ${message(e)}`);
      setRestoring(false);
      refresh();
    }
  }

  return (
    <Modal title="Backups" onClose={close} wide>
      <p>Claimdesk backs up your library every few minutes while you work, before imports and restores, and when you close it.</p>
      <div className="backups-layout">
        <section aria-label="Current library">
          <LibraryCounts />
          <button type="button" onClick={() => void backUp()} disabled={busy}>
            {busy ? 'Backing up…' : 'Back up now'}
          </button>
        </section>
        <section aria-label="Saved backups" className="backups-list">
          {error && <p role="alert">{error}</p>}
          {confirming && (
            <div role="group" aria-label="Confirm restore" className="backups-confirm">
              <p>
                Replace your library with the backup from {formatWhen(confirming.createdAt)} ({describeCounts(confirming.counts)})? Your library as it is now is
                backed up first.
              </p>
              <button type="button" className="primary" disabled={restoring} onClick={() => void restore(confirming)}>
                {restoring ? 'Restoring…' : 'Replace my library'}
              </button>
              <button type="button" disabled={restoring} onClick={() => setConfirming(undefined)}>
                Cancel
              </button>
            </div>
          )}
          {entries === undefined ? (
            <p>Reading the backups…</p>
          ) : entries.length === 0 ? (
            <p>There are no backups yet.</p>
          ) : (
            <table aria-label="Backups">
              <thead>
                <tr>
                  <th scope="col">Made</th>
                  <th scope="col">Why</th>
                  <th scope="col">Holds</th>
                  <th scope="col">Size</th>
                  <th scope="col">Checked</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id} data-backup-id={entry.id}>
                    <td>{formatWhen(entry.createdAt)}</td>
                    <td>{REASON_LABELS[entry.reason]}</td>
                    <td>{describeCounts(entry.counts)}</td>
                    <td>{formatSize(entry.size)}</td>
                    <td>{entry.verified ? 'Verified' : 'Not verified'}</td>
                    <td>
                      <button type="button" aria-label={`Restore the backup from ${formatWhen(entry.createdAt)}`} onClick={() => setConfirming(entry)} disabled={restoring}>
                        Restore…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
      <div className="form-actions">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  );
}
