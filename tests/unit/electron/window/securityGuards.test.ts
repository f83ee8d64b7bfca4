import { describe, expect, it, vi } from 'vitest';
import { mainWindowOptions } from '../../../../electron/window/mainWindowOptions.js';
import { denyAllPermissions, installNavigationGuards, isAppUrl, USER_GESTURE_MS } from '../../../../electron/window/securityGuards.js';
import { safeExternalUrl } from '../../../../electron/handlers/externalLinks.js';

vi.mock('electron', () => ({}));

type Listener = (event: { preventDefault(): void; defaultPrevented?: boolean }, url: never) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    fire(name: string, url: string) {
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      listeners.get(name)?.(event, url as never);
      return event.prevented;
    },
    /** What Electron reports as the user clicks or types in the page. */
    input(type: string) {
      listeners.get('input-event')?.({ preventDefault() {} }, { type } as never);
    },
    open: (url: string) => openHandler!({ url }),
  };
}

describe('main window options', () => {
  const options = mainWindowOptions('/app/preload.cjs', { width: 1200, height: 800 });
  it('sandboxes the window, isolates the context and gives it no Node', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });
});

describe('navigation and window guards', () => {
  it('keeps the window on the app and sends http(s) links to the OS browser', () => {
    const contents = fakeWebContents();
    const opened: string[] = [];
    installNavigationGuards(contents as never, (url) => opened.push(url));
    expect(contents.fire('will-navigate', 'app://claimdesk/index.html')).toBe(false);
    contents.input('mouseDown');
    expect(contents.fire('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-attach-webview', 'about:blank')).toBe(true);
    expect(opened).toEqual(['https://evil.example/phish']);
  });

  it('denies every new window, opening only http(s) links outside', () => {
    const contents = fakeWebContents();
    const opened: string[] = [];
    installNavigationGuards(contents as never, (url) => opened.push(url));
    contents.input('mouseUp');
    expect(contents.open('https://www.nato.int/')).toEqual({ action: 'deny' });
    contents.input('keyDown');
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(contents.open('file:///C:/Windows/system32/calc.exe')).toEqual({ action: 'deny' });
    expect(contents.open('claimdesk-evil://x')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.nato.int/']);
  });

  it('opens an external link only right after a click or key press, one link per gesture', () => {
    let clock = 1_000_000;
    const contents = fakeWebContents();
    const opened: string[] = [];
    installNavigationGuards(contents as never, (url) => opened.push(url), { now: () => clock });
    // A script (or a meta refresh in a hostile document) navigating on its own: blocked, nothing opened.
    expect(contents.fire('will-navigate', 'https://evil.example/no-gesture')).toBe(true);
    expect(contents.open('https://evil.example/popup')).toEqual({ action: 'deny' });
    // Mouse moves and wheels are not the user's decision.
    contents.input('mouseMove');
    contents.input('mouseWheel');
    expect(contents.fire('will-navigate', 'https://evil.example/hover')).toBe(true);
    expect(opened).toEqual([]);
    // A click, then the link it followed: opened. A second navigation off the same click: not.
    contents.input('mouseDown');
    clock += 200;
    expect(contents.fire('will-navigate', 'https://www.nato.int/')).toBe(true);
    expect(contents.fire('will-navigate', 'https://evil.example/second')).toBe(true);
    // A key press, then a navigation too late to be its result: not opened.
    contents.input('rawKeyDown');
    clock += USER_GESTURE_MS + 1;
    expect(contents.fire('will-navigate', 'https://evil.example/late')).toBe(true);
    expect(opened).toEqual(['https://www.nato.int/']);
  });

  it('denies every permission request and check', () => {
    const calls: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: never[]) => unknown) => (calls.request = h),
      setPermissionCheckHandler: (h: (...args: never[]) => unknown) => (calls.check = h),
      setDevicePermissionHandler: (h: (...args: never[]) => unknown) => (calls.device = h),
    };
    denyAllPermissions(session as never);
    const answers: boolean[] = [];
    (calls.request as unknown as (a: unknown, p: string, cb: (ok: boolean) => void) => void)({}, 'media', (ok) => answers.push(ok));
    (calls.request as unknown as (a: unknown, p: string, cb: (ok: boolean) => void) => void)({}, 'notifications', (ok) => answers.push(ok));
    expect(answers).toEqual([false, false]);
    expect((calls.check as unknown as () => boolean)()).toBe(false);
    expect((calls.device as unknown as () => boolean)()).toBe(false);
  });

  it('recognises only the app origin and only safe external URLs', () => {
    expect(isAppUrl('app://claimdesk/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(safeExternalUrl('https://user:pass@example.com/')).toBeUndefined();
    expect(safeExternalUrl('http://example.com/a?b=c')).toBe('http://example.com/a?b=c');
    expect(safeExternalUrl('  javascript:alert(1)')).toBeUndefined();
    expect(safeExternalUrl('data:text/html,<script>')).toBeUndefined();
  });
});
