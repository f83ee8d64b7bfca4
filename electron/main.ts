import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session, shell } from 'electron';
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuCommand, PickedFile } from '../shared/contract.js';
import { events } from '../shared/contract.js';
import { createHandlers } from './handlers/createHandlers.js';
import { createNodeHandlerDeps } from './handlers/nodeHandlerDeps.js';
import { HandlerError } from './handlers/handlerError.js';
import { isAllowedPrintRequest, PDF_OPTIONS, printViaTempFile, printWindowOptions } from './export/printToPdf.js';
import { registerIpc } from './ipc/registerIpc.js';
import { CONTENT_SECURITY_POLICY } from './transport/contentSecurityPolicy.js';
import { resolveUserDataPath } from './userDataPath.js';
import { appMenuTemplate } from './window/appMenu.js';
import { mainWindowOptions } from './window/mainWindowOptions.js';
import { APP_ORIGIN, denyAllPermissions, installNavigationGuards, isAppUrl } from './window/securityGuards.js';
import { loadWindowState, saveWindowState } from './window/windowState.js';

/**
 * Electron glue, kept thin: everything that does work lives in handlers that also run without Electron.
 * This file wires them to IPC, serves the built window from app://claimdesk, and owns the window's lifecycle.
 */
const distDir = __dirname; // dist/electron
const rendererDir = path.resolve(distDir, '../renderer');
const userDataPath = resolveUserDataPath();
app.setPath('userData', userDataPath);

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | undefined;
  // Closing waits for the window's quit backup (the window owns the records), never longer than QUIT_BACKUP_MS.
  const QUIT_BACKUP_MS = 5_000;
  let finishQuitBackup: (() => void) | undefined;
  let quitBackupDone = false;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  const openExternal = (url: string) => {
    void shell.openExternal(url);
  };

  async function pickFiles(purpose: string, multiple: boolean): Promise<PickedFile[]> {
    const filters: Record<string, Electron.FileFilter[]> = {
      import: [{ name: 'Transcripts and articles', extensions: ['txt', 'md', 'docx', 'pdf', 'html', 'htm', 'srt', 'vtt', 'csv', 'json'] }],
      attachment: [{ name: 'Evidence files', extensions: ['pdf', 'csv', 'xlsx', 'docx', 'html', 'htm', 'txt'] }],
      citations: [{ name: 'Citations', extensions: ['json', 'bib', 'ris'] }],
      bundle: [{ name: 'Claimdesk bundles', extensions: ['claimdesk'] }],
    };
    const result = await dialog.showOpenDialog(mainWindow!, {
      properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      filters: [...(filters[purpose] ?? []), { name: 'All files', extensions: ['*'] }],
    });
    if (result.canceled) return [];
    return Promise.all(result.filePaths.map(async (file) => ({ name: path.basename(file), bytes: new Uint8Array(await readFile(file)) })));
  }

  /** Saves bytes the window made where the user picks, in a dialog opened here: the window never names a path. */
  async function saveFile(suggestedName: string, bytes: Uint8Array, filters: Electron.FileFilter[]): Promise<{ saved: boolean; path?: string }> {
    const options = { defaultPath: suggestedName, filters: [...filters, { name: 'All files', extensions: ['*'] }] };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false };
    await writeFile(result.filePath, bytes);
    return { saved: true, path: result.filePath };
  }

  /** A report's HTML through Chromium's print engine, in a hidden window with scripts off and its own session. */
  function printToPdf(html: string): Promise<Uint8Array> {
    return printViaTempFile(html, async (fileUrl) => {
      const partition = `claimdesk-print-${randomUUID()}`;
      session.fromPartition(partition).webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedPrintRequest(details.url, fileUrl) }));
      const printer = new BrowserWindow(printWindowOptions(partition));
      try {
        await printer.loadURL(fileUrl);
        return new Uint8Array(await printer.webContents.printToPDF(PDF_OPTIONS));
      } finally {
        printer.destroy();
      }
    });
  }

  function createWindow() {
    const state = loadWindowState(userDataPath, screen.getAllDisplays().map((d) => d.workArea));
    const window = new BrowserWindow(mainWindowOptions(path.join(distDir, 'preload.cjs'), state));
    mainWindow = window;
    if (state.maximized) window.maximize();
    window.once('ready-to-show', () => window.show());
    window.on('close', (event) => {
      if (quitBackupDone || window.webContents.isDestroyed()) return;
      event.preventDefault();
      if (finishQuitBackup) return;
      const timer = setTimeout(() => finishQuitBackup?.(), QUIT_BACKUP_MS);
      finishQuitBackup = () => {
        clearTimeout(timer);
        quitBackupDone = true;
        finishQuitBackup = undefined;
        if (!window.isDestroyed()) window.close();
      };
      window.webContents.send(events.backupsQuitRequested.channel, {});
    });
    window.on('close', () => {
      const bounds = window.getNormalBounds();
      saveWindowState(userDataPath, { ...bounds, maximized: window.isMaximized() });
    });
    window.on('closed', () => {
      mainWindow = undefined;
    });
    const send = (command: MenuCommand) => window.webContents.send('menu:command', command);
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(send, { isMac: process.platform === 'darwin', devTools: !app.isPackaged })));
    void window.loadURL(`${APP_ORIGIN}/index.html`);
  }

  app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    // Serve the built window from its own origin, with the CSP as a real header; no path escapes dist/renderer.
    protocol.handle('app', async (request) => {
      const url = new URL(request.url);
      const file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname)}`);
      if (url.host !== 'claimdesk' || !file.startsWith(rendererDir + path.sep)) return new Response('Forbidden', { status: 403 });
      const response = await net.fetch(pathToFileURL(file).toString());
      const headers = new Headers(response.headers);
      headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      headers.set('X-Content-Type-Options', 'nosniff');
      return new Response(response.body, { status: response.status, headers });
    });

    const handlers = createHandlers(
      createNodeHandlerDeps({
        shell: 'electron',
        version: app.getVersion(),
        userDataPath,
        distDir,
        openExternal: async (url) => shell.openExternal(url),
        openPath: async (filePath) => {
          const failure = await shell.openPath(filePath);
          if (failure) throw new HandlerError('unavailable', `The file could not be opened in another application: ${failure}`);
        },
        pickFiles,
        onQuitBackupDone: () => {
          const finish = finishQuitBackup;
          finish?.();
          return finish !== undefined;
        },
        saveFile,
        printToPdf,
      }),
    );
    registerIpc(ipcMain, handlers, (frame) => frame !== null && isAppUrl(frame.url));
    createWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('web-contents-created', (_event, contents) => {
    // Every web contents, the main window's included, gets the guards the moment it exists.
    installNavigationGuards(contents, openExternal);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
