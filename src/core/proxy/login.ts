// One login seen on a relayed connection: the SASL responses decoded (mechanism, user, token), the
// server's challenges and final reply, and the verdict from the token checks and the knowledge base.
import * as l10n from '@vscode/l10n';
import { explain } from '../explain';
import { Mechanism } from '../protocol/session';
import { Transcript } from '../protocol/transcript';
import { verdictFor } from '../protocol/verdict';
import { decodeSasl } from '../sasl/decode';
import { checkToken, MailProtocol } from '../token/checks';
import { inspectToken } from '../token/inspect';
import { LoginOutcome, LoginRecord, ProxyVerdict } from './types';

export class LoginAttempt {
  readonly record: LoginRecord;
  /** The bearer token the client (or the relay, injecting) sent; never leaves this object unredacted. */
  private token: string | undefined;
  private responses = 0;
  /** Whether client lines are SASL responses until the reply (not for IMAP LOGIN, POP3 USER/PASS). */
  sasl = true;

  constructor(
    readonly protocol: MailProtocol,
    mechanism: string,
    private readonly transcript: Transcript,
    /** IMAP: the command's tag, whose tagged reply ends the login. */
    readonly tag?: string,
  ) {
    this.record = { mechanism: mechanism.toUpperCase(), outcome: 'pending' };
  }

  get done(): boolean {
    return this.record.outcome !== 'pending';
  }

  /** A client SASL response (base64, or "=" / "" for empty, "*" to cancel). */
  clientResponse(b64: string): void {
    if (b64 === '*') {
      this.record.outcome = 'cancelled';
      return;
    }
    const n = this.responses++;
    const mech = this.record.mechanism;
    if (b64 === '' || b64 === '=') return;
    this.transcript.addSecret(b64);
    const d = decodeSasl(b64, { mechanism: mech, sender: 'client', protocol: this.protocol, loginStep: mech === 'LOGIN' ? (n === 0 ? 'username' : 'password') : undefined });
    const m = d.message;
    if (!m) return;
    switch (m.mechanism) {
      case 'XOAUTH2':
      case 'OAUTHBEARER':
        this.record.user ??= m.user;
        if (m.token) this.setToken(m.token);
        break;
      case 'PLAIN':
        this.record.user ??= m.authzid || m.user;
        if (m.password) this.transcript.addSecret(m.password);
        break;
      case 'LOGIN':
        if (m.step === 'username') this.record.user ??= m.user;
        else if (m.step === 'password' && m.password) this.transcript.addSecret(m.password);
        break;
    }
  }

  /** A login whose user and secret are known directly (IMAP LOGIN, POP3 USER/PASS). */
  plain(user: string | undefined, password: string | undefined): void {
    this.sasl = false;
    this.record.user = user;
    if (password) this.transcript.addSecret(password);
  }

  setToken(token: string): void {
    this.token = token;
    this.transcript.addSecret(token);
    const t = inspectToken(token);
    this.record.token = {
      kind: t.kind,
      audience: t.audiences.join(' ') || undefined,
      scopes: [...t.scopes, ...t.roles],
      expiresAt: t.expiresAt?.toISOString(),
      account: t.account,
    };
  }

  /** A server continuation during the exchange; an error challenge is kept for the verdict. */
  serverChallenge(b64: string): void {
    if (!b64) return;
    const d = decodeSasl(b64, { sender: 'server', protocol: this.protocol });
    if (d.message?.mechanism === 'ERROR-CHALLENGE') this.record.errorChallenge = b64;
  }

  finish(outcome: LoginOutcome, reply: string, now = new Date()): LoginRecord {
    if (this.record.outcome === 'pending' || outcome !== 'unfinished') this.record.outcome = this.record.outcome === 'cancelled' && outcome === 'refused' ? 'cancelled' : outcome;
    this.record.reply = this.transcript.redact(reply);
    this.record.verdict = this.verdict(now);
    return this.record;
  }

  private verdict(now: Date): ProxyVerdict {
    const r = this.record;
    const token = this.token;
    const user = r.user ?? '';
    const tokenProblems = token ? checkToken(inspectToken(token, now), { now, protocol: this.protocol, user: r.user }).filter((p) => p.severity !== 'info') : [];
    if (r.outcome === 'ok') {
      return { ok: true, title: l10n.t('Logged in as {0} with {1}.', user || '?', r.mechanism), findings: [], tokenProblems };
    }
    if (r.outcome === 'cancelled') return { ok: false, title: l10n.t('The client cancelled the {0} login.', r.mechanism), findings: [], tokenProblems };
    if (r.outcome === 'unfinished') {
      return { ok: false, title: l10n.t('The connection ended during the {0} login, before the server replied.', r.mechanism), findings: [], tokenProblems };
    }
    if (token && (r.mechanism === 'XOAUTH2' || r.mechanism === 'OAUTHBEARER')) {
      const v = verdictFor(
        { authenticated: false, verified: false, capabilities: [], failure: { step: 'authenticate', reply: r.reply ?? '' }, errorChallenge: r.errorChallenge },
        this.protocol,
        { user, token, mechanism: r.mechanism as Mechanism },
        now,
      );
      return { ok: false, title: l10n.t('The server refused the {0} login of {1}.', r.mechanism, user || '?'), cause: v.cause, fix: v.fix, findings: v.findings, tokenProblems: v.tokenProblems };
    }
    const findings = explain(r.reply ?? '');
    return {
      ok: false,
      title: l10n.t('The server refused the {0} login of {1}.', r.mechanism, user || '?'),
      cause: findings[0]?.cause ?? r.reply,
      fix: findings[0]?.fix,
      findings,
      tokenProblems,
    };
  }
}
