// The client side of a bearer-token SASL mechanism, as the protocol sessions use it (go-sasl's
// Client: start, then answer challenges): sessions hold a mechanism, never branch on its name.
import { OAUTHBEARER } from './oauthbearer';
import type { Problem } from './problems';
import { XOAUTH2 } from './xoauth2';

/** The SASL mechanisms that carry an OAuth bearer token: the ones a login can use. */
export type OAuthMechanism = 'XOAUTH2' | 'OAUTHBEARER';
export const OAUTH_MECHANISMS: readonly OAuthMechanism[] = ['XOAUTH2', 'OAUTHBEARER'];

export type EncodeResult = { ok: true; value: string; problems: Problem[] } | { ok: false; problems: Problem[] };

export interface Credentials {
  user: string;
  token: string;
}

/** The server the response is for; OAUTHBEARER names it in the message, XOAUTH2 does not. */
export interface ServerName {
  host: string;
  port: number;
}

export interface SaslMechanism<Message = unknown> {
  readonly name: OAuthMechanism;
  /** The initial client response (base64), refusing input that would make a broken string. */
  initialResponse(credentials: Credentials, server: ServerName): EncodeResult;
  /** What the client sends after an error challenge so that the server ends the exchange. */
  readonly challengeAnswer: string;
  /** Parses the decoded text of an initial response, reporting where it departs from the format. */
  decode(text: string): { message: Message; problems: Problem[] };
}

const BY_NAME: Readonly<Record<OAuthMechanism, SaslMechanism>> = { XOAUTH2, OAUTHBEARER };

/** The mechanism of that name (the name is already one of OAUTH_MECHANISMS). */
export function saslMechanism(name: OAuthMechanism): SaslMechanism {
  return BY_NAME[name];
}
