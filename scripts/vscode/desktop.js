// Finds an installed desktop VS Code (its `code` CLI on PATH), which run-tests.js and start.js prefer
// over code-server. Ignores the `code` shim of a code-server/Remote terminal, which is not a desktop app.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

/** Resolved path of the `code` CLI of a desktop VS Code, or null. */
function findDesktopCodeCli() {
  let cli;
  try {
    const which = process.platform === 'win32' ? 'where' : 'which';
    cli = execFileSync(which, ['code'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split(/\r?\n/)[0]
      .trim();
    cli = fs.realpathSync(cli);
  } catch {
    return null;
  }
  if (!cli || /code-server|remote-cli|\.vscode-server|\.vscode-remote/.test(cli)) return null;
  return cli;
}

/** The Electron binary of that desktop VS Code (what @vscode/test-electron runs), or null. */
function findDesktopVSCodeExecutable() {
  if (process.env.MAILOAUTH_VSCODE_EXECUTABLE) return process.env.MAILOAUTH_VSCODE_EXECUTABLE;
  const cli = findDesktopCodeCli();
  if (!cli) return null;
  const appRoot = path.dirname(path.dirname(cli)); // <appRoot>/bin/code
  const candidates =
    {
      linux: [path.join(appRoot, 'code')], // /usr/share/code/bin/code -> /usr/share/code/code
      darwin: [path.resolve(appRoot, '../../MacOS/Electron'), path.resolve(appRoot, '../../MacOS/Code')],
      win32: [path.join(appRoot, 'Code.exe')],
    }[process.platform] || [];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) || null;
}

module.exports = { findDesktopCodeCli, findDesktopVSCodeExecutable };
