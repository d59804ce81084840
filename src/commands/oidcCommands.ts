// The OpenID provider commands: sign in at a configured provider, and its client secret (Google's "Desktop
// app" clients and confidential clients have one) entered through a password box into SecretStorage, or
// removed. No argument can set a secret, and none of these commands returns a token to its caller.
import * as vscode from 'vscode';
import { OidcAuthenticationProvider } from '../auth/oidc/oidcAuthProvider';
import { OidcError } from '../auth/oidc/oidcErrors';
import { OIDC_SETTING, OidcProviderConfig } from '../auth/oidc/oidcSettings';
import { logError } from '../outputChannel';
import { openSettings, OIDC_SECTION } from '../settings';

export function registerOidcCommands(oidc: OidcAuthenticationProvider): vscode.Disposable[] {
  const run = (id: string, fn: (arg?: unknown) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, async (arg?: unknown) => {
      try {
        return await fn(arg);
      } catch (err) {
        if (err instanceof OidcError) {
          if (err.code !== 'cancelled' && !oidc.wasShown(err)) void oidc.showFailure(err);
        } else {
          logError(id, err);
          void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));
        }
        return undefined;
      }
    });

  return [
    // Returns the account's name (for tests and other commands), never its token.
    run('mailOAuth.oidc.signIn', async (arg) => {
      const p = await chooseProvider(oidc, providerArg(arg), vscode.l10n.t('Sign in to which OpenID provider?'));
      if (!p) return undefined;
      const flow = typeof arg === 'object' && arg !== null && (arg as { flow?: unknown }).flow;
      const only = flow === 'authorizationCode' || flow === 'deviceCode' || flow === 'clientCredentials' ? flow : undefined;
      const s = await oidc.signIn(p.id, undefined, undefined, only);
      return s.accountLabel;
    }),
    run('mailOAuth.oidc.setClientSecret', async (arg) => {
      const p = await chooseProvider(oidc, providerArg(arg), vscode.l10n.t('Set the client secret of which OpenID provider?'));
      if (!p) return;
      const secret = await vscode.window.showInputBox({
        title: vscode.l10n.t('Client secret of {0} (client ID {1})', p.label, p.clientId),
        prompt:
          p.preset === 'google'
            ? vscode.l10n.t('The client secret of the OAuth client (Google Cloud console → APIs & Services → Credentials → your Desktop app client). Kept in the secret storage only.')
            : vscode.l10n.t('The client secret of the client (for Keycloak: Clients → your client → Credentials). Kept in the secret storage only.'),
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim().length < 4 ? vscode.l10n.t('Paste the client secret.') : /\s/.test(v.trim()) ? vscode.l10n.t('A client secret has no spaces or line breaks.') : undefined),
      });
      if (!secret) return;
      await oidc.setClientSecret(p.id, secret.trim());
      void vscode.window.showInformationMessage(vscode.l10n.t('The client secret of {0} is stored in the secret storage.', p.label));
    }),
    run('mailOAuth.oidc.clearClientSecret', async (arg) => {
      const a = typeof arg === 'object' && arg !== null ? (arg as { confirmed?: unknown }) : {};
      const p = await chooseProvider(oidc, providerArg(arg), vscode.l10n.t('Remove the client secret of which OpenID provider?'));
      if (!p) return false;
      if (!(await oidc.clientSecret(p.id))) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No client secret is stored for {0}; there is nothing to remove.', p.label));
        return false;
      }
      if (a.confirmed !== true) {
        const remove = vscode.l10n.t('Remove');
        const question = vscode.l10n.t('Remove the client secret of {0} from the secret storage?', p.label);
        const detail = vscode.l10n.t('It cannot be shown again: to sign in later, enter it again with "Set Client Secret for OpenID Provider…".');
        if ((await vscode.window.showWarningMessage(question, { modal: true, detail }, remove)) !== remove) return false;
      }
      await oidc.setClientSecret(p.id, undefined);
      void vscode.window.showInformationMessage(vscode.l10n.t('The client secret of {0} was removed from the secret storage.', p.label));
      return true;
    }),
  ];
}

/** The provider id a caller named ({ provider: "google" } or "google"); anything else is asked. */
function providerArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const v = typeof arg === 'object' && arg !== null ? (arg as { provider?: unknown }).provider : undefined;
  return typeof v === 'string' ? v : undefined;
}

async function chooseProvider(oidc: OidcAuthenticationProvider, id: string | undefined, title: string): Promise<OidcProviderConfig | undefined> {
  const providers = oidc.providers();
  if (id) return oidc.provider(id);
  if (!providers.length) {
    const open = vscode.l10n.t('Open Settings');
    const pick = await vscode.window.showInformationMessage(
      vscode.l10n.t('No OpenID provider is configured: add one to {0} in your user settings (for Google: {1}).', OIDC_SETTING, '{ "id": "google", "preset": "google", "clientId": "…" }'),
      open,
    );
    if (pick === open) await openSettings(OIDC_SECTION);
    return undefined;
  }
  if (providers.length === 1) return providers[0];
  return (
    await vscode.window.showQuickPick(
      providers.map((p) => ({ label: p.label, description: p.id, detail: p.issuer, p })),
      { title, ignoreFocusOut: true },
    )
  )?.p;
}
