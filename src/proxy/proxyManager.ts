// The capture proxies running in this window: starts them (the local CA in the extension's global
// storage), keeps their connections for the view and the status bar, remembers the last settings.
import * as vscode from 'vscode';
import { leafFor, loadOrCreateLocalCa, LocalCa } from '../core/proxy/localCa';
import { generateClientPassword } from '../core/proxy/injection';
import { CaptureProxy } from '../core/proxy/relay';
import { ProxyConnectionView, ProxyEvent, ProxyOptions } from '../core/proxy/types';
import { Mechanism } from '../core/protocol/session';
import { Security } from '../core/protocol/transport';
import { MailProtocol } from '../core/token/checks';

/** What the user chose, without secrets: remembered, shown, and enough to start the same proxy again. */
export interface ProxyConfig {
  protocol: MailProtocol;
  listenPort: number;
  host: string;
  port: number;
  security: Security;
  clientSecurity: Security;
  insecure?: boolean;
  /** Injection: the signed-in account whose token replaces the client's plain login. */
  inject?: { account: string; mechanism: Mechanism; scopes: string[] };
}

export interface RunningProxy {
  id: number;
  config: ProxyConfig;
  proxy: CaptureProxy;
  port: number;
  /** Injection mode: the password the client must present. */
  clientPassword?: string;
}

const RECENT_KEY = 'mailOAuth.proxy.recent';

export function describeConfig(c: ProxyConfig, port = c.listenPort): string {
  const [protocol, host, upstream, security] = [c.protocol.toUpperCase(), c.host, c.port, c.security];
  return c.inject
    ? vscode.l10n.t('{0} 127.0.0.1:{1} → {2}:{3} ({4}), injecting {5}', protocol, port, host, upstream, security, c.inject.account)
    : vscode.l10n.t('{0} 127.0.0.1:{1} → {2}:{3} ({4})', protocol, port, host, upstream, security);
}

export class ProxyManager implements vscode.Disposable {
  private readonly running = new Map<number, RunningProxy>();
  private nextId = 1;
  private ca: LocalCa | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly tokenFor: (account: string, scopes: string[]) => Promise<string>,
  ) {}

  get proxies(): RunningProxy[] {
    return [...this.running.values()];
  }

  connectionCount(): number {
    return this.proxies.reduce((n, p) => n + p.proxy.connectionCount, 0);
  }

  recent(): ProxyConfig[] {
    return this.context.globalState.get<ProxyConfig[]>(RECENT_KEY, []);
  }

  private caDir(): string {
    return vscode.Uri.joinPath(this.context.globalStorageUri, 'proxy-ca').fsPath;
  }

  async localCa(): Promise<LocalCa> {
    this.ca ??= await loadOrCreateLocalCa(this.caDir());
    return this.ca;
  }

  async start(config: ProxyConfig, ca?: string): Promise<RunningProxy> {
    const clientTls = config.clientSecurity === 'none' ? undefined : await leafFor(await this.localCa());
    const clientPassword = config.inject ? generateClientPassword() : undefined;
    const inject: ProxyOptions['inject'] = config.inject
      ? { mechanism: config.inject.mechanism, account: config.inject.account, clientPassword: clientPassword!, token: () => this.tokenFor(config.inject!.account, config.inject!.scopes) }
      : undefined;
    const proxy = new CaptureProxy({
      protocol: config.protocol,
      listenHost: '127.0.0.1',
      listenPort: config.listenPort,
      upstream: { host: config.host, port: config.port, security: config.security, insecure: config.insecure, ca },
      clientSecurity: config.clientSecurity,
      clientTls,
      inject,
    });
    proxy.onEvent((e: ProxyEvent) => {
      if (e.type === 'connection' || e.type === 'closed' || e.type === 'login') this.changed.fire();
    });
    const { port } = await proxy.listen();
    const r: RunningProxy = { id: this.nextId++, config, proxy, port, clientPassword };
    this.running.set(r.id, r);
    const recent = [config, ...this.recent().filter((c) => JSON.stringify(c) !== JSON.stringify(config))].slice(0, 5);
    await this.context.globalState.update(RECENT_KEY, recent);
    this.changed.fire();
    return r;
  }

  async stop(id: number): Promise<void> {
    const r = this.running.get(id);
    if (!r) return;
    this.running.delete(id);
    await r.proxy.close();
    this.changed.fire();
  }

  async stopAll(): Promise<void> {
    for (const id of [...this.running.keys()]) await this.stop(id);
  }

  /** A connection's transcript as a mail-transcript document (redacted; the hovers decode its login). */
  async openTranscript(connection: ProxyConnectionView): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument({ language: 'mail-transcript', content: connection.transcript.toLog({ reveal: false }) });
    return vscode.window.showTextDocument(doc, { preview: false });
  }

  dispose(): void {
    void this.stopAll();
    this.changed.dispose();
  }
}
