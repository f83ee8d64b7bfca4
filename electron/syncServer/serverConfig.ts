/**
 * What the sync server needs to start, from flags first and the environment second. Every problem is one sentence
 * that says what to pass, because the person reading it is setting up a server for their desk, not debugging ours.
 */
export interface SyncServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** Omit for a single instance; give it to run several instances behind Redis. */
  redisUrl?: string;
  /** Signs invitations and access tokens (HMAC-SHA-256); every instance of one deployment shares it. */
  secret: string;
  /** Largest vault file accepted, in bytes. */
  maxFileBytes: number;
  quiet: boolean;
}

export class ConfigError extends Error {}

export const MIN_SECRET_LENGTH = 32;
export const DEFAULT_SYNC_PORT = 5480;

/** The value after `--name`, or `--name=value`. */
export function flagValue(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === name) return args[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

export function readServerConfig(args: readonly string[], env: NodeJS.ProcessEnv): SyncServerConfig {
  const databaseUrl = flagValue(args, '--database-url') ?? env.CLAIMDESK_DATABASE_URL ?? env.DATABASE_URL;
  if (!databaseUrl) {
    throw new ConfigError(
      'The sync server needs a PostgreSQL database: pass --database-url postgres://USER@HOST:PORT/DB ' +
        '(or set CLAIMDESK_DATABASE_URL).',
    );
  }
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('The database URL must start with postgres:// (for example postgres://claimdesk@127.0.0.1:5432/claimdesk).');
  }
  const secret = flagValue(args, '--secret') ?? env.CLAIMDESK_SYNC_SECRET;
  if (!secret) {
    throw new ConfigError(
      `The sync server needs a secret to sign invitations: pass --secret with at least ${MIN_SECRET_LENGTH} random characters ` +
        '(or set CLAIMDESK_SYNC_SECRET; `openssl rand -hex 32` makes one).',
    );
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`The secret is too short: use at least ${MIN_SECRET_LENGTH} random characters (\`openssl rand -hex 32\` makes one).`);
  }
  const portText = flagValue(args, '--port') ?? env.CLAIMDESK_SYNC_PORT ?? String(DEFAULT_SYNC_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`"${portText}" is not a port number (0–65535).`);
  const redisUrl = flagValue(args, '--redis-url') ?? env.CLAIMDESK_REDIS_URL ?? env.REDIS_URL;
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('The Redis URL must start with redis:// (for example redis://127.0.0.1:6379).');
  }
  const maxMb = Number(flagValue(args, '--max-file-mb') ?? env.CLAIMDESK_SYNC_MAX_FILE_MB ?? 200);
  if (!Number.isFinite(maxMb) || maxMb <= 0) throw new ConfigError('--max-file-mb must be a positive number of megabytes.');
  return {
    port,
    host: flagValue(args, '--host') ?? env.CLAIMDESK_SYNC_HOST ?? '127.0.0.1',
    databaseUrl,
    ...(redisUrl ? { redisUrl } : {}),
    secret,
    maxFileBytes: Math.round(maxMb * 1024 * 1024),
    quiet: args.includes('--quiet'),
  };
}

/** "24h", "7d", "90m" → seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+)\s*([mhd])$/.exec(text.trim());
  if (!match) throw new ConfigError(`"${text}" is not a duration: write it like 90m, 24h or 7d.`);
  const n = Number(match[1]);
  const unit = match[2] === 'm' ? 60 : match[2] === 'h' ? 3600 : 86400;
  if (n <= 0) throw new ConfigError('A duration must be longer than zero.');
  return n * unit;
}
