import path from 'node:path';
import type { PickedFile } from '../../shared/contract.js';
import { FileVault } from '../vault/fileVault.js';
import type { HandlerDeps } from './createHandlers.js';
import { createImportService } from './importService.js';

export interface NodeHandlerOptions {
  shell: HandlerDeps['shell'];
  version: string;
  userDataPath: string;
  /** The folder holding the bundled Node entry points (dist/electron), where the import worker lives. */
  distDir: string;
  openExternal(url: string): Promise<void>;
  pickFiles?(purpose: string, multiple: boolean): Promise<PickedFile[]>;
  onQuitBackupDone?: HandlerDeps['onQuitBackupDone'];
  openPath?: HandlerDeps['openPath'];
  showInFolder?: HandlerDeps['showInFolder'];
  saveFile?: HandlerDeps['saveFile'];
  printToPdf?: HandlerDeps['printToPdf'];
  setMenuState?: HandlerDeps['setMenuState'];
  takeOpenedFiles?: HandlerDeps['takeOpenedFiles'];
}

/** Everything the handlers need, built the same way for the desktop app and the browser preview. */
export function createNodeHandlerDeps(options: NodeHandlerOptions): HandlerDeps {
  const imports = createImportService(path.join(options.distDir, 'importWorker.mjs'));
  return {
    shell: options.shell,
    version: options.version,
    userDataPath: options.userDataPath,
    vault: new FileVault(path.join(options.userDataPath, 'vault')),
    openExternal: options.openExternal,
    ...(options.pickFiles ? { pickFiles: options.pickFiles } : {}),
    ...(options.onQuitBackupDone ? { onQuitBackupDone: options.onQuitBackupDone } : {}),
    ...(options.openPath ? { openPath: options.openPath } : {}),
    ...(options.showInFolder ? { showInFolder: options.showInFolder } : {}),
    ...(options.saveFile ? { saveFile: options.saveFile } : {}),
    ...(options.printToPdf ? { printToPdf: options.printToPdf } : {}),
    ...(options.setMenuState ? { setMenuState: options.setMenuState } : {}),
    ...(options.takeOpenedFiles ? { takeOpenedFiles: options.takeOpenedFiles } : {}),
    parseDocument: imports.parse,
    cancelParse: imports.cancel,
    readTable: imports.readTable,
    sampleDir: path.join(options.distDir, 'sample'),
  };
}
