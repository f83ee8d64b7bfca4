import type { Session, WebContents } from 'electron';
import { safeExternalUrl } from '../handlers/externalLinks.js';

/** The app's own origin: the only page allowed to load in the window. */
export const APP_ORIGIN = 'app://claimdesk';

export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'app:' && url.host === 'claimdesk';
  } catch {
    return false;
  }
}

/**
 * Navigation and new windows are denied; an http(s) link the user clicks goes to the OS browser, after parsing,
 * and nothing else leaves the app.
 */
export function installNavigationGuards(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      const safe = safeExternalUrl(url);
      if (safe) openExternal(safe);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const safe = safeExternalUrl(url);
    if (safe) openExternal(safe);
    return { action: 'deny' };
  });
}

/** Every permission request (camera, notifications, geolocation, …) is denied: the app needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
