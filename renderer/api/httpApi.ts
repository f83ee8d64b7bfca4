import { contract, events, type ClaimdeskApi, type EventName, type EventPayload, type MethodName, type Result } from '../../shared/contract.js';
import { decodeWire, encodeWire } from '../../shared/wire.js';

/**
 * The contract over HTTP, for the browser preview and the e2e tests: the same named functions the preload exposes
 * in the desktop app, reaching the same handlers. The per-run token comes in a meta tag the server adds.
 */
export function createHttpApi(token: string, base = ''): ClaimdeskApi {
  let source: EventSource | undefined;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  async function call(method: MethodName, request: unknown): Promise<Result<unknown>> {
    try {
      const response = await fetch(`${base}/api/${encodeURIComponent(contract[method].channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-claimdesk-token': token },
        body: encodeWire(request),
      });
      return decodeWire(await response.text()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'unavailable', message: 'Claimdesk’s background service is not running. Restart the app (npm start).' } };
    }
  }

  function ensureSource() {
    if (source) return;
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    for (const def of Object.values(events)) {
      source.addEventListener(def.channel, (event) => {
        const payload = decodeWire((event as MessageEvent<string>).data);
        for (const listener of listeners.get(def.channel) ?? []) listener(payload);
      });
    }
  }

  const api: Partial<Record<MethodName, (request: unknown) => Promise<Result<unknown>>>> = {};
  for (const method of Object.keys(contract) as MethodName[]) api[method] = (request) => call(method, request);

  return {
    ...(api as unknown as Omit<ClaimdeskApi, 'on'>),
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      ensureSource();
      const channel = events[event].channel;
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}
