import { SYNC_ROLES, type SyncRole } from '../../shared/sync/serverApi.js';
import { ConfigError, MIN_SECRET_LENGTH, flagValue, parseDuration, readServerConfig } from './serverConfig.js';
import { startSyncServer } from './syncServer.js';
import { newProjectId, signInvitation } from './tokens.js';

/**
 * `npm run server` starts the sync server; `npm run server -- invite --role owner --name "Debate night"` prints an
 * invitation (signed with the same secret) that starts a new team project from the app's Share project… dialog.
 */
const HELP = `Claimdesk sync server

  npm run server -- [--port N] [--host ADDR] --database-url postgres://… [--redis-url redis://…] --secret S [--max-file-mb N]
  npm run server -- invite --secret S [--role owner|editor|viewer] [--project ID] [--name "Project name"] [--expires 24h]

Environment instead of flags: CLAIMDESK_SYNC_PORT (5480), CLAIMDESK_SYNC_HOST (127.0.0.1), CLAIMDESK_DATABASE_URL,
CLAIMDESK_REDIS_URL, CLAIMDESK_SYNC_SECRET, CLAIMDESK_SYNC_MAX_FILE_MB (200).
`;

async function invite(args: string[]): Promise<void> {
  const secret = flagValue(args, '--secret') ?? process.env.CLAIMDESK_SYNC_SECRET;
  if (!secret || secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`An invitation is signed with the server's secret: pass --secret (at least ${MIN_SECRET_LENGTH} characters) or set CLAIMDESK_SYNC_SECRET.`);
  }
  const role = (flagValue(args, '--role') ?? 'owner') as SyncRole;
  if (!SYNC_ROLES.includes(role)) throw new ConfigError(`--role must be one of ${SYNC_ROLES.join(', ')}.`);
  const projectId = flagValue(args, '--project') ?? newProjectId();
  const expires = parseDuration(flagValue(args, '--expires') ?? '24h');
  const { token, expiresAt } = await signInvitation(secret, { projectId, projectName: flagValue(args, '--name') ?? '', role, expiresInSeconds: expires });
  process.stderr.write(`${role} invitation for ${projectId}, valid until ${expiresAt.toISOString()}:\n`);
  process.stdout.write(`${token}\n`);
}

async function serve(args: string[]): Promise<void> {
  const config = readServerConfig(args, process.env);
  const server = await startSyncServer(config);
  const scaling = config.redisUrl ? ', with Redis' : '';
  console.log(`Claimdesk sync server on ws://${config.host}:${server.port} and http://${config.host}:${server.port}${scaling} (Ctrl+C to stop)`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Store what is open, then leave; a second signal or a stuck store does not keep the process alive.
    setTimeout(() => process.exit(0), 5000).unref();
    server.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  try {
    if (args[0] === 'invite') await invite(args.slice(1));
    else await serve(args);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    const hint = /ECONNREFUSED/.test(message) ? ' (is PostgreSQL running at that address?)' : '';
    process.stderr.write(`error: the sync server could not start: ${message}${hint}\n`);
    return 1;
  }
}

const status = await main();
if (status !== 0) process.exit(status);
