import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/** The main window's options: sandboxed, isolated, no Node, no webviews. Kept pure so a test can check every flag. */
export function mainWindowOptions(preloadPath: string, bounds: WindowBounds, iconPath?: string): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 880,
    minHeight: 560,
    title: 'Claimdesk',
    show: false,
    backgroundColor: '#f7f7f5',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      safeDialogs: true,
    },
  };
}
