// Settings that decide where sign-in happens and where tokens are sent (authority, cloud, extra CAs,
// console presets) are declared with machine scope, and read here from the user's (or the remote
// machine's) settings only: a repository's .vscode/settings.json must not choose them, trusted or not.
import * as vscode from 'vscode';

/** The setting's user (or remote machine) value, else its default; workspace and folder values are ignored. */
export function userSetting<T>(section: string, key: string): T | undefined {
  const i = vscode.workspace.getConfiguration(section).inspect<T>(key);
  return i?.globalValue ?? i?.defaultValue;
}
