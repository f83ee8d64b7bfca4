// Where the Electron binary is, or why there is none, without require('electron') (which starts a download).
import fs from 'node:fs';
import path from 'node:path';

/** @returns {{ path: string } | { missing: string }} */
export function findElectron(root) {
  const packageDir = path.join(root, 'node_modules/electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  if (!relative) return { missing: 'the Electron binary was never downloaded' };
  const binary = path.join(packageDir, 'dist', relative);
  return fs.existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
}
