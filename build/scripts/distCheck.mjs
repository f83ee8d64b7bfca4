// `npm run dist:check`: packs the built app the way a release would (`electron-builder --linux dir`) and checks what a
// user would receive. Works offline: electron-builder gets a stand-in Electron folder instead of downloading one.
//
// It fails (exit 1) when app.asar lacks the built app, or holds tests, TypeScript sources, source folders, source maps
// or any package that is not a production dependency; and when the packed executable's Electron fuses are not the
// ones our security policy asks for. Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { EXPECTED_FUSES } from './electronFuses.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const asar = require('@electron/asar');
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');

const releaseDir = path.join(root, 'release');
const unpackedDir = path.join(releaseDir, 'linux-unpacked');
const executableName = 'claimdesk'; // linux.executableName in electron-builder.yml

/** Files the packed app cannot start without. */
const REQUIRED = ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html'];

/** Packages that are bundled at build time or only used to build and test: their presence means devDependencies leaked. */
const DEV_PACKAGES = [
  'react', 'react-dom', 'zustand', 'dexie', 'zod', 'vite', 'vitest', 'typescript', 'esbuild', 'electron',
  'electron-builder', '@playwright/test', 'playwright', 'playwright-core', 'eslint', 'tsx', 'jsdom', 'fake-indexeddb',
  'mammoth', 'docx', 'exceljs',
];

// The fuses Claimdesk ships with (electronFuses.mjs). Checked here against the packed binary, not the config, so
// that a config edit which weakens one of them fails this check.

// Electron 45's default fuse wire, as a real binary carries it: the stand-in gets the same bytes so that
// electron-builder's @electron/fuses step has something real to flip, and we can read back what it wrote.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_FUSE_WIRE = '10110001'; // RunAsNode…GrantFileProtocolExtraPrivileges, in FuseV1Options order

const failures = [];
const fail = (message) => failures.push(message);

function makeStandInElectron() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-electron-stand-in-'));
  const script = `#!/bin/sh\necho "Stand-in for the Electron binary (build/scripts/distCheck.mjs); it runs nothing." >&2\nexit 1\n`;
  const wire = Buffer.concat([
    Buffer.from(`# fuse wire for @electron/fuses: ${FUSE_SENTINEL}`, 'latin1'),
    Buffer.from([1, DEFAULT_FUSE_WIRE.length]), // fuse wire version 1, length
    Buffer.from(`${DEFAULT_FUSE_WIRE}\n`, 'latin1'),
  ]);
  fs.writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from(script), wire]), { mode: 0o755 });
  // electron-builder copies the folder as the app's skeleton; Electron's own LICENSE files are expected there.
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'Stand-in.\n');
  fs.writeFileSync(path.join(dir, 'version'), '45.5.0');
  return dir;
}

