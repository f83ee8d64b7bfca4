// Bundles the Node side (Electron main, preload, preview server, command line, import worker) with esbuild.
// The renderer is built by Vite (vite.config.mts). Everything lands in dist/.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { cpSync, existsSync } from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const quiet = process.argv.includes('--quiet');
// CLAIMDESK_DIST lets parallel work build into its own folder; the default is dist/.
const dist = process.env.CLAIMDESK_DIST ?? 'dist';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: quiet ? 'error' : 'info',
  absWorkingDir: root,
  // pdf.js loads its worker and fonts from its own package at run time, so it stays a real dependency; the main
  // process' runtime packages (the log, the updater) are production dependencies that electron-builder packs, loaded
  // from app.asar's node_modules (build/scripts/distCheck.mjs checks they are there).
  // pg's optional native binding is never installed; pg falls back to plain JavaScript without it.
  external: ['electron', 'pdfjs-dist', 'pdfjs-dist/*', 'electron-log', 'electron-log/*', 'electron-updater', 'pg-native'],
};

await Promise.all([
  // The main process and the sandboxed preload must be CommonJS.
  build({ ...common, format: 'cjs', entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts' }, outdir: `${dist}/electron`, outExtension: { '.js': '.cjs' } }),
  // Plain Node entry points (no Electron): the browser-preview server, the command line, the import worker, the
  // team sync server.
  build({
    ...common,
    format: 'esm',
    entryPoints: Object.fromEntries(
      Object.entries({
        previewServer: 'electron/transport/previewServer.ts',
        cli: 'electron/cli/cli.ts',
        importWorker: 'electron/import/importWorker.ts',
        syncServer: 'electron/syncServer/serverMain.ts',
      }).filter(([, file]) => existsSync(path.join(root, file))),
    ),
    outdir: `${dist}/electron`,
    outExtension: { '.js': '.mjs' },
    // Some CommonJS dependencies call require(); give ESM bundles a real one.
    banner: { js: "import { createRequire as __cdCreateRequire } from 'node:module'; const require = __cdCreateRequire(import.meta.url);" },
  }),
]);

// The sample project's files travel with the app, next to the code that serves them.
cpSync(path.join(root, 'electron/sample'), path.join(root, dist, 'electron/sample'), { recursive: true });
