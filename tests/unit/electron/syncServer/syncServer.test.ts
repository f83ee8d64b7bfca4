import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { ConfigError, readServerConfig } from '../../../../electron/syncServer/serverConfig.js';
import { startSyncServer, type RunningSyncServer } from '../../../../electron/syncServer/syncServer.js';
import { newProjectId, signInvitation } from '../../../../electron/syncServer/tokens.js';
import type { InviteResult, JoinResult } from '../../../../shared/sync/serverApi.js';
import { startPostgres, startRedis, TEST_SECRET, type Postgres, type Redis } from '../../../support/services.js';
import { connectNodeClient, eventually, joinProject, postJson } from '../../../support/syncClient.js';

// Real PostgreSQL and Redis processes on free ports, and the real server (in this process, for speed; the e2e
// suite runs it as its own process).
let pg: Postgres;
let redis: Redis;
const servers: RunningSyncServer[] = [];

async function server(options: { redis?: boolean } = {}): Promise<RunningSyncServer> {
  const config = readServerConfig(['--port', '0', '--database-url', pg.url, '--secret', TEST_SECRET, '--quiet', ...(options.redis ? ['--redis-url', redis.url] : [])], {});
  const started = await startSyncServer(config);
  servers.push(started);
  return started;
}

async function ownerInvitation(projectId = newProjectId(), expiresInSeconds = 3600) {
  return (await signInvitation(TEST_SECRET, { projectId, projectName: 'Debate night', role: 'owner', expiresInSeconds })).token;
}

async function invite(url: string, ownerToken: string, role: 'editor' | 'viewer'): Promise<string> {
  const { status, body } = await postJson<InviteResult>(`${url}/invitations`, { role, expiresInHours: 1 }, ownerToken);
  expect(status).toBe(200);
  return body.invitation;
}

// The Hocuspocus wire format, written by hand for a client that does not play by the provider's rules.
const varUint = (n: number): number[] => {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
};
const varBytes = (bytes: Uint8Array): number[] => [...varUint(bytes.length), ...bytes];
const varString = (text: string): number[] => varBytes(new TextEncoder().encode(text));
const frame = (documentName: string, type: number, parts: number[][]): Uint8Array => new Uint8Array([...varString(documentName), ...varUint(type), ...parts.flat()]);

interface RawMessage {
  documentName: string;
  type: number;
  body: number[];
}

function readVarUint(bytes: Uint8Array, at: { i: number }): number {
  let n = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at.i++]!;
    n |= (b & 0x7f) << shift;
    if (b < 0x80) return n;
    shift += 7;
  }
}

async function rawConnection(serverUrl: string) {
  const socket = new WebSocket(serverUrl.replace(/^http/, 'ws'));
  socket.binaryType = 'nodebuffer';
  const inbox: RawMessage[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data);
    const at = { i: 0 };
    const length = readVarUint(bytes, at);
    const documentName = new TextDecoder().decode(bytes.subarray(at.i, at.i + length));
    at.i += length;
    const type = readVarUint(bytes, at);
    inbox.push({ documentName, type, body: [...bytes.subarray(at.i)] });
    waiters.splice(0).forEach((wake) => wake());
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    send: (bytes: Uint8Array) => socket.send(bytes),
    async next(match: (m: RawMessage) => boolean, timeoutMs = 10_000): Promise<RawMessage> {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const index = inbox.findIndex(match);
        if (index >= 0) return inbox.splice(index, 1)[0]!;
        if (Date.now() > end) throw new Error('timed out waiting for the server’s answer');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => socket.close(),
  };
}

