// POP3 (RFC 1939, 2449, 5034) session: single- and multi-line replies with dot-unstuffing; AUTH in the
// two-line form the seed documents show (AUTH XOAUTH2, "+ ", then the blob).
import * as l10n from '@vscode/l10n';
import { SaslFraming, SaslReply, SaslSession } from './saslExchange';
import { endSession, greetingHint, guarded, LoginInput, ProtocolSession, SessionOutcome, successBeforeCredentials, violation } from './session';
import { LineTransport, Security } from './transport';

const MULTI_LINE = /^(CAPA|LIST|UIDL|TOP|RETR)\b/i;

export class Pop3Session extends SaslSession implements ProtocolSession {
  capabilities: string[] = [];

  constructor(transport: LineTransport, security: Security, port: number, host: string) {
    super(transport, security, port, host);
    transport.repliesOnly = true;
  }

  /** Reads a status line: "+OK", "-ERR" or a SASL continuation "+ ..."; anything else breaks POP3. */
  async readStatus(): Promise<string> {
    const line = await this.transport.readLine();
    if (!line.startsWith('+') && !line.startsWith('-ERR')) throw violation(this.transport, line, l10n.t('a POP3 reply (+OK, -ERR or a "+" continuation)'));
    return line;
  }

  /** Reads a multi-line body after "+OK": lines up to ".", dot-unstuffed. */
  async readMultiLine(): Promise<string[]> {
    const lines: string[] = [];
    for (;;) {
      const line = await this.transport.readLine();
      if (line === '.') return lines;
      lines.push(line.startsWith('..') ? line.slice(1) : line);
    }
  }

  /** Sends a command and reads its reply; multi-line for CAPA, LIST/UIDL without argument, TOP, RETR. */
  async command(line: string): Promise<{ ok: boolean; status: string; body: string[] }> {
    this.transport.write(line);
    const status = await this.readStatus();
    const ok = status.startsWith('+OK');
    const multi = MULTI_LINE.test(line) && !/^(LIST|UIDL)\s+\S/i.test(line);
    const body = ok && multi ? await this.readMultiLine() : [];
    return { ok, status, body };
  }

  async login(login: LoginInput): Promise<SessionOutcome> {
    const outcome: SessionOutcome = { authenticated: false, verified: false, capabilities: [] };
    const t = this.transport;

    const greeted = await guarded(outcome, 'greeting', async () => {
      const greeting = await t.readLine('the greeting');
      if (!greeting.startsWith('+OK') && !greeting.startsWith('-ERR')) throw violation(t, greeting, l10n.t('a POP3 greeting'), greetingHint());
      if (!greeting.startsWith('+OK')) outcome.failure = { step: 'greeting', reply: greeting };
      return greeting.startsWith('+OK');
    });
    if (!greeted) return outcome;

    if (this.security === 'starttls') {
      const ok = await guarded(outcome, 'starttls', async () => {
        const r = await this.command('STLS');
        if (!r.ok) {
          outcome.failure = { step: 'starttls', reply: r.status };
          return false;
        }
        await t.startTls();
        return true;
      });
      if (!ok) return outcome;
    }

    // No CAPA before AUTH: it would cost a round trip. If AUTH fails, CAPA tells why afterwards.
    const authed = await guarded(outcome, 'authenticate', () => this.authenticate(login, outcome));
    outcome.authenticated = authed;
    if (!authed) {
      if (outcome.failure && !outcome.failure.transportError) await this.explainWithCapa(outcome, login);
      return outcome;
    }

    outcome.verified = await guarded(outcome, 'verify', async () => {
      const r = await this.command('STAT');
      if (!r.ok) outcome.failure = { step: 'verify', reply: r.status };
      return r.ok;
    });
    return outcome;
  }

  /** AUTH in two lines (RFC 5034 §4): the command, the server's "+ ", then the response. */
  protected saslFraming(): SaslFraming {
    const t = this.transport;
    const read = async (): Promise<SaslReply> => {
      const reply = await this.readStatus();
      if (reply.startsWith('+OK')) return { kind: 'success' };
      if (reply.startsWith('+')) return { kind: 'challenge', challenge: reply.replace(/^\+ ?/, '') };
      return { kind: 'failure', text: reply };
    };
    return {
      start: async (mechanism, blob) => {
        t.write(`AUTH ${mechanism}`);
        const first = await this.readStatus();
        if (first.startsWith('+OK')) throw successBeforeCredentials(t, first, '+', `AUTH ${mechanism}`);
        if (!first.startsWith('+')) return { kind: 'refused', text: first };
        t.write(blob);
        return read();
      },
      read,
      readAfterCancel: () => t.readLine(),
    };
  }

  /** After a refused AUTH, asks CAPA which mechanisms the server offers, to explain the refusal. */
  private async explainWithCapa(outcome: SessionOutcome, login: LoginInput): Promise<void> {
    try {
      const r = await this.command('CAPA');
      if (!r.ok) return;
      this.capabilities = r.body.map((l) => l.toUpperCase());
      outcome.capabilities = [...this.capabilities];
      const sasl = this.capabilities.find((c) => c.startsWith('SASL'));
      const offered = sasl ? sasl.split(/\s+/).slice(1) : [];
      if (!offered.includes(login.mechanism) && outcome.failure) {
        const note = offered.length ? l10n.t('the server offers {0}, not {1}', offered.join(', '), login.mechanism) : l10n.t('the server offers no SASL mechanism, not {0}', login.mechanism);
        outcome.failure.reply += ` (${note})`;
      }
    } catch {
      // The explanation is a bonus; the failure stands as it is.
    }
  }

  async send(command: string): Promise<string[]> {
    const r = await this.command(command);
    return [r.status, ...r.body];
  }

  async logout(): Promise<void> {
    await endSession(this.transport, () => this.command('QUIT'));
  }
}
