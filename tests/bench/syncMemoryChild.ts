// The sync server in a process of its own, for sync.bench.ts' "server memory per open project": the real server
// (startSyncServer: Hocuspocus, PostgreSQL, Redis) and, in the same process after it, the peer: bare Y.Docs with the
// same update applied. Every figure is taken after forced full GCs (the bench runs it with --expose-gc), as the V8
// heap plus memory outside it (ArrayBuffers, Buffers): the same measure for the server and its peer. The clients
// that keep the projects open live in the parent process, so their documents are not counted here.
// Messages from the parent: {kind:'measure'} → {heap, rss, documents, connections};
// {kind:'peer', update, count} → {perDoc}; {kind:'stop'}. Run by the bench, not alone.
import * as Y from 'yjs';
import { startSyncServer } from '../../electron/syncServer/syncServer.js';

const [databaseUrl, redisUrl, secret] = process.argv.slice(2);
if (!databaseUrl || !secret) throw new Error('usage: syncMemoryChild DATABASE_URL REDIS_URL SECRET');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('syncMemoryChild needs --expose-gc');

/** Heap and off-heap memory after full collections, with a pause between so finalizers and timers have run. */
async function settledBytes(): Promise<number> {
  for (let i = 0; i < 4; i += 1) {
    gc!();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

const server = await startSyncServer({ port: 0, host: '127.0.0.1', databaseUrl, redisUrl: redisUrl || undefined, secret, maxFileBytes: 50 * 1024 * 1024, quiet: true });
const send = (message: unknown) => process.send!(message);
send({ kind: 'ready', url: server.url });

process.on('message', (message: { kind: string; update?: Uint8Array; count?: number }) => {
  void (async () => {
    if (message.kind === 'measure') {
      const heap = await settledBytes();
      send({ kind: 'measured', heap, rss: process.memoryUsage.rss(), ...server.stats() });
    } else if (message.kind === 'peer') {
      const update = new Uint8Array(message.update!);
      const before = await settledBytes();
      const docs: Y.Doc[] = [];
      for (let i = 0; i < message.count!; i += 1) {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, update);
        docs.push(doc);
      }
      const after = await settledBytes();
      send({ kind: 'peer', perDoc: (after - before) / docs.length, held: docs.length });
      for (const doc of docs) doc.destroy();
    } else if (message.kind === 'stop') {
      await server.stop();
      process.exit(0);
    }
  })();
});