beforeAll(async () => {
  [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 60_000);

afterAll(async () => {
  for (const s of servers) await s.stop().catch(() => undefined);
  await Promise.all([pg?.stop(), redis?.stop()]);
});

describe('sync server configuration', () => {
  it('refuses to start without a database URL and says what to pass', () => {
    expect(() => readServerConfig(['--secret', TEST_SECRET], {})).toThrow(ConfigError);
    expect(() => readServerConfig(['--secret', TEST_SECRET], {})).toThrow(/--database-url postgres:\/\//);
  });

  it('refuses a short secret and a bad port', () => {
    expect(() => readServerConfig(['--database-url', 'postgres://x@h/db', '--secret', 'short'], {})).toThrow(/too short/);
    expect(() => readServerConfig(['--database-url', 'postgres://x@h/db', '--secret', TEST_SECRET, '--port', 'abc'], {})).toThrow(/not a port/);
  });

  it('reads everything from the environment too', () => {
    const config = readServerConfig([], { CLAIMDESK_DATABASE_URL: 'postgres://a@b/c', CLAIMDESK_SYNC_SECRET: TEST_SECRET, CLAIMDESK_REDIS_URL: 'redis://r:1', CLAIMDESK_SYNC_PORT: '7000' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://a@b/c', redisUrl: 'redis://r:1', port: 7000 });
  });
});

describe('sync server', () => {
  it('lets an owner start a project, invite an editor, and both see each other’s edits', async () => {
    const s = await server();
    const owner = await joinProject(s.url, await ownerInvitation(), 'Alice');
    expect(owner).toMatchObject({ role: 'owner', name: 'Alice', projectName: 'Debate night' });
    const editor = await joinProject(s.url, await invite(s.url, owner.token, 'editor'), 'Bob');
    expect(editor.role).toBe('editor');

    const a = connectNodeClient(s.url, owner.projectId, owner.token);
    const b = connectNodeClient(s.url, editor.projectId, editor.token);
    await Promise.all([a.ready, b.ready]);
    a.doc.getMap('claims').set('claim-1', 'NATO spending rose');
    await eventually(() => b.doc.getMap('claims').get('claim-1') === 'NATO spending rose', 'B to receive A’s edit');
    b.doc.getMap('claims').set('claim-2', 'Second');
    await eventually(() => a.doc.getMap('claims').get('claim-2') === 'Second', 'A to receive B’s edit');
    const members = await fetch(`${s.url}/members`, { headers: { authorization: `Bearer ${owner.token}` } }).then((r) => r.json());
    expect(members.members.map((m: { name: string; role: string }) => `${m.name}:${m.role}`)).toEqual(['Alice:owner', 'Bob:editor']);
    a.destroy();
    b.destroy();
  });

  it('drops a viewer’s writes on the server, whatever the client does', async () => {
    const s = await server();
    const owner = await joinProject(s.url, await ownerInvitation(), 'Alice');
    const viewer = await joinProject(s.url, await invite(s.url, owner.token, 'viewer'), 'Vera');
    const a = connectNodeClient(s.url, owner.projectId, owner.token);
    const v = connectNodeClient(s.url, viewer.projectId, viewer.token);
    await Promise.all([a.ready, v.ready]);
    a.doc.getMap('claims').set('claim-1', 'from the owner');
    await eventually(() => v.doc.getMap('claims').get('claim-1') === 'from the owner', 'the viewer to read');
    // A modified client writes straight into its document; the server must not take it.
    v.doc.getMap('claims').set('claim-1', 'forged by the viewer');
    v.doc.getMap('claims').set('claim-x', 'new from the viewer');
    a.doc.getMap('claims').set('claim-2', 'later owner edit');
    await eventually(() => v.doc.getMap('claims').get('claim-2') === 'later owner edit', 'the owner’s later edit');
    await new Promise((r) => setTimeout(r, 300));
    expect(a.doc.getMap('claims').get('claim-1')).toBe('from the owner');
    expect(a.doc.getMap('claims').has('claim-x')).toBe(false);
    // Nor may a viewer invite, or upload files.
    expect((await postJson(`${s.url}/invitations`, { role: 'editor', expiresInHours: 1 }, viewer.token)).status).toBe(403);
    const put = await fetch(`${s.url}/files/${'a'.repeat(64)}`, { method: 'PUT', headers: { authorization: `Bearer ${viewer.token}` }, body: 'x' });
    expect(put.status).toBe(403);
    a.destroy();
    v.destroy();
  });

  it('refuses wrong, expired, reused and misdirected invitations and tokens', async () => {
    const s = await server();
    const wrongSecret = (await signInvitation('another-secret-that-is-long-enough-000', { projectId: newProjectId(), role: 'owner', expiresInSeconds: 3600 })).token;
    const wrong = await postJson<{ error: string }>(`${s.url}/join`, { invitation: wrongSecret, name: 'Mallory' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toMatch(/not valid/);
    const garbage = await postJson<{ error: string }>(`${s.url}/join`, { invitation: 'not-a-token', name: 'Mallory' });
    expect(garbage.status).toBe(403);
    const expired = await postJson<{ error: string }>(`${s.url}/join`, { invitation: await ownerInvitation(newProjectId(), -60), name: 'Late' });
    expect(expired.status).toBe(403);
    expect(expired.body.error).toMatch(/expired/);

    const invitation = await ownerInvitation();
    const first = await joinProject(s.url, invitation, 'Alice');
    // The same person retrying a join that was cut off gets the same membership; anyone else is refused.
    expect((await joinProject(s.url, invitation, 'Alice')).memberId).toBe(first.memberId);
    const reuse = await postJson<{ error: string }>(`${s.url}/join`, { invitation, name: 'Eve' });
    expect(reuse.status).toBe(409);

    // An editor invitation to a project that does not exist cannot create one.
    const orphan = (await signInvitation(TEST_SECRET, { projectId: newProjectId(), role: 'editor', expiresInSeconds: 3600 })).token;
    expect((await postJson(`${s.url}/join`, { invitation: orphan, name: 'Bob' })).status).toBe(404);

    // A token for one project does not open another, and a made-up token opens nothing.
    const other = await joinProject(s.url, await ownerInvitation(), 'Carol');
    const cross = connectNodeClient(s.url, first.projectId, other.token);
    await expect(cross.ready).rejects.toThrow(/another project/);
    cross.destroy();
    const forged = connectNodeClient(s.url, first.projectId, 'eyJhbGciOiJIUzI1NiJ9.e30.x');
    await expect(forged.ready).rejects.toThrow(/not valid/);
    forged.destroy();
  });

  it('keeps vault files by SHA-256, checks them on arrival and never stores one twice', async () => {
    const s = await server();
    const owner = await joinProject(s.url, await ownerInvitation(), 'Alice');
    const bytes = Buffer.from('Defence expenditure as % of GDP, 2014–2024');
    const hash = createHash('sha256').update(bytes).digest('hex');
    const auth = { authorization: `Bearer ${owner.token}` };
    const missing = await postJson<{ missing: string[] }>(`${s.url}/files/missing`, { hashes: [hash] }, owner.token);
    expect(missing.body.missing).toEqual([hash]);
    const damaged = await fetch(`${s.url}/files/${hash}`, { method: 'PUT', headers: auth, body: Buffer.from('something else') });
    expect(damaged.status).toBe(422);
    expect((await fetch(`${s.url}/files/${hash}`, { method: 'PUT', headers: auth, body: bytes })).status).toBe(201);
    expect((await fetch(`${s.url}/files/${hash}`, { method: 'PUT', headers: auth, body: bytes })).status).toBe(200);
    expect((await postJson<{ missing: string[] }>(`${s.url}/files/missing`, { hashes: [hash] }, owner.token)).body.missing).toEqual([]);
    const back = Buffer.from(await (await fetch(`${s.url}/files/${hash}`, { headers: auth })).arrayBuffer());
    expect(back.equals(bytes)).toBe(true);
    // Another project's member cannot read it by guessing the hash.
    const other = await joinProject(s.url, await ownerInvitation(), 'Carol');
    expect((await fetch(`${s.url}/files/${hash}`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(404);
    expect((await fetch(`${s.url}/files/${hash}`)).status).toBe(401);
  });

  it('drops writes a raw WebSocket client sends on a viewer’s connection, as updates and as sync replies', async () => {
    const s = await server();
    const owner = await joinProject(s.url, await ownerInvitation(), 'Alice');
    const viewer = await joinProject(s.url, await invite(s.url, owner.token, 'viewer'), 'Vera');
    const a = connectNodeClient(s.url, owner.projectId, owner.token);
    await a.ready;
    a.doc.getMap('claims').set('claim-1', 'from the owner');
    // No provider: the Hocuspocus wire format written by hand, the way a modified client could.
    const raw = await rawConnection(s.url);
    const reply = (type: number) => raw.next((m) => m.documentName === viewer.projectId && m.type === type);
    raw.send(frame(viewer.projectId, 2, [varUint(0), varString(viewer.token), varString('4.8.0')]));
    const auth = await reply(2);
    expect(auth.body[0]).toBe(2); // Authenticated
    const forged = new Y.Doc();
    forged.getMap('claims').set('claim-x', 'forged by a raw client');
    const update = Y.encodeStateAsUpdate(forged);
    raw.send(frame(viewer.projectId, 0, [varUint(2), varBytes(update)])); // a Yjs update
    expect((await reply(8)).body).toEqual([0]); // SyncStatus: not saved
    raw.send(frame(viewer.projectId, 0, [varUint(1), varBytes(update)])); // the same as a sync step 2
    expect((await reply(8)).body).toEqual([0]);
    a.doc.getMap('claims').set('claim-2', 'later owner edit');
    const b = connectNodeClient(s.url, owner.projectId, owner.token);
    await b.ready;
    await eventually(() => b.doc.getMap('claims').get('claim-2') === 'later owner edit', 'a fresh copy from the server');
    expect(b.doc.getMap('claims').has('claim-x')).toBe(false);
    expect(a.doc.getMap('claims').has('claim-x')).toBe(false);
    raw.close();
    a.destroy();
    b.destroy();
  });

  it('unloads a project from memory when its last connection closes, and loads it again from PostgreSQL', async () => {
    const s = await server();
    const owner = await joinProject(s.url, await ownerInvitation(), 'Alice');
    const a = connectNodeClient(s.url, owner.projectId, owner.token);
    await a.ready;
    a.doc.getMap('claims').set('claim-1', 'kept');
    await eventually(() => !a.provider.hasUnsyncedChanges, 'the edit to reach the server');
    expect(s.stats().documents).toBe(1);
    a.destroy();
    await eventually(() => s.stats().documents === 0, 'the idle project to be unloaded', 15_000);
    const b = connectNodeClient(s.url, owner.projectId, owner.token);
    await b.ready;
    await eventually(() => b.doc.getMap('claims').get('claim-1') === 'kept', 'the project back from PostgreSQL');
    b.destroy();
  });

  it('keeps a project in PostgreSQL across a restart of the server', async () => {
    const s1 = await server();
    const owner = await joinProject(s1.url, await ownerInvitation(), 'Alice');
    const a = connectNodeClient(s1.url, owner.projectId, owner.token);
    await a.ready;
    a.doc.getMap('claims').set('kept', 'across restarts');
    await eventually(() => !a.provider.hasUnsyncedChanges, 'the server to acknowledge');
    a.destroy();
    await s1.stop();
    servers.splice(servers.indexOf(s1), 1);

    const s2 = await server();
    const fresh = connectNodeClient(s2.url, owner.projectId, owner.token, new Y.Doc());
    await fresh.ready;
    expect(fresh.doc.getMap('claims').get('kept')).toBe('across restarts');
    fresh.destroy();
  });

  it('joins two server instances through Redis', async () => {
    const [s1, s2] = [await server({ redis: true }), await server({ redis: true })];
    const owner = await joinProject(s1.url, await ownerInvitation(), 'Alice');
    const editor: JoinResult = await joinProject(s2.url, await invite(s2.url, owner.token, 'editor'), 'Bob');
    const a = connectNodeClient(s1.url, owner.projectId, owner.token);
    const b = connectNodeClient(s2.url, editor.projectId, editor.token);
    await Promise.all([a.ready, b.ready]);
    a.doc.getMap('claims').set('via', 'instance one');
    b.doc.getMap('claims').set('back', 'instance two');
    await eventually(() => b.doc.getMap('claims').get('via') === 'instance one', 'B (on instance two) to see A');
    await eventually(() => a.doc.getMap('claims').get('back') === 'instance two', 'A (on instance one) to see B');
    a.destroy();
    b.destroy();
  });
});
