// "Encode XOAUTH2" and "Encode OAUTHBEARER": ask for the user and the token (a password box, offered
// from the clipboard), then copy the string, insert it at the cursor, or show the protocol lines.
import * as vscode from 'vscode';
import { commandLines } from '../core/sasl/commandLines';
import type { OAuthMechanism } from '../core/sasl/mechanism';
import { encodeOauthbearer } from '../core/sasl/oauthbearer';
import { leadingMessage, Problem } from '../core/sasl/problems';
import { looksLikeToken, validateTokenInput, validateUserInput } from '../core/sasl/token';
import { encodeXoauth2 } from '../core/sasl/xoauth2';
import { redactSecret } from '../core/token/redact';
import { PROVIDER_ID } from '../auth/authProvider';
import { copyToClipboard, readClipboardQuietly } from '../clipboard';
import { DecodedViewProvider } from '../views/decodedView';

type Mechanism = OAuthMechanism;
const ACTIONS = ['copy', 'insert', 'copyImap', 'copyPop', 'copySmtp', 'show'] as const;
type Action = (typeof ACTIONS)[number];

/** The account picker (accountCommands.ts): a signed-in account's token, or { manual } to type one in. */
export type TokenPicker = (title: string) => Promise<{ token: string } | { manual: true } | undefined>;

/**
 * Arguments for calling the commands without prompts (from other commands, views or extensions). A caller
 * brings its own token; when the person picks a signed-in account's token instead, the person also picks
 * what happens with the string, so a caller cannot have it copied where it can read it.
 */
export interface EncodeArgs {
  user?: string;
  token?: string;
  host?: string;
  port?: number;
  action?: Action;
}

const LAST_USER_KEY = 'mailOAuth.lastUser';
const LAST_SERVER_KEY = 'mailOAuth.lastOauthbearerServer';

export function registerEncodeCommands(context: vscode.ExtensionContext, view: DecodedViewProvider, pickToken: TokenPicker): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('mailOAuth.encodeXoauth2', (args?: unknown) => encodeCommand('XOAUTH2', encodeArgs(args), context, view, pickToken)),
    vscode.commands.registerCommand('mailOAuth.encodeOauthbearer', (args?: unknown) => encodeCommand('OAUTHBEARER', encodeArgs(args), context, view, pickToken)),
  ];
}

/** A caller's arguments, each kept only if it has the right type (others are asked for). */
function encodeArgs(raw: unknown): EncodeArgs {
  if (typeof raw !== 'object' || raw === null) return {};
  const a = raw as Record<string, unknown>;
  return {
    ...(typeof a.user === 'string' ? { user: a.user } : {}),
    ...(typeof a.token === 'string' ? { token: a.token } : {}),
    ...(typeof a.host === 'string' ? { host: a.host } : {}),
    ...(typeof a.port === 'number' ? { port: a.port } : {}),
    ...(ACTIONS.includes(a.action as Action) ? { action: a.action as Action } : {}),
  };
}

async function encodeCommand(mechanism: Mechanism, args: EncodeArgs, context: vscode.ExtensionContext, view: DecodedViewProvider, pickToken: TokenPicker): Promise<void> {
  // The editor active when the command started, for "Insert at cursor" (only when it can be edited).
  const active = vscode.window.activeTextEditor;
  const editor = active && isEditable(active.document) ? active : undefined;
  // One numbering for both commands: user, (server,) token; the action that follows is no step.
  const steps = mechanism === 'XOAUTH2' || args.token ? 2 : 3;
  const title = (step: number, what: string) => vscode.l10n.t('Encode {0} ({1}/{2}): {3}', mechanism, step, steps, what);

  const user = args.user ?? (await askUser(mechanism, title(1, vscode.l10n.t('user')), active, context));
  if (user === undefined) return;
  await context.globalState.update(LAST_USER_KEY, user || undefined);

  let host = args.host;
  let port = args.port;
  if (mechanism === 'OAUTHBEARER' && !args.token) {
    const server = await askServer(title(2, vscode.l10n.t('server')), context);
    if (server === undefined) return;
    ({ host, port } = server);
  }

  const given = args.token;
  const token = given ?? (await askToken(title(steps, vscode.l10n.t('token')), pickToken));
  if (token === undefined) return;

  const result = mechanism === 'XOAUTH2' ? encodeXoauth2(user, token) : encodeOauthbearer({ user, token, host, port });
  if (!result.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot encode {0}: {1}', mechanism, firstError(result.problems)));
    return;
  }
  for (const w of result.problems) void vscode.window.showWarningMessage(w.message);

  const action = (given !== undefined ? args.action : undefined) ?? (await askAction(mechanism, result.value, editor));
  if (!action) return;
  await perform(action, mechanism, result.value, editor, view);
}

