import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real PostgreSQL, Redis and sync-server processes for the tests and the bench, each on a free port and in a temp
 * folder, stopped by the caller. Nothing here assumes a system service. PostgreSQL refuses to run as root, so as
 * root its folder is handed to the `postgres` user and its tools run through runuser.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Debian installs PostgreSQL's tools under /usr/lib/postgresql/<major>/bin; take the newest major there. */
function postgresBin(): string {
  const base = '/usr/lib/postgresql';
  const majors = existsSync(base) ? readdirSync(base).filter((d) => /^\d+$/.test(d) && existsSync(path.join(base, d, 'bin', 'initdb'))) : [];
  majors.sort((a, b) => Number(b) - Number(a));
  return majors[0] ? path.join(base, majors[0], 'bin') : path.join(base, '<version>', 'bin');
}
const PG_BIN = process.env.CLAIMDESK_PG_BIN ?? postgresBin();
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function asPostgres(command: string, args: string[]): { status: number | null; output: string } {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

export interface Postgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<Postgres> {
  if (!existsSync(path.join(PG_BIN, 'initdb'))) {
    throw new Error(`PostgreSQL is not installed (no ${PG_BIN}/initdb): apt-get install -y postgresql`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-pg-'));
  if (isRoot) chownSync(dir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()));
  const init = asPostgres(path.join(PG_BIN, 'initdb'), ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'claimdesk', '--no-sync']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.output}`);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = asPostgres(path.join(PG_BIN, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-o', opts, '-l', path.join(dir, 'log'), '-w', 'start']);
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.output}`);
  return {
    url: `postgres://claimdesk@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      asPostgres(path.join(PG_BIN, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start in time: ${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}): ${seen}`));
    });
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

export interface Redis {
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<Redis> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.once('error', () => undefined);
  await waitForLine(child, /Ready to accept connections/, 'redis-server (apt-get install -y redis-server)');
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

export const TEST_SECRET = 'claimdesk-test-secret-0123456789abcdef';

export interface SyncServerProcess {
  port: number;
  pid: number;
  url: string;
  /** SIGKILL: a crash, with no chance to store. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** The built sync server (dist/electron/syncServer.mjs), as `npm run server` runs it. */
export async function startSyncServerProcess(options: { databaseUrl: string; redisUrl?: string; port?: number; secret?: string }): Promise<SyncServerProcess> {
  const port = options.port ?? (await freePort());
  const dist = process.env.CLAIMDESK_DIST ?? 'dist';
  const args = [path.join(root, dist, 'electron/syncServer.mjs'), '--port', String(port), '--database-url', options.databaseUrl, '--secret', options.secret ?? TEST_SECRET];
  if (options.redisUrl) args.push('--redis-url', options.redisUrl);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: root });
  await waitForLine(child, /Claimdesk sync server on/, 'the sync server');
  return {
    port,
    pid: child.pid ?? 0,
    url: `http://127.0.0.1:${port}`,
    kill: () => stopChild(child, 'SIGKILL'),
    stop: () => stopChild(child),
  };
}

/** Runs `npm run server -- invite …` the way an administrator would, and returns the printed invitation. */
export function inviteFromCli(args: string[], secret = TEST_SECRET): string {
  const dist = process.env.CLAIMDESK_DIST ?? 'dist';
  const result = spawnSync(process.execPath, [path.join(root, dist, 'electron/syncServer.mjs'), 'invite', '--secret', secret, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`invite failed: ${result.stderr}`);
  return result.stdout.trim();
}

export interface PreviewProcess {
  url: string;
  userData: string;
  stop(): Promise<void>;
}

/** Another browser-preview server: a second "laptop" with its own vault and its own origin (so its own IndexedDB). */
export async function startPreview(): Promise<PreviewProcess> {
  const port = await freePort();
  const userData = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-laptop-'));
  const dist = process.env.CLAIMDESK_DIST ?? 'dist';
  const child = spawn(process.execPath, [path.join(root, dist, 'electron/previewServer.mjs'), '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: root,
    env: { ...process.env, CLAIMDESK_TEST: '1', CLAIMDESK_USER_DATA: userData },
  });
  await waitForLine(child, /Claimdesk browser preview/, 'a preview server');
  return {
    url: `http://127.0.0.1:${port}`,
    userData,
    async stop() {
      await stopChild(child);
      rmSync(userData, { recursive: true, force: true });
    },
  };
}

/** Restarts a killed sync server on the same port, as an administrator would after a crash. */
export function restartSyncServer(killed: SyncServerProcess, options: { databaseUrl: string; redisUrl?: string }): Promise<SyncServerProcess> {
  return startSyncServerProcess({ ...options, port: killed.port });
}
