import { contract, events, type ClaimdeskApi, type EventName, type EventPayload, type MethodName, type Result } from '../../shared/contract.js';
import { decodeWire, encodeWire } from '../../shared/wire.js';

const UNAVAILABLE: Result<never> = {
  ok: false,
  error: { code: 'unavailable', message: 'Claimdesk’s background service is not running. Restart the app (npm start).' },
};
const TOKEN_META = /<meta name="claimdesk-api-token" content="([^"]+)">/;
/** Longest wait between attempts to reopen the event stream while the server is away. */
const MAX_RECONNECT_MS = 30_000;

/**
 * Reads the current token the way the page first got it: from the meta tag of our own index.html. Another origin
 * cannot read that response, so this handshake gives the token only to pages the server itself served.
 */
async function fetchToken(base: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${base}/`, { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) return undefined;
    return TOKEN_META.exec(await response.text())?.[1];
  } catch {
    return undefined;
  }
}

/**
 * The contract over HTTP, for the browser preview and the e2e tests: the same named functions the preload exposes
 * in the desktop app, reaching the same handlers. The per-run token comes in a meta tag the server adds; a page left
 * open while the server restarts (a new run, a new token) does the handshake again and carries on.
 */
export function createHttpApi(initialToken: string, base = ''): ClaimdeskApi {
  let token = initialToken;
  let source: EventSource | undefined;
  let renewing: Promise<boolean> | undefined;
  let reconnectDelay = 500;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  /** Fetches the server's current token; true when it differs from the one we had (so a retry can succeed). */
  function renewToken(): Promise<boolean> {
    renewing ??= fetchToken(base).then((fresh) => {
      renewing = undefined;
      if (!fresh || fresh === token) return false;
      token = fresh;
      return true;
    });
    return renewing;
  }

  async function send(method: MethodName, body: string): Promise<Response> {
    return fetch(`${base}/api/${encodeURIComponent(contract[method].channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-claimdesk-token': token },
      body,
    });
  }

  async function call(method: MethodName, request: unknown): Promise<Result<unknown>> {
    try {
      const body = encodeWire(request);
      let response = await send(method, body);
      // 403 means our token is from an earlier run of the server: shake hands again and retry once.
      if (response.status === 403 && (await renewToken())) {
        response = await send(method, body);
        openSource();
      }
      return decodeWire(await response.text()) as Result<unknown>;
    } catch {
      return UNAVAILABLE;
    }
  }

  function openSource() {
    if (listeners.size === 0) return;
    source?.close();
    const next = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    source = next;
    for (const def of Object.values(events)) {
      next.addEventListener(def.channel, (event) => {
        const payload = decodeWire((event as MessageEvent<string>).data);
        for (const listener of listeners.get(def.channel) ?? []) listener(payload);
      });
    }
    next.addEventListener('open', () => {
      reconnectDelay = 500;
    });
    next.addEventListener('error', () => {
      // The browser retries a dropped stream itself; a refused one (wrong token after a restart) stays closed.
      if (next.readyState !== EventSource.CLOSED || source !== next) return;
      void renewToken().then(() => {
        if (source !== next) return;
        setTimeout(() => {
          if (source === next) openSource();
        }, reconnectDelay);
        reconnectDelay = Math.min(reconnectDelay * 2, MAX_RECONNECT_MS);
      });
    });
  }

  const api: Partial<Record<MethodName, (request: unknown) => Promise<Result<unknown>>>> = {};
  for (const method of Object.keys(contract) as MethodName[]) api[method] = (request) => call(method, request);

  return {
    ...(api as unknown as Omit<ClaimdeskApi, 'on'>),
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const channel = events[event].channel;
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      if (!source) openSource();
      return () => set.delete(wrapped);
    },
  };
}
