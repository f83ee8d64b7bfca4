import os from 'node:os';
import path from 'node:path';

/**
 * The one place that decides where Claimdesk keeps its files (vault, window state, backups). Tests and the
 * preview set CLAIMDESK_USER_DATA; otherwise it is the platform's usual per-user folder, the same one the desktop
 * app uses, so the preview and the app share a vault.
 */
export function resolveUserDataPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLAIMDESK_USER_DATA) return path.resolve(env.CLAIMDESK_USER_DATA);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Claimdesk');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Claimdesk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Claimdesk');
}
