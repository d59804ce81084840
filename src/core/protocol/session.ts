// What every protocol session shares: the login input, the result of each step, and the way a
// session ends. The SASL exchange itself is in saslExchange.ts.
import * as l10n from '@vscode/l10n';
import { OAUTH_MECHANISMS, OAuthMechanism, saslMechanism } from '../sasl/mechanism';
import { LineTransport, printable, TransportError } from './transport';

export type Mechanism = OAuthMechanism;
export const MECHANISMS = OAUTH_MECHANISMS;
export type Step = 'connect' | 'greeting' | 'capabilities' | 'starttls' | 'authenticate' | 'verify' | 'logout';

export interface LoginInput {
  user: string;
  token: string;
  mechanism: Mechanism;
}

export interface StepFailure {
  step: Step;
  /** The server's reply that ended the step, or the transport's message. */
  reply: string;
  /** Set when the transport failed (timeout, closed, TLS...). */
  transportError?: TransportError;
  /** The reply is the client's own account of what went wrong (no server line to look up). */
  byClient?: boolean;
}

/** Why the client ended an exchange whose server never stops challenging. */
export function loopMessage(): string {
  return l10n.t(
    'The server kept sending error challenges after the client answered them; the client cancelled the authentication ("*") and closed the connection. The server does not end the SASL exchange as XOAUTH2/OAUTHBEARER require; its first challenge (decoded in the transcript) says why it refused the token.',
  );
}

export interface SessionOutcome {
  authenticated: boolean;
  verified: boolean;
  failure?: StepFailure;
  /** Capabilities or extensions the server announced (upper-case). */
  capabilities: string[];
  /** Client lines sent from connect until the authentication reply. */
  roundTripsToAuth?: number;
  /** When the authentication reply arrived (performance.now() clock). */
  authRepliedAt?: number;
  /** Whether the server sent an error challenge during authentication. */
  errorChallenge?: string;
}

/** The initial client response for the chosen mechanism (base64). */
export function initialResponse(login: LoginInput, host: string, port: number): string {
  const r = saslMechanism(login.mechanism).initialResponse(login, { host, port });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join(' '));
  return r.value;
}

/** What the client answers to an error challenge so the server ends the exchange (never hang). */
export function challengeAnswer(mechanism: Mechanism): string {
  return saslMechanism(mechanism).challengeAnswer;
}

/**
 * A server line that breaks the protocol (garbage, a tag never sent): the connection is closed, since
 * the client can no longer tell which reply belongs to which command.
 */
export function violation(transport: LineTransport, line: string, expected: string, hint = l10n.t('The server does not follow the protocol, or the port serves something else')): TransportError {
  // Redacted before it is shortened: a server may echo the client's SASL response.
  const quoted = printable(transport.transcript.redact(line));
  return transport.abort(new TransportError('protocol', { id: 'not-protocol', quoted, expected, hint }));
}

/**
 * A server that reports success to the AUTH command itself, before any credential was sent: no SASL
 * exchange took place (RFC 3501 §6.2.2, RFC 5034 §4, RFC 4954 §4 ask for a continuation), so it is no login.
 */
export function successBeforeCredentials(transport: LineTransport, line: string, continuation: string, command: string): TransportError {
  return violation(
    transport,
    line,
    l10n.t('a "{0}" continuation asking for the SASL response to {1}', continuation, command),
    l10n.t('The server claims success before the client sent any credential, so the login proves nothing; it may not implement SASL AUTH'),
  );
}

/** What a greeting that is no greeting at all usually means. */
export function greetingHint(): string {
  return l10n.t('The port serves another protocol, or expects TLS first: check host, port and security (implicit TLS on 993, 995 and 465; STARTTLS or none on 143, 110 and 587)');
}

/** Runs a step; a transport failure becomes the outcome's failure instead of an exception. */
export async function guarded(outcome: SessionOutcome, step: Step, fn: () => Promise<boolean>): Promise<boolean> {
  try {
    const ok = await fn();
    return ok;
  } catch (e) {
    if (e instanceof TransportError) {
      outcome.failure = { step, reply: e.message, transportError: e };
      return false;
    }
    throw e;
  }
}

/** How long a goodbye may take: a server that never answers LOGOUT/QUIT must not hold the client. */
const GOODBYE_MS = 2000;

/** Ends a session politely (LOGOUT/QUIT) whatever the server does, then closes the connection. */
export async function endSession(transport: LineTransport, goodbye: () => Promise<unknown>): Promise<void> {
  if (transport.isClosed) return;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([goodbye(), new Promise((resolve) => (timer = setTimeout(resolve, GOODBYE_MS)))]);
  } catch {
    // The server may close before it answers; the session is over either way.
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}

export interface ProtocolSession {
  readonly transport: LineTransport;
  /** Runs greeting → capabilities → STARTTLS → authenticate → verify. */
  login(login: LoginInput): Promise<SessionOutcome>;
  /** Sends a raw command line (IMAP tags are added) and reads its full response. */
  send(command: string): Promise<string[]>;
  logout(): Promise<void>;
}
