// The Capture Proxy view: each running proxy, its connections with their login verdicts; a connection
// opens its transcript. And the status bar item that says proxies run and how many connections they saw.
import * as vscode from 'vscode';
import { ProxyConnectionView } from '../core/proxy/types';
import { describeConfig, ProxyManager, RunningProxy } from '../proxy/proxyManager';

export type ProxyNode = { kind: 'proxy'; proxy: RunningProxy } | { kind: 'connection'; proxy: RunningProxy; connection: ProxyConnectionView };

function connectionLabel(c: ProxyConnectionView): { label: string; description: string; ok: boolean | undefined } {
  const l = c.logins[c.logins.length - 1];
  const v = l?.verdict;
  const label = vscode.l10n.t('#{0} {1}', c.id, l ? `${l.mechanism} ${l.user ?? '?'}` : vscode.l10n.t('no login yet'));
  const state = c.ending ? vscode.l10n.t('closed') : vscode.l10n.t('open');
  return { label, description: `${v?.title ?? ''} · ${state}`, ok: v?.ok };
}

export class ProxyView implements vscode.TreeDataProvider<ProxyNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ProxyNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly status: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly manager: ProxyManager) {
    this.status = vscode.window.createStatusBarItem('mailOAuth.proxy', vscode.StatusBarAlignment.Left, 50);
    this.status.name = vscode.l10n.t('Mail OAuth Capture Proxy');
    this.status.command = 'mailOAuth.proxies.focus';
    this.subscriptions.push(manager.onDidChange(() => this.refresh()));
    this.refresh();
  }

  private refresh(): void {
    this.changed.fire(undefined);
    const proxies = this.manager.proxies;
    if (proxies.length === 0) {
      this.status.hide();
      return;
    }
    this.status.text = `$(radio-tower) ${vscode.l10n.t('Proxy: {0} running, {1} connections', proxies.length, this.manager.connectionCount())}`;
    this.status.tooltip = proxies.map((p) => describeConfig(p.config, p.port)).join('\n');
    this.status.show();
  }

  getTreeItem(node: ProxyNode): vscode.TreeItem {
    if (node.kind === 'proxy') {
      const item = new vscode.TreeItem(describeConfig(node.proxy.config, node.proxy.port), vscode.TreeItemCollapsibleState.Expanded);
      item.contextValue = 'proxy';
      item.iconPath = new vscode.ThemeIcon('radio-tower');
      item.tooltip = node.proxy.clientPassword
        ? vscode.l10n.t('Injection mode: the client logs in as {0} with the proxy password (Copy Proxy Password).', node.proxy.config.inject!.account)
        : vscode.l10n.t('Capture mode');
      return item;
    }
    const { label, description, ok } = connectionLabel(node.connection);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.description = description;
    item.contextValue = 'proxyConnection';
    item.iconPath = new vscode.ThemeIcon(ok === undefined ? 'circle-outline' : ok ? 'pass' : 'error');
    const v = node.connection.logins[node.connection.logins.length - 1]?.verdict;
    const tip = new vscode.MarkdownString();
    tip.appendText([v?.title, v?.cause, v?.fix ? vscode.l10n.t('Fix: {0}', v.fix) : undefined, node.connection.ending?.message].filter(Boolean).join('\n\n'));
    item.tooltip = tip;
    item.command = { command: 'mailOAuth.proxy.openTranscript', title: vscode.l10n.t('Open Transcript'), arguments: [node] };
    return item;
  }

  getChildren(node?: ProxyNode): ProxyNode[] {
    if (!node) return this.manager.proxies.map((proxy) => ({ kind: 'proxy', proxy }));
    if (node.kind === 'proxy') return [...node.proxy.proxy.history].reverse().map((connection) => ({ kind: 'connection', proxy: node.proxy, connection }));
    return [];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.status.dispose();
    this.changed.dispose();
  }
}
