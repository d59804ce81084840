// The "Mail OAuth (OpenID)" authentication provider: VS Code sessions for any OpenID Connect provider of
// mailOAuth.oidc.providers (Google, Keycloak, a generic one), so that this extension and others can call
// vscode.authentication.getSession('mail-oauth-oidc', ['provider:<id>', ...scopes]). It stays thin like the
// Microsoft one: the flows are objects in oidcSignInFlows.ts tried in order, the protocol work is
// openid-client's (oidcClient.ts), the sessions live in SecretStorage only (oidcSessionStore.ts).
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { decodeJwt } from 'jose';
import { explain, Finding } from '../../core/explain';
import { redactText } from '../../core/token/redact';
import { output } from '../../outputChannel';
import { authSettings, oidcProvidersSetting, openSettings, OIDC_SECTION } from '../../settings';
import { readExtraCas } from '../authProvider';
import { extensionHostKind } from '../signInFlows';
import { OidcClient, OidcTokens } from './oidcClient';
import { OidcError, oidcErrorOf, withClientSecretHint } from './oidcErrors';
import { coversScopes, OidcSessionStore, StoredOidcSession } from './oidcSessionStore';
import { chooseOidcFlows, clientSecretKey, OidcFlowId, OidcProviderConfig, OidcSettingProblem, parseSessionScopes, PROVIDER_SCOPE_PREFIX, resolveOidcProviders } from './oidcSettings';
import { oidcFlow } from './oidcSignInFlows';

export const OIDC_PROVIDER_ID = 'mail-oauth-oidc';

export function oidcProviderLabel(): string {
  return vscode.l10n.t('Mail OAuth (OpenID)');
}

/** A signed-in account at one provider, with its sessions (one per scope set). */
export interface OidcAccount {
  provider: OidcProviderConfig;
  accountId: string;
  label: string;
  sessions: StoredOidcSession[];
}

/** Renewed this long before the expiry, so a token handed out still works for a login. */
const RENEW_BEFORE_MS = 60_000;
const OIDC_SCOPES = new Set(['openid', 'email', 'profile', 'offline_access']);

