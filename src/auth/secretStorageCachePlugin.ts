// MSAL's token cache persisted in VS Code's SecretStorage (the OS keychain), never on disk in clear or in
// settings. Another window writing the same key is noticed through onDidChange, so every window reloads
// before its next cache access and can tell its sessions changed.
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';

/** The part of vscode.SecretStorage the plugin uses (so that it is testable in plain Node). */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
  onDidChange(listener: (e: { key: string }) => unknown): { dispose(): unknown };
}

export class SecretStorageCachePlugin implements ICachePlugin {
  /** What this plugin last read or wrote: a change by another window differs from it. */
  private lastKnown: string | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly subscription: { dispose(): unknown };

  constructor(
    private readonly secrets: SecretStore,
    readonly key: string,
  ) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key !== this.key) return;
      void this.secrets.get(this.key).then((value) => {
        if (value === this.lastKnown) return; // our own write
        for (const l of this.listeners) l();
      });
    });
  }

  /** Called when another window (or another instance) changed the stored cache. */
  onDidChangeExternally(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    const stored = await this.secrets.get(this.key);
    if (stored !== this.lastKnown) {
      // MSAL's deserialize only adds entries: forget what memory holds so that an account removed by
      // another window (sign-out) is gone here too.
      resetMemory(context.tokenCache);
      this.lastKnown = stored;
    }
    if (stored) context.tokenCache.deserialize(stored);
  }

  async afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (!context.cacheHasChanged) return;
    const data = context.tokenCache.serialize();
    if (data === this.lastKnown) return;
    this.lastKnown = data;
    await this.secrets.store(this.key, data);
  }

  /** Forgets everything stored (used when the client ID changes and by "sign out of all"). */
  async clear(): Promise<void> {
    this.lastKnown = undefined;
    await this.secrets.delete(this.key);
  }

  dispose(): void {
    this.subscription.dispose();
    this.listeners.clear();
  }
}

/** Empties MSAL's in-memory cache (internal storage API of msal-node; the sign-out unit test guards it). */
function resetMemory(cache: unknown): void {
  const storage = (cache as { storage?: { setCache?: (c: Record<string, never>) => void } }).storage;
  storage?.setCache?.({});
}
