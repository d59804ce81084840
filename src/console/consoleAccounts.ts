// The accounts the protocol console (and the capture proxy) offer: Microsoft's by user name, then the
// OpenID providers' as "user · Provider". Which provider a token comes from follows the chosen account;
// the Gmail preset asks the Google OpenID provider, and a host that a provider lists in mailHosts asks
// that provider when no account is chosen.
import * as vscode from 'vscode';
import type { MailAuthenticationProvider } from '../auth/authProvider';
import type { OidcAccount, OidcAuthenticationProvider } from '../auth/oidc/oidcAuthProvider';
import { OidcProviderConfig, providerForHost } from '../auth/oidc/oidcSettings';
import type { OwnAccounts, TokenContext } from './consolePanel';

/** How the console's Account list names an OpenID account (unique: a provider's label is shown with it). */
export function oidcAccountKey(a: Pick<OidcAccount, 'label' | 'provider'>): string {
  return `${a.label} · ${a.provider.label}`;
}

/** The Google provider of the settings: the one with the id "google", else the first with the Google preset. */
export function googleProvider(providers: readonly OidcProviderConfig[]): OidcProviderConfig | undefined {
  return providers.find((p) => p.id === 'google') ?? providers.find((p) => p.preset === 'google');
}

export function consoleAccounts(microsoft: MailAuthenticationProvider, oidc: OidcAuthenticationProvider): OwnAccounts {
  const ms = microsoft.consoleAccounts();
  const oidcAccount = async (key: string) => (key ? (await oidc.accounts()).find((a) => oidcAccountKey(a) === key) : undefined);
  /** The OpenID provider that serves this request, if one does. */
  const oidcTarget = async (account: string, ctx: TokenContext | undefined): Promise<{ provider: OidcProviderConfig; account?: OidcAccount } | 'no-google' | undefined> => {
    const chosen = await oidcAccount(account);
    const providers = oidc.providers();
    if (ctx?.preset === 'gmail') {
      const google = googleProvider(providers);
      if (!google) return 'no-google';
      return chosen?.provider.id === google.id ? { provider: google, account: chosen } : { provider: google };
    }
    if (chosen) return { provider: chosen.provider, account: chosen };
    if (account) return undefined; // a Microsoft account, by name
    const byHost = ctx?.host ? providerForHost(providers, ctx.host) : undefined;
    return byHost ? { provider: byHost } : undefined;
  };
  return {
    usernames: async () => [...(await ms.usernames()), ...(await oidc.accounts()).map(oidcAccountKey)],
    token: async (account, scopes, ctx) => {
      const target = await oidcTarget(account, ctx);
      if (target === 'no-google') {
        throw new Error(
          vscode.l10n.t(
            'Gmail tokens come from Google: add a Google provider to the user setting mailOAuth.oidc.providers ({ "id": "google", "preset": "google", "clientId": "…" }), store its client secret with "Set Client Secret for OpenID Provider…", then connect again. Or paste a token.',
          ),
        );
      }
      if (!target) return ms.token(account, scopes);
      // The provider's own scopes: the console's presets name Microsoft's (or Google's, which the provider has anyway).
      return (await oidc.tokenFor(target.provider.id, target.account?.accountId)).accessToken;
    },
    tokenHosts: async (account, ctx) => {
      const target = await oidcTarget(account, ctx);
      return target && target !== 'no-google' ? target.provider.mailHosts : [];
    },
  };
}
