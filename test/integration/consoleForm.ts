// Fills the protocol console's form as a person does (a custom server and a pasted token), for the tests
// that drive the console webview.
import { ui } from './ui';

export interface ConsoleFormInput {
  protocol: 'imap' | 'pop3' | 'smtp';
  port: number;
  security: 'tls' | 'starttls' | 'none';
  token: string;
  user: string;
  /** Left as the form has it when not given. */
  mechanism?: 'XOAUTH2' | 'OAUTHBEARER';
}

export async function fillConsoleForm(f: ConsoleFormInput): Promise<void> {
  await ui.webview.select('select[name=preset]', 'custom');
  await ui.webview.select('select[name=protocol]', f.protocol);
  await ui.webview.fill('input[name=host]', '127.0.0.1');
  await ui.webview.fill('input[name=port]', String(f.port));
  await ui.webview.select('select[name=security]', f.security);
  await ui.webview.select('select[name=tokenSource]', 'pasted');
  await ui.webview.fill('#token', f.token);
  await ui.webview.fill('input[name=user]', f.user);
  if (f.mechanism) await ui.webview.select('select[name=mechanism]', f.mechanism);
}
