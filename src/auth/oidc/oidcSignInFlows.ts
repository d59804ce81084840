// The OpenID sign-in flows as small objects, like the Microsoft ones (signInFlows.ts): authorization code
// with PKCE in the browser (vscode.env.openExternal, loopback redirect), device code, and client credentials.
// Each owns its progress notification and is cancellable; the provider tries them in the order
// oidcSettings.chooseOidcFlows gives and offers the next one when a flow could not work here.
import * as vscode from 'vscode';
import { page, showDeviceCode } from '../signInFlows';
import { OidcClient, OidcTokens } from './oidcClient';
import { OidcError } from './oidcErrors';
import type { OidcFlowId } from './oidcSettings';

export interface OidcFlowRequest {
  client: OidcClient;
  scopes: string[];
  /** The provider's label as the person knows it ("Google"). */
  providerLabel: string;
  timeoutMs: number;
  loginHint?: string;
}

export interface OidcFlow {
  readonly id: OidcFlowId;
  /** The button that offers this flow after an earlier one failed, and the question that goes with it (none: never offered). */
  readonly offer?: { button: string; question(failure: string): string };
  trigger(request: OidcFlowRequest): Promise<OidcTokens>;
}

function withCancellableProgress<T>(title: string, run: (signal: AbortSignal, progress: vscode.Progress<{ message?: string }>) => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return run(controller.signal, progress);
    }),
  );
}

class BrowserFlow implements OidcFlow {
  readonly id = 'authorizationCode';
  get offer() {
    return { button: vscode.l10n.t('Use the Browser'), question: (failure: string) => vscode.l10n.t('{0} Sign in through the browser instead?', failure) };
  }

  trigger({ client, scopes, providerLabel, timeoutMs, loginHint }: OidcFlowRequest): Promise<OidcTokens> {
    return withCancellableProgress(vscode.l10n.t('Signing in to {0}: complete the sign-in in your browser…', providerLabel), (signal) =>
      client.signInWithBrowser({
        scopes,
        signal,
        timeoutMs,
        ...(loginHint ? { loginHint } : {}),
        pages: {
          success: page(vscode.l10n.t('You are signed in'), vscode.l10n.t('Mail OAuth Debugger has your token. You can close this tab and return to VS Code.')),
          failure: page(vscode.l10n.t('Sign-in did not complete'), vscode.l10n.t('Return to VS Code: it shows what the provider answered and what to change.')),
        },
        openBrowser: async (url) => {
          const opened = await vscode.env.openExternal(vscode.Uri.parse(url.href, true));
          if (!opened) throw new OidcError('browser-not-opened', {});
        },
      }),
    );
  }
}

class DeviceCodeFlow implements OidcFlow {
  readonly id = 'deviceCode';
  get offer() {
    return { button: vscode.l10n.t('Use Device Code'), question: (failure: string) => vscode.l10n.t('{0} Sign in with a device code instead?', failure) };
  }

  trigger({ client, scopes, providerLabel }: OidcFlowRequest): Promise<OidcTokens> {
    return withCancellableProgress(vscode.l10n.t('Signing in to {0} with a device code', providerLabel), async (signal, progress) => {
      progress.report({ message: vscode.l10n.t('asking for a code…') });
      const controller = new AbortController();
      signal.addEventListener('abort', () => controller.abort(), { once: true });
      const state: { ended?: string } = {};
      try {
        const tokens = await client.signInWithDeviceCode(
          scopes,
          (p) => {
            progress.report({ message: vscode.l10n.t('enter the code {0} at {1} (waiting…)', p.userCode, p.verificationUri) });
            void showDeviceCode(p, controller, state);
          },
          controller.signal,
        );
        state.ended = tokens.username ? vscode.l10n.t('the sign-in as {0} has completed', tokens.username) : vscode.l10n.t('the sign-in has completed');
        return tokens;
      } catch (e) {
        state.ended = controller.signal.aborted ? vscode.l10n.t('the sign-in was cancelled') : vscode.l10n.t('the sign-in with it has ended');
        throw e;
      }
    });
  }
}

class ClientCredentialsFlow implements OidcFlow {
  readonly id = 'clientCredentials';
  trigger({ client, scopes, providerLabel }: OidcFlowRequest): Promise<OidcTokens> {
    // No user and no openid scope: an app token is not an ID token's business.
    const appScopes = scopes.filter((s) => s !== 'openid' && s !== 'offline_access' && s !== 'email' && s !== 'profile');
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Getting an app token from {0} (client credentials)', providerLabel) }, () =>
        client.clientCredentials(appScopes),
      ),
    );
  }
}

const FLOWS: Record<OidcFlowId, OidcFlow> = { authorizationCode: new BrowserFlow(), deviceCode: new DeviceCodeFlow(), clientCredentials: new ClientCredentialsFlow() };

export function oidcFlow(id: OidcFlowId): OidcFlow {
  return FLOWS[id];
}
