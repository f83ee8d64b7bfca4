import type { BrowserWindow, Dialog } from 'electron';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AppLog } from '../logging/appLog.js';
import { decideUpdatePolicy, policyFilePaths, updatePrompts, type UpdatePolicy } from './updatePolicy.js';

/** Reads the organisation's policy (the first file that exists) and decides. */
export async function loadUpdatePolicy(options: { isPackaged: boolean; platform: NodeJS.Platform; env: Record<string, string | undefined> }): Promise<UpdatePolicy> {
  for (const source of policyFilePaths(options.platform, options.env)) {
    const text = await readFile(source, 'utf8').catch(() => undefined);
    if (text !== undefined) return decideUpdatePolicy({ text, source, isPackaged: options.isPackaged, platform: options.platform, isAppImage: Boolean(options.env.APPIMAGE) });
  }
  return decideUpdatePolicy({ text: undefined, source: '', isPackaged: options.isPackaged, platform: options.platform, isAppImage: false });
}

export interface Updater {
  /** From Help › Check for Updates…: also says so when there is nothing new. */
  checkNow(): void;
  stop(): void;
}

/**
 * electron-updater against the organisation's feed, only when the policy enables it (it is not even loaded
 * otherwise). It never downloads or installs on its own: it asks, then asks again before restarting to install.
 */
export async function startUpdater(options: {
  policy: Extract<UpdatePolicy, { enabled: true }>;
  dialog: Dialog;
  window: () => BrowserWindow | undefined;
  log: AppLog;
}): Promise<Updater> {
  // Loaded only now, and with require: the main process is CommonJS and electron-updater is packed in app.asar.
  const { autoUpdater } = createRequire(__filename)('electron-updater') as typeof import('electron-updater');
  const { policy, dialog, log } = options;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.logger = log;
  autoUpdater.setFeedURL({ provider: 'generic', url: policy.feedUrl, ...(policy.channel ? { channel: policy.channel } : {}) });
  log.info(`Updates: checking the feed configured in ${policy.source}`);

  let interactive = false;
  let busy = false;
  const ask = async (question: { message: string; detail: string; buttons: readonly string[] }) => {
    const parent = options.window();
    const settings = { type: 'question' as const, message: question.message, detail: question.detail, buttons: [...question.buttons], defaultId: 0, cancelId: 1, noLink: true };
    const { response } = parent ? await dialog.showMessageBox(parent, settings) : await dialog.showMessageBox(settings);
    return response === 0;
  };

  autoUpdater.on('update-available', (info) => {
    void (async () => {
      if (await ask(updatePrompts(info.version).available)) await autoUpdater.downloadUpdate();
      else busy = false;
    })().catch((error: unknown) => log.warn('Updates: download failed', error));
  });
  autoUpdater.on('update-not-available', () => {
    busy = false;
    if (interactive) void dialog.showMessageBox({ type: 'info', message: 'Claimdesk is up to date.', buttons: ['OK'] });
    interactive = false;
  });
  autoUpdater.on('update-downloaded', (info) => {
    void (async () => {
      busy = false;
      // quitAndInstall quits the app the ordinary way, so the window still writes its quit backup first.
      if (await ask(updatePrompts(info.version).downloaded)) autoUpdater.quitAndInstall(false, true);
    })();
  });
  autoUpdater.on('error', (error) => {
    busy = false;
    log.warn('Updates: the check failed', error);
    if (interactive) void dialog.showMessageBox({ type: 'warning', message: 'Claimdesk could not check for updates.', detail: 'The update server did not answer. Try again later.', buttons: ['OK'] });
    interactive = false;
  });

  const check = () => {
    if (busy) return;
    busy = true;
    autoUpdater.checkForUpdates().catch(() => undefined); // reported through 'error'
  };
  check();
  const timer = policy.intervalHours > 0 ? setInterval(check, policy.intervalHours * 3_600_000) : undefined;
  timer?.unref();
  return {
    checkNow() {
      interactive = true;
      check();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
