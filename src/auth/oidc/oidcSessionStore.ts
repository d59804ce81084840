// The OpenID sessions (access and refresh tokens, expiry, account) in VS Code's SecretStorage, one key per
// provider, never in settings, global state or logs. What is read back is checked field by field (another
// version or a damaged entry is dropped, not trusted); another window's write is noticed through onDidChange.
import type { SecretStore } from '../secretStorageCachePlugin';

export interface StoredOidcSession {
  /** Random, stable for the session's life. */
  id: string;
  providerId: string;
  /** The ID token's `sub` (else the user name): sessions of the same account share it. */
  accountId: string;
  /** The user name (usernameClaim of the ID token), or `App <clientId>` for client credentials. */
  accountLabel: string;
  /** The OAuth scopes asked for (what getSessions matches). */
  scopes: string[];
  /** What the provider said it granted. */
  grantedScopes: string[];
  accessToken: string;
  refreshToken?: string;
  /** Milliseconds since 1970; undefined when the provider gave no lifetime. */
  expiresOn?: number;
  flow: 'authorizationCode' | 'deviceCode' | 'clientCredentials';
}

const KEY_PREFIX = 'mailOAuth.oidc.sessions.';
/** A stored value larger than this is not ours: dropped rather than parsed. */
const MAX_STORED_CHARS = 4 * 1024 * 1024;
const MAX_SESSIONS = 100;

export function sessionsKey(providerId: string): string {
  return KEY_PREFIX + providerId;
}

export class OidcSessionStore {
  private readonly listeners = new Set<(providerId: string) => void>();
  /** What this window last wrote per key: a change event with the same value is our own write. */
  private readonly lastWritten = new Map<string, string>();
  private readonly subscription: { dispose(): unknown };
  /** Writes per provider, one after the other (read-modify-write must not interleave). */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly secrets: SecretStore) {
    this.subscription = secrets.onDidChange((e) => {
      if (!e.key.startsWith(KEY_PREFIX)) return;
      void this.secrets.get(e.key).then((value) => {
        if (value !== undefined && value === this.lastWritten.get(e.key)) return;
        for (const l of this.listeners) l(e.key.slice(KEY_PREFIX.length));
      });
    });
  }

  /** Another window signed in, out, or refreshed a token of the provider. */
  onDidChangeExternally(listener: (providerId: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  async list(providerId: string): Promise<StoredOidcSession[]> {
    const raw = await this.secrets.get(sessionsKey(providerId));
    return parseStored(raw, providerId);
  }

  /** Applies `change` to the provider's sessions and stores the result. */
  update(providerId: string, change: (sessions: StoredOidcSession[]) => StoredOidcSession[]): Promise<StoredOidcSession[]> {
    const key = sessionsKey(providerId);
    const run = (this.queues.get(key) ?? Promise.resolve())
      .catch(() => undefined)
      .then(async () => {
        const next = change(await this.list(providerId)).slice(-MAX_SESSIONS);
        if (next.length === 0) {
          this.lastWritten.delete(key);
          await this.secrets.delete(key);
        } else {
          const text = JSON.stringify({ version: 1, sessions: next });
          this.lastWritten.set(key, text);
          await this.secrets.store(key, text);
        }
        return next;
      });
    this.queues.set(key, run);
    return run;
  }

  dispose(): void {
    this.subscription.dispose();
    this.listeners.clear();
  }
}

/** The stored sessions of one provider, each checked; anything else is dropped. */
export function parseStored(raw: string | undefined, providerId: string): StoredOidcSession[] {
  if (!raw || raw.length > MAX_STORED_CHARS) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  const d = data as { version?: unknown; sessions?: unknown };
  if (d?.version !== 1 || !Array.isArray(d.sessions)) return [];
  const out: StoredOidcSession[] = [];
  for (const s of d.sessions.slice(0, MAX_SESSIONS)) {
    const v = s as Record<string, unknown>;
    const str = (k: string) => typeof v?.[k] === 'string' && (v[k] as string).length > 0;
    const strings = (k: string) => Array.isArray(v?.[k]) && (v[k] as unknown[]).every((x) => typeof x === 'string');
    if (!str('id') || !str('accountId') || !str('accountLabel') || !str('accessToken') || v.providerId !== providerId || !strings('scopes') || !strings('grantedScopes')) continue;
    if (v.refreshToken !== undefined && !str('refreshToken')) continue;
    if (v.expiresOn !== undefined && (typeof v.expiresOn !== 'number' || !Number.isFinite(v.expiresOn))) continue;
    if (v.flow !== 'authorizationCode' && v.flow !== 'deviceCode' && v.flow !== 'clientCredentials') continue;
    out.push({
      id: v.id as string,
      providerId,
      accountId: v.accountId as string,
      accountLabel: v.accountLabel as string,
      scopes: v.scopes as string[],
      grantedScopes: v.grantedScopes as string[],
      accessToken: v.accessToken as string,
      ...(v.refreshToken ? { refreshToken: v.refreshToken as string } : {}),
      ...(v.expiresOn !== undefined ? { expiresOn: v.expiresOn as number } : {}),
      flow: v.flow,
    });
  }
  return out;
}

/** True if the session asked for every one of the wanted scopes (case-sensitive: OAuth scopes are). */
export function coversScopes(session: StoredOidcSession, wanted: readonly string[]): boolean {
  return wanted.every((s) => session.scopes.includes(s) || session.grantedScopes.includes(s));
}