export class OidcAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly sessionsChanged = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.sessionsChanged.event;
  private readonly accountsChanged = new vscode.EventEmitter<void>();
  /** Sign-in, sign-out, refresh, settings or another window: the Accounts view reloads. */
  readonly onDidChangeAccounts = this.accountsChanged.event;
  readonly store: OidcSessionStore;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly clients = new Map<string, { key: string; client: Promise<OidcClient> }>();
  /** Refreshes in flight per session: two callers must not spend one (rotating) refresh token twice. */
  private readonly refreshing = new Map<string, Promise<StoredOidcSession | undefined>>();
  /** Setting problems already shown in this window (by message). */
  private readonly problemsShown = new Set<string>();
  private readonly shown = new WeakSet<object>();
  /** Client secrets read in this window: cut from every message, as the sessions' tokens are. */
  private readonly knownSecrets = new Set<string>();

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.store = new OidcSessionStore(secrets);
    this.disposables.push(
      this.sessionsChanged,
      this.accountsChanged,
      this.store,
      this.store.onDidChangeExternally(() => {
        output().info(vscode.l10n.t('OpenID sessions were changed in another window; reloading accounts.'));
        this.sessionsChanged.fire({ added: [], removed: [], changed: [] });
        this.accountsChanged.fire();
      }),
      secrets.onDidChange((e) => {
        if (e.key.startsWith('mailOAuth.oidc.clientSecret.')) this.clients.clear();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(OIDC_SECTION) && !e.affectsConfiguration('mailOAuth.auth')) return;
        this.clients.clear();
        this.reportProblems();
        this.accountsChanged.fire();
      }),
    );
    this.reportProblems();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  // ------------------------------------------------------------------ configuration

  /** The configured providers, in the setting's order (bad entries left out and reported). */
  providers(): OidcProviderConfig[] {
    return resolveOidcProviders(oidcProvidersSetting()).providers;
  }

  provider(id: string): OidcProviderConfig {
    const p = this.providers().find((x) => x.id === id);
    if (!p) throw new OidcError('unknown-provider', { provider: id });
    return p;
  }

  /** Says what is wrong with the setting, once per problem and window, naming the entry and the field. */
  reportProblems(): OidcSettingProblem[] {
    const { problems } = resolveOidcProviders(oidcProvidersSetting());
    const fresh = problems.filter((p) => !this.problemsShown.has(p.message));
    for (const p of fresh) {
      this.problemsShown.add(p.message);
      output().warn(p.message);
    }
    if (fresh.length) {
      const open = vscode.l10n.t('Open Settings');
      const text = fresh.length === 1 ? fresh[0]!.message : vscode.l10n.t('{0} (and {1} more problems of mailOAuth.oidc.providers in the output channel)', fresh[0]!.message, fresh.length - 1);
      void Promise.resolve(vscode.window.showWarningMessage(text, open)).then((pick) => (pick === open ? openSettings(OIDC_SECTION) : undefined));
    }
    return problems;
  }

  async clientSecret(providerId: string): Promise<string | undefined> {
    return (await this.secrets.get(clientSecretKey(providerId))) || undefined;
  }

  async setClientSecret(providerId: string, secret: string | undefined): Promise<void> {
    if (secret) await this.secrets.store(clientSecretKey(providerId), secret);
    else await this.secrets.delete(clientSecretKey(providerId));
    this.clients.delete(providerId);
  }

  /** The openid-client configuration for the provider (discovery once per settings, secret and CAs). */
  private async client(p: OidcProviderConfig): Promise<OidcClient> {
    const secret = await this.clientSecret(p.id);
    if (secret) this.knownSecrets.add(secret);
    const { extraCaCertificates, networkTimeoutMs } = authSettings();
    const secretHash = secret ? crypto.createHash('sha256').update(secret).digest('hex') : '';
    const key = JSON.stringify([p, secretHash, extraCaCertificates, networkTimeoutMs]);
    const cached = this.clients.get(p.id);
    if (cached?.key === key) return cached.client;
    const client = OidcClient.create({
      issuer: p.issuer,
      ...(p.endpoints ? { endpoints: p.endpoints } : {}),
      clientId: p.clientId,
      ...(secret ? { clientSecret: secret } : {}),
      authorizationParameters: p.authorizationParameters,
      extraCaPem: readExtraCas(extraCaCertificates),
      timeoutMs: networkTimeoutMs,
      allowHttp: p.allowHttp,
    });
    this.clients.set(p.id, { key, client });
    // A failed discovery is tried again next time (the network or the settings may be fixed by then).
    client.catch(() => this.clients.get(p.id)?.client === client && this.clients.delete(p.id));
    return client;
  }

  // ------------------------------------------------------------------ accounts and tokens

  /** The signed-in accounts of every configured provider (or of one), grouped by account. */
  async accounts(providerId?: string): Promise<OidcAccount[]> {
    const out: OidcAccount[] = [];
    for (const provider of this.providers()) {
      if (providerId && provider.id !== providerId) continue;
      for (const s of await this.store.list(provider.id)) {
        const a = out.find((x) => x.provider.id === provider.id && x.accountId === s.accountId);
        if (a) a.sessions.push(s);
        else out.push({ provider, accountId: s.accountId, label: s.accountLabel, sessions: [s] });
      }
    }
    return out;
  }

  /**
   * The session with a token that works for at least a minute: as stored, or renewed silently. A session
   * the provider refused to renew (revoked, expired) is removed and the person told why; on a network
   * failure it stays and undefined is returned.
   */
  async fresh(s: StoredOidcSession, force = false): Promise<StoredOidcSession | undefined> {
    if (!force && (s.expiresOn === undefined || s.expiresOn - RENEW_BEFORE_MS > Date.now())) return s;
    const running = this.refreshing.get(s.id);
    if (running) return running;
    const run = this.renew(s).finally(() => this.refreshing.delete(s.id));
    this.refreshing.set(s.id, run);
    return run;
  }

  private async renew(s: StoredOidcSession): Promise<StoredOidcSession | undefined> {
    const provider = this.providers().find((p) => p.id === s.providerId);
    if (!provider) return undefined;
    const who = { user: s.accountLabel, provider: provider.label };
    if (s.flow !== 'clientCredentials' && !s.refreshToken) {
      await this.drop(s, new OidcError('no-refresh-token', who));
      return undefined;
    }
    let tokens: OidcTokens;
    try {
      const client = await this.client(provider);
      tokens = s.flow === 'clientCredentials' ? await client.clientCredentials(s.scopes.filter((x) => !OIDC_SCOPES.has(x))) : await client.refresh(s.refreshToken!, s.scopes);
    } catch (err) {
      const e = oidcErrorOf(err, 'refresh', provider.issuer);
      // The provider's own "no" ends the session; anything else (network, timeout) may pass.
      if (e.code === 'oauth-error') {
        await this.drop(
          s,
          new OidcError('session-ended', {
            ...who,
            detail: this.safe(e.message, s),
            ...(e.params.error ? { error: e.params.error } : {}),
            ...(e.params.description ? { description: e.params.description } : {}),
          }),
        );
      } else {
        output().warn(vscode.l10n.t('The token of {0} at {1} could not be renewed now: {2}', s.accountLabel, provider.label, this.safe(e.message, s)));
      }
      return undefined;
    }
    const next: StoredOidcSession = {
      ...s,
      accessToken: tokens.accessToken,
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
      grantedScopes: tokens.scopes,
      ...(tokens.expiresOn ? { expiresOn: tokens.expiresOn.getTime() } : {}),
    };
    if (!tokens.expiresOn) delete next.expiresOn;
    await this.store.update(s.providerId, (all) => all.map((x) => (x.id === s.id ? next : x)));
    output().info(vscode.l10n.t('Renewed the token of {0} at {1}.', s.accountLabel, provider.label));
    this.accountsChanged.fire();
    this.sessionsChanged.fire({ added: [], removed: [], changed: [toVsSession(next)] });
    return next;
  }

  /** Removes a session that cannot be renewed and says why (with the explanation, if there is one). */
  private async drop(s: StoredOidcSession, why: OidcError): Promise<void> {
    await this.store.update(s.providerId, (all) => all.filter((x) => x.id !== s.id));
    this.sessionsChanged.fire({ added: [], removed: [toVsSession(s)], changed: [] });
    this.accountsChanged.fire();
    void this.showFailure(why, s);
  }

  /**
   * A token of the account for the scopes (the provider's own scopes when none are given): from a stored
   * session, renewed when needed, or after a new sign-in.
   */
  async tokenFor(providerId: string, accountId: string | undefined, scopes?: readonly string[], force = false): Promise<StoredOidcSession> {
    const provider = this.provider(providerId);
    const wanted = scopes?.length ? [...scopes] : provider.scopes;
    const accounts = await this.accounts(providerId);
    // No account named: the first one that has a session for these scopes (else a new sign-in).
    const account = accountId ? accounts.find((a) => a.accountId === accountId) : (accounts.find((a) => a.sessions.some((x) => coversScopes(x, wanted))) ?? accounts[0]);
    if (accountId && !account) throw new OidcError('account-gone', { user: accountId, provider: provider.label });
    for (const s of account?.sessions.filter((x) => coversScopes(x, wanted)) ?? []) {
      const f = await this.fresh(s, force);
      if (f) return f;
    }
    return this.signIn(providerId, wanted, account?.label);
  }

  // ------------------------------------------------------------------ vscode.AuthenticationProvider

  async getSessions(scopes?: readonly string[], options?: vscode.AuthenticationProviderSessionOptions): Promise<vscode.AuthenticationSession[]> {
    const wanted = parseSessionScopes(scopes);
    const providers = this.providers().filter((p) => !wanted.providerId || p.id === wanted.providerId);
    const out: vscode.AuthenticationSession[] = [];
    for (const p of providers) {
      for (const s of await this.store.list(p.id)) {
        if (options?.account && options.account.id !== accountKey(s) && options.account.label.toLowerCase() !== s.accountLabel.toLowerCase()) continue;
        if (!coversScopes(s, wanted.scopes)) continue;
        const f = await this.fresh(s);
        if (f) out.push(toVsSession(f, scopes));
      }
    }
    return out;
  }

  async createSession(scopes: readonly string[], options?: vscode.AuthenticationProviderSessionOptions): Promise<vscode.AuthenticationSession> {
    const wanted = parseSessionScopes(scopes);
    const providers = this.providers();
    const id = wanted.providerId ?? (providers.length === 1 ? providers[0]!.id : undefined);
    if (!id) {
      const e = new OidcError('choose-provider', {});
      void this.showFailure(e);
      throw e;
    }
    const s = await this.signIn(id, wanted.scopes, options?.account?.label);
    return toVsSession(s, scopes);
  }

  async removeSession(sessionId: string): Promise<void> {
    for (const p of this.providers()) {
      const s = (await this.store.list(p.id)).find((x) => x.id === sessionId);
      if (!s) continue;
      await this.store.update(p.id, (all) => all.filter((x) => x.id !== sessionId));
      this.sessionsChanged.fire({ added: [], removed: [toVsSession(s)], changed: [] });
      this.accountsChanged.fire();
      return;
    }
  }

  /** Removes every session of the account at the provider; returns its label, if it was signed in. */
  async signOut(providerId: string, accountId: string): Promise<string | undefined> {
    const gone = (await this.store.list(providerId)).filter((s) => s.accountId === accountId);
    if (!gone.length) return undefined;
    await this.store.update(providerId, (all) => all.filter((s) => s.accountId !== accountId));
    this.sessionsChanged.fire({ added: [], removed: gone.map((s) => toVsSession(s)), changed: [] });
    this.accountsChanged.fire();
    output().info(vscode.l10n.t('Signed out {0} at {1}.', gone[0]!.accountLabel, providerId));
    return gone[0]!.accountLabel;
  }

  // ------------------------------------------------------------------ sign-in

  /**
   * Signs in at the provider: its flows in order; when one could not work here (the browser did not come
   * back, no device endpoint) the next is offered. Failures are shown with their explanation.
   */
  async signIn(providerId: string, scopes?: readonly string[], loginHint?: string, only?: OidcFlowId): Promise<StoredOidcSession> {
    let provider: OidcProviderConfig;
    let client: OidcClient;
    let flows: OidcFlowId[];
    let secret: string | undefined;
    try {
      provider = this.provider(providerId);
      client = await this.client(provider);
      secret = await this.clientSecret(provider.id);
      // Asked for by name, Google's device flow would be refused for the Gmail scope: say so before asking Google.
      if (only === 'deviceCode' && !provider.deviceCodeAllowed) throw new OidcError('device-scope-refused', {});
      flows = only ? [only] : chooseOidcFlows(provider, extensionHostKind(), !!secret);
      // The default order drops a device code the provider does not offer; a listed one fails and says so.
      if (!only && !provider.flows) flows = flows.filter((f) => f !== 'deviceCode' || client.supportsDeviceCode());
      if (!flows.length) throw new OidcError('no-flow', { provider: provider.label });
    } catch (err) {
      const e = oidcErrorOf(err, 'discovery');
      void this.showFailure(e);
      throw e;
    }
    // Sign-in scopes: the provider's OpenID scopes (the account's name comes from the ID token) plus the ones asked for.
    const asked = scopes?.length ? [...scopes] : provider.scopes;
    const signInScopes = [...new Set([...provider.scopes.filter((s) => OIDC_SCOPES.has(s)), ...asked])];
    const timeoutMs = authSettings().interactiveTimeoutMs;
    for (let i = 0; i < flows.length; i++) {
      const flowId = flows[i]!;
      const flow = oidcFlow(flowId);
      output().info(vscode.l10n.t('Signing in to {0} ({1}) with the flow {2}.', provider.label, provider.issuer, flowId));
      try {
        const tokens = await flow.trigger({ client, scopes: signInScopes, providerLabel: provider.label, timeoutMs, ...(loginHint ? { loginHint } : {}) });
        return await this.keep(provider, flowId, signInScopes, tokens);
      } catch (err) {
        const e = withClientSecretHint(
          oidcErrorOf(err, flowId === 'deviceCode' ? 'device-code' : flowId === 'clientCredentials' ? 'client-credentials' : 'authorization-code', provider.issuer),
          provider,
          !!secret,
        );
        const next = flows[i + 1] ? oidcFlow(flows[i + 1]!) : undefined;
        if (next?.offer && (e.code === 'browser-timeout' || e.code === 'browser-not-opened' || e.code === 'no-device-endpoint')) {
          output().warn(e.message);
          if ((await vscode.window.showWarningMessage(next.offer.question(e.message), next.offer.button)) === next.offer.button) continue;
          this.shown.add(e);
        } else if (e.code !== 'cancelled') {
          void this.showFailure(e);
        }
        throw e;
      }
    }
    throw new OidcError('cancelled', {});
  }

  /** Stores the tokens as the account's session for these scopes (replacing an older one of the same scopes). */
  private async keep(provider: OidcProviderConfig, flow: OidcFlowId, scopes: string[], tokens: OidcTokens): Promise<StoredOidcSession> {
    const who = accountOf(provider, tokens, flow);
    const key = [...scopes].sort().join(' ');
    const session: StoredOidcSession = {
      id: crypto.randomUUID(),
      providerId: provider.id,
      accountId: who.id,
      accountLabel: who.label,
      scopes,
      grantedScopes: tokens.scopes,
      accessToken: tokens.accessToken,
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
      ...(tokens.expiresOn ? { expiresOn: tokens.expiresOn.getTime() } : {}),
      flow,
    };
    let replaced: StoredOidcSession | undefined;
    await this.store.update(provider.id, (all) => {
      replaced = all.find((s) => s.accountId === session.accountId && [...s.scopes].sort().join(' ') === key);
      return [...all.filter((s) => s !== replaced), session];
    });
    output().info(vscode.l10n.t('Signed in {0} at {1}.', session.accountLabel, provider.label));
    this.sessionsChanged.fire({ added: [toVsSession(session)], removed: replaced ? [toVsSession(replaced)] : [], changed: [] });
    this.accountsChanged.fire();
    return session;
  }

  // ------------------------------------------------------------------ failures

  /** Text with the session's tokens and the client secrets cut down to their first characters. */
  safe(text: string, s?: StoredOidcSession): string {
    return redactText(text, [s?.accessToken, s?.refreshToken, ...this.knownSecrets]);
  }

  wasShown(err: unknown): boolean {
    return typeof err === 'object' && err !== null && this.shown.has(err);
  }

  /** Shows a failure; the provider's words with cause and fix (from the knowledge base) go to the output channel. */
  async showFailure(err: unknown, s?: StoredOidcSession): Promise<void> {
    const e = oidcErrorOf(err, 'discovery');
    if (this.shown.has(e) || e.code === 'cancelled') return;
    this.shown.add(e);
    const message = this.safe(e.message, s);
    const findings = explainOidc(e);
    output().error(describe(message, findings));
    const details = vscode.l10n.t('Show Details');
    const settings = vscode.l10n.t('Open Settings');
    const signInAgain = vscode.l10n.t('Sign In Again');
    const setSecret = vscode.l10n.t('Set Client Secret…');
    const ended = e.code === 'session-ended' || e.code === 'no-refresh-token';
    const needsSecret = e.code === 'client-secret-missing' && !!e.params.providerId;
    const headline = findings[0] ? `${message} ${findings[0].title}` : message;
    const pick = await vscode.window.showErrorMessage(headline, ...(ended && s ? [signInAgain] : []), ...(needsSecret ? [setSecret] : []), details, settings);
    if (pick === details) output().show(true);
    else if (pick === setSecret && needsSecret) await vscode.commands.executeCommand('mailOAuth.oidc.setClientSecret', { provider: e.params.providerId });
    else if (pick === settings) await openSettings(OIDC_SECTION);
    else if (pick === signInAgain && s) await this.signIn(s.providerId, s.scopes, s.accountLabel).catch(() => undefined);
  }
}

