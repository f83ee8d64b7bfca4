import { useEffect, useState } from 'react';
import type { BackupEntry } from '../../../shared/contract.js';
import { listBackups, recoverDamagedDatabase } from './backupService.js';
import { describeCounts, formatWhen } from './describe.js';

/**
 * Part of the start-up error screen: the database would not open. Offers the newest verified backup; restoring first
 * saves what can still be read of the database as a "damaged" backup, and deletes the database only once that copy is
 * verified.
 */
export function DamagedDatabaseScreen() {
  const [entries, setEntries] = useState<BackupEntry[]>();
  const [error, setError] = useState<string>();
  const [working, setWorking] = useState(false);
  const [canForce, setCanForce] = useState(false);
  useEffect(() => {
    listBackups().then(
      (all) => setEntries(all.filter((e) => e.verified && e.reason !== 'damaged')),
      () => setEntries([]),
    );
  }, []);
  const newest = entries?.[0];

  async function recover(evenWithoutCopy: boolean) {
    if (!newest) return;
    setWorking(true);
    setError(undefined);
    try {
      await recoverDamagedDatabase(newest.id, { evenWithoutCopy });
      location.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setCanForce(true);
      setWorking(false);
    }
  }

  if (entries === undefined) return <p>Looking for backups…</p>;
  if (!newest) return <p>There is no verified backup to restore from.</p>;
  return (
    <section aria-label="Recover from a backup" className="recovery">
      <h2>Restore from a backup</h2>
      <p>
        The newest good backup is from <strong>{formatWhen(newest.createdAt)}</strong> and holds {describeCounts(newest.counts)}. Restoring first saves a copy
        of whatever can still be read from the damaged database among your backups; the database is replaced only after that copy is verified.
      </p>
      {error && <p role="alert">{error}</p>}
      <button type="button" className="primary" disabled={working} onClick={() => void recover(false)}>
        {working ? 'Restoring…' : 'Restore the newest backup'}
      </button>
      {canForce && (
        <button type="button" disabled={working} onClick={() => void recover(true)}>
          Replace the damaged database without a copy
        </button>
      )}
    </section>
  );
}
