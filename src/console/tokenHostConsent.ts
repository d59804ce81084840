// Before the console sends a signed-in account's token to a host that is not one of Microsoft's mail
// hosts, it says so and asks (modal, naming host and account): a preset, another extension's arguments
// or a typo must not send a working token to a server of someone else's choosing. The hosts of the
// person's own presets (user settings: a workspace cannot set them) count as chosen by the person.
import * as vscode from 'vscode';
import { hostKey, isMicrosoftMailHost } from '../core/presets/presets';
import { escapeControls } from '../core/report/controlChars';
import { output } from '../outputChannel';

/** Hosts the person allowed for the rest of this session ("don't ask again"); memory only, never stored. */
const allowedThisSession = new Set<string>();

/**
 * Control and bidirectional characters shown as escapes (the CLI's and console's escapeControls), line
 * breaks and tabs too: in a one-line dialog text they would only disguise the host.
 */
function shown(text: string): string {
  return escapeControls(text).replace(/[\n\t]/g, (c) => (c === '\n' ? '\\x0a' : '\\x09'));
}

/** Remembers a host as allowed for this session (what "Send, and Don't Ask Again" does). */
export function allowTokenHostForSession(host: string): void {
  allowedThisSession.add(hostKey(host));
}

/**
 * True if the token may go to the host: a Microsoft mail host, a host of the person's own presets
 * (`ownPresetHosts`), allowed before in this session, or allowed now.
 */
export async function confirmTokenHost(host: string, account: string, ownPresetHosts: readonly string[]): Promise<boolean> {
  const key = hostKey(host);
  if (isMicrosoftMailHost(key) || allowedThisSession.has(key) || ownPresetHosts.some((h) => hostKey(h) === key)) return true;
  const who = account ? shown(account) : vscode.l10n.t('the signed-in account');
  const send = vscode.l10n.t('Send Token');
  const always = vscode.l10n.t('Send, and Don’t Ask Again This Session');
  const pick = await Promise.resolve(
    vscode.window.showWarningMessage(
      vscode.l10n.t('Send the access token of {0} to {1}?', who, shown(host)),
      {
        modal: true,
        detail: vscode.l10n.t(
          '{0} is not a Microsoft mail server (such as outlook.office365.com or smtp.office365.com). Whoever runs it can read and send mail as {1} with the token until it expires. Send it only to a server you run or trust, such as your own test server; else cancel and check the host (and the preset that filled it in).',
          shown(host),
          who,
        ),
      },
      send,
      always,
    ),
  ).catch((err: unknown) => {
    // A window that refuses dialogs (a test run) counts as "no".
    output().warn(vscode.l10n.t('Protocol console: could not ask before sending the token: {0}', err instanceof Error ? err.message : String(err)));
    return undefined;
  });
  if (pick === always) allowTokenHostForSession(key);
  if (pick === undefined) output().info(vscode.l10n.t('Protocol console: the token of {0} was not sent to {1} (not confirmed).', who, shown(host)));
  return pick === send || pick === always;
}