/** The knowledge base's explanations of what the provider answered (error and description). */
function explainOidc(e: OidcError): Finding[] {
  const said = [e.params.error, e.params.description].filter(Boolean).join(': ');
  return said ? explain(said) : [];
}

function describe(message: string, findings: Finding[]): string {
  const lines = [message];
  for (const f of findings) {
    lines.push('', `▸ ${f.title}`, `  ${vscode.l10n.t('Cause: {0}', f.cause)}`, `  ${vscode.l10n.t('Fix: {0}', f.fix)}`);
    for (const d of f.docs) lines.push(`  ${d.title}: ${d.url}`);
  }
  return lines.join('\n');
}

/** The account a grant belongs to: the ID token's claims (usernameClaim first), else the access token's. */
export function accountOf(p: OidcProviderConfig, t: OidcTokens, flow: OidcFlowId): { id: string; label: string } {
  if (flow === 'clientCredentials') return { id: `app:${p.clientId}`, label: vscode.l10n.t('App {0}', p.clientId) };
  const claimsOf = (jwt: string | undefined): Record<string, unknown> => {
    if (!jwt) return {};
    try {
      return decodeJwt(jwt) as Record<string, unknown>;
    } catch {
      return {};
    }
  };
  for (const claims of [claimsOf(t.idToken), claimsOf(t.accessToken)]) {
    const name = p.usernameClaims.map((c) => claims[c]).find((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 320);
    const sub = typeof claims.sub === 'string' && claims.sub.length <= 255 ? claims.sub : undefined;
    if (name || sub) return { id: sub ?? name!, label: (name ?? sub!).replace(/[\u0000-\u001f\u007f]/g, '') };
  }
  return { id: `unknown:${p.clientId}`, label: vscode.l10n.t('Account at {0} (no ID token: add the openid scope)', p.label) };
}

function accountKey(s: StoredOidcSession): string {
  return `${s.providerId}:${s.accountId}`;
}

/** The session as VS Code sees it; the scopes are what the caller asked for when it asked. */
function toVsSession(s: StoredOidcSession, requested?: readonly string[]): vscode.AuthenticationSession {
  return {
    id: s.id,
    accessToken: s.accessToken,
    account: { id: accountKey(s), label: s.accountLabel },
    scopes: requested?.length ? [...requested] : [`${PROVIDER_SCOPE_PREFIX}${s.providerId}`, ...s.scopes],
  };
}
