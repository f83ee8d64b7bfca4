import type { ClaimdeskApi, MethodName, RequestOf, ResultOf } from '../../shared/contract.js';
import { createHttpApi } from './httpApi.js';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts inside the desktop app. */
    claimdesk?: ClaimdeskApi;
  }
}

function tokenFromPage(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="claimdesk-api-token"]')?.content ?? '';
}

/** True inside the desktop app; false in the browser preview. */
export const isDesktop = typeof window !== 'undefined' && window.claimdesk !== undefined;

/** The one way the window talks to the main process. */
export const api: ClaimdeskApi = window.claimdesk ?? createHttpApi(tokenFromPage());

/** A failed request, carrying the sentence to show the user. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** Calls a channel and returns its value, or throws ApiFailure with the user-facing message. */
export async function request<M extends MethodName>(method: M, body: RequestOf<M>): Promise<ResultOf<M>> {
  const call = api[method] as unknown as (b: RequestOf<M>) => Promise<{ ok: true; value: ResultOf<M> } | { ok: false; error: { code: string; message: string } }>;
  const result = await call(body);
  if (!result.ok) throw new ApiFailure(result.error.code, result.error.message);
  return result.value;
}
