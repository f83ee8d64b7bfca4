import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import {
  SHA256_HEX,
  inviteRequestSchema,
  joinRequestSchema,
  missingFilesRequestSchema,
  type SyncRole,
} from '../../shared/sync/serverApi.js';
import type { SyncServerConfig } from './serverConfig.js';
import type { Member, ServerDatabase } from './serverDatabase.js';
import { TokenError, signAccessToken, signInvitation, verifyAccessToken, verifyInvitation } from './tokens.js';

/**
 * The sync server's HTTP API. Bearer tokens, not cookies, carry identity, so any origin may call it (the app runs
 * from app://claimdesk or a 127.0.0.1 preview); every body is validated with the schemas in shared/sync/serverApi.
 */
interface RouteDeps {
  config: SyncServerConfig;
  database: ServerDatabase;
}

const JSON_LIMIT = 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
  'access-control-max-age': '600',
};

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...CORS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}

async function readBytes(req: IncomingMessage, limit: number, tooLarge: string): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, tooLarge);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, tooLarge);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function readJson<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.infer<S>> {
  const bytes = await readBytes(req, JSON_LIMIT, 'The request is too large.');
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new HttpError(400, 'The request is not JSON.');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? 'The request is not valid.');
  return parsed.data;
}

const ROLE_RANK: Record<SyncRole, number> = { viewer: 0, editor: 1, owner: 2 };

export function createServerRoutes({ config, database }: RouteDeps) {
  /** The member behind the request's bearer token, with at least `atLeast`'s rights. */
  async function authenticate(req: IncomingMessage, atLeast: SyncRole): Promise<{ projectId: string; member: Member }> {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!token) throw new HttpError(401, 'Sign in to the project first.');
    let claims;
    try {
      claims = await verifyAccessToken(config.secret, token);
    } catch (error) {
      throw new HttpError(401, error instanceof TokenError ? error.message : 'Sign-in refused.');
    }
    const member = await database.member(claims.prj, claims.sub);
    if (!member) throw new HttpError(403, 'You are no longer a member of this project.');
    if (ROLE_RANK[member.role] < ROLE_RANK[atLeast]) {
      throw new HttpError(403, atLeast === 'owner' ? 'Only the project owner can do that.' : 'Viewers can read this project but not change it.');
    }
    return { projectId: claims.prj, member };
  }

  async function join(req: IncomingMessage, res: ServerResponse) {
    const body = await readJson(req, joinRequestSchema);
    let invite;
    try {
      invite = await verifyInvitation(config.secret, body.invitation);
    } catch (error) {
      throw new HttpError(403, error instanceof TokenError ? error.message : 'This invitation is not valid.');
    }
    const exists = await database.projectExists(invite.prj);
    // Only an owner's invitation can start a project; any other must name one that exists.
    if (!exists && invite.role !== 'owner') throw new HttpError(404, 'The project of this invitation no longer exists on this server.');
    if (!exists) await database.ensureProject(invite.prj, invite.pname);
    const member = await database.join({ jti: invite.jti, projectId: invite.prj, role: invite.role }, body.name, `member-${randomUUID()}`);
    if (member === 'used') throw new HttpError(409, 'This invitation has already been used: ask for a new one.');
    const token = await signAccessToken(config.secret, { prj: invite.prj, sub: member.memberId, name: member.name, role: member.role });
    send(res, 200, {
      token,
      projectId: invite.prj,
      projectName: (await database.projectName(invite.prj)) ?? invite.pname,
      role: member.role,
      memberId: member.memberId,
      name: member.name,
    });
  }

  async function invite(req: IncomingMessage, res: ServerResponse) {
    const { projectId } = await authenticate(req, 'owner');
    const body = await readJson(req, inviteRequestSchema);
    const { token, expiresAt } = await signInvitation(config.secret, {
      projectId,
      projectName: (await database.projectName(projectId)) ?? '',
      role: body.role,
      expiresInSeconds: Math.round(body.expiresInHours * 3600),
    });
    send(res, 200, { invitation: token, expiresAt: expiresAt.toISOString(), role: body.role });
  }

  async function putFile(req: IncomingMessage, res: ServerResponse, hash: string) {
    const { projectId } = await authenticate(req, 'editor');
    const limitMb = Math.round(config.maxFileBytes / 1024 / 1024);
    const bytes = await readBytes(req, config.maxFileBytes, `The file is larger than this server's ${limitMb} MB limit.`);
    const actual = createHash('sha256').update(bytes).digest('hex');
    // Content-addressed: what arrives must be what its name says, or it is not stored.
    if (actual !== hash) throw new HttpError(422, 'The file arrived damaged (its SHA-256 does not match): it was not stored.');
    const stored = await database.putFile(projectId, hash, bytes);
    send(res, stored ? 201 : 200, { stored });
  }

  async function getFile(req: IncomingMessage, res: ServerResponse, hash: string) {
    const { projectId } = await authenticate(req, 'viewer');
    const data = await database.getFile(projectId, hash);
    if (!data) throw new HttpError(404, 'The server does not hold this file yet.');
    res.writeHead(200, { ...CORS, 'content-type': 'application/octet-stream', 'content-length': String(data.length), 'cache-control': 'no-store' });
    res.end(data);
  }

  return async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS).end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://server');
      const file = /^\/files\/([^/]+)$/.exec(url.pathname);
      if (url.pathname === '/' && req.method === 'GET') return send(res, 200, { service: 'claimdesk-sync', ok: true });
      if (url.pathname === '/join' && req.method === 'POST') return await join(req, res);
      if (url.pathname === '/invitations' && req.method === 'POST') return await invite(req, res);
      if (url.pathname === '/members' && req.method === 'GET') {
        const { projectId } = await authenticate(req, 'viewer');
        return send(res, 200, { members: await database.members(projectId) });
      }
      if (url.pathname === '/files/missing' && req.method === 'POST') {
        const { projectId } = await authenticate(req, 'viewer');
        const body = await readJson(req, missingFilesRequestSchema);
        return send(res, 200, { missing: await database.missingFiles(projectId, body.hashes) });
      }
      if (file && file[1] !== 'missing') {
        const hash = file[1]!;
        if (!SHA256_HEX.test(hash)) throw new HttpError(400, 'A file is named by its SHA-256, in 64 lowercase hex digits.');
        if (req.method === 'PUT') return await putFile(req, res, hash);
        if (req.method === 'GET') return await getFile(req, res, hash);
      }
      throw new HttpError(404, 'No such address on the sync server.');
    } catch (error) {
      if (error instanceof HttpError) {
        // Drain what the client is still sending, so it reads our answer instead of a reset connection.
        req.resume();
        return send(res, error.status, { error: error.message });
      }
      throw error;
    }
  };
}