function pack(electronDist) {
  fs.rmSync(unpackedDir, { recursive: true, force: true });
  const cli = path.join(root, 'node_modules/electron-builder/cli.js');
  const args = [cli, '--linux', 'dir', '--publish', 'never', `-c.electronDist=${electronDist}`];
  console.log(`$ electron-builder ${args.slice(1).join(' ')}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`electron-builder exited with ${result.status ?? result.signal}`);
}

/** Production packages by install path (node_modules/…), from the lockfile: the only packages allowed in the asar. */
function productionPackages() {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const production = Object.entries(lock.packages).filter(([key, info]) => key.startsWith('node_modules/') && !info.dev);
  return {
    paths: new Set(production.map(([key]) => key)),
    // electron-builder re-hoists nested production packages (electron-updater's own semver lands in node_modules/semver
    // when the top-level semver is a dev package), so a package is also allowed by name and exact version.
    versions: new Set(production.map(([key, info]) => `${key.replace(/^.*node_modules\//, '')}@${info.version}`)),
  };
}

/** The install path of the package a file belongs to, e.g. node_modules/@napi-rs/canvas, or null outside node_modules. */
function packageOf(file) {
  const parts = file.split('/');
  let last = -1;
  for (let i = 0; i < parts.length - 1; i++) if (parts[i] === 'node_modules') last = i;
  if (last === -1) return null;
  const name = parts[last + 1]?.startsWith('@') ? parts.slice(last + 1, last + 3) : parts.slice(last + 1, last + 2);
  return [...parts.slice(0, last + 1), ...name].join('/');
}

/** @param {(pkg: string) => string | undefined} versionOf the packed package's version, from its package.json */
function checkContents(files, where, versionOf) {
  const allowed = productionPackages();
  const found = new Set();
  for (const file of files) {
    const pkg = packageOf(file);
    if (pkg) {
      found.add(pkg);
      continue;
    }
    if (/^(tests|electron|renderer|shared|build|release|coverage|\.ci)\//.test(file)) fail(`${where}: source or test folder file ${file}`);
    else if (/\.(ts|tsx|mts|cts)$/.test(file)) fail(`${where}: TypeScript source ${file}`);
    else if (/\.map$/.test(file)) fail(`${where}: source map ${file} (it embeds the TypeScript sources)`);
    else if (!file.startsWith('dist/') && file !== 'package.json') fail(`${where}: unexpected file ${file}`);
  }
  for (const pkg of found) {
    const name = pkg.replace(/^.*node_modules\//, '');
    if (!allowed.paths.has(pkg) && !allowed.versions.has(`${name}@${versionOf(pkg)}`)) fail(`${where}: ${pkg} is not a production dependency`);
    if (DEV_PACKAGES.includes(name)) fail(`${where}: dev package ${name}`);
  }
  return found;
}

async function checkFuses() {
  const wire = await getCurrentFuseWire(path.join(unpackedDir, executableName));
  for (const [name, expected] of Object.entries(EXPECTED_FUSES)) {
    const actual = String.fromCharCode(wire[FuseV1Options[name]]);
    if (actual !== expected) fail(`fuse ${name} is ${actual === '1' ? 'enabled' : 'disabled'} in the packed binary`);
  }
}

function humanSize(bytes) {
  return bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

async function main() {
  const missingBuild = REQUIRED.filter((file) => !fs.existsSync(path.join(root, file)));
  if (missingBuild.length) throw new Error(`the app is not built (missing ${missingBuild.join(', ')}): run npm run build`);

  const electronDist = makeStandInElectron();
  try {
    pack(electronDist);
  } finally {
    fs.rmSync(electronDist, { recursive: true, force: true });
  }

  const asarPath = path.join(unpackedDir, 'resources', 'app.asar');
  if (!fs.existsSync(asarPath)) throw new Error(`electron-builder produced no ${path.relative(root, asarPath)}`);

  // listPackage gives '/dist/…' with the platform's separator and includes directories; keep files only.
  const entries = asar.listPackage(asarPath, { isPack: false }).map((entry) => entry.split(path.sep).join('/').replace(/^\//, ''));
  const files = entries.filter((entry) => {
    const stat = asar.statFile(asarPath, entry, false);
    return !('files' in stat);
  });
  for (const file of REQUIRED) if (!files.includes(file)) fail(`app.asar lacks ${file}`);
  // Whatever the build made (the workers, the CLI, the renderer's assets) ships too; only source maps stay behind.
  const packed = new Set(files);
  const built = fs.readdirSync(path.join(root, 'dist'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.endsWith('.map'));
  for (const file of built) if (!packed.has(file)) fail(`app.asar lacks ${file}, which the build produced`);

  const packedVersion = (pkg) => {
    try {
      return JSON.parse(asar.extractFile(asarPath, `${pkg}/package.json`).toString('utf8')).version;
    } catch {
      return undefined;
    }
  };
  const packages = checkContents(files, 'app.asar', packedVersion);
  // The other way round: every production dependency is loaded at run time from app.asar (esbuild leaves them
  // external: pdf.js, the log, the updater), so a missing one would only show when a user starts the app.
  const { dependencies = {} } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  for (const name of Object.keys(dependencies)) {
    if (!packed.has(`node_modules/${name}/package.json`)) fail(`app.asar lacks the production dependency ${name}, which the main process loads at run time`);
  }

  // electron-builder moves native modules (*.node) next to the archive; they obey the same rules.
  const unpacked = path.join(unpackedDir, 'resources', 'app.asar.unpacked');
  let unpackedFiles = [];
  if (fs.existsSync(unpacked)) {
    unpackedFiles = fs.readdirSync(unpacked, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(unpacked, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    const unpackedVersion = (pkg) => {
      try {
        return JSON.parse(fs.readFileSync(path.join(unpacked, pkg, 'package.json'), 'utf8')).version;
      } catch {
        return packedVersion(pkg); // electron-builder leaves package.json in the archive when it unpacks a .node file
      }
    };
    for (const pkg of checkContents(unpackedFiles, 'app.asar.unpacked', unpackedVersion)) packages.add(pkg);
  }

  const manifest = JSON.parse(asar.extractFile(asarPath, 'package.json').toString('utf8'));
  if (manifest.main !== 'dist/electron/main.cjs') fail(`package.json main is ${manifest.main}, not dist/electron/main.cjs`);

  await checkFuses();

  const unpackedSize = unpackedFiles.reduce((sum, file) => sum + fs.statSync(path.join(unpacked, file)).size, 0);
  console.log('');
  console.log(`app.asar: ${humanSize(fs.statSync(asarPath).size)}, ${files.length} files` +
    (unpackedFiles.length ? `; app.asar.unpacked: ${humanSize(unpackedSize)}, ${unpackedFiles.length} files` : ''));
  console.log(`packages: ${[...packages].map((pkg) => pkg.replace(/^node_modules\//, '')).sort().join(', ') || 'none'}`);
  console.log(`fuses required and found: ${Object.entries(EXPECTED_FUSES).map(([name, value]) => `${name}=${value === '1' ? 'on' : 'off'}`).join(', ')}`);
}

try {
  await main();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (failures.length) {
  for (const message of failures) console.error(`  - ${message}`);
  console.error(`dist:check FAIL: ${failures.length} problem${failures.length === 1 ? '' : 's'}`);
  process.exit(1);
}
console.log('dist:check PASS');
