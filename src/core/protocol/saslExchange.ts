// The SASL exchange every protocol session runs after its AUTH command: send the initial response,
// answer error challenges so the server ends the exchange, give up on a server that never does.
// Sessions keep their framing (tags, "+ ", "334 "); this file keeps the rules, once.
import { saslMechanism } from '../sasl/mechanism';
import { initialResponse, LoginInput, loopMessage, SessionOutcome } from './session';
import { LineTransport, Security } from './transport';

/** Error challenges answered before the client cancels: real servers send one. */
export const MAX_CHALLENGES = 3;

/** A server's reply within the exchange, as the session's framing reads it. */
export type SaslReply =
  /** Refused before any credential was sent (the AUTH command itself failed). */
  { kind: 'refused'; text: string } | { kind: 'challenge'; challenge: string } | { kind: 'success' } | { kind: 'failure'; text: string };

/** What a protocol contributes: how the response goes out and how replies read. */
export interface SaslFraming {
  /** Sends the AUTH command with the initial response (on its line, or after the server's continuation) and reads the reply to it. */
  start(mechanism: LoginInput['mechanism'], initialResponse: string): Promise<SaslReply>;
  /** Reads the server's reply to a client line of the exchange. */
  read(): Promise<SaslReply>;
  /** Reads whatever answers the SASL cancel ("*"); by default as a reply. */
  readAfterCancel?(): Promise<unknown>;
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
      outcome.failure = { step: 'authenticate', reply: loopMessage(), byClient: true };
      // A server that keeps challenging must not hold the client: cancel, then close whatever it says.
      transport.write('*');
      await (framing.readAfterCancel ?? framing.read)().catch(() => undefined);
      transport.close();
      return false;
    }
    transport.write(mechanism.challengeAnswer);
    reply = await framing.read();
  }
}

/** What the three sessions share: where they connect and the SASL exchange over their own framing. */
export abstract class SaslSession {
  constructor(
    readonly transport: LineTransport,
    protected readonly security: Security,
    protected readonly port: number,
    protected readonly host: string,
  ) {}

  /** This protocol's way of carrying the SASL exchange, for one AUTH command. */
  protected abstract saslFraming(): SaslFraming;

  /** Runs the exchange (see saslExchange); true when the server accepted the login. */
  protected authenticate(login: LoginInput, outcome: SessionOutcome): Promise<boolean> {
    return saslExchange(this.transport, this.saslFraming(), login, this.host, this.port, outcome);
  }
}
