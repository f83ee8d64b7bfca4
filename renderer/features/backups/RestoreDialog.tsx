import { useCallback, useEffect, useState } from 'react';
import type { BackupEntry, BackupUsage } from '../../../shared/contract.js';
import { useUiStore } from '../../state/uiStore.js';
import { Modal } from '../shell/Modal.js';
import { backupNow, listBackupsWithUsage, openBackupsDialog, restoreBackup, setBackupBudget, useBackupsStore } from './backupService.js';
import { describeCounts, formatSize, formatWhen, REASON_LABELS } from './describe.js';
import { LibraryCounts } from './LibraryCounts.js';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Lists the backups, newest first, backs up on request, and restores one after backing up the library as it is. */
export function RestoreDialog() {
  const [entries, setEntries] = useState<BackupEntry[]>();
  const [usage, setUsage] = useState<BackupUsage>();
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState<BackupEntry>();
  const busy = useBackupsStore((s) => s.busy);
  // Refresh when any backup (an automatic one included) has been written while the dialog is open.
  const lastBackup = useBackupsStore((s) => s.lastBackup);
  const [restoring, setRestoring] = useState(false);
  const close = () => openBackupsDialog(undefined);

  const refresh = useCallback(() => {
    listBackupsWithUsage().then(
      (result) => {
        setEntries(result.entries);
        setUsage(result.usage);
      },
      (e: unknown) => setError(message(e)),
    );
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
          {usage && <BudgetForm usage={usage} onChanged={refresh} onError={setError} />}
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
                    <td>{entry.damage ? <span className="backup-damaged">Damaged: {entry.damage}</span> : entry.verified ? 'Verified' : 'Not verified'}</td>
                    <td>
                      <button
                        type="button"
                        aria-label={`Restore the backup from ${formatWhen(entry.createdAt)}`}
                        onClick={() => setConfirming(entry)}
                        disabled={restoring || entry.damage !== undefined}
                        title={entry.damage ? 'A damaged backup cannot be restored.' : undefined}
                      >
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

const MB = 1024 * 1024;

/** How much of its size budget the backup folder uses, and a field to set the budget. */
function BudgetForm(props: { usage: BackupUsage; onChanged: () => void; onError: (message: string | undefined) => void }) {
  const { usage } = props;
  const [draft, setDraft] = useState(String(Math.round(usage.budgetBytes / MB)));
  const [saving, setSaving] = useState(false);
  const over = usage.usedBytes > usage.budgetBytes;

  async function save() {
    const megabytes = Number(draft);
    if (!Number.isFinite(megabytes) || megabytes < 50) {
      props.onError('The backup folder needs a budget of at least 50 MB.');
      return;
    }
    setSaving(true);
    props.onError(undefined);
    try {
      const next = await setBackupBudget(Math.round(megabytes * MB));
      useUiStore.getState().notify(`The backup folder may now use ${formatSize(next.budgetBytes)}; it uses ${formatSize(next.usedBytes)}.`);
      props.onChanged();
    } catch (e) {
      props.onError(message(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="backups-budget"
      noValidate
      aria-label="Backup folder size"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p role="status" aria-label="Backup folder use">
        {usage.backupCount} backup{usage.backupCount === 1 ? '' : 's'} use {formatSize(usage.usedBytes)} of {formatSize(usage.budgetBytes)}
        {usage.fileCount > 0 ? ` (records ${formatSize(usage.bundleBytes)}; ${usage.fileCount} file${usage.fileCount === 1 ? '' : 's'} kept once, ${formatSize(usage.fileBytes)})` : ''}.
        {over ? ' The newest good backup is kept even beyond the budget.' : ''}
      </p>
      <label className="field">
        Size budget (MB)
        <input type="number" min={50} step={50} inputMode="numeric" value={draft} onChange={(e) => setDraft(e.target.value)} />
      </label>
      <button type="submit" disabled={saving}>
        {saving ? 'Saving…' : 'Set budget'}
      </button>
    </form>
  );
}
