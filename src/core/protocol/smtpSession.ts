// SMTP submission (RFC 5321, 3207, 4954) session: multi-line replies and enhanced status codes; EHLO,
// STARTTLS and a second EHLO on port 587; AUTH with the initial response on the same line.
import * as l10n from '@vscode/l10n';
import { SaslFraming, SaslReply, SaslSession } from './saslExchange';
import { endSession, greetingHint, guarded, LoginInput, ProtocolSession, SessionOutcome, successBeforeCredentials, violation } from './session';
import { LineTransport, Security } from './transport';

/** RFC 5321 §4.5.3.1.4: a command line is at most 512 octets with its CRLF. */
const SMTP_COMMAND_LINE_MAX = 512;

export interface SmtpReply {
  code: number;
  /** Enhanced status code (RFC 3463), e.g. "5.7.3", when present. */
  enhanced?: string;
  lines: string[];
  /** The whole reply as text, lines joined. */
  text: string;
}

export class SmtpSession extends SaslSession implements ProtocolSession {
  extensions: string[] = [];

  constructor(
    transport: LineTransport,
    security: Security,
    port: number,
    host: string,
    private readonly clientName = 'mail-oauth-debugger.localhost',
  ) {
    super(transport, security, port, host);
    transport.repliesOnly = true;
    transport.closingNotice = /^421[ -]/;
  }

  /** Reads a reply: "250-..." lines continue it, "250 ..." ends it. */
  async readReply(greeting = false): Promise<SmtpReply> {
    const lines: string[] = [];
    for (;;) {
      const line = await this.transport.readLine();
      lines.push(line);
      const m = /^(\d{3})([ -]|$)/.exec(line);
      if (!m) {
        throw greeting && lines.length === 1
          ? violation(this.transport, line, l10n.t('an SMTP greeting'), greetingHint())
          : violation(this.transport, line, l10n.t('an SMTP reply (three digits, then a space or "-")'));
      }
      if (m[2] !== '-') {
        const code = Number(m[1]);
        const enhanced = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(line)?.[1];
        return { code, enhanced, lines, text: lines.join('\n') };
      }
    }
  }

  async command(line: string): Promise<SmtpReply> {
    this.transport.write(line);
    return this.readReply();
  }

  private async ehlo(outcome: SessionOutcome): Promise<boolean> {
    const r = await this.command(`EHLO ${this.clientName}`);
    if (r.code !== 250) {
      outcome.failure = { step: 'capabilities', reply: r.text };
      return false;
    }
    this.extensions = r.lines.slice(1).map((l) => l.slice(4).toUpperCase());
    return true;
  }

  async login(login: LoginInput): Promise<SessionOutcome> {
    const outcome: SessionOutcome = { authenticated: false, verified: false, capabilities: [] };
    const t = this.transport;

    const greeted = await guarded(outcome, 'greeting', async () => {
      const r = await this.readReply(true);
      if (r.code !== 220) outcome.failure = { step: 'greeting', reply: r.text };
      return r.code === 220;
    });
    if (!greeted) return outcome;
    if (!(await guarded(outcome, 'capabilities', () => this.ehlo(outcome)))) return outcome;

    if (this.security === 'starttls') {
      const ok = await guarded(outcome, 'starttls', async () => {
        if (!this.extensions.includes('STARTTLS')) {
          outcome.failure = { step: 'starttls', reply: l10n.t('The server does not offer STARTTLS (not in its EHLO reply).') };
          return false;
        }
        const r = await this.command('STARTTLS');
        if (r.code !== 220) {
          outcome.failure = { step: 'starttls', reply: r.text };
          return false;
        }
        await t.startTls();
        return this.ehlo(outcome);
      });
      if (!ok) return outcome;
    }
    outcome.capabilities = [...this.extensions];
    const auth = this.extensions.find((e) => e.startsWith('AUTH ') || e.startsWith('AUTH='));
    const offered = auth ? auth.slice(5).split(/\s+/) : [];
    if (!offered.includes(login.mechanism)) {
      outcome.failure = {
        step: 'authenticate',
        reply: auth
          ? l10n.t('The server does not offer {0} (its EHLO lists {1}).', login.mechanism, `AUTH ${offered.join(' ')}`)
          : l10n.t('The server does not offer {0} (its EHLO lists no AUTH at all — on port 587 AUTH often appears only after STARTTLS).', login.mechanism),
      };
      return outcome;
    }

    const authed = await guarded(outcome, 'authenticate', () => this.authenticate(login, outcome));
    outcome.authenticated = authed;
    if (!authed) return outcome;

    outcome.verified = await guarded(outcome, 'verify', async () => {
      const r = await this.command('NOOP');
      if (r.code !== 250) outcome.failure = { step: 'verify', reply: r.text };
      return r.code === 250;
    });
    return outcome;
  }

  /**
   * AUTH with the initial response on its line only if that line fits SMTP's 512 octets (RFC 4954 §4);
   * longer ones (real tokens are 1-3 KB) follow the server's empty 334 on a line of their own.
   */
  protected saslFraming(): SaslFraming {
    const t = this.transport;
    const reply = (r: SmtpReply): SaslReply => (r.code === 334 ? { kind: 'challenge', challenge: r.lines[0].slice(4) } : r.code === 235 ? { kind: 'success' } : { kind: 'failure', text: r.text });
    return {
      start: async (mechanism, blob) => {
        const oneLine = `AUTH ${mechanism} ${blob}`;
        if (oneLine.length + 2 <= SMTP_COMMAND_LINE_MAX) return reply(await this.command(oneLine));
        const r = await this.command(`AUTH ${mechanism}`);
        if (r.code === 235) throw successBeforeCredentials(t, r.lines[0], '334', `AUTH ${mechanism}`);
        if (r.code !== 334 || r.lines[0].slice(4).trim() !== '') return { kind: 'refused', text: r.text };
        return reply(await this.command(blob));
      },
      read: async () => reply(await this.readReply()),
    };
  }

  async send(command: string): Promise<string[]> {
    return (await this.command(command)).lines;
  }

  /** Sends a short test message from the user to the user (MAIL FROM, RCPT TO, DATA). */
  async sendTestMessage(user: string): Promise<SmtpReply> {
    const step = async (line: string, want: number) => {
      const r = await this.command(line);
      if (r.code !== want) throw new Error(l10n.t('The server answered "{0}" to {1}.', r.text, line.split(':')[0]));
      return r;
    };
    await step(`MAIL FROM:<${user}>`, 250);
    await step(`RCPT TO:<${user}>`, 250);
    await step('DATA', 354);
    const body = [
      `From: <${user}>`,
      `To: <${user}>`,
      `Subject: Mail OAuth Debugger test message`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <${Date.now()}.${Math.random().toString(36).slice(2)}@mail-oauth-debugger>`,
      '',
      'This message was sent by the Mail OAuth Debugger protocol console to check SMTP AUTH with OAuth.',
    ];
    for (const line of body) this.transport.write(line.startsWith('.') ? '.' + line : line);
    return step('.', 250);
  }

  async logout(): Promise<void> {
    await endSession(this.transport, () => this.command('QUIT'));
  }
}
