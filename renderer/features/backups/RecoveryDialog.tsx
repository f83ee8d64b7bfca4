import { useState } from 'react';
import type { BackupEntry } from '../../../shared/contract.js';
import { useUiStore } from '../../state/uiStore.js';
import { Modal } from '../shell/Modal.js';
import { declineRecovery, openBackupsDialog, restoreBackup, useBackupsStore } from './backupService.js';
import { describeCounts, formatWhen } from './describe.js';

/** Shown at start when the library opened empty but verified backups exist. */
export function RecoveryDialog({ offer }: { offer: BackupEntry[] }) {
  const newest = offer[0]!;
  const [error, setError] = useState<string>();
  const [working, setWorking] = useState(false);

  async function restore() {
    setWorking(true);
    try {
      await restoreBackup(newest.id);
      useUiStore.getState().notify(`Your library is back, from the backup of ${formatWhen(newest.createdAt)}.`);
    } catch (e) {
      setError(`The backup was not restored: ${e instanceof Error ? e.message : String(e)}`);
      setWorking(false);
    }
  }

  return (
    <Modal title="Your library is empty" onClose={() => void declineRecovery()}>
      <p>
        Claimdesk opened an empty library, but it has {offer.length === 1 ? 'a verified backup' : `${offer.length} verified backups`} of your work. The newest is from{' '}
        <strong>{formatWhen(newest.createdAt)}</strong> and holds {describeCounts(newest.counts)}.
      </p>
      {error && <p role="alert">{error}</p>}
      <div className="form-actions">
        <button type="button" className="primary" disabled={working} onClick={() => void restore()}>
          {working ? 'Restoring…' : 'Restore this backup'}
        </button>
        <button
          type="button"
          disabled={working}
          onClick={() => {
            useBackupsStore.setState({ recoveryOffer: undefined });
            openBackupsDialog('restore');
          }}
        >
          Choose another backup…
        </button>
        <button type="button" disabled={working} onClick={() => void declineRecovery()}>
          Start with an empty library
        </button>
      </div>
    </Modal>
  );
}
