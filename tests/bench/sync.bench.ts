/**
 * Team sync on real processes (PostgreSQL, Redis, two sync servers): the initial sync of a 3-hour debate with 5,000
 * claims (time and bytes, beside the same state merged in memory and the records as JSON), update latency p50/p95
 * between two clients through one server and through two servers + Redis, and server memory per open project
 * (measured in the server's own process after forced GCs, beside bare Y.Docs of the same state in that process).
 * One JSON object per line: {"measure","value","unit"}; comparisons with their peer and a ratio line with a goal.
 */
import 'fake-indexeddb/auto';
import { fork, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import * as Y from 'yjs';
import { ClaimdeskDb } from '../../renderer/db/database.js';
import { createDexieStore } from '../../renderer/db/dexieStore.js';
import { newProjectId, signInvitation } from '../../electron/syncServer/tokens.js';
import { emptySnapshot } from '../../shared/domain/snapshot.js';
import type { ProjectSnapshot } from '../../shared/model.js';
import { ProjectMirror } from '../../shared/sync/projectMirror.js';
import { SyncedStore } from '../../shared/sync/syncedStore.js';
import { startPostgres, startRedis, startSyncServerProcess, TEST_SECRET } from '../support/services.js';
import { connectNodeClient, eventually, joinProject, postJson, type NodeSyncClient } from '../support/syncClient.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const line = (o: Record<string, unknown>): void => console.log(JSON.stringify(o));
const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;
const percentile = (values: number[], p: number) => [...values].sort((x, y) => x - y)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

let seed = 7;
const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

/** A 3-hour debate: ~27,000 words in 1,500 turns by three speakers, 5,000 claims with appearances, 1,000 verdicts. */
function threeHourDebate(): ProjectSnapshot {
  const s = emptySnapshot();
  const now = new Date().toISOString();
  const words = ['defence', 'spending', 'NATO', 'members', 'target', 'percent', 'GDP', 'budget', 'the', 'we', 'will', 'jobs', 'taxes', 'health', 'schools', 'million', 'billion', 'last', 'year'];
  s.debates.push({ id: 'deb_1', title: 'Three-hour leaders debate', kind: 'tv-debate', createdAt: now, updatedAt: now });
  for (let p = 0; p < 3; p += 1) s.people.push({ id: `per_${p}`, name: `Speaker ${p}`, aliases: [], createdAt: now, updatedAt: now });
  let text = '';
  for (let t = 0; t < 1500; t += 1) {
    const turnText = Array.from({ length: 18 }, () => words[Math.floor(random() * words.length)]).join(' ') + '.';
    const offset = text.length;
    text += (t ? '\n\n' : '') + turnText;
    s.turns.push({ id: `trn_${t}`, documentId: 'doc_1', index: t, personId: `per_${t % 3}`, kind: 'speech', text: turnText, offset: offset + (t ? 2 : 0) });
  }
  s.documents.push({ id: 'doc_1', debateId: 'deb_1', title: 'Transcript', format: 'text', text, version: 1, createdAt: now, updatedAt: now });
  for (let c = 0; c < 5000; c += 1) {
    const turn = s.turns[c % 1500]!;
    s.claims.push({ id: `clm_${c}`, text: turn.text.slice(0, 60), claimantId: turn.personId ?? undefined, topicIds: [], type: 'statistic', status: 'new', createdAt: now, updatedAt: now });
    const start = turn.offset;
    s.appearances.push({ id: `app_${c}`, claimId: `clm_${c}`, documentId: 'doc_1', turnId: turn.id, state: 'anchored', anchor: { quote: { exact: turn.text.slice(0, 30), prefix: '', suffix: '' }, position: { start, end: start + 30 }, documentVersion: 1 }, createdAt: now, updatedAt: now });
    if (c % 5 === 0) {
      s.verdicts.push({ id: `ver_${c}`, claimId: `clm_${c}`, scaleId: 'scale-six-step', stepId: 'half-true', conclusion: '', reasoning: 'Checked against the table.', author: 'Alice', history: [{ at: now, author: 'Alice', why: 'First verdict.', toScaleId: 'scale-six-step', toStepId: 'half-true' }], createdAt: now, updatedAt: now });
    }
  }
  return s;
}

function bytesReceived(client: NodeSyncClient): () => number {
  let total = 0;
  client.provider.on('message', ({ event }: { event: MessageEvent }) => {
    const data = event.data as ArrayBuffer | Uint8Array;
    total += data.byteLength;
  });
  return () => total;
}

/** See syncMemoryChild.ts: the server's memory per open project and its peer's, measured in one child process. */
async function measureServerMemory(databaseUrl: string, redisUrl: string, snapshot: ProjectSnapshot) {
  const child = fork(path.join(root, 'tests/bench/syncMemoryChild.ts'), [databaseUrl, redisUrl, TEST_SECRET], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const replies: Array<Record<string, unknown>> = [];
  const waiting: Array<(m: Record<string, unknown>) => void> = [];
  child.on('message', (m: Record<string, unknown>) => (waiting.length > 0 ? waiting.shift()!(m) : replies.push(m)));
  const next = () => new Promise<Record<string, unknown>>((resolve, reject) => {
    if (replies.length > 0) return resolve(replies.shift()!);
    waiting.push(resolve);
    child.once('exit', (code) => reject(new Error(`the memory child ended (${code})`)));
  });
  const open: NodeSyncClient[] = [];
  try {
    const { url } = (await next()) as { url: string };
    let stateBytes = 0;
    let update: Uint8Array = new Uint8Array();
    async function openProject(name: string): Promise<void> {
      const token = (await signInvitation(TEST_SECRET, { projectId: newProjectId(), projectName: name, role: 'owner', expiresInSeconds: 600 })).token;
      const member = await joinProject(url, token, 'Alice');
      const doc = new Y.Doc();
      new ProjectMirror(doc).seed(snapshot as never, { kind: 'library' }, { memberId: member.memberId, name: 'Alice' }, 'Bench');
      update = Y.encodeStateAsUpdate(doc);
      stateBytes = update.byteLength;
      const client = connectNodeClient(url, member.projectId, member.token, doc);
      open.push(client);
      await client.ready;
      await eventually(() => !client.provider.hasUnsyncedChanges, 'the upload', 120_000);
      // Stored: the project's row is in PostgreSQL (the server's store debounce has run).
      await new Promise((resolve) => setTimeout(resolve, 2500));
    }
    const measure = async () => {
      child.send({ kind: 'measure' });
      return (await next()) as { heap: number; rss: number; documents: number };
    };
    await openProject('Warm-up');
    const first = await measure();
    const more = 4;
    for (let i = 0; i < more; i += 1) await openProject(`Bench ${i + 2}`);
    const last = await measure();
    if (last.documents !== more + 1) throw new Error(`expected ${more + 1} open documents on the server, found ${last.documents}`);
    child.send({ kind: 'peer', update, count: more });
    const peer = (await next()) as { perDoc: number };
    return {
      perProject: (last.heap - first.heap) / more,
      rssPerProject: (last.rss - first.rss) / more,
      perPeerDoc: peer.perDoc,
      stateBytes,
    };
  } finally {
    for (const client of open) client.destroy();
    if (child.connected && child.exitCode === null) {
      child.send({ kind: 'stop' });
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
}

async function main() {
  if (!existsSync(path.join(root, 'dist/electron/syncServer.mjs'))) spawnSync(process.execPath, ['build/scripts/buildNode.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
  const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  const s1 = await startSyncServerProcess({ databaseUrl: pg.url, redisUrl: redis.url });
  const s2 = await startSyncServerProcess({ databaseUrl: pg.url, redisUrl: redis.url });
  const clients: NodeSyncClient[] = [];
  try {
    const snapshot = threeHourDebate();
    const invitation = (await signInvitation(TEST_SECRET, { projectId: newProjectId(), projectName: 'Bench', role: 'owner', expiresInSeconds: 600 })).token;
    const owner = await joinProject(s1.url, invitation, 'Alice');
    const editorInvite = (await postJson<{ invitation: string }>(`${s1.url}/invitations`, { role: 'editor', expiresInHours: 1 }, owner.token)).body.invitation;
    const editor = await joinProject(s1.url, editorInvite, 'Bob');

    // The sharing laptop: the whole debate into its Y.Doc, then up to the server.
    const docA = new Y.Doc();
    new ProjectMirror(docA).seed(snapshot as never, { kind: 'library' }, { memberId: owner.memberId, name: 'Alice' }, 'Bench');
    const a = connectNodeClient(s1.url, owner.projectId, owner.token, docA);
    clients.push(a);
    await a.ready;
    await eventually(() => !a.provider.hasUnsyncedChanges, 'the upload', 120_000);

    // The joining laptop: an empty doc, synced from the server, then written into its own Dexie.
    const db = new ClaimdeskDb('bench-join', { indexedDB: new IDBFactory(), IDBKeyRange });
    const docB = new Y.Doc();
    let t0 = performance.now();
    const b = connectNodeClient(s1.url, editor.projectId, editor.token, docB);
    clients.push(b);
    const received = bytesReceived(b);
    await b.ready;
    const syncMs = performance.now() - t0;
    t0 = performance.now();
    const store = new SyncedStore(createDexieStore(db));
    const mirrorB = new ProjectMirror(docB);
    await store.attach(mirrorB, { memberId: editor.memberId, name: 'Bob', role: 'editor' });
    const applyMs = performance.now() - t0;
    const claimsB = await db.claims.count();
    if (claimsB !== 5000) throw new Error(`expected 5000 claims on the joining laptop, got ${claimsB}`);

    // Peer: the same state merged in memory, no network, no database.
    t0 = performance.now();
    Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(docA));
    const inMemoryMs = performance.now() - t0;
    const jsonBytes = Buffer.byteLength(JSON.stringify(snapshot));

    line({ measure: 'sync.initial.claims', value: claimsB, unit: 'claims' });
    line({ measure: 'sync.initial.network_ms', value: round(syncMs), unit: 'ms' });
    line({ measure: 'sync.initial.apply_to_dexie_ms', value: round(applyMs), unit: 'ms' });
    line({ measure: 'sync.initial.total_ms', value: round(syncMs + applyMs), unit: 'ms' });
    line({ measure: 'sync.initial.in_memory_merge_ms (peer)', value: round(inMemoryMs), unit: 'ms' });
    line({ measure: 'sync.initial.network_vs_in_memory', value: round(syncMs / inMemoryMs), unit: 'ratio', goal: '<= 20' });
    line({ measure: 'sync.initial.bytes_received', value: received(), unit: 'bytes' });
    line({ measure: 'sync.initial.records_as_json (peer)', value: jsonBytes, unit: 'bytes' });
    line({ measure: 'sync.initial.bytes_vs_json', value: round(received() / jsonBytes), unit: 'ratio', goal: '<= 1.5' });

    // Update latency: one field set on A, seen on B; through one server, then with B on the second server (Redis).
    async function latencies(viewer: NodeSyncClient, n: number): Promise<number[]> {
      const out: number[] = [];
      const claimsA = docA.getMap<Y.Map<unknown>>('t:claims');
      const claimsV = viewer.doc.getMap<Y.Map<unknown>>('t:claims');
      for (let i = 0; i < n; i += 1) {
        const id = `clm_${i}`;
        const value = `edit ${i} ${Math.random()}`;
        const start = performance.now();
        claimsA.get(id)!.set('notes', value);
        await eventually(() => claimsV.get(id)?.get('notes') === value, 'an update', 10_000);
        out.push(performance.now() - start);
      }
      return out;
    }
    const c = connectNodeClient(s2.url, editor.projectId, editor.token, new Y.Doc());
    clients.push(c);
    await c.ready;
    const one: number[] = [];
    const two: number[] = [];
    // Interleaved, so both see the same machine load.
    for (let round_ = 0; round_ < 10; round_ += 1) {
      one.push(...(await latencies(b, 10)));
      two.push(...(await latencies(c, 10)));
    }
    for (const [name, values] of [['one_server', one], ['two_servers_redis', two]] as const) {
      line({ measure: `sync.update_latency.${name}.p50`, value: round(percentile(values, 50)), unit: 'ms' });
      line({ measure: `sync.update_latency.${name}.p95`, value: round(percentile(values, 95)), unit: 'ms' });
    }
    line({ measure: 'sync.update_latency.redis_vs_one.p50', value: round(percentile(two, 50) / percentile(one, 50)), unit: 'ratio', goal: '<= 3' });

    // Server memory per open project, honestly: the real server (startSyncServer, with PostgreSQL and Redis) alone in
    // a child process, measured there after forced full GCs as heap + off-heap bytes. One project is opened first so
    // one-time costs (code, pools, first allocations) do not count; then several more, each uploaded by its own
    // client (kept connected: an open project) and stored, and the growth is divided by their number. Peer, in the
    // same process and the same run: as many bare Y.Docs with the same update applied.
    const memory = await measureServerMemory(pg.url, redis.url, snapshot);
    line({ measure: 'sync.server.memory_per_open_project', value: round(memory.perProject / 1024 / 1024), unit: 'MB' });
    line({ measure: 'sync.server.yjs_doc_memory (peer)', value: round(memory.perPeerDoc / 1024 / 1024), unit: 'MB' });
    line({ measure: 'sync.server.memory_vs_yjs_doc', value: round(memory.perProject / memory.perPeerDoc), unit: 'ratio', goal: '<= 1.5' });
    line({ measure: 'sync.server.project_state (peer)', value: round(memory.stateBytes / 1024 / 1024), unit: 'MB' });
    // For reference, with no goal: a bare Y.Doc alone costs about eleven times its encoded state, so a goal against
    // the state would judge Yjs, not the server; the server is judged against the bare Y.Doc above.
    line({ measure: 'sync.server.memory_vs_state (for reference)', value: round(memory.perProject / memory.stateBytes), unit: 'ratio' });
    line({ measure: 'sync.server.yjs_doc_vs_state', value: round(memory.perPeerDoc / memory.stateBytes), unit: 'ratio' });
    line({ measure: 'sync.server.rss_per_open_project (not collected; for reference)', value: round(memory.rssPerProject / 1024 / 1024), unit: 'MB' });
    db.close();
  } finally {
    for (const client of clients) client.destroy();
    await Promise.all([s1.stop(), s2.stop()]);
    await Promise.all([redis.stop(), pg.stop()]);
  }
}

await main();
process.exit(0);
