// Commands of the capture proxy: Start (quick picks for protocol, upstream, listen port and mode, or a
// remembered proxy), Stop, open a connection's transcript, copy the proxy password, export the local CA.
import * as vscode from 'vscode';
import { PRESETS, presetById } from '../core/presets/presets';
import { ProxyError } from '../core/proxy/types';
import { Mechanism } from '../core/protocol/session';
import { Security } from '../core/protocol/transport';
import { MailProtocol } from '../core/token/checks';
import { ProxyNode, ProxyView } from '../views/proxyView';
import { describeConfig, ProxyConfig, ProxyManager } from './proxyManager';

const DEFAULT_LISTEN: Record<MailProtocol, number> = { imap: 1143, pop3: 1110, smtp: 1587 };

async function pick<T>(items: (vscode.QuickPickItem & { value: T })[], placeHolder: string): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { placeHolder, ignoreFocusOut: true }))?.value;
}

function portInput(value: string, prompt: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    prompt,
    value,
    ignoreFocusOut: true,
    validateInput: (v) => (/^\d{1,5}$/.test(v) && Number(v) <= 65535 ? undefined : vscode.l10n.t('A port from 0 to 65535 (0: any free port)')),
  });
}

/** Asks for a proxy configuration step by step; undefined when the user cancels. */
async function askConfig(manager: ProxyManager, accounts: () => Promise<string[]>): Promise<ProxyConfig | undefined> {
  const recent = manager.recent();
  if (recent.length) {
    const again = await pick<ProxyConfig | 'new'>(
      [{ label: `$(add) ${vscode.l10n.t('New proxy…')}`, value: 'new' }, ...recent.map((c) => ({ label: `$(history) ${describeConfig(c)}`, value: c }))],
      vscode.l10n.t('Start a remembered proxy, or a new one'),
    );
    if (again === undefined) return undefined;
    if (again !== 'new') return again;
  }
  const protocol = await pick<MailProtocol>(
    [
      { label: 'IMAP', value: 'imap' },
      { label: 'POP3', value: 'pop3' },
      { label: 'SMTP', value: 'smtp' },
    ],
    vscode.l10n.t('Protocol your application speaks'),
  );
  if (!protocol) return undefined;
  const presetItems = PRESETS.filter((p) => p.endpoints[protocol]).map((p) => ({
    label: p.label,
    description: `${p.endpoints[protocol]!.host}:${p.endpoints[protocol]!.port}`,
    value: p.id as string,
  }));
  const presetId = await pick<string>([...presetItems, { label: vscode.l10n.t('Other server…'), value: 'custom' }], vscode.l10n.t('The real server the proxy relays to'));
  if (!presetId) return undefined;
  let host: string;
  let port: number;
  let security: Security;
  const endpoint = presetById(presetId)?.endpoints[protocol];
  if (endpoint && presetId !== 'custom') ({ host, port, security } = endpoint);
  else {
    const h = await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Server host name'),
      ignoreFocusOut: true,
      validateInput: (v) => (/^[A-Za-z0-9.:_-]+$/.test(v) ? undefined : vscode.l10n.t('A host name or IP address')),
    });
    if (!h) return undefined;
    const s = await pick<Security>(
      [
        { label: vscode.l10n.t('Implicit TLS'), description: '993 / 995 / 465', value: 'tls' },
        { label: 'STARTTLS', description: '143 / 110 / 587', value: 'starttls' },
        { label: vscode.l10n.t('No TLS (local test servers only)'), value: 'none' },
      ],
      vscode.l10n.t('Security towards the server'),
    );
    if (!s) return undefined;
    const def = { imap: { tls: 993, starttls: 143, none: 143 }, pop3: { tls: 995, starttls: 110, none: 110 }, smtp: { tls: 465, starttls: 587, none: 587 } }[protocol][s];
    const p = await portInput(String(def), vscode.l10n.t('Server port'));
    if (!p) return undefined;
    host = h;
    port = Number(p);
    security = s;
  }
  const listen = await portInput(String(DEFAULT_LISTEN[protocol]), vscode.l10n.t('Port the proxy listens on (127.0.0.1); point your application at it'));
  if (listen === undefined) return undefined;
  const clientSecurity = await pick<Security>(
    [
      { label: vscode.l10n.t('Plain towards the application'), value: 'none' },
      { label: vscode.l10n.t('STARTTLS towards the application'), description: vscode.l10n.t('certificate from the local CA (Export Proxy CA)'), value: 'starttls' },
      { label: vscode.l10n.t('Implicit TLS towards the application'), description: vscode.l10n.t('certificate from the local CA (Export Proxy CA)'), value: 'tls' },
    ],
    vscode.l10n.t('Security towards your application'),
  );
  if (!clientSecurity) return undefined;
  const mode = await pick<'capture' | 'inject'>(
    [
      { label: vscode.l10n.t('Capture'), description: vscode.l10n.t('record and explain the login your application sends'), value: 'capture' },
      { label: vscode.l10n.t('Inject'), description: vscode.l10n.t("your application logs in with a password; the proxy uses a signed-in account's token"), value: 'inject' },
    ],
    vscode.l10n.t('Mode'),
  );
  if (!mode) return undefined;
  const config: ProxyConfig = { protocol, listenPort: Number(listen), host, port, security, clientSecurity };
  if (mode === 'inject') {
    const names = await accounts();
    if (names.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Injection needs a signed-in account: sign in first (Mail OAuth: Sign In).'));
      return undefined;
    }
    const account =
      names.length === 1
        ? names[0]
        : await pick<string>(
            names.map((n) => ({ label: n, value: n })),
            vscode.l10n.t('Account whose token the proxy uses'),
          );
    if (!account) return undefined;
    const mechanism = await pick<Mechanism>(
      [
        { label: 'XOAUTH2', value: 'XOAUTH2' },
        { label: 'OAUTHBEARER', value: 'OAUTHBEARER' },
      ],
      vscode.l10n.t('Mechanism the proxy sends upstream'),
    );
    if (!mechanism) return undefined;
    const scopes = (presetById(presetId) ?? PRESETS[0]).scopes[protocol] ?? PRESETS[0].scopes[protocol]!;
    config.inject = { account, mechanism, scopes };
  }
  return config;
}

