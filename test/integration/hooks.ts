// What the integration tests read of the extension's own storage: its SecretStorage and its log files,
// through the hooks activate() returns in extension mode Test (src/extension.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../src/extension';

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
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join(dir, f)).filter((f) => {
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
