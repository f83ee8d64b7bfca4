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

/** How long after a click or key press a navigation counts as the user's; Chromium's own activation is shorter-lived than a page's timers. */
export const USER_GESTURE_MS = 1500;
/** Input that can start a navigation: a click, a key, a tap. Mouse moves and wheels are not a user's decision. */
const GESTURES = new Set(['mouseDown', 'mouseUp', 'rawKeyDown', 'keyDown', 'char', 'gestureTap', 'touchEnd', 'pointerUp']);

export interface GuardOptions {
  /** The clock, for tests. */
  now?: () => number;
}

/**
 * Navigation and new windows are denied. An http(s) link goes to the OS browser, after parsing, only when the user
 * has just clicked or pressed a key in this window, and one gesture opens one link: a script (or a hostile
 * document's meta refresh) cannot send the user anywhere by itself. Nothing else leaves the app.
 */
export function installNavigationGuards(contents: WebContents, openExternal: (url: string) => void, options: GuardOptions = {}): void {
  const now = options.now ?? Date.now;
  let lastGesture = Number.NEGATIVE_INFINITY;
  contents.on('input-event', (_event, input) => {
    if (GESTURES.has(input.type)) lastGesture = now();
  });
  const openIfUserAsked = (url: string) => {
    const safe = safeExternalUrl(url);
    if (!safe || now() - lastGesture > USER_GESTURE_MS) return;
    lastGesture = Number.NEGATIVE_INFINITY;
    openExternal(safe);
  };
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      openIfUserAsked(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfUserAsked(url);
    return { action: 'deny' };
  });
}

/** Every permission request (camera, notifications, geolocation, …) is denied: the app needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
