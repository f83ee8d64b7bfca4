import { useEffect } from 'react';
import { ExportProjectDialog } from '../bundles/ExportProjectDialog.js';
import { ImportProjectDialog } from '../bundles/ImportProjectDialog.js';
import { onCommand } from '../shell/commands.js';
import { openBackupsDialog, useBackupsStore } from './backupService.js';
import { RecoveryDialog } from './RecoveryDialog.js';
import { RestoreDialog } from './RestoreDialog.js';
import './backups.css';

/** The backups and project-bundle dialogs, and the File menu commands that open them. */
export function BackupsRoot() {
  const dialog = useBackupsStore((s) => s.dialog);
  const offer = useBackupsStore((s) => s.recoveryOffer);
  useEffect(() => {
    const offs = [
      onCommand('file:export-project', () => openBackupsDialog('export-project')),
      onCommand('file:import-project', () => openBackupsDialog('import-project')),
      onCommand('file:restore-backup', () => openBackupsDialog('restore')),
    ];
    return () => offs.forEach((off) => off());
  }, []);
  if (offer && offer.length > 0) return <RecoveryDialog offer={offer} />;
  if (dialog === 'restore') return <RestoreDialog />;
  if (dialog === 'export-project') return <ExportProjectDialog />;
  if (dialog === 'import-project') return <ImportProjectDialog />;
  return null;
}
