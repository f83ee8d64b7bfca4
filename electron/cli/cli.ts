import { createInterface } from 'node:readline';
import { runCli } from './runCli.js';

// The command-line entry: `node dist/electron/cli.mjs import FILE --json` (or `npx tsx electron/cli/cli.ts …`).
const status = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
});
process.exitCode = status;
