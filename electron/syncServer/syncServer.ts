import type { IncomingMessage, ServerResponse } from 'node:http';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import type { SyncServerConfig } from './serverConfig.js';
import { openServerDatabase, type ServerDatabase } from './serverDatabase.js';
import { createServerRoutes } from './serverRoutes.js';
import { TokenError, verifyAccessToken } from './tokens.js';

/** What a connection carries once onAuthenticate has accepted it. */
export interface ConnectionContext {
  memberId: string;
  name: string;
  role: 'owner' | 'editor' | 'viewer';
}

export interface RunningSyncServer {
  port: number;
  /** http://host:port, for the HTTP API; the WebSocket is on the same address (ws://). */
  url: string;
  database: ServerDatabase;
  /** Open Yjs documents and connections, for the bench and the health answer. */
  stats(): { documents: number; connections: number };
  stop(): Promise<void>;
}

/** An error Hocuspocus sends to the client as the reason for refusing it. */
function refusal(message: string): Error {
  return Object.assign(new Error(message), { reason: message });
}

function redisExtension(url: string): Extension {
  const parsed = new URL(url);
  const options: Record<string, unknown> = { maxRetriesPerRequest: null };
  if (parsed.password) options.password = decodeURIComponent(parsed.password);
  if (parsed.username) options.username = decodeURIComponent(parsed.username);
  if (parsed.pathname.length > 1) options.db = Number(parsed.pathname.slice(1));
  if (parsed.protocol === 'rediss:') options.tls = {};
  return new Redis({ host: parsed.hostname, port: Number(parsed.port || 6379), options, prefix: 'claimdesk' });
}

/**
 * The Claimdesk sync server: Hocuspocus (Yjs over WebSocket) with PostgreSQL persistence, optional Redis for
 * several instances, roles enforced per connection (a viewer's connection is read-only, so the server drops its
 * updates whatever the client does), and a small HTTP API beside it for joining, invitations and vault files.
 */
export async function startSyncServer(config: SyncServerConfig): Promise<RunningSyncServer> {
  const database = await openServerDatabase(config.databaseUrl);
  const extensions: Extension[] = [
    new Database({
      fetch: ({ documentName }) => database.loadDocument(documentName),
      store: ({ documentName, state }) => database.storeDocument(documentName, state),
    }),
  ];
  if (config.redisUrl) extensions.push(redisExtension(config.redisUrl));

  const server = new Server<ConnectionContext>({
    name: 'claimdesk-sync',
    port: config.port,
    address: config.host,
    quiet: true,
    stopOnSignals: false,
    // Store soon after a change: a crash then loses at most a moment, and the clients still hold it anyway.
    debounce: 400,
    maxDebounce: 2000,
    extensions,
    async onAuthenticate({ token, documentName, connectionConfig }) {
      let claims;
      try {
        claims = await verifyAccessToken(config.secret, token);
      } catch (error) {
        throw refusal(error instanceof TokenError ? error.message : 'Sign-in refused.');
      }
      if (claims.prj !== documentName) throw refusal('This sign-in is for another project.');
      const member = await database.member(documentName, claims.sub);
      if (!member) throw refusal('You are no longer a member of this project.');
      // The members table, not the token, says what a member may do now.
      connectionConfig.readOnly = member.role === 'viewer';
      return { memberId: member.memberId, name: member.name, role: member.role } satisfies ConnectionContext;
    },
  });

  const routes = createServerRoutes({ config, database });
  // Our own HTTP API replaces Hocuspocus' welcome page; WebSocket upgrades are still Hocuspocus'.
  server.httpServer.removeAllListeners('request');
  server.httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    routes(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'The server could not answer: see its log.' }));
      console.error('sync server:', error);
    });
  });

  await server.listen();
  const port = server.address.port;
  return {
    port,
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    database,
    stats: () => ({ documents: server.hocuspocus.getDocumentsCount(), connections: server.hocuspocus.getConnectionsCount() }),
    async stop() {
      await server.destroy();
      await database.close();
    },
  };
}
