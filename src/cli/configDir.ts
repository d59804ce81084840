// Where the CLI keeps what it creates once per user (the capture proxy's local CA): $MAILOAUTH_CONFIG_DIR,
// else the platform's per-user configuration folder.
import * as os from 'node:os';
import * as path from 'node:path';

export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MAILOAUTH_CONFIG_DIR) return env.MAILOAUTH_CONFIG_DIR;
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'mailoauth');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'mailoauth');
  return path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'mailoauth');
}
