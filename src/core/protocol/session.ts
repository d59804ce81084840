// What every protocol session shares: the login input, the result of each step, and building the
// SASL initial response for the mechanism the user chose.
import { encodeOauthbearer } from '../sasl/oauthbearer';
import { encodeXoauth2 } from '../sasl/xoauth2';
import { LineTransport, TransportError } from './transport';

export type Mechanism = 'XOAUTH2' | 'OAUTHBEARER';
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

/** The initial client response for the chosen mechanism. */
export function initialResponse(login: LoginInput, host: string, port: number): string {
  const r =
    login.mechanism === 'XOAUTH2'
      ? encodeXoauth2(login.user, login.token)
      : encodeOauthbearer({ user: login.user, token: login.token, host, port });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join(' '));
  return r.value;
}

/** What the client answers to an error challenge so the server ends the exchange (never hang). */
export function challengeAnswer(mechanism: Mechanism): string {
  return mechanism === 'XOAUTH2' ? '' : 'AQ==';
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

/** Ends a session politely (LOGOUT/QUIT) whatever the server does, then closes the connection. */
export async function endSession(transport: LineTransport, goodbye: () => Promise<unknown>): Promise<void> {
  if (transport.isClosed) return;
  try {
    await goodbye();
  } catch {
    // The server may close before it answers; the session is over either way.
  } finally {
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
