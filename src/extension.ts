// Entry point: wiring only. activate() registers the extension's commands, views and providers.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { MailAuthenticationProvider, PROVIDER_ID, providerLabel } from './auth/authProvider';
import { pickTokenForEncode, registerAccountCommands } from './commands/accountCommands';
import { OIDC_PROVIDER_ID, OidcAuthenticationProvider, oidcProviderLabel } from './auth/oidc/oidcAuthProvider';
import { registerOidcCommands } from './commands/oidcCommands';
import { consoleAccounts as combinedAccounts } from './console/consoleAccounts';
import { registerDecodeCommands } from './commands/decode';
import { registerConsole } from './console/registerConsole';
import { registerSnippetCommands } from './commands/snippetCommands';
import { allowTokenHostForSession } from './console/tokenHostConsent';
import { registerEncodeCommands } from './commands/encode';
import { registerSampleLogCommand } from './commands/sampleLog';
import { registerLogCommands } from './hover/logCommands';
import { LogDiagnostics } from './hover/logDiagnostics';
import { logDocumentSelector } from './hover/logDocuments';
import { LogHoverProvider, RevealedBlobs } from './hover/logHoverProvider';
import { AccountsView } from './views/accountsView';
import { DECODED_SCHEME, DecodedViewProvider } from './views/decodedView';
import { LOGS_SECTION } from './settings';
import { ProxyManager } from './proxy/proxyManager';
import { registerProxyCommands } from './proxy/proxyCommands';
import { ProxyView } from './views/proxyView';

/** Handed to the integration tests only (extension mode Test): where the extension keeps what it stores. */
export interface TestHooks {
  secrets: vscode.SecretStorage;
  logUri: vscode.Uri;
  globalStorageUri: vscode.Uri;
  storageUri: vscode.Uri | undefined;
  /** The Accounts view, whose own nodes the token commands take (as its context menu passes them). */
  accounts: AccountsView;
  /** What "Send, and Don't Ask Again This Session" does: tests cannot answer modal dialogs. */
  allowTokenHostForSession: (host: string) => void;
  /** The capture proxies of this window (their connections and transcripts). */
  proxies: ProxyManager;
  /** The OpenID provider (its stored sessions, for the checks that tokens stay in SecretStorage). */
  oidc: OidcAuthenticationProvider;
}

export function activate(context: vscode.ExtensionContext): TestHooks | undefined {
  // Code that cannot import `vscode` (core, hover Markdown) translates with @vscode/l10n: give it VS Code's
  // bundle for the display language (undefined in English, where the source strings are the text).
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const decodedView = new DecodedViewProvider();
  const revealed = new RevealedBlobs();
  const hover = new LogHoverProvider(revealed);
  let hoverRegistration = vscode.languages.registerHoverProvider(logDocumentSelector(), hover);
  const auth = new MailAuthenticationProvider(context);
  const oidc = new OidcAuthenticationProvider(context.secrets);
  const accounts = new AccountsView(auth, oidc);
  accounts.createView(); // disposed with `accounts`
  const consoleAccounts = combinedAccounts(auth, oidc);
  const proxies = new ProxyManager(context, (account, scopes) => consoleAccounts.token(account, scopes));
  const proxyView = new ProxyView(proxies);

  context.subscriptions.push(
    decodedView,
    vscode.workspace.registerTextDocumentContentProvider(DECODED_SCHEME, decodedView),
    ...registerEncodeCommands(context, decodedView, (title) => pickTokenForEncode(auth, oidc, title)),
    ...registerDecodeCommands(decodedView),
    registerSampleLogCommand(),
    ...registerLogCommands(decodedView, revealed),
    new LogDiagnostics(),
    auth,
    vscode.authentication.registerAuthenticationProvider(PROVIDER_ID, providerLabel(), auth, { supportsMultipleAccounts: true }),
    oidc,
    vscode.authentication.registerAuthenticationProvider(OIDC_PROVIDER_ID, oidcProviderLabel(), oidc, { supportsMultipleAccounts: true }),
    ...registerOidcCommands(oidc),
    accounts,
    ...registerAccountCommands(auth, accounts, decodedView, context.extensionUri, oidc),
    ...registerConsole(context.extensionUri, consoleAccounts),
    ...registerSnippetCommands(auth, decodedView),
    proxies,
    proxyView,
    ...registerProxyCommands(proxies, proxyView, () => consoleAccounts.usernames()),
    { dispose: () => hoverRegistration.dispose() },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(LOGS_SECTION)) return;
      hoverRegistration.dispose();
      hoverRegistration = vscode.languages.registerHoverProvider(logDocumentSelector(), hover);
    }),
  );
  // Never in normal use: other extensions can read an extension's exports.
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return { secrets: context.secrets, logUri: context.logUri, globalStorageUri: context.globalStorageUri, storageUri: context.storageUri, accounts, allowTokenHostForSession, proxies, oidc };
}

export function deactivate(): void {}
