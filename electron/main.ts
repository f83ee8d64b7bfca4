import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuCommand, PickedFile } from '../shared/contract.js';
import { createHandlers } from './handlers/createHandlers.js';
import { createNodeHandlerDeps } from './handlers/nodeHandlerDeps.js';
import { HandlerError } from './handlers/handlerError.js';
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

  function createWindow() {
    const state = loadWindowState(userDataPath, screen.getAllDisplays().map((d) => d.workArea));
    const window = new BrowserWindow(mainWindowOptions(path.join(distDir, 'preload.cjs'), state));
    mainWindow = window;
    if (state.maximized) window.maximize();
    window.once('ready-to-show', () => window.show());
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
