import type { z } from 'zod';
import {
  inviteResultSchema,
  joinResultSchema,
  membersResultSchema,
  missingFilesResultSchema,
  serverErrorSchema,
  type InviteResult,
  type JoinResult,
  type MembersResult,
  type SyncRole,
} from '../../../shared/sync/serverApi.js';

/**
 * The sync server's HTTP API as the window calls it. Every answer is validated; every failure becomes one sentence
 * the user can act on.
 */
export class ServerError extends Error {
  constructor(
    message: string,
    readonly status = 0,
  ) {
    super(message);
  }
}

/** Checks and normalises a server address the user typed: http(s) (or ws(s)), no path, no credentials. */
export function normaliseServerUrl(text: string): string {
  const trimmed = text.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch {
    throw new ServerError('That is not a server address: write it like https://sync.example.org or http://192.168.1.20:5480.');
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) throw new ServerError('A sync server address starts with https:// (or http:// on a local network).');
  if (url.username || url.password) throw new ServerError('Leave the user name and password out of the server address.');
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  return `${secure ? 'https' : 'http'}://${url.host}`;
}

export function webSocketUrl(serverUrl: string): string {
  return serverUrl.replace(/^http/, 'ws');
}

async function call<S extends z.ZodType>(url: string, init: RequestInit, schema: S): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, cache: 'no-store' });
  } catch {
    throw new ServerError(`Could not reach the sync server at ${new URL(url).origin}: check the address and that you are online.`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = serverErrorSchema.safeParse(body);
    throw new ServerError(parsed.success ? parsed.data.error : `The sync server answered ${response.status}.`, response.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ServerError('That address answered, but not as a Claimdesk sync server.');
  return parsed.data;
}

const json = (token: string | undefined, body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

export function joinWithInvitation(serverUrl: string, invitation: string, name: string): Promise<JoinResult> {
  return call(`${serverUrl}/join`, json(undefined, { invitation: invitation.trim(), name: name.trim() }), joinResultSchema);
}

export function createInvitation(serverUrl: string, token: string, role: SyncRole, expiresInHours: number): Promise<InviteResult> {
  return call(`${serverUrl}/invitations`, json(token, { role, expiresInHours }), inviteResultSchema);
}

export function listMembers(serverUrl: string, token: string): Promise<MembersResult> {
  return call(`${serverUrl}/members`, { headers: { authorization: `Bearer ${token}` } }, membersResultSchema);
}

export async function missingFiles(serverUrl: string, token: string, hashes: string[]): Promise<string[]> {
  return (await call(`${serverUrl}/files/missing`, json(token, { hashes }), missingFilesResultSchema)).missing;
}

export async function uploadFile(serverUrl: string, token: string, hash: string, bytes: Uint8Array): Promise<void> {
  const response = await fetch(`${serverUrl}/files/${hash}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  if (!response.ok) {
    const body = serverErrorSchema.safeParse(await response.json().catch(() => undefined));
    throw new ServerError(body.success ? body.data.error : `The file was not sent (${response.status}).`, response.status);
  }
}

/** A file from the server, or undefined when it does not hold it (yet). */
export async function downloadFile(serverUrl: string, token: string, hash: string): Promise<Uint8Array | undefined> {
  const response = await fetch(`${serverUrl}/files/${hash}`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new ServerError(`The file could not be fetched (${response.status}).`, response.status);
  return new Uint8Array(await response.arrayBuffer());
}
