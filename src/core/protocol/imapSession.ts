// IMAP (RFC 9051/3501) session: tags, untagged and continuation responses, literals {n} and {n+};
// AUTHENTICATE with SASL-IR when advertised, capabilities taken from the greeting when it carries them.
import * as l10n from '@vscode/l10n';
import { SaslFraming, SaslReply, SaslSession } from './saslExchange';
import { endSession, greetingHint, guarded, LoginInput, ProtocolSession, SessionOutcome, successBeforeCredentials, violation } from './session';

export interface ImapResponse {
  /** Every line of the response; a literal's bytes are folded into its line as text. */
  lines: string[];
  /** The tagged status line, or the continuation line ("+ ...") when that ended the read. */
  final: string;
  status: 'OK' | 'NO' | 'BAD' | 'CONTINUE' | 'BYE';
}

export class ImapSession extends SaslSession implements ProtocolSession {
  private tagNumber = 0;
  capabilities: string[] = [];

  nextTag(): string {
    return `A${String(++this.tagNumber).padStart(3, '0')}`;
  }

  /**
   * Reads one logical line: a line ending in {n} or {n+} continues after n bytes of literal. Only the
   * line just read can announce a literal (a literal's own text ending in "{2}" does not), and the
   * transport keeps the whole reply under the response cap (no endless growth, no string past V8's limit).
   */
  async readLogicalLine(): Promise<string> {
    const parts = [await this.transport.readLine()];
    for (let guard = 0; guard < 1000; guard++) {
      const m = /\{(\d{1,12})\+?\}$/.exec(parts[parts.length - 1]);
      if (!m) break;
      const size = Number(m[1]);
      // readBytes refuses, unread, a literal over the response cap and literals that pass it together.
      const text = (await this.transport.readBytes(size)).toString('utf8');
      // The literal's whole text is kept for saving; the transcript redacts any echo of the login in it
      // (the console folds it for display).
      this.transport.transcript.add('S', text);
      const rest = await this.transport.readLine();
      parts.push(text, rest);
    }
    return parts.join('');
  }