async function askUser(mechanism: Mechanism, title: string, editor: vscode.TextEditor | undefined, context: vscode.ExtensionContext): Promise<string | undefined> {
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
  const prefill = selected && !/[\r\n]/.test(selected) && selected.length <= 320 ? selected : context.globalState.get<string>(LAST_USER_KEY, '') || (await signedInUser());
  return vscode.window.showInputBox({
    title,
    prompt:
      mechanism === 'XOAUTH2'
        ? vscode.l10n.t("Mailbox address for the user= field. For a shared mailbox, the shared mailbox address (the token stays the delegate's).")
        : vscode.l10n.t('Mailbox address for the a= field (leave empty to send "n,,").'),
    placeHolder: 'user@contoso.com',
    value: prefill,
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (mechanism === 'OAUTHBEARER' && value === '') return undefined;
      return messageOf(validateUserInput(value));
    },
  });
}

async function askServer(title: string, context: vscode.ExtensionContext): Promise<{ host?: string; port?: number } | undefined> {
  const value = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Server host and port for host= and port= (RFC 7628), e.g. outlook.office365.com:993. Leave empty to omit them.'),
    placeHolder: 'outlook.office365.com:993',
    value: context.globalState.get<string>(LAST_SERVER_KEY, ''),
    ignoreFocusOut: true,
    validateInput: (v) => (parseServer(v) ? undefined : vscode.l10n.t('Write host:port (port 1-65535), a host alone, or leave it empty.')),
  });
  if (value === undefined) return undefined;
  await context.globalState.update(LAST_SERVER_KEY, value || undefined);
  return parseServer(value);
}

export function parseServer(value: string): { host?: string; port?: number } | undefined {
  const v = value.trim();
  if (v === '') return {};
  const m = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(v);
  if (!m) return undefined;
  const port = m[2] === undefined ? undefined : Number(m[2]);
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  return { host: m[1], port };
}

async function askToken(title: string, pickToken: TokenPicker): Promise<string | undefined> {
  // Signed-in accounts (the Accounts view) come first; without any, this returns { manual } at once.
  const picked = await pickToken(title).then(
    (r) => r,
    () => ({ manual: true as const }),
  );
  if (picked === undefined) return undefined;
  if ('token' in picked) return picked.token;
  const clip = (await readClipboardQuietly()).trim();
  const offer = looksLikeToken(clip) && validateTokenInput(clip).length === 0 ? clip : '';
  const value = await vscode.window.showInputBox({
    title,
    password: true,
    ignoreFocusOut: true,
    prompt: offer
      ? vscode.l10n.t('Access token. Filled in from the clipboard ({0}): press Enter to use it, or replace it.', redactSecret(offer))
      : vscode.l10n.t('Access token (the access token itself, not the refresh or ID token).'),
    placeHolder: vscode.l10n.t('eyJ0eXAiOiJKV1Qi… or EwB… or ya29.…'),
    value: offer,
    validateInput: (v) => messageOf(validateTokenInput(v.trim())),
  });
  return value?.trim();
}

interface ActionItem extends vscode.QuickPickItem {
  action: Action;
}

