import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session, shell } from 'electron';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuCommand, MenuState, PickedFile } from '../shared/contract.js';
import { events } from '../shared/contract.js';
import { INITIAL_MENU_STATE, sameMenuState } from '../shared/menuState.js';
import { cleanFileName } from '../shared/fileNames.js';
import { writeFileAtomic } from './files/writeFileAtomic.js';
import { createHandlers } from './handlers/createHandlers.js';
import { createNodeHandlerDeps } from './handlers/nodeHandlerDeps.js';
import { HandlerError } from './handlers/handlerError.js';
import { isAllowedPrintRequest, PDF_OPTIONS, printViaTempFile, printWindowOptions } from './export/printToPdf.js';
import { registerIpc } from './ipc/registerIpc.js';
import { windowContentSecurityPolicy } from './team/teamServerSetting.js';
import { resolveUserDataPath } from './userDataPath.js';
import { setUpAppLog } from './logging/appLog.js';
import { filesFromArgv, kindOfFile, type OpenedKind } from './openFiles/fileArguments.js';
import { OpenedFileQueue } from './openFiles/openedFileQueue.js';
import { jumpListCategories, type RecentEntry } from './recent/recentList.js';
import { RecentStore } from './recent/recentStore.js';
import { loadUpdatePolicy, startUpdater, type Updater } from './updates/updater.js';
import { appMenuTemplate, dockMenuTemplate, type AppMenuActions } from './window/appMenu.js';
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
// The support log (Help › Show Logs): events and error codes, never record contents (electron/logging/redact.ts).
const { log, file: logFile } = setUpAppLog(userDataPath);

// codeCache: V8 keeps the window's compiled code between starts (Electron does so only for http(s) unless told).
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

