import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { JoinResult } from '../../shared/sync/serverApi.js';

/** A plain Node Yjs client of the sync server (Node 20 has no global WebSocket, so `ws` stands in). */
export interface NodeSyncClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves once authenticated and synced, or rejects with the server's refusal. */
  ready: Promise<void>;
  destroy(): void;
}

export function connectNodeClient(serverUrl: string, projectId: string, token: string, doc = new Y.Doc()): NodeSyncClient {
  const socket = new HocuspocusProviderWebsocket({ url: serverUrl.replace(/^http/, 'ws'), WebSocketPolyfill: WebSocket, delay: 200, minDelay: 200, maxDelay: 1000 });
  let settle: { resolve: () => void; reject: (e: Error) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: projectId,
    document: doc,
    token,
    onSynced: ({ state }) => {
      if (state) settle?.resolve();
    },
    onAuthenticationFailed: ({ reason }) => settle?.reject(new Error(reason)),
  });
  provider.attach();
  return {
    doc,
    provider,
    ready,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

export async function postJson<T>(url: string, body: unknown, token?: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export async function joinProject(serverUrl: string, invitation: string, name: string): Promise<JoinResult> {
  const { status, body } = await postJson<JoinResult & { error?: string }>(`${serverUrl}/join`, { invitation, name });
  if (status !== 200) throw new Error(body.error ?? `join failed: ${status}`);
  return body;
}

/** Waits until `check` holds, polling; fails with `what` after the timeout. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
