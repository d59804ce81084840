// The SASL exchange every protocol session runs after its AUTH command: send the initial response,
// answer error challenges so the server ends the exchange, give up on a server that never does.
// Sessions keep their framing (tags, "+ ", "334 "); this file keeps the rules, once.
import { saslMechanism } from '../sasl/mechanism';
import { initialResponse, LOOP_MESSAGE, LoginInput, SessionOutcome } from './session';
import { LineTransport } from './transport';

/** Error challenges answered before the client cancels: real servers send one. */
export const MAX_CHALLENGES = 3;

/** A server's reply within the exchange, as the session's framing reads it. */
export type SaslReply =
  /** Refused before any credential was sent (the AUTH command itself failed). */
  | { kind: 'refused'; text: string }
  | { kind: 'challenge'; challenge: string }
  | { kind: 'success' }
  | { kind: 'failure'; text: string };

/** What a protocol contributes: how the response goes out and how replies read. */
export interface SaslFraming {
  /** Sends the AUTH command with the initial response (on its line, or after the server's continuation) and reads the reply to it. */
  start(mechanism: LoginInput['mechanism'], initialResponse: string): Promise<SaslReply>;
  /** Sends one client line of the exchange and reads the reply. */
  answer(line: string): Promise<SaslReply>;
  /** Sends the SASL cancel ("*") and reads whatever comes, ignoring failures: the connection closes next. */
  cancel(): Promise<void>;
}

/**
 * Runs the exchange; true when the server accepted the login. Records in `outcome` the failure, the
 * error challenge, the client lines sent until the final reply and when it came.
 */
export async function saslExchange(transport: LineTransport, framing: SaslFraming, login: LoginInput, host: string, port: number, outcome: SessionOutcome): Promise<boolean> {
  const mechanism = saslMechanism(login.mechanism);
  let reply = await framing.start(mechanism.name, initialResponse(login, host, port));
  for (let challenges = 0; ; challenges++) {
    if (reply.kind === 'refused') {
      outcome.failure = { step: 'authenticate', reply: reply.text };
      return false;
    }
    outcome.roundTripsToAuth = transport.writes;
    outcome.authRepliedAt = performance.now();
    if (reply.kind === 'success') return true;
    if (reply.kind === 'failure') {
      outcome.failure = { step: 'authenticate', reply: reply.text };
      return false;
    }
    // An error challenge: answer it so the server sends its final reply instead of waiting forever.
    outcome.errorChallenge = reply.challenge;
    if (challenges >= MAX_CHALLENGES) {
      outcome.failure = { step: 'authenticate', reply: LOOP_MESSAGE, byClient: true };
      // A server that keeps challenging must not hold the client: cancel, then close whatever it says.
      await framing.cancel();
      transport.close();
      return false;
    }
    reply = await framing.answer(mechanism.challengeAnswer);
  }
}
