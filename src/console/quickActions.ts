// The console's quick actions, defined once: the buttons per protocol, the ids the webview may send back
// (messages.ts refuses any other), and the command each one runs. No vscode import (messages.ts is tested
// in plain Node); the one label in words goes through @vscode/l10n, which reads the extension's bundle.
import * as l10n from '@vscode/l10n';
import type { MailProtocol } from '../core/token/checks';

export interface QuickAction {
  id: string;
  protocol: MailProtocol;
  /** The protocol command it sends; none for the actions the panel carries out itself (the SMTP test message). */
  command?: string;
  label(): string;
}

export const QUICK_ACTIONS: readonly QuickAction[] = [
  { id: 'imap.list', protocol: 'imap', command: 'LIST "" "*"', label: () => 'LIST' },
  { id: 'imap.select', protocol: 'imap', command: 'SELECT INBOX', label: () => 'SELECT INBOX' },
  { id: 'imap.fetch', protocol: 'imap', command: 'FETCH 1 ENVELOPE', label: () => 'FETCH 1 ENVELOPE' },
  { id: 'pop3.stat', protocol: 'pop3', command: 'STAT', label: () => 'STAT' },
  { id: 'pop3.list', protocol: 'pop3', command: 'LIST', label: () => 'LIST' },
  { id: 'pop3.top', protocol: 'pop3', command: 'TOP 1 0', label: () => 'TOP 1 0' },
  { id: 'smtp.testMessage', protocol: 'smtp', label: () => l10n.t('Send a test message to myself') },
];

/** The ids the webview may send; any other is malformed. */
export const QUICK_ACTION_IDS: readonly string[] = QUICK_ACTIONS.map((a) => a.id);

/** The buttons of one protocol, as the webview shows them. */
export function quickActionButtons(protocol: MailProtocol): { id: string; label: string }[] {
  return QUICK_ACTIONS.filter((a) => a.protocol === protocol).map((a) => ({ id: a.id, label: a.label() }));
}

export function quickAction(id: string): QuickAction | undefined {
  return QUICK_ACTIONS.find((a) => a.id === id);
}