if (!app.requestSingleInstanceLock()) {
  // The first instance gets this command line through 'second-instance' and opens its files.
  log.info('Another Claimdesk is running: it was handed this command line');
  app.quit();
} else {
  log.info(
    `Claimdesk ${app.getVersion()} starting on ${process.platform} ${process.arch} (Electron ${process.versions.electron}, ` +
      `Chromium ${process.versions.chrome}, Node ${process.versions.node})${app.isPackaged ? '' : ', development build'}`,
  );
  let mainWindow: BrowserWindow | undefined;
  /** The window has loaded, so it can hear about opened files (before that it takes them itself when ready). */
  let windowLoaded = false;
  // Closing waits for the window's quit backup (the window owns the records), never longer than QUIT_BACKUP_MS.
  const QUIT_BACKUP_MS = 5_000;
  let finishQuitBackup: ((outcome: string) => void) | undefined;
  let quitBackupDone = false;
  /** The user quit (not just closed the window): on macOS the app must still quit once the backup is written. */
  let quitRequested = false;

  const openedFiles = new OpenedFileQueue();
  const recent = new RecentStore(userDataPath);
  // Read before anything is added to it (a double-clicked file may arrive before the app is ready).
  const recentLoaded = recent.load().catch((error: unknown) => {
    log.warn('Could not read the recent list', error);
    return [];
  });
  /** The ready handler has made the first window; until then a file that arrives waits for it. */
  let started = false;
  let menuState: MenuState = INITIAL_MENU_STATE;
  let updater: Updater | undefined;
  // Test-only: how often the window called each channel over IPC, so the smoke test can tell IPC from HTTP.
  const ipcCalls: Record<string, number> | undefined = process.env.CLAIMDESK_TEST ? {} : undefined;
  if (ipcCalls) (globalThis as { __claimdeskIpcCalls?: Record<string, number> }).__claimdeskIpcCalls = ipcCalls;

  const menuActions: AppMenuActions = {
    send(command: MenuCommand) {
      if (mainWindow) mainWindow.webContents.send(events.menuCommand.channel, command);
      else createWindow();
    },
    openRecent: (entry: RecentEntry) => void openPaths([{ path: entry.path, kind: entry.kind }], 'Open Recent'),
    clearRecent() {
      void recent.clear().then(() => {
        if (process.platform !== 'linux') app.clearRecentDocuments();
        rebuildMenus();
      }, (error: unknown) => log.warn('Could not clear the recent list', error));
    },
    showLogs: () => shell.showItemInFolder(logFile),
    checkForUpdates: () => updater?.checkNow(),
  };

  /** The application menu, the dock menu (macOS) and the jump list (Windows), from the window's state and the recent list. */
  function rebuildMenus() {
    if (!app.isReady()) return; // the ready handler builds them
    const options = { platform: process.platform, devTools: !app.isPackaged, state: menuState, recent: recent.entries, updatesConfigured: updater !== undefined };
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(menuActions, options)));
    if (process.platform === 'darwin') app.dock?.setMenu(Menu.buildFromTemplate(dockMenuTemplate(menuActions, recent.entries, menuState)));
    if (process.platform === 'win32') {
      // A development build starts as `electron main.cjs file`; a packaged one as `Claimdesk.exe file`.
      const result = app.setJumpList(jumpListCategories(recent.entries, process.execPath, app.isPackaged ? [] : [path.join(distDir, 'main.cjs')]));
      if (result !== 'ok') log.warn(`The jump list was not updated: ${result}`);
    }
  }

  async function rememberRecent(filePath: string, kind: OpenedKind) {
    try {
      await recentLoaded;
      await recent.add(filePath, kind);
      if (process.platform !== 'linux') {
        await app.whenReady();
        app.addRecentDocument(filePath);
      }
    } catch (error) {
      log.warn('Could not save the recent list', error);
    }
  }

  /** Reads files the OS handed over, queues them for the window and brings the window forward. */
  async function openPaths(files: { path: string; kind?: OpenedKind | undefined }[], source: string) {
    if (files.length === 0) return;
    let opened = 0;
    for (const file of files) {
      const result = await openedFiles.add(file.path, file.kind ?? kindOfFile(file.path));
      if ('bytes' in result) {
        opened += 1;
        await rememberRecent(file.path, result.kind);
      } else if (source === 'Open Recent') {
        await recentLoaded;
        await recent.remove(file.path).catch(() => undefined);
      }
    }
    log.info(`${source}: ${opened} of ${files.length} file(s) read for the window`);
    rebuildMenus();
    announceOpenedFiles();
  }

  function announceOpenedFiles() {
    if (!started || openedFiles.size === 0) return; // the first window takes them when it starts
    if (!mainWindow) {
      createWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    if (windowLoaded) mainWindow.webContents.send(events.filesOpened.channel, { count: openedFiles.size });
  }

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const { files, ignored } = filesFromArgv(argv, { cwd: workingDirectory, skip: 1 });
    log.info(`A second Claimdesk was started: ${files.length} file(s) to open${ignored ? `, ${ignored} argument(s) ignored` : ''}`);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    void openPaths(files, 'Second instance');
  });

  // macOS hands files over by event (Finder, the dock, Open Recent), possibly before the app is ready.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    void openPaths([{ path: filePath }], 'Finder');
  });

  // The first instance's own command line: a double-click, "Open with", a jump-list entry. The app's script in a
  // development build is not a file type we open, so skipping only the executable is enough.
  {
    const { files, ignored } = filesFromArgv(process.argv, { cwd: process.cwd(), skip: 1 });
    if (ignored) log.info(`${ignored} command-line argument(s) ignored`);
    void openPaths(files, 'Command line');
  }

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
    const picked = await Promise.all(result.filePaths.map(async (file) => ({ name: cleanFileName(path.basename(file)), bytes: new Uint8Array(await readFile(file)) })));
    // Projects and documents the user opened go to File › Open Recent (and the jump list / dock menu).
    const recentKind = (file: string): OpenedKind | undefined => (purpose === 'bundle' ? 'project' : purpose === 'import' ? kindOfFile(file) : undefined);
    for (const file of result.filePaths) {
      const kind = recentKind(file);
      if (kind) await rememberRecent(file, kind);
    }
    rebuildMenus();
    return picked;
  }

  /** Saves bytes the window made where the user picks, in a dialog opened here: the window never names a path. */
  async function saveFile(suggestedName: string, bytes: Uint8Array, filters: Electron.FileFilter[]): Promise<{ saved: boolean; path?: string }> {
    const options = { defaultPath: suggestedName, filters: [...filters, { name: 'All files', extensions: ['*'] }] };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false };
    await writeFileAtomic(result.filePath, bytes);
    if (kindOfFile(result.filePath) === 'project') {
      await rememberRecent(result.filePath, 'project');
      rebuildMenus();
    }
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
    windowLoaded = false;
    quitBackupDone = false;
    if (state.maximized) window.maximize();
    window.once('ready-to-show', () => window.show());
    window.webContents.on('did-finish-load', () => {
      windowLoaded = true;
      if (openedFiles.size > 0) window.webContents.send(events.filesOpened.channel, { count: openedFiles.size });
    });
    window.webContents.on('did-fail-load', (_event, code, description) => log.error(`The window did not load: ${code} ${description}`));
    window.webContents.on('render-process-gone', (_event, details) => log.error(`The window's renderer stopped: ${details.reason} (exit code ${details.exitCode})`));
    window.on('unresponsive', () => log.warn('The window stopped responding'));
    window.on('responsive', () => log.info('The window responds again'));
    window.on('close', (event) => {
      if (quitBackupDone || window.webContents.isDestroyed()) return;
      event.preventDefault();
      if (finishQuitBackup) return;
      const timer = setTimeout(() => finishQuitBackup?.('timed out'), QUIT_BACKUP_MS);
      finishQuitBackup = (outcome) => {
        clearTimeout(timer);
        quitBackupDone = true;
        finishQuitBackup = undefined;
        log.info(`Quit backup: ${outcome}`);
        if (!window.isDestroyed()) window.close();
        // On macOS closing the last window leaves the app running; a quit the user asked for must still quit.
        if (quitRequested) app.quit();
      };
      window.webContents.send(events.backupsQuitRequested.channel, {});
    });
    window.on('close', () => {
      const bounds = window.getNormalBounds();
      saveWindowState(userDataPath, { ...bounds, maximized: window.isMaximized() });
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = undefined;
      windowLoaded = false;
    });
    void window.loadURL(`${APP_ORIGIN}/index.html`);
    return window;
  }

  void app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession);
    // Serve the built window from its own origin, with the CSP as a real header; no path escapes dist/renderer.
    protocol.handle('app', async (request) => {
      const url = new URL(request.url);
      const file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname)}`);
      if (url.host !== 'claimdesk' || !file.startsWith(rendererDir + path.sep)) return new Response('Forbidden', { status: 403 });
      const response = await net.fetch(pathToFileURL(file).toString());
      const headers = new Headers(response.headers);
      headers.set('Content-Security-Policy', windowContentSecurityPolicy(userDataPath));
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
        showInFolder: async (filePath) => shell.showItemInFolder(filePath),
        pickFiles,
        onQuitBackupDone: (written) => {
          const finish = finishQuitBackup;
          finish?.(written ? 'written' : 'nothing to save');
          return finish !== undefined;
        },
        saveFile,
        printToPdf,
        setMenuState(state) {
          if (sameMenuState(state, menuState)) return;
          menuState = state;
          rebuildMenus();
        },
        takeOpenedFiles: () => openedFiles.take(),
      }),
    );
    registerIpc(ipcMain, handlers, (frame) => frame !== null && isAppUrl(frame.url), (channel, outcome) => {
      if (ipcCalls) ipcCalls[channel] = (ipcCalls[channel] ?? 0) + 1;
      if (outcome !== 'ok' && outcome !== 'cancelled') log.warn(`Request ${channel} failed: ${outcome}`);
    });
    await recentLoaded;
    rebuildMenus();
    createWindow();
    started = true;

    // Updates stay off unless an organisation's policy file configures a feed (electron/updates/updatePolicy.ts).
    try {
      const policy = await loadUpdatePolicy({ isPackaged: app.isPackaged, platform: process.platform, env: process.env });
      if (policy.enabled) {
        updater = await startUpdater({ policy, dialog, window: () => mainWindow, log });
        rebuildMenus();
      } else {
        log.info(policy.reason);
      }
    } catch (error) {
      log.warn('Updates: could not start', error);
    }

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
  app.on('before-quit', () => {
    quitRequested = true;
  });
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') log.warn(`A ${details.type} process stopped: ${details.reason} (exit code ${details.exitCode})`);
  });
  app.on('will-quit', () => log.info('Claimdesk quit'));
}
