import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../handlers/createHandlers.js';
import { createNodeHandlerDeps } from '../handlers/nodeHandlerDeps.js';
import { resolveUserDataPath } from '../userDataPath.js';
import { filesFromArgv } from '../openFiles/fileArguments.js';
import { OpenedFileQueue } from '../openFiles/openedFileQueue.js';
import { windowContentSecurityPolicy } from '../team/teamServerSetting.js';
import { createHttpTransport } from './httpTransport.js';

/**
 * The browser preview: the built window served on 127.0.0.1 with the real handlers behind the HTTP transport.
 * `npm run preview` starts it, `npm start` falls back to it where Electron cannot run, and the e2e tests use it.
 * The port is fixed by default because IndexedDB belongs to an origin: a new port would look like an empty library.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const distDir = here; // dist/electron
const staticDir = path.resolve(here, '../renderer');

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const port = Number(argValue('--port') ?? process.env.CLAIMDESK_PORT ?? 5178);
const userDataPath = resolveUserDataPath();
const testMode = process.env.CLAIMDESK_TEST === '1';
const token = randomBytes(24).toString('hex');

async function openExternal(url: string): Promise<void> {
  if (testMode) {
    // Tests must not open a browser; they read what would have been opened.
    await appendFile(path.join(userDataPath, 'external-links.log'), `${url}\n`);
    return;
  }
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  // The URL was parsed and checked by the handler; it goes as one argument, never through a shell.
  spawn(command, [url], { detached: true, stdio: 'ignore' }).on('error', () => undefined).unref();
}

async function openPath(filePath: string): Promise<void> {
  if (testMode) {
    // Tests must not start other applications; they read which files would have been opened.
    await appendFile(path.join(userDataPath, 'opened-files.log'), `${filePath}\n`);
    return;
  }
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  // The path is one the handler wrote under user data; it goes as one argument, never through a shell.
  spawn(command, [filePath], { detached: true, stdio: 'ignore' }).on('error', () => undefined).unref();
}

async function showInFolder(filePath: string): Promise<void> {
  if (testMode) {
    // Tests must not start a file manager; they read which files would have been shown.
    await appendFile(path.join(userDataPath, 'shown-files.log'), `${filePath}\n`);
    return;
  }
  const folder = path.dirname(filePath);
  const [command, args] =
    process.platform === 'darwin' ? ['open', ['-R', filePath]] : process.platform === 'win32' ? ['explorer', [`/select,${filePath}`]] : ['xdg-open', [folder]];
  // The folder is opened, never the file; the path goes as one argument, never through a shell.
  spawn(command, args, { detached: true, stdio: 'ignore' }).on('error', () => undefined).unref();
}

async function main() {
  await mkdir(userDataPath, { recursive: true });
  const pkgVersion = process.env.npm_package_version ?? '0.1.0';
  // Files named on the command line (`npm start -- debate.claimdesk` falls back to this preview) open in the window
  // the way a double-click opens them in the desktop app: the first window to ask takes them.
  const opened = new OpenedFileQueue();
  for (const file of filesFromArgv(process.argv, { cwd: process.cwd(), skip: 2 }).files) await opened.add(file.path, file.kind);
  const handlers = createHandlers(
    createNodeHandlerDeps({ shell: 'preview', version: pkgVersion, userDataPath, distDir, openExternal, openPath, showInFolder, takeOpenedFiles: () => opened.take() }),
  );
  const transport = createHttpTransport({ handlers, token, staticDir, contentSecurityPolicy: () => windowContentSecurityPolicy(userDataPath) });
  const server = createServer(transport.listener);
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') {
      console.error(`error: port ${port} is in use (is Claimdesk already running?). Start with --port N or CLAIMDESK_PORT=N.`);
    } else {
      console.error(`error: the preview server could not start: ${error.message}`);
    }
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    transport.setPort(actual);
    console.log(`Claimdesk browser preview: http://127.0.0.1:${actual}/  (data in ${userDataPath}; Ctrl+C to stop)`);
  });
  const stop = () => {
    transport.close();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
