import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files/writeFileAtomic.js';
import { contentSecurityPolicyFor } from '../transport/contentSecurityPolicy.js';

/**
 * The team sync server the window may talk to, kept in <userData>/team-server.json. The window's CSP is computed
 * from it on every page load (connect-src names this one server's http(s) and ws(s) origin, never a wildcard), so
 * a page can reach the server the user chose and nothing else.
 */
const FILE = 'team-server.json';

/** The http(s) origin of a sync server address, and its WebSocket twin; undefined when it is not one. */
export function serverOrigins(url: string): { http: string; ws: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.username || parsed.password) return undefined;
  const secure = parsed.protocol === 'https:' || parsed.protocol === 'wss:';
  if (!secure && parsed.protocol !== 'http:' && parsed.protocol !== 'ws:') return undefined;
  const host = parsed.host;
  return { http: `${secure ? 'https' : 'http'}://${host}`, ws: `${secure ? 'wss' : 'ws'}://${host}` };
}

export function readTeamServer(userDataPath: string): string | undefined {
  try {
    const value = JSON.parse(readFileSync(path.join(userDataPath, FILE), 'utf8')) as { url?: unknown };
    return typeof value.url === 'string' && serverOrigins(value.url) ? value.url : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the allowed server (or clears it); true when the allowed origin changed (the window must reload). */
export async function writeTeamServer(userDataPath: string, url: string | null): Promise<boolean> {
  const before = readTeamServer(userDataPath);
  const beforeOrigin = before ? serverOrigins(before)?.http : undefined;
  const afterOrigin = url ? serverOrigins(url)?.http : undefined;
  await writeFileAtomic(path.join(userDataPath, FILE), Buffer.from(JSON.stringify({ url: url ?? null })));
  return beforeOrigin !== afterOrigin;
}

/** The window's CSP for this user: the fixed policy plus the chosen sync server's two origins, if any. */
export function windowContentSecurityPolicy(userDataPath: string): string {
  const url = readTeamServer(userDataPath);
  const origins = url ? serverOrigins(url) : undefined;
  return contentSecurityPolicyFor(origins ? [origins.http, origins.ws] : []);
}
