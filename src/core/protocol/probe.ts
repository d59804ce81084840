// A complete probe: connect, log in with the chosen mechanism, verify with one command, log out, and
// judge the result. Shared by the protocol console and `mailoauth probe`. Never throws for server or
// network behaviour: everything ends in the result.
import { MailProtocol } from '../token/checks';
import { ImapSession } from './imapSession';
import { Pop3Session } from './pop3Session';
import { LoginInput, ProtocolSession, SessionOutcome } from './session';
import { SmtpSession } from './smtpSession';
import { Transcript } from './transcript';
import { CANCELLED, LineTransport, TlsDetails, TransportError, TransportOptions } from './transport';
import { Verdict, verdictFor } from './verdict';

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
  const started = performance.now();
  let transport: LineTransport;
  try {
    transport = await LineTransport.connect(options, transcript);
  } catch (e) {
    const err = e instanceof TransportError ? e : new TransportError('network', (e as Error).message);
    transcript.add('error', err.message);
    const outcome: SessionOutcome = { authenticated: false, verified: false, capabilities: [], failure: { step: 'connect', reply: err.message, transportError: err } };
    return { outcome, verdict: verdictFor(outcome, options.protocol, options.login), transcript };
  }
  const session = createSession(options.protocol, transport, options);
  const cancel = () => transport.abort(CANCELLED());
  options.signal?.addEventListener('abort', cancel);
  if (options.signal?.aborted) cancel();
  const loginTimeoutMs = options.loginTimeoutMs ?? Math.max(60_000, 2 * (options.readTimeoutMs ?? 30_000));
  const deadline = setTimeout(() => {
    transport.abort(new TransportError('login-timeout', `The login did not finish within ${loginTimeoutMs / 1000} s although the server kept sending (a trickle of bytes or lines that never completes the reply); the client gave up and closed the connection. The server is overloaded or misbehaving: try again later or another server.`));
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
  if (outcome.failure) transcript.add('error', `${outcome.failure.step}: ${outcome.failure.reply}`);
  const verdict = verdictFor(outcome, options.protocol, options.login);
  transcript.add('info', verdict.title);
  const result: ProbeResult = { outcome, verdict, transcript, tls: transport.tls, msToAuth };
  if (options.keepOpen && outcome.authenticated && !transport.isClosed) {
    result.session = session;
  } else {
    await session.logout();
  }
  return result;
}
