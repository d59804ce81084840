// The protocol console's host side: one webview panel that runs a live IMAP/POP3/SMTP session with the
// acquired token, streams the redacted transcript, shows the verdict, sends raw commands and quick
// actions, and saves the transcript. Restored after a reload by a serializer (the session is not).
import * as vscode from 'vscode';
import { CustomPreset, parseCustomPresets } from '../core/presets/customPresets';
import { PRESETS, defaultPort, presetById } from '../core/presets/presets';
import { probe } from '../core/protocol/probe';
import { ProtocolSession } from '../core/protocol/session';
import { SmtpSession } from '../core/protocol/smtpSession';
import { Transcript, TranscriptEntry } from '../core/protocol/transcript';
import { docsOf, stepName } from '../core/protocol/verdict';
import { TransportError } from '../core/protocol/transport';
import { output } from '../outputChannel';
import { consoleCustomPresets } from '../settings';
import { PROVIDER_ID } from '../auth/authProvider';
import { consoleHtml, consoleWebviewOptions } from './consoleHtml';
import { quickAction, quickActionButtons } from './quickActions';
import { confirmTokenHost } from './tokenHostConsent';
import { escapeControls } from '../core/report/controlChars';
import { inspectToken, TokenInspection } from '../core/token/inspect';
import { ConsoleForm, describeDropped, FromWebview, ToWebview, validateFromWebview, VerdictView } from './messages';
import { TranscriptFeed } from './transcriptFeed';

export const CONSOLE_VIEW_TYPE = 'mailOAuth.console';
/** Longest entry text sent to the webview; the transcript keeps the whole text for saving. */
const WEBVIEW_ENTRY_CHARS = 4000;

/**
 * The presets of the mailOAuth.console.customPresets setting, from the user's settings only (a preset
 * decides where the token goes: a workspace must not); skipped entries are named in the output channel.
 */
function customPresets(): CustomPreset[] {
  const { presets, problems } = parseCustomPresets(consoleCustomPresets());
  for (const p of problems) output().warn(vscode.l10n.t('Protocol console: {0}', p));
  return presets;
}

/** The form a new console starts with: the first custom preset if there is one (npm start's sandbox), else Microsoft 365. */
export function defaultForm(custom: CustomPreset[] = []): ConsoleForm {
  const first = custom[0];
  if (first) {
    const ep = first.endpoint;
    return {
      preset: first.id,
      protocol: first.protocol,
      host: ep.host,
      port: ep.port,
      security: ep.security,
      tokenSource: 'account',
      account: '',
      user: first.user ?? '',
      mechanism: first.mechanism ?? 'XOAUTH2',
      verifyCertificate: true,
    };
  }
  const preset = PRESETS[0];
  const ep = preset.endpoints.imap!;
  return { preset: preset.id, protocol: 'imap', host: ep.host, port: ep.port, security: ep.security, tokenSource: 'account', account: '', user: '', mechanism: 'XOAUTH2', verifyCertificate: true };
}

/**
 * The extension's own signed-in accounts, used in-process: VS Code's "Allow" prompt guards a provider's
 * sessions against other extensions and makes no sense for the provider's own console.
 */
export interface OwnAccounts {
  usernames(): Promise<string[]>;
  /** The access token of the named account (or the only one) for the scopes; signs in when needed. */
  token(username: string, scopes: string[], ctx?: TokenContext): Promise<string>;
  /** Mail hosts the account's provider names as its own (mailOAuth.oidc.providers' mailHosts): sent to without asking. */
  tokenHosts?(username: string, ctx?: TokenContext): Promise<string[]>;
}

/** What the token is for: the preset picks the provider (Gmail: Google), a provider's mailHosts may too. */
export interface TokenContext {
  preset: string;
  host: string;
}

export class ConsolePanel {
  private static current: ConsolePanel | undefined;
  private static own: OwnAccounts | undefined;

  /** Set once at activation. */
  static useAccounts(own: OwnAccounts): void {
    ConsolePanel.own = own;
  }
  /** The last session that reached a verdict, for Copy as Code: its form and token claims (never the token). */
  private static completed: { form: ConsoleForm; token: TokenInspection; ok: boolean } | undefined;
  static lastCompletedSession(): { form: ConsoleForm; token: TokenInspection; ok: boolean } | undefined {
    return ConsolePanel.completed;
  }
  private session: ProtocolSession | undefined;
  private transcript = new Transcript();
  private form: ConsoleForm = defaultForm(customPresets());
  private busy = false;
  /** Cancels the session being set up (Disconnect while connecting). */
  private connecting: AbortController | undefined;
  /** The rows the view scrolls through; the webview asks for those it shows. */
  private readonly feed: TranscriptFeed;
  private readonly disposables: vscode.Disposable[] = [];

