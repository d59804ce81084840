// The interactive sign-in flows as small objects tried in order, each saying where it can run (as VS Code's
// own Microsoft authentication does): the browser with a loopback redirect needs the browser on the machine
// of the extension host; a device code works anywhere. Each flow owns its progress notification and is
// cancellable and timed; MSAL details live in mailAuthClient.ts, the choice of flows in the provider.
import * as vscode from 'vscode';
import type { AuthenticationResult } from '@azure/msal-node';
import type { SignInFlow } from '../settings';
import { authFailure } from './authErrors';
import { chooseFlows, ExtensionHostKind, FlowQuery } from './flowChoice';
import { DeviceCodeInfo, MailAuthClient } from './mailAuthClient';

export interface SignInFlowRequest {
  client: MailAuthClient;
  scopes: string[];
  timeoutMs: number;
  /** The protocol the token is for ("IMAP"), if the scopes are one protocol's. */
  protocol: string | undefined;
}

export interface InteractiveFlow {
  readonly id: Exclude<SignInFlow, 'auto'>;
  /** How the output channel names the flow. */
  readonly label: string;
  /** Where the flow can work when the person did not choose it. */
  readonly runsOn: readonly ExtensionHostKind[];
  /** The button that offers this flow after an earlier one failed, and the question that goes with it (none: never offered). */
  readonly offer?: { button: string; question(failure: string): string };
  trigger(request: SignInFlowRequest): Promise<AuthenticationResult>;
}

/** Authorization code + PKCE: MSAL listens on http://localhost, the browser comes back to it with the code. */
class LoopbackFlow implements InteractiveFlow {
  readonly id = 'authorizationCode';
  readonly runsOn: readonly ExtensionHostKind[] = ['desktop'];
  get label(): string {
    return vscode.l10n.t('browser, authorization code + PKCE');
  }

  trigger({ client, scopes, timeoutMs, protocol }: SignInFlowRequest): Promise<AuthenticationResult> {
    const title = protocol
      ? vscode.l10n.t('Signing in to Microsoft for {0}: complete the sign-in in your browser…', protocol)
      : vscode.l10n.t('Signing in to Microsoft: complete the sign-in in your browser…');
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return client.signInWithBrowser(scopes, {
          signal: controller.signal,
          timeoutMs,
          successPage: page(vscode.l10n.t('You are signed in'), vscode.l10n.t('Mail OAuth Debugger has your token. You can close this tab and return to VS Code.')),
          errorPage: page(vscode.l10n.t('Sign-in did not complete'), vscode.l10n.t('Return to VS Code: it shows what the identity platform answered and what to change.')),
          openBrowser: async (url) => {
            const opened = await vscode.env.openExternal(vscode.Uri.parse(url, true));
            if (!opened) throw authFailure('browserNotOpened', {}, 'browser not opened');
          },
        });
      }),
    );
  }
}

/** Device code: the person enters a code on the verification page, on this or any other device. */
class DeviceCodeFlow implements InteractiveFlow {
  readonly id = 'deviceCode';
  readonly runsOn: readonly ExtensionHostKind[] = ['desktop', 'remote', 'web'];
  get label(): string {
    return vscode.l10n.t('device code');
  }
  get offer() {
    return { button: vscode.l10n.t('Use Device Code'), question: (failure: string) => vscode.l10n.t('{0} Sign in with a device code instead?', failure) };
  }

  trigger({ client, scopes, timeoutMs, protocol }: SignInFlowRequest): Promise<AuthenticationResult> {
    const title = protocol ? vscode.l10n.t('Signing in to Microsoft for {0} with a device code', protocol) : vscode.l10n.t('Signing in to Microsoft with a device code');
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        progress.report({ message: vscode.l10n.t('asking for a code…') });
        // The code's notification outlives the flow (VS Code cannot close it): its buttons then say how it ended.
        const state: { ended?: string } = {};
        try {
          const result = await client.signInWithDeviceCode(scopes, {
            signal: controller.signal,
            timeoutMs,
            onCode: (info) => {
              progress.report({ message: vscode.l10n.t('enter the code {0} at {1} (waiting…)', info.userCode, info.verificationUri) });
              void showDeviceCode(info, controller, state);
            },
          });
          const user = result.account?.username;
          state.ended = user ? vscode.l10n.t('the sign-in as {0} has completed', user) : vscode.l10n.t('the sign-in has completed');
          return result;
        } catch (e) {
          state.ended = controller.signal.aborted ? vscode.l10n.t('the sign-in was cancelled') : vscode.l10n.t('the sign-in with it has ended');
          throw e;
        }
      }),
    );
  }
}

/** The code's notification; `state.ended` says how the flow ended once it has (empty while it runs). */
export async function showDeviceCode(info: Pick<DeviceCodeInfo, 'userCode' | 'verificationUri'>, controller: AbortController, state: { ended?: string }): Promise<void> {
  const copyOpen = vscode.l10n.t('Copy Code & Open Page');
  const cancel = vscode.l10n.t('Cancel Sign-In');
  const pick = await vscode.window.showInformationMessage(vscode.l10n.t('To sign in, open {0} and enter the code {1}.', info.verificationUri, info.userCode), copyOpen, cancel);
  if (pick && state.ended) {
    // A button of a notification left from a finished flow: a dead code is not copied, nothing is cancelled.
    void vscode.window.showInformationMessage(vscode.l10n.t('The code {0} is no longer needed: {1}.', info.userCode, state.ended));
  } else if (pick === copyOpen) {
    await vscode.env.clipboard.writeText(info.userCode);
    await vscode.env.openExternal(vscode.Uri.parse(info.verificationUri, true));
  } else if (pick === cancel) {
    controller.abort();
  }
}

/** Every flow, in the order they are tried. */
const FLOWS: readonly InteractiveFlow[] = [new LoopbackFlow(), new DeviceCodeFlow()];

/** Where this extension host runs. */
export function extensionHostKind(): ExtensionHostKind {
  if (vscode.env.uiKind === vscode.UIKind.Web) return 'web';
  return vscode.env.remoteName ? 'remote' : 'desktop';
}

/** The flows to try for a sign-in, in order (flowChoice.ts says which). */
export function signInFlows(query: FlowQuery): InteractiveFlow[] {
  return chooseFlows(FLOWS, query);
}

/** The loopback's reply page, shown in the browser: the texts are the extension's own, escaped anyway. */
export function page(title: string, text: string): string {
  const t = escapeHtml(title);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${t} — Mail OAuth Debugger</title><style>body{font-family:system-ui,sans-serif;margin:15vh auto;max-width:34em;text-align:center;color:#333}h1{font-weight:500}</style></head><body><h1>${t}</h1><p>${escapeHtml(text)}</p></body></html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