async function askAction(mechanism: Mechanism, encoded: string, editor: vscode.TextEditor | undefined): Promise<Action | undefined> {
  const lines = commandLines(mechanism, redactSecret(encoded));
  const items: ActionItem[] = [
    { action: 'copy', label: `$(copy) ${vscode.l10n.t('Copy {0} string', mechanism)}`, description: vscode.l10n.t('{0} characters', encoded.length) },
    ...(editor ? [{ action: 'insert' as const, label: `$(insert) ${vscode.l10n.t('Insert at cursor')}`, description: editor.document.fileName.split(/[\\/]/).pop() }] : []),
    { action: 'copyImap', label: `$(terminal) ${vscode.l10n.t('Copy IMAP command')}`, description: lines.imap },
    { action: 'copyPop', label: `$(terminal) ${vscode.l10n.t('Copy POP commands')}`, description: `${lines.pop3[0]} ⏎ ${lines.pop3[1]}` },
    { action: 'copySmtp', label: `$(terminal) ${vscode.l10n.t('Copy SMTP command')}`, description: lines.smtp },
    { action: 'show', label: `$(preview) ${vscode.l10n.t('Show IMAP, POP and SMTP command lines')}`, description: vscode.l10n.t('with the decoded check of the string') },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('{0} string ready', mechanism),
    placeHolder: vscode.l10n.t('What should happen with the encoded string?'),
    ignoreFocusOut: true,
  });
  return picked?.action;
}

async function perform(action: Action, mechanism: Mechanism, encoded: string, editor: vscode.TextEditor | undefined, view: DecodedViewProvider): Promise<void> {
  const lines = commandLines(mechanism, encoded);
  switch (action) {
    case 'copy':
      return copyToClipboard(encoded, vscode.l10n.t('{0} string copied to the clipboard.', mechanism));
    case 'copyImap':
      return copyToClipboard(lines.imap, vscode.l10n.t('IMAP command copied to the clipboard.'));
    case 'copyPop':
      return copyToClipboard(lines.pop3.join('\r\n'), vscode.l10n.t('POP commands copied to the clipboard.'));
    case 'copySmtp':
      return copyToClipboard(lines.smtp, vscode.l10n.t('SMTP command copied to the clipboard.'));
    case 'insert': {
      if (!editor || editor.document.isClosed) {
        void vscode.window.showErrorMessage(vscode.l10n.t('There is no editor to insert into any more. The string was copied to the clipboard instead.'));
        await vscode.env.clipboard.writeText(encoded);
        return;
      }
      const ok = await editor.edit((b) => {
        for (const sel of editor.selections) b.replace(sel, encoded);
      });
      if (!ok) {
        await vscode.env.clipboard.writeText(encoded);
        void vscode.window.showErrorMessage(vscode.l10n.t('The editor refused the edit (read-only?). The string was copied to the clipboard instead.'));
      }
      return;
    }
    case 'show':
      await view.open(encoded, { title: vscode.l10n.t('Encoded {0}', mechanism), commandLinesFor: mechanism });
      return;
  }
}

/** A document "Insert at cursor" can change: a file on a writable file system or an untitled one (not the decoded view). */
function isEditable(doc: vscode.TextDocument): boolean {
  return doc.uri.scheme === 'untitled' || vscode.workspace.fs.isWritableFileSystem(doc.uri.scheme) === true;
}

/** The first signed-in account's name (listing accounts needs no consent), or ''. */
async function signedInUser(): Promise<string> {
  try {
    return (await vscode.authentication.getAccounts(PROVIDER_ID))[0]?.label ?? '';
  } catch {
    return ''; // the provider is not registered yet
  }
}

function messageOf(problems: Problem[]): string | undefined {
  const e = problems.find((p) => p.severity === 'error');
  return e?.message;
}

function firstError(problems: Problem[]): string {
  return leadingMessage(problems) ?? vscode.l10n.t('invalid input');
}
