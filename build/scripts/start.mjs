// `npm start`: the desktop app, or — where the Electron binary is missing and cannot be fetched — the browser
// preview, announced in one plain line instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectron } from './findElectron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let electron = findElectron(root);
if ('missing' in electron) {
  // Electron ≥ 42 fetches its binary on first use; try once, quietly, with a time limit.
  spawnSync(process.execPath, [path.join(root, 'node_modules/electron/install.js')], { cwd: root, stdio: 'ignore', timeout: 120_000 });
  electron = findElectron(root);
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

// `npm start -- file.claimdesk transcript.txt` opens those files, as a double-click on them would.
const files = process.argv.slice(2);
if ('path' in electron) {
  run(electron.path, [path.join(root, 'dist/electron/main.cjs'), ...files]);
} else {
  console.log(`Electron's binary is not installed and could not be downloaded (${electron.missing}), so Claimdesk starts as a browser preview instead.`);
  run(process.execPath, [path.join(root, 'dist/electron/previewServer.mjs'), ...files]);
}
