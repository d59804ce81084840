// A complete probe: connect, log in with the chosen mechanism, verify with one command, log out, and
// judge the result. Shared by the protocol console and `mailoauth probe`. Never throws for server or
// network behaviour: everything ends in the result.
import * as l10n from '@vscode/l10n';
import * as net from 'net';
import { MailProtocol } from '../token/checks';
import { ImapSession } from './imapSession';
import { Pop3Session } from './pop3Session';
import { initialResponse, LoginInput, ProtocolSession, SessionOutcome } from './session';
import { SmtpSession } from './smtpSession';
import { Transcript } from './transcript';
import { CANCELLED, LineTransport, TlsDetails, TransportError, TransportOptions } from './transport';
import { Exposure, stepName, Verdict, verdictFor, verifiedTitle } from './verdict';

export interface ProbeOptions extends TransportOptions {
  protocol: MailProtocol;
  login: LoginInput;
  /** Keep the session open after login (the console sends more commands); default false. */
  keepOpen?: boolean;
  /**
   * The whole login (greeting to the verifying command) must end within this (default 60 s, or twice a
   * longer read timeout): a server that keeps each read just within the read timeout, forever, must not
   * hold the client.
   */
  loginTimeoutMs?: number;
}

export interface ProbeResult {
  outcome: SessionOutcome;
  verdict: Verdict;
  transcript: Transcript;
  tls?: TlsDetails;
  /** Milliseconds from starting to connect until the authentication reply. */
  msToAuth?: number;
  /** The open session, when keepOpen was set and the connection is alive. */
  session?: ProtocolSession;
}

export function createSession(protocol: MailProtocol, transport: LineTransport, options: TransportOptions): ProtocolSession {
  switch (protocol) {
    case 'imap':
      return new ImapSession(transport, options.security, options.port, options.host);
    case 'pop3':
      return new Pop3Session(transport, options.security, options.port, options.host);
    case 'smtp':
      return new SmtpSession(transport, options.security, options.port, options.host);
  }
}

export async function probe(options: ProbeOptions, transcript = new Transcript()): Promise<ProbeResult> {
  transcript.addSecret(options.login.token);
  try {
    // The SASL response itself: a server that echoes it (or a piece of it) must not show it.
    transcript.addSecret(initialResponse(options.login, options.host, options.port));
  } catch {
    // the session reports a login it cannot encode
  }
  const started = performance.now();
  let transport: LineTransport;
  try {
    transport = await LineTransport.connect(options, transcript);
  } catch (e) {
    const err = e instanceof TransportError ? e : new TransportError('network', { id: 'other', detail: (e as Error).message });
    transcript.add('error', err.message);
    const outcome: SessionOutcome = { authenticated: false, verified: false, capabilities: [], failure: { step: 'connect', reply: err.message, transportError: err } };
    return { outcome, verdict: redactVerdict(verdictFor(outcome, options.protocol, options.login), transcript), transcript };
  }
  const session = createSession(options.protocol, transport, options);
  const cancel = () => transport.abort(CANCELLED());
  options.signal?.addEventListener('abort', cancel);
  if (options.signal?.aborted) cancel();
  const loginTimeoutMs = options.loginTimeoutMs ?? Math.max(60_000, 2 * (options.readTimeoutMs ?? 30_000));
  const deadline = setTimeout(() => {
    transport.abort(new TransportError('login-timeout', { id: 'login-timeout', seconds: loginTimeoutMs / 1000 }));
  }, loginTimeoutMs);
  let outcome: SessionOutcome;
  try {
    outcome = await session.login(options.login);
  } catch (e) {
    transport.close(); // an engine defect must not leave the connection open
    throw e;
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', cancel);
  }
  const msToAuth = outcome.authRepliedAt !== undefined ? outcome.authRepliedAt - started : undefined;
  if (outcome.failure) transcript.add('error', `${stepName(outcome.failure.step)}: ${outcome.failure.reply}`);
  const verdict = withExposure(redactVerdict(verdictFor(outcome, options.protocol, options.login), transcript), options, transport.tls, outcome);
  if (verdict.warning) transcript.add('info', l10n.t('Warning: {0}', verdict.warning));
  transcript.add('info', verdict.title);
  const result: ProbeResult = { outcome, verdict, transcript, tls: transport.tls, msToAuth };
  if (options.keepOpen && outcome.authenticated && !transport.isClosed) {
    result.session = session;
  } else {
    await session.logout();
  }
  return result;
}

/** The verdict quotes server text (the refusal, a broken line): the same redaction as the transcript. */
function redactVerdict(v: Verdict, transcript: Transcript): Verdict {
  const r = (s: string | undefined) => (s === undefined ? undefined : transcript.redact(s));
  return { ...v, title: transcript.redact(v.title), cause: r(v.cause), fix: r(v.fix), findings: v.findings.map((f) => ({ ...f, match: transcript.redact(f.match) })) };
}

/**
 * What an eavesdropper could have seen: the token went to a server whose certificate was not verified
 * (--insecure), or in plain text to another machine. Undefined when the token stayed safe or was never sent.
 */
export function exposure(options: ProbeOptions, tls: TlsDetails | undefined, outcome: SessionOutcome): string | undefined {
  const kind = exposureOf(options, tls, outcome);
  if (kind === 'unverified-certificate') {
    return l10n.t(
      'the token was sent to {0}:{1}, whose TLS certificate was NOT verified ({2}; certificate checking was turned off). Anyone between you and the server could have read it: revoke it if this was not your own test server.',
      options.host,
      options.port,
      tls?.authorizationError ?? l10n.t('unknown reason'),
    );
  }
  if (kind === 'plain-text') {
    return l10n.t('the token was sent in plain text (no TLS) to {0}:{1}. Anyone on the network path could have read it: revoke it, and use TLS or STARTTLS.', options.host, options.port);
  }
  return undefined;
}

function exposureOf(options: ProbeOptions, tls: TlsDetails | undefined, outcome: SessionOutcome): Exposure | undefined {
  const sent = outcome.authenticated || outcome.failure?.step === 'authenticate';
  if (!sent) return undefined;
  if (tls && !tls.authorized) return 'unverified-certificate';
  if (!tls && !isLoopback(options.host)) return 'plain-text';
  return undefined;
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  return h === '::1';
}

/** A success the warning qualifies says so in its title too: "verified" there must not read as the certificate. */
function withExposure(v: Verdict, options: ProbeOptions, tls: TlsDetails | undefined, outcome: SessionOutcome): Verdict {
  const kind = exposureOf(options, tls, outcome);
  const warning = exposure(options, tls, outcome);
  if (!kind || !warning) return v;
  const title = v.ok ? verifiedTitle(options.protocol, options.login.mechanism, kind) : v.title;
  return { ...v, title, warning: `${warning[0].toUpperCase()}${warning.slice(1)}` };
}
