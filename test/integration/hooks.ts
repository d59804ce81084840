// What the integration tests read of the extension's own storage: its SecretStorage and its log files,
// through the hooks activate() returns in extension mode Test (src/extension.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../src/extension';
import type { AccountsNode } from '../../src/views/accountsView';
import { waitFor } from './wait';

export const EXTENSION_ID = 'mail-oauth-debugger.mail-oauth-debugger';

export async function testHooks(): Promise<TestHooks> {
  const ext = vscode.extensions.getExtension<TestHooks | undefined>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const hooks = await ext.activate();
  assert.ok(hooks, 'the extension hands its test hooks to tests (extension mode Test)');
  return hooks;
}

/** Every file under a folder (recursively), as absolute paths. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => path.join(dir, f))
    .filter((f) => {
      try {
        return fs.statSync(f).isFile();
      } catch {
        return false; // removed meanwhile
      }
    });
}

/**
 * The output channel's log files. VS Code writes an extension's LogOutputChannel into the window's
 * extension-host log folder (the parent of context.logUri), named after the extension or the channel.
 */
export function outputChannelFiles(hooks: TestHooks): string[] {
  const dir = path.dirname(hooks.logUri.fsPath);
  return filesUnder(dir).filter((f) => /mail-oauth-debugger|Mail OAuth Debugger/.test(f));
}

export async function outputChannelText(hooks: TestHooks): Promise<string> {
  return outputChannelFiles(hooks)
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
}

/**
 * A node of the Accounts view, as its context menu passes it to a command: the token commands take only
 * the view's own nodes. `protocol` picks a token node under the account; undefined if there is none.
 */
export async function accountsNode(
  hooks: TestHooks,
  want: { kind: 'account' | 'token' | 'app' | 'appToken'; username?: string; protocol?: 'imap' | 'pop3' | 'smtp' },
): Promise<AccountsNode | undefined> {
  // With OpenID providers configured, Microsoft's accounts are under the view's "Microsoft" group.
  const top = await hooks.accounts.getChildren();
  const group = top.find((n) => n.kind === 'group' && !n.provider);
  const roots = group ? await hooks.accounts.getChildren(group) : top;
  if (want.kind === 'app' || want.kind === 'appToken') {
    const app = roots.find((n) => n.kind === 'app');
    return want.kind === 'app' || !app ? app : (await hooks.accounts.getChildren(app))[0];
  }
  const account = roots.find((n) => n.kind === 'account' && (!want.username || n.account.username === want.username));
  if (!account || want.kind === 'account') return account;
  return (await hooks.accounts.getChildren(account)).find((n) => n.kind === 'token' && n.protocol === want.protocol);
}

/** The node, or a failed assertion saying which one is missing. */
export async function viewNode(want: Parameters<typeof accountsNode>[1]): Promise<AccountsNode> {
  const node = await accountsNode(await testHooks(), want);
  assert.ok(node, `the Accounts view shows ${JSON.stringify(want)}`);
  return node;
}

/** Signs out the account or app shown in the Accounts view, if any (the suites' clean-up). */
export async function signOutFromView(kind: 'account' | 'app'): Promise<void> {
  const node = await accountsNode(await testHooks(), { kind });
  if (node) await vscode.commands.executeCommand('mailOAuth.accounts.signOut', node);
}

/**
 * Runs `fn` with a repository's .vscode/settings.json holding `settings` (as a cloned repository brings
 * it), then puts the file back as it was. `mailOAuth.auth.timeoutSeconds: 61` is added as a marker whose
 * workspace value shows that VS Code has read the file (machine-scoped values may not show at all).
 */
export async function withWorkspaceSettings(settings: Record<string, unknown>, fn: () => Promise<void>): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(folder, 'the tests run in a workspace folder');
  const file = path.join(folder, '.vscode', 'settings.json');
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  const marker = () => vscode.workspace.getConfiguration('mailOAuth.auth').inspect<number>('timeoutSeconds')?.workspaceValue;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...settings, 'mailOAuth.auth.timeoutSeconds': 61 }, null, 2));
  try {
    await waitFor('VS Code to read the workspace settings', () => marker() === 61);
    await fn();
  } finally {
    if (before === undefined) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, before);
    await waitFor('VS Code to drop the workspace settings', () => marker() !== 61);
  }
}