export function registerProxyCommands(manager: ProxyManager, view: ProxyView, accounts: () => Promise<string[]>): vscode.Disposable[] {
  return [
    vscode.window.registerTreeDataProvider('mailOAuth.proxies', view),
    vscode.commands.registerCommand('mailOAuth.startCaptureProxy', async (given?: ProxyConfig & { ca?: string }) => {
      const config = given ?? (await askConfig(manager, accounts));
      if (!config) return undefined;
      try {
        const r = await manager.start(config, given?.ca);
        const started = vscode.l10n.t('Capture proxy listening on 127.0.0.1:{0}: point your application there.', r.port);
        if (r.clientPassword) {
          void vscode.window
            .showInformationMessage(vscode.l10n.t('{0} It logs in as {1} with the proxy password (not the mailbox password).', started, config.inject!.account), vscode.l10n.t('Copy Proxy Password'))
            .then((a) => {
              if (a) void vscode.env.clipboard.writeText(r.clientPassword!);
            });
        } else void vscode.window.showInformationMessage(started);
        return { id: r.id, port: r.port };
      } catch (e) {
        void vscode.window.showErrorMessage(e instanceof ProxyError ? e.message : vscode.l10n.t('The capture proxy did not start: {0}', (e as Error).message));
        return undefined;
      }
    }),
    vscode.commands.registerCommand('mailOAuth.stopCaptureProxy', async (node?: ProxyNode) => {
      const proxies = manager.proxies;
      if (node?.kind === 'proxy') return manager.stop(node.proxy.id);
      if (proxies.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t('No capture proxy is running.'));
      if (proxies.length === 1) return manager.stop(proxies[0].id);
      const chosen = await pick<number | 'all'>(
        [{ label: vscode.l10n.t('All proxies'), value: 'all' }, ...proxies.map((p) => ({ label: describeConfig(p.config, p.port), value: p.id }))],
        vscode.l10n.t('Proxy to stop'),
      );
      if (chosen === 'all') await manager.stopAll();
      else if (chosen !== undefined) await manager.stop(chosen);
    }),
    vscode.commands.registerCommand('mailOAuth.proxy.openTranscript', async (node?: ProxyNode) => {
      if (node?.kind === 'connection') await manager.openTranscript(node.connection);
    }),
    vscode.commands.registerCommand('mailOAuth.proxy.copyPassword', async (node?: ProxyNode) => {
      const p = node?.proxy ?? manager.proxies.find((x) => x.clientPassword);
      if (!p?.clientPassword) return void vscode.window.showInformationMessage(vscode.l10n.t('No proxy in injection mode is running.'));
      await vscode.env.clipboard.writeText(p.clientPassword);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Proxy password copied'), 3000);
    }),
    vscode.commands.registerCommand('mailOAuth.proxy.exportCa', async () => {
      const ca = await manager.localCa();
      const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file('mail-oauth-proxy-ca.crt'), filters: { [vscode.l10n.t('Certificate')]: ['crt', 'pem'] } });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, Buffer.from(ca.certPem, 'utf8'));
      void vscode.window.showInformationMessage(
        vscode.l10n.t("The proxy CA certificate was saved to {0}. Trust it in the application that connects with TLS; its key stays in the extension's storage.", target.fsPath),
      );
    }),
  ];
}