  static show(extensionUri: vscode.Uri, form?: Partial<ConsoleForm>): ConsolePanel {
    if (ConsolePanel.current) {
      ConsolePanel.current.panel.reveal();
      if (form) ConsolePanel.current.applyForm(form);
      return ConsolePanel.current;
    }
    const panel = vscode.window.createWebviewPanel(CONSOLE_VIEW_TYPE, vscode.l10n.t('Mail OAuth: Protocol Console'), vscode.ViewColumn.Active, consoleWebviewOptions(extensionUri));
    ConsolePanel.current = new ConsolePanel(panel, extensionUri, form);
    return ConsolePanel.current;
  }

  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri): void {
    panel.webview.options = consoleWebviewOptions(extensionUri);
    ConsolePanel.current?.dispose();
    ConsolePanel.current = new ConsolePanel(panel, extensionUri);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private initialForm?: Partial<ConsoleForm>,
  ) {
    this.feed = new TranscriptFeed((m) => panel.webview.postMessage(m));
    panel.webview.html = consoleHtml(panel.webview, extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw) => this.receive(raw)),
    );
  }

  dispose(): void {
    if (ConsolePanel.current === this) ConsolePanel.current = undefined;
    void this.session?.logout();
    this.session = undefined;
    this.feed.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private applyForm(form: Partial<ConsoleForm>): void {
    this.form = { ...this.form, ...form };
    void this.sendInit();
  }

  private async sendInit(): Promise<void> {
    let accounts: string[];
    try {
      accounts = ConsolePanel.own ? await ConsolePanel.own.usernames() : (await vscode.authentication.getAccounts(PROVIDER_ID)).map((a) => a.label);
    } catch {
      accounts = []; // the provider may not be registered (no client ID configured yet)
    }
    const presets = [...customPresets(), ...PRESETS].map((p) => ({ id: p.id, label: p.label }));
    this.post({ type: 'init', form: this.form, accounts, presets });
    this.post({ type: 'quickActions', actions: quickActionButtons(this.form.protocol) });
    this.postState();
  }

  private postState(): void {
    this.post({ type: 'state', connected: this.session !== undefined, busy: this.busy, protocol: this.form.protocol });
  }

  /** Every message is validated before use; anything else is dropped and logged. */
  private async receive(raw: unknown): Promise<void> {
    const msg = validateFromWebview(raw);
    if (!msg) {
      output().warn(vscode.l10n.t('Protocol console: dropped a message from the webview: {0}.', describeDropped(raw)));
      return;
    }
    try {
      await this.handle(msg);
    } catch (e) {
      output().error(vscode.l10n.t('Protocol console: {0}', (e as Error).message));
      this.post({ type: 'error', message: (e as Error).message });
      this.busy = false;
      this.postState();
    }
  }

  private async handle(msg: FromWebview): Promise<void> {
    switch (msg.type) {
      case 'transcriptWindow':
        this.feed.window(msg.start, msg.end, msg.follow);
        return;
      case 'copyTranscript':
        await vscode.env.clipboard.writeText(this.feed.allText());
        return;
      case 'restoreLines':
        this.feed.restore(msg.lines);
        return;
      case 'ready':
        // A new page (first load, or shown again): it gets the rows there are.
        this.feed.reset();
        if (this.initialForm) this.form = { ...this.form, ...this.initialForm };
        this.initialForm = undefined;
        return this.sendInit();
      case 'presetChanged': {
        const custom = customPresets().find((p) => p.id === msg.preset);
        if (custom) {
          // A custom preset is one protocol's endpoint, with the user and mechanism it may name.
          this.form.protocol = custom.protocol;
          this.post({ type: 'quickActions', actions: quickActionButtons(custom.protocol) });
          this.post({ type: 'fill', ...custom.endpoint, protocol: custom.protocol, user: custom.user, mechanism: custom.mechanism });
          return;
        }
        const preset = presetById(msg.preset);
        const ep = preset?.endpoints[msg.protocol];
        this.form.protocol = msg.protocol;
        this.post({ type: 'quickActions', actions: quickActionButtons(msg.protocol) });
        if (ep) this.post({ type: 'fill', host: ep.host, port: ep.port, security: ep.security });
        else this.post({ type: 'fill', host: this.form.host, port: defaultPort(msg.protocol, this.form.security), security: this.form.security });
        return;
      }
      case 'connect':
        return this.connect(msg.form, msg.token);
      case 'disconnect':
        return this.disconnect();
      case 'command':
        return this.run(msg.line);
      case 'quickAction':
        return this.quickAction(msg.action);
      case 'saveTranscript':
        return this.save();
      case 'openLink':
        await vscode.env.openExternal(vscode.Uri.parse(msg.url));
        return;
    }
  }

  /** The token to log in with, or an error message for the person. */
  private async token(form: ConsoleForm, pasted: string | undefined): Promise<{ token: string } | { error: string }> {
    if (form.tokenSource === 'pasted') {
      const t = pasted?.trim();
      return t ? { token: t } : { error: vscode.l10n.t('Paste an access token, or choose a signed-in account.') };
    }
    const custom = customPresets().find((p) => p.id === form.preset);
    const scopes = custom?.scopes ?? (presetById(form.preset) ?? PRESETS[0]).scopes[form.protocol] ?? PRESETS[0].scopes[form.protocol]!;
    try {
      if (ConsolePanel.own) {
        const token = await ConsolePanel.own.token(form.account, scopes, { preset: form.preset, host: form.host });
        // Connecting may have signed an account in: the Account list shows it, chosen.
        if (!form.account) void this.sendInit();
        return { token };
      }
      // VS Code matches the account by its id: pass the provider's own account object, not just the name.
      const account = form.account ? (await vscode.authentication.getAccounts(PROVIDER_ID)).find((a) => a.label === form.account) : undefined;
      if (form.account && !account) return { error: vscode.l10n.t('{0} is not signed in any more: sign in again, or choose another account.', form.account) };
      const session = await vscode.authentication.getSession(PROVIDER_ID, scopes, { createIfNone: true, account });
      return { token: session.accessToken };
    } catch (e) {
      return { error: vscode.l10n.t('No token from the account: {0}', (e as Error).message) };
    }
  }

  private async connect(form: ConsoleForm, pasted: string | undefined): Promise<void> {
    if (this.busy) return;
    await this.disconnect();
    this.form = form;
    if (!form.host || !form.port) {
      this.post({ type: 'error', message: vscode.l10n.t('Fill in the host and port.') });
      return;
    }
    if (!form.user) {
      this.post({ type: 'error', message: vscode.l10n.t('Fill in the user (the mailbox to log in to; a shared mailbox may be named here).') });
      return;
    }
    const providerHosts = form.tokenSource === 'account' ? ((await ConsolePanel.own?.tokenHosts?.(form.account, { preset: form.preset, host: form.host }).catch(() => [])) ?? []) : [];
    if (form.tokenSource === 'account' && !(await confirmTokenHost(form.host, form.account, [...customPresets().map((p) => p.endpoint.host), ...providerHosts]))) {
      this.post({ type: 'error', message: vscode.l10n.t('Not connected: the token was not sent to {0}.', form.host) });
      return;
    }
    this.busy = true;
    const connecting = (this.connecting = new AbortController());
    this.postState();
    const got = await this.token(form, pasted);
    if ('error' in got || connecting.signal.aborted) {
      this.connecting = undefined;
      this.busy = false;
      this.postState();
      if ('error' in got) this.post({ type: 'error', message: got.error }); // after the state, which would overwrite the status line
      return;
    }
    const token = got.token;
    this.transcript = new Transcript();
    this.transcript.onEntry((e) => this.queue(e));
    this.feed.clear();
    this.post({ type: 'newSession' });
    const result = await probe(
      {
        protocol: form.protocol,
        host: form.host,
        port: form.port,
        security: form.security,
        verifyCertificate: form.verifyCertificate,
        login: { user: form.user, token, mechanism: form.mechanism },
        keepOpen: true,
        signal: connecting.signal,
      },
      this.transcript,
    );
    this.connecting = undefined;
    this.session = result.session;
    const v = result.verdict;
    if (!connecting.signal.aborted) ConsolePanel.completed = { form: { ...form }, token: inspectToken(token), ok: v.ok };
    const verdict: VerdictView = {
      ok: v.ok,
      title: escapeControls(v.title),
      step: v.step && stepName(v.step),
      cause: v.cause === undefined ? undefined : escapeControls(v.cause),
      fix: v.fix === undefined ? undefined : escapeControls(v.fix),
      warning: v.warning,
      docs: docsOf(v.findings),
      // A problem that already is the cause is not repeated below it.
      tokenProblems: v.tokenProblems.filter((p) => !v.cause?.includes(p.message)).map((p) => ({ severity: p.severity, message: p.message })),
    };
    this.feed.flush();
    this.post({ type: 'verdict', verdict });
    this.busy = false;
    this.postState();
  }

  private async disconnect(): Promise<void> {
    this.connecting?.abort(); // a server that keeps the login waiting: the verdict says "Cancelled"
    this.connecting = undefined;
    const s = this.session;
    this.session = undefined;
    if (s && this.busy) {
      // A command is still waiting for its reply (a server that never ends it): no polite LOGOUT can
      // interleave with it, so close at once; the waiting command ends with "closed".
      s.transport.close();
    } else if (s) {
      await s.logout();
      this.feed.flush();
    }
    this.postState();
  }

  private async run(line: string): Promise<void> {
    const session = this.session;
    if (!session) {
      this.post({ type: 'error', message: vscode.l10n.t('Connect first.') });
      return;
    }
    this.busy = true;
    this.postState();
    try {
      await session.send(line);
    } catch (e) {
      this.transcript.add('error', e instanceof TransportError ? e.message : vscode.l10n.t('The command failed: {0}', (e as Error).message));
      if (e instanceof TransportError) this.session = undefined;
    } finally {
      this.busy = false;
      this.feed.flush();
      this.postState();
    }
  }

  private async quickAction(action: string): Promise<void> {
    if (action === 'smtp.testMessage') {
      const session = this.session;
      if (!(session instanceof SmtpSession)) return;
      this.busy = true;
      this.postState();
      try {
        await session.sendTestMessage(this.form.user);
      } catch (e) {
        this.transcript.add('error', (e as Error).message);
      } finally {
        this.busy = false;
        this.feed.flush();
        this.postState();
      }
      return;
    }
    const command = quickAction(action)?.command;
    if (command) await this.run(command);
  }

  /** Each entry becomes a row of the view (long ones folded); the feed sends the webview those it shows. */
  private queue(e: TranscriptEntry): void {
    const x =
      e.display.length > WEBVIEW_ENTRY_CHARS
        ? `${e.display.slice(0, WEBVIEW_ENTRY_CHARS)} … ${vscode.l10n.t('({0} characters; the saved transcript has them all)', e.display.length.toLocaleString())}`
        : e.display;
    // Control bytes a server sends are shown as \x1b, not passed to the view (where bidi controls reorder text).
    this.feed.add({ t: e.time.toISOString(), k: e.kind, x: escapeControls(x), d: e.decoded === undefined ? undefined : escapeControls(e.decoded) });
  }

  private async save(): Promise<void> {
    if (this.transcript.entries.length === 0) {
      this.post({ type: 'error', message: vscode.l10n.t('Nothing to save yet: connect first.') });
      return;
    }
    const choice = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('Save redacted'), description: vscode.l10n.t('tokens shortened (recommended)'), reveal: false },
        { label: vscode.l10n.t('Save with tokens revealed…'), description: vscode.l10n.t('the file will contain working credentials'), reveal: true },
      ],
      { title: vscode.l10n.t('Save Transcript'), placeHolder: vscode.l10n.t('How should tokens appear in the file?') },
    );
    if (!choice) return;
    if (choice.reveal) {
      const saveWithTokens = vscode.l10n.t('Save with Tokens');
      const ok = await vscode.window.showWarningMessage(
        vscode.l10n.t('The saved file will contain the access token in clear text. Anyone who reads it can use the mailbox until the token expires. Save it anyway?'),
        { modal: true },
        saveWithTokens,
      );
      if (ok !== saveWithTokens) return;
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `${this.form.host || 'session'}-${stamp}.${this.form.protocol}.log`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: { [vscode.l10n.t('Mail transcript')]: ['log'] },
      title: vscode.l10n.t('Save Transcript'),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, Buffer.from(this.transcript.toLog({ reveal: choice.reveal }), 'utf8'));
    const doc = await vscode.workspace.openTextDocument(target);
    await vscode.languages.setTextDocumentLanguage(doc, 'mail-transcript');
    await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  }
}
