import { create } from 'zustand';
import { openBackupsDialog } from '../backups/backupService.js';

/** A .claimdesk file the OS handed the app (double-click, Open Recent, command line), waiting for the Import project dialog. */
export const useIncomingProject = create<{ file: { name: string; bytes: Uint8Array } | undefined }>()(() => ({ file: undefined }));

/** Opens File › Import Project… with this file already chosen. */
export function openProjectFile(file: { name: string; bytes: Uint8Array }): void {
  useIncomingProject.setState({ file });
  openBackupsDialog('import-project');
}