  /** Reads until the tagged reply for `tag` (or a continuation when `stopAtContinuation`). */
  async readResponse(tag: string, stopAtContinuation = false): Promise<ImapResponse> {
    const lines: string[] = [];
    for (;;) {
      const line = await this.readLogicalLine();
      lines.push(line);
      if (line.startsWith('+') && stopAtContinuation) return { lines, final: line, status: 'CONTINUE' };
      if (line.startsWith('* CAPABILITY ')) this.capabilities = parseCapabilities(line.slice(13));
      const tagged = new RegExp(`^${tag} (OK|NO|BAD)\\b`, 'i').exec(line);
      if (tagged) {
        const caps = /\[CAPABILITY ([^\]]*)\]/i.exec(line);
        if (caps) this.capabilities = parseCapabilities(caps[1]);
        return { lines, final: line, status: tagged[1].toUpperCase() as 'OK' | 'NO' | 'BAD' };
      }
      // Server lines are untagged (*), continuations (+) or tagged with the command's tag: anything else
      // would leave the client waiting for a reply that already went astray.
      if (!line.startsWith('*') && !line.startsWith('+')) {
        const other = /^(\S+) (OK|NO|BAD)\b/i.exec(line);
        throw other
          ? violation(
              this.transport,
              line,
              l10n.t('a reply to {0}', tag),
              l10n.t("It answers a tag ({0}) the client never sent: the server does not follow IMAP, or another client's replies are mixed in", other[1]),
            )
          : violation(this.transport, line, l10n.t('an IMAP response (untagged "*", continuation "+" or tagged)'));
      }
    }
  }

  async login(login: LoginInput): Promise<SessionOutcome> {
    const outcome: SessionOutcome = { authenticated: false, verified: false, capabilities: [] };
    const t = this.transport;

    const greeted = await guarded(outcome, 'greeting', async () => {
      const greeting = await t.readLine('the greeting');
      if (!/^\* (OK|PREAUTH|BYE|NO|BAD)\b/i.test(greeting)) throw violation(t, greeting, l10n.t('an IMAP greeting'), greetingHint());
      if (/^\* BYE/i.test(greeting) || !/^\* (OK|PREAUTH)/i.test(greeting)) {
        outcome.failure = { step: 'greeting', reply: greeting };
        return false;
      }
      const caps = /\[CAPABILITY ([^\]]*)\]/i.exec(greeting);
      if (caps) this.capabilities = parseCapabilities(caps[1]);
      return true;
    });
    if (!greeted) return this.finish(outcome);

    if (this.security === 'starttls') {
      const ok = await guarded(outcome, 'starttls', async () => {
        const tag = this.nextTag();
        t.write(`${tag} STARTTLS`);
        const r = await this.readResponse(tag);
        if (r.status !== 'OK') {
          outcome.failure = { step: 'starttls', reply: r.final };
          return false;
        }
        await t.startTls();
        this.capabilities = []; // pre-TLS capabilities must not be trusted (RFC 9051 §6.2.1)
        return true;
      });
      if (!ok) return this.finish(outcome);
    }

    if (this.capabilities.length === 0) {
      const ok = await guarded(outcome, 'capabilities', async () => {
        const tag = this.nextTag();
        t.write(`${tag} CAPABILITY`);
        const r = await this.readResponse(tag);
        if (r.status !== 'OK') outcome.failure = { step: 'capabilities', reply: r.final };
        return r.status === 'OK';
      });
      if (!ok) return this.finish(outcome);
    }
    outcome.capabilities = [...this.capabilities];
    if (!this.capabilities.includes(`AUTH=${login.mechanism}`)) {
      const offered = this.capabilities.filter((c) => c.startsWith('AUTH=')).map((c) => c.slice(5));
      outcome.failure = {
        step: 'authenticate',
        reply: offered.length
          ? l10n.t('The server does not offer {0} (it offers {1}).', login.mechanism, offered.join(', ') + (this.capabilities.includes('LOGINDISABLED') ? '; LOGINDISABLED' : ''))
          : l10n.t('The server does not offer {0} (it offers no SASL mechanism{1}).', login.mechanism, this.capabilities.includes('LOGINDISABLED') ? '; LOGINDISABLED' : ''),
      };
      return this.finish(outcome);
    }

    const authed = await guarded(outcome, 'authenticate', () => this.authenticate(login, outcome));
    outcome.authenticated = authed;
    if (!authed) return this.finish(outcome);

    outcome.verified = await guarded(outcome, 'verify', async () => {
      const tag = this.nextTag();
      t.write(`${tag} LIST "" "INBOX"`);
      const r = await this.readResponse(tag);
      if (r.status !== 'OK') outcome.failure = { step: 'verify', reply: r.final };
      return r.status === 'OK';
    });
    return this.finish(outcome);
  }

  /** AUTHENTICATE with the response on its line (SASL-IR, RFC 4959) or after the "+" continuation. */
  protected saslFraming(): SaslFraming {
    const t = this.transport;
    const tag = this.nextTag();
    const read = async (): Promise<SaslReply> => {
      const r = await this.readResponse(tag, true);
      if (r.status === 'CONTINUE') return { kind: 'challenge', challenge: r.final.replace(/^\+ ?/, '') };
      return r.status === 'OK' ? { kind: 'success' } : { kind: 'failure', text: r.final };
    };
    return {
      start: async (mechanism, blob) => {
        if (this.capabilities.includes('SASL-IR')) {
          t.write(`${tag} AUTHENTICATE ${mechanism} ${blob}`);
          return read();
        }
        t.write(`${tag} AUTHENTICATE ${mechanism}`);
        const cont = await this.readResponse(tag, true);
        if (cont.status === 'OK') throw successBeforeCredentials(t, cont.final, '+', `${tag} AUTHENTICATE ${mechanism}`);
        if (cont.status !== 'CONTINUE') return { kind: 'refused', text: cont.final };
        t.write(blob);
        return read();
      },
      // After the cancel too, a further challenge ends the read: a server that keeps challenging must not hold the client.
      read,
    };
  }

  private finish(outcome: SessionOutcome): SessionOutcome {
    if (outcome.capabilities.length === 0) outcome.capabilities = [...this.capabilities];
    return outcome;
  }

  async send(command: string): Promise<string[]> {
    const tag = this.nextTag();
    this.transport.write(`${tag} ${command}`);
    return (await this.readResponse(tag)).lines;
  }

  async logout(): Promise<void> {
    await endSession(this.transport, async () => {
      const tag = this.nextTag();
      this.transport.write(`${tag} LOGOUT`);
      await this.readResponse(tag);
    });
  }
}

function parseCapabilities(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => c.toUpperCase());
}
