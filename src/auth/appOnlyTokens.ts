// App-only tokens (OAuth client credentials) for Exchange Online IMAP, POP and SMTP, which accept them
// since 2022 (roles IMAP.AccessAsApp, POP.AccessAsApp, SMTP.SendAsApp). The client secret or certificate
// key is kept in SecretStorage only; the tokens in memory only (they are re-acquired from the credential).
import * as vscode from 'vscode';
import { output } from '../outputChannel';
import { acquireAppToken, AppCredential } from './appCredential';
import { authSettings } from '../settings';
import { authFailure } from './authErrors';
import { AuthConfig, checkClientId } from './authConfig';
import { appScopes } from './scopes';

export interface AppToken {
  clientId: string;
  accessToken: string;
  expiresOn: Date | null;
  scopes: string[];
}

export class AppOnlyTokens implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private current: AppToken | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly settings: () => { config: AuthConfig; extraCaPem: string[] },
  ) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key.startsWith('mailOAuth.appCredential.')) {
        this.current = undefined;
        this.changed.fire();
      }
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  /** The app registration used for client credentials: mailOAuth.auth.appClientId, else the client ID. */
  clientId(): string {
    return authSettings().appClientId || this.settings().config.clientId;
  }

  private key(clientId: string): string {
    return `mailOAuth.appCredential.${clientId}`;
  }

  async credential(clientId = this.clientId()): Promise<AppCredential | undefined> {
    const raw = await this.secrets.get(this.key(clientId));
    return raw ? (JSON.parse(raw) as AppCredential) : undefined;
  }

  async setCredential(credential: AppCredential, clientId = this.clientId()): Promise<void> {
    const problem = checkClientId(clientId);
    if (problem) throw authFailure('appClientId', { text: problem.message }, problem.message);
    await this.secrets.store(this.key(clientId), JSON.stringify(credential));
    this.current = undefined;
    this.changed.fire();
  }

  async removeCredential(clientId = this.clientId()): Promise<void> {
    await this.secrets.delete(this.key(clientId));
    this.current = undefined;
    this.changed.fire();
  }

  /** The token acquired last (in memory), if any. */
  get token(): AppToken | undefined {
    return this.current;
  }

  /** Acquires an app-only token for https://outlook.office365.com/.default from the stored credential. */
  async acquire(forceRefresh = false): Promise<AppToken> {
    const { config, extraCaPem } = this.settings();
    const clientId = this.clientId();
    const credential = await this.credential(clientId);
    if (!credential) {
      throw authFailure('noAppCredential', { clientId }, 'no credential');
    }
    const scopes = appScopes(config.appResource);
    const result = await acquireAppToken(config, clientId, credential, extraCaPem, forceRefresh);
    this.current = { clientId, accessToken: result.accessToken, expiresOn: result.expiresOn, scopes };
    output().info(vscode.l10n.t('App-only token acquired for the app {0} ({1}).', clientId, scopes.join(' ')));
    this.changed.fire();
    return this.current;
  }

  forget(): void {
    this.current = undefined;
    this.changed.fire();
  }
}
