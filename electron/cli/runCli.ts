import { DiskError, describeDiskError } from '../files/diskError.js';
import { isImportError } from '../import/importError.js';
import { importCommand } from './commands/import.js';
import { exportCommand } from './commands/export.js';
import { sampleCommand } from './commands/sample.js';
import { triageCommand } from './commands/triage.js';
import { quantitiesCommand } from './commands/quantities.js';

/** Where a command writes; the real streams in the CLI, strings in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, line by line (without line ends), for commands that read it. */
  stdinLines?(): AsyncIterable<string>;
}

/** One `claimdesk <name> …` command. Add a file under electron/cli/commands/ and list it in COMMANDS. */
export interface CliCommand {
  name: string;
  /** One line for the usage text: the arguments after the name. */
  usage: string;
  summary: string;
  /** Returns the exit status. Throw an error with a user-facing message (an ImportError, a UsageError) to fail. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** A mistake in how the command was called; its message is printed as it is. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const COMMANDS: readonly CliCommand[] = [
  importCommand,
  sampleCommand(),
  exportCommand,
  triageCommand,
  quantitiesCommand,
];

/**
 * Runs one command line. Success writes only the command's output to stdout; failure writes exactly one line,
 * `error: …`, to stderr, nothing to stdout, and returns 1. No stack trace reaches the user.
 */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stderr(`error: no command given; try one of: ${commands.map((c) => c.name).join(', ')}\n`);
    return 1;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usageText(commands));
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`error: unknown command "${name}"; try one of: ${commands.map((c) => c.name).join(', ')}\n`);
    return 1;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    io.stderr(`error: ${oneLine(messageOf(error))}\n`);
    return 1;
  }
}

function messageOf(error: unknown): string {
  if (isImportError(error) || error instanceof UsageError) return error.message;
  if (error instanceof DiskError) return error.message;
  // Node's own file errors are clear enough once the code is turned into words.
  const code = (error as { code?: unknown } | null)?.code;
  const path = (error as { path?: unknown } | null)?.path;
  if (code === 'ENOENT' && typeof path === 'string') return `no such file: ${path}`;
  if (code === 'EISDIR' && typeof path === 'string') return `${path} is a folder, not a file`;
  if (code === 'EACCES' && typeof path === 'string') return `permission denied reading ${path}`;
  const disk = describeDiskError(error);
  if (disk instanceof DiskError) return disk.message;
  return 'the command failed unexpectedly';
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function usageText(commands: readonly CliCommand[]): string {
  const lines = commands.map((c) => `  claimdesk ${c.name} ${c.usage}\n      ${c.summary}`);
  return `Usage:\n${lines.join('\n')}\n`;
}
