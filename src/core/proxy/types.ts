// What the capture proxy is told (listen address, upstream, security on both sides, injection) and what
// it reports (connections, their logins with verdicts, how each ended), shared by the CLI and VS Code.
import { Finding } from '../explain';
import { Mechanism } from '../protocol/session';
import { Transcript } from '../protocol/transcript';
import { Security } from '../protocol/transport';
import { Problem } from '../sasl/problems';
import { MailProtocol } from '../token/checks';

export interface UpstreamOptions {
  host: string;
  port: number;
  security: Security;
  /** Extra trusted CA certificates (PEM) for the server's certificate. */
  ca?: string;
  /** Accept any server certificate (local test servers only). */
  insecure?: boolean;
}

export interface InjectOptions {
  /** What the relay sends upstream instead of the client's plain login. */
  mechanism: Mechanism;
  /** The password the client must present (generated per proxy); never the mailbox's password. */
  clientPassword: string;
  /** The account the token belongs to: the login name the client must use. */
  account: string;
  /** Further login names the client may use → the mailbox opened with the account's token (shared mailboxes). */
  mailboxes?: Record<string, string>;
  /** A fresh access token for the account (called per login; may ask the identity platform). */
  token(): Promise<string>;
}

export interface ProxyOptions {
  protocol: MailProtocol;
  listenHost: string;
  /** 0 picks a free port. */
  listenPort: number;
  /** Listening elsewhere than on loopback lets anyone on the network use the relay: explicit only. */
  allowNonLoopback?: boolean;
  upstream: UpstreamOptions;
  clientSecurity: Security;
  /** Certificate and key (PEM) the relay shows the client for TLS or STARTTLS. */
  clientTls?: { cert: string; key: string };
  inject?: InjectOptions;
  maxConnections?: number;
  /** Longest protocol line inspected; longer lines pass on uninspected. */
  maxLineBytes?: number;
  /** A connection with no traffic either way for this long is closed (IMAP IDLE servers send keep-alives). */
  idleTimeoutMs?: number;
  /** A connection that has not logged in after this long is closed. */
  loginTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Transcript entries kept per connection; later lines are counted, not recorded. */
  maxTranscriptEntries?: number;
}

export type LoginOutcome = 'pending' | 'ok' | 'refused' | 'cancelled' | 'unfinished';

export interface ProxyVerdict {
  ok: boolean;
  title: string;
  cause?: string;
  fix?: string;
  findings: Finding[];
  tokenProblems: Problem[];
}

export interface LoginRecord {
  /** The mechanism on the wire upstream (XOAUTH2, OAUTHBEARER, PLAIN, LOGIN, or the IMAP/POP3 command). */
  mechanism: string;
  user?: string;
  outcome: LoginOutcome;
  /** The server's final reply (redacted). */
  reply?: string;
  /** The decoded error challenge's base64, when the server sent one. */
  errorChallenge?: string;
  /** Injection mode: what the client sent (its plain login), replaced upstream. */
  replaced?: string;
  /** Token claims worth showing (never the token). */
  token?: { kind: string; audience?: string; scopes: string[]; expiresAt?: string; account?: string };
  verdict?: ProxyVerdict;
}

export type EndCode = 'client-closed' | 'server-closed' | 'idle-timeout' | 'login-timeout' | 'upstream-failed' | 'client-tls-failed' | 'network' | 'stopped' | 'too-many-connections' | 'protocol';

export interface Ending {
  code: EndCode;
  by: 'client' | 'server' | 'relay';
  message: string;
}

export interface ConnectionSummary {
  id: number;
  protocol: MailProtocol;
  client: string;
  startedAt: Date;
  endedAt?: Date;
  bytesFromClient: number;
  bytesFromServer: number;
  logins: LoginRecord[];
  ending?: Ending;
}

export interface ProxyConnectionView extends ConnectionSummary {
  transcript: Transcript;
}

export type ProxyEvent =
  | { type: 'listening'; host: string; port: number }
  | { type: 'connection'; connection: ProxyConnectionView }
  | { type: 'login'; connection: ProxyConnectionView; login: LoginRecord }
  | { type: 'closed'; connection: ProxyConnectionView }
  | { type: 'warning'; code: string; message: string };

/** A failure to start the proxy (bad options, a port in use), with what to do. */
export class ProxyError extends Error {
  constructor(
    readonly code: 'options' | 'listen' | 'non-loopback' | 'certificate',
    message: string,
  ) {
    super(message);
  }
}
