// One line transport for IMAP, POP3 and SMTP: TCP, implicit TLS and the STARTTLS upgrade, with SNI,
// certificate verification on by default, connect and read timeouts, and caps on line and response size.
import * as l10n from '@vscode/l10n';
import { socketReady } from './socketReady';
import { TransportReason, transportMessage } from './transportMessages';
import * as net from 'net';
import { Duplex } from 'stream';
import * as tls from 'tls';
import { Transcript } from './transcript';

export type Security = 'tls' | 'starttls' | 'none';
export const SECURITIES: readonly Security[] = ['tls', 'starttls', 'none'];

export interface TransportOptions {
  host: string;
  port: number;
  security: Security;
  /** Verify the server certificate (default true). Turning it off is for local test servers only. */
  verifyCertificate?: boolean;
  /** Extra trusted CA certificates (PEM), e.g. a test CA or a corporate TLS-inspection CA. */
  ca?: string;
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
  /** Longest line accepted from the server. */
  maxLineBytes?: number;
  /** Largest response (or IMAP literal) accepted: bytes the server sends after one client line. */
  maxResponseBytes?: number;
  /** Most lines accepted after one client line (a server that never ends its reply). */
  maxResponseLines?: number;
  /** Longest time one reply may take, however steadily it arrives (a server that trickles forever). */
  replyTimeoutMs?: number;
  /** Cancels connecting (the console's Disconnect while a server keeps it waiting). */
  signal?: AbortSignal;
}

export interface TlsDetails {
  protocol: string;
  cipher: string;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** Whether the certificate was verified; when not, why. */
  authorized: boolean;
  authorizationError?: string;
}

export type TransportErrorCode =
  | 'connect-timeout'
  | 'read-timeout'
  | 'closed'
  | 'refused'
  | 'dns'
  | 'tls'
  | 'certificate'
  | 'line-too-long'
  | 'response-too-large'
  | 'protocol'
  | 'login-timeout'
  | 'reply-timeout'
  | 'cancelled'
  | 'network';

/**
 * A failure of the connection itself: `code` is its kind (what callers decide on), `reason` which failure
 * it was with its values. The message that says what happened and what to try is made from the reason
 * when it is read (transportMessages.ts), so it is never kept in the language of the moment it failed.
 */
export class TransportError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    readonly reason: TransportReason,
  ) {
    super();
    Object.defineProperty(this, 'message', { get: () => transportMessage(this.reason), enumerable: false, configurable: true });
  }
}

const DEFAULTS = { connectTimeoutMs: 15_000, readTimeoutMs: 30_000, maxLineBytes: 64 * 1024, maxResponseBytes: 32 * 1024 * 1024, maxResponseLines: 200_000, replyTimeoutMs: 300_000 };

export class LineTransport {
  /** A TCP or TLS socket, or (LineTransport.over) any connected stream. */
  private socket: Duplex;
  /** Received bytes not read yet, as they arrived (joined only when read: no copy per chunk). */
  private readonly received = new ChunkQueue();
  /** Reads waiting for data (a console command and a Disconnect's LOGOUT may both wait). */
  private waiters: (() => void)[] = [];
  private ended: TransportError | undefined;
  tls: TlsDetails | undefined;
  /** Number of client writes (each a potential round trip), for the round-trip count. */
  writes = 0;
  /**
   * POP3 and SMTP servers speak only in reply: unread bytes when the client is about to send are a reply to
   * a command that was never sent (IMAP may send untagged data at any time, so it leaves this off).
   */
  repliesOnly = false;
  /**
   * An unsolicited line that is the server ending the session, not a protocol violation (SMTP's "421",
   * RFC 5321 §3.8, which a server may send at any time before it closes).
   */
  closingNotice: RegExp | undefined;
  /** What the client sent last (without secrets), to say what a timeout or close interrupted. */
  private lastCommand: string | undefined;
  /** Bytes and lines read since the client's last line: one reply, capped. */
  private replyBytes = 0;
  private replyLines = 0;
  private replyStarted = Date.now();

  private constructor(
    socket: Duplex,
    private readonly options: TransportOptions & typeof DEFAULTS,
    readonly transcript: Transcript,
  ) {
    this.socket = socket;
    this.attach(socket);
  }

  /**
   * A transport over a stream that is already connected, without the network: the fuzzer and the unit
   * tests play the server in memory. Same reading, limits and timeouts as over a socket.
   */
  static over(stream: Duplex, transcript: Transcript, options: Partial<TransportOptions> = {}): LineTransport {
    return new LineTransport(stream, withDefaults({ host: 'in-memory', port: 0, security: 'none', ...options }), transcript);
  }

  static async connect(options: TransportOptions, transcript: Transcript): Promise<LineTransport> {
    const opts = withDefaults(options);
    transcript.add(
      'info',
      opts.security === 'tls'
        ? l10n.t('Connecting to {0}:{1} (implicit TLS)', opts.host, opts.port)
        : opts.security === 'starttls'
          ? l10n.t('Connecting to {0}:{1} (plain, STARTTLS to follow)', opts.host, opts.port)
          : l10n.t('Connecting to {0}:{1} (plain, no TLS)', opts.host, opts.port),
    );
    const s: net.Socket | tls.TLSSocket =
      opts.security === 'tls'
        ? tls.connect({ host: opts.host, port: opts.port, servername: serverName(opts.host), rejectUnauthorized: false, ca: caList(opts.ca) })
        : net.connect({ host: opts.host, port: opts.port });
    let tcpConnected = false;
    s.once('connect', () => (tcpConnected = true));
    const seconds = opts.connectTimeoutMs / 1000;
    const socket = await socketReady(s, opts.security === 'tls' ? 'secureConnect' : 'connect', opts.connectTimeoutMs, {
      timeout: () =>
        tcpConnected
          ? new TransportError('tls', { id: 'tls-handshake-timeout', host: opts.host, port: opts.port, seconds })
          : new TransportError('connect-timeout', { id: 'connect-timeout', host: opts.host, port: opts.port, seconds }),
      error: (err) => networkError(err, opts),
      signal: opts.signal,
      cancelled: CANCELLED,
    });
    const transport = new LineTransport(socket, opts, transcript);
    if (socket instanceof tls.TLSSocket) transport.checkTls(socket);
    return transport;
  }

  private attach(socket: Duplex): void {
    socket.on('data', (chunk: Buffer) => {
      this.received.push(chunk);
      if (this.received.length > this.options.maxResponseBytes + this.options.maxLineBytes) {
        this.fail(new TransportError('response-too-large', { id: 'unread-too-large', limit: this.options.maxResponseBytes }));
        return;
      }
      this.wake();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // A reset once the session runs is a hang-up like a close; before it, it hints at a TLS mix-up.
      this.fail(err.code === 'ECONNRESET' && this.lastCommand !== undefined ? this.closedByServer : networkError(err, this.options));
    });
    socket.on('close', () => this.fail(this.closedByServer));
  }

  private readonly closedByServer = new TransportError('closed', { id: 'closed-by-server' });

  /**
   * Ends the connection with `err` (the first failure wins). Bytes not read yet stay readable after the
   * server's own close (its last words, "* BYE ..."); after a framing failure they are dropped.
   */
  private fail(err: TransportError, discard = err.code !== 'closed'): TransportError {
    if (!this.ended) this.ended = err;
    this.socket.destroy();
    if (discard) this.received.clear(); // nothing more is read, and a flood's bytes are freed
    this.wake();
    return this.ended;
  }

  /** Ends the connection with this error (a protocol violation, the login deadline); readers get it. */
  abort(err: TransportError): TransportError {
    return this.fail(err);
  }

  /** What a read is waiting for, from the last client line. */
  private awaited(): string {
    const c = this.lastCommand;
    return c === undefined ? l10n.t({ message: 'the greeting', comment: 'What a read waits for, inserted into a sentence: "the client waited for {what}".' }) : l10n.t('the reply to {0}', c);
  }

  private wake(): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }

  /** Waits until `ready()` holds, new data arrives or the read timeout passes. */
  private async waitFor(ready: () => boolean, what: string, timeoutMs = this.options.readTimeoutMs): Promise<void> {
    const replyDeadline = this.replyStarted + this.options.replyTimeoutMs;
    const deadline = Math.min(Date.now() + timeoutMs, replyDeadline);
    const before = this.received.length;
    const replyTimeout = () => this.fail(new TransportError('reply-timeout', { id: 'reply-timeout', what, seconds: Math.round(this.options.replyTimeoutMs / 100) / 10 }));
    if (Date.now() >= replyDeadline) throw replyTimeout();
    while (!ready()) {
      if (this.ended) throw this.ended === this.closedByServer ? new TransportError('closed', { id: 'closed-while-waiting', what }) : this.ended;
      const left = deadline - Date.now();
      if (left <= 0) {
        if (Date.now() >= replyDeadline) throw replyTimeout();
        const got = this.received.length - before;
        const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
        const err = got > 0 ? new TransportError('read-timeout', { id: 'stalled', bytes: got, what, seconds }) : new TransportError('read-timeout', { id: 'silent', seconds, what });
        throw this.fail(err);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Reads one line (without CRLF) and records it as a server line. */
  async readLine(what = this.awaited()): Promise<string> {
    let nl = -1;
    const tooLong = () => this.fail(new TransportError('line-too-long', { id: 'line-too-long', limit: this.options.maxLineBytes.toLocaleString('en-US'), what }));
    await this.waitFor(() => {
      nl = this.received.indexOfNewline();
      if (nl < 0 && this.received.length > this.options.maxLineBytes) throw tooLong();
      return nl >= 0;
    }, what);
    if (nl > this.options.maxLineBytes) throw tooLong();
    this.count(nl + 1, 1, what);
    const raw = this.received.take(nl + 1).subarray(0, nl);
    const line = raw.toString('utf8').replace(/\r$/, '');
    this.transcript.add('S', line);
    return line;
  }

  /** Reads exactly n bytes (an IMAP literal); recorded as one server entry. */
  async readBytes(n: number, what = l10n.t('a literal in {0}', this.awaited())): Promise<Buffer> {
    if (n > this.options.maxResponseBytes) {
      throw this.fail(
        new TransportError('response-too-large', { id: 'literal-too-large', bytes: n.toLocaleString('en-US'), what: this.awaited(), limit: this.options.maxResponseBytes.toLocaleString('en-US') }),
      );
    }
    // Counted before it is read: literals that pass the reply's cap only together are refused unread.
    this.count(n, 0, what);
    await this.waitFor(() => this.received.length >= n, what);
    return this.received.take(n);
  }

  /** Counts what one reply has consumed; a reply that never ends is cut at the caps. */
  private count(bytes: number, lines: number, what: string): void {
    this.replyBytes += bytes;
    this.replyLines += lines;
    const o = this.options;
    if (this.replyBytes > o.maxResponseBytes || this.replyLines > o.maxResponseLines) {
      const size = this.replyBytes > o.maxResponseBytes ? `${o.maxResponseBytes.toLocaleString('en-US')} bytes` : `${o.maxResponseLines.toLocaleString('en-US')} lines`;
      throw this.fail(new TransportError('response-too-large', { id: 'reply-too-large', size, what }));
    }
  }

  /** Sends one line (CRLF added). `display` replaces it in the transcript (for lines with secrets). */
  write(line: string, options: { display?: string } = {}): void {
    if (this.ended) throw this.ended === this.closedByServer ? new TransportError('closed', { id: 'closed-before-sending', command: describeCommand(line) }) : this.ended;
    if (this.repliesOnly && this.received.length) {
      const unread = this.received.peek(4096).toString('utf8');
      if (this.closingNotice?.test(unread)) {
        const notice = printable(this.transcript.redact(unread.split(/\r?\n/)[0]), 200);
        this.transcript.add('S', notice);
        throw this.fail(new TransportError('closed', { id: 'ended-before-command', command: describeCommand(line), notice }));
      }
      const extra = printable(this.transcript.redact(this.received.peek(4096).toString('utf8')));
      throw this.fail(new TransportError('protocol', { id: 'unsolicited', extra, after: this.lastCommand }));
    }
    this.lastCommand = describeCommand(line);
    this.replyBytes = 0;
    this.replyLines = 0;
    this.replyStarted = Date.now();
    this.writes++;
    this.transcript.add('C', line, options.display ? { display: options.display } : {});
    this.socket.write(line + '\r\n');
  }

  /** Upgrades the connection to TLS after the server agreed to STARTTLS / STLS. */
  async startTls(): Promise<void> {
    if (this.received.length) {
      throw this.fail(new TransportError('tls', { id: 'starttls-data-before-handshake' }));
    }
    const plain = this.socket;
    plain.removeAllListeners('data');
    plain.removeAllListeners('error');
    plain.removeAllListeners('close');
    plain.on('error', () => undefined); // the TLS socket on top reports the failure
    const { host, port, connectTimeoutMs } = this.options;
    const hungUp = () => new TransportError('tls', { id: 'starttls-hung-up', host, port });
    const secured = await socketReady(tls.connect({ socket: plain, servername: serverName(host), rejectUnauthorized: false, ca: caList(this.options.ca) }), 'secureConnect', connectTimeoutMs, {
      timeout: () => new TransportError('connect-timeout', { id: 'starttls-timeout', seconds: connectTimeoutMs / 1000 }),
      error: (err) => (err.code === 'ECONNRESET' ? hungUp() : new TransportError('tls', { id: 'starttls-failed', reason: reasonOf(err) })),
      closed: hungUp,
    }).catch((e: TransportError) => {
      throw this.fail(e);
    });
    secured.removeAllListeners('close');
    this.socket = secured;
    this.attach(secured);
    this.checkTls(secured);
  }

  /** Records TLS details and enforces certificate verification unless it was turned off. */
  private checkTls(socket: tls.TLSSocket): void {
    const cert = socket.getPeerCertificate();
    const name = (x: Record<string, unknown> | undefined) =>
      x
        ? Object.entries(x)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(', ')
        : '';
    const identityError = socket.authorized ? tls.checkServerIdentity(serverName(this.options.host) ?? this.options.host, cert) : undefined;
    const authorizationError = socket.authorizationError ? String(socket.authorizationError) : identityError?.message;
    this.tls = {
      protocol: socket.getProtocol() ?? 'unknown',
      cipher: socket.getCipher()?.name ?? 'unknown',
      subject: name(cert.subject as unknown as Record<string, unknown>),
      issuer: name(cert.issuer as unknown as Record<string, unknown>),
      validFrom: cert.valid_from,
      validTo: cert.valid_to,
      authorized: socket.authorized && !identityError,
      authorizationError,
    };
    const t = this.tls;
    this.transcript.add(
      'tls',
      `${t.protocol}, ${t.cipher}; certificate ${t.subject}; issuer ${t.issuer}; valid ${t.validFrom} – ${t.validTo}; ${t.authorized ? 'verified' : `NOT verified (${t.authorizationError})`}`,
    );
    if (!t.authorized && this.options.verifyCertificate !== false) {
      socket.destroy();
      const names = cert.subjectaltname?.replace(/DNS:|IP Address:/g, '') || (cert.subject?.CN ? String(cert.subject.CN) : undefined);
      throw this.fail(new TransportError('certificate', { id: 'certificate', host: this.options.host, error: t.authorizationError ?? 'unknown reason', names }));
    }
  }

  close(): void {
    this.ended ??= new TransportError('closed', { id: 'closed-by-client' });
    this.socket.end();
    this.socket.destroy();
    this.wake(); // a read still waiting ends now, not at its timeout
  }

  get isClosed(): boolean {
    return this.ended !== undefined;
  }
}

/**
 * A FIFO of received chunks: push as they arrive, find the next LF, take n bytes (one copy at most).
 * Linear however small the chunks: a server that trickles a line byte by byte sends thousands of them,
 * so neither the LF search nor taking from the front may walk the whole queue again.
 */
class ChunkQueue {
  private chunks: Buffer[] = [];
  /** Index of the front chunk (Array.shift would move every later chunk). */
  private head = 0;
  length = 0;
  /** chunks[head..scanTo) are known to hold no LF; scannedBytes is their size. */
  private scanTo = 0;
  private scannedBytes = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** Index of the first LF, or -1; never scans the same bytes twice. */
  indexOfNewline(): number {
    for (; this.scanTo < this.chunks.length; this.scanTo++) {
      const chunk = this.chunks[this.scanTo];
      const at = chunk.indexOf(0x0a);
      if (at >= 0) return this.scannedBytes + at;
      this.scannedBytes += chunk.length;
    }
    return -1;
  }

  /** Up to n bytes from the front, without removing them. */
  peek(n: number): Buffer {
    const parts: Buffer[] = [];
    let have = 0;
    for (let i = this.head; i < this.chunks.length && have < n; i++) {
      parts.push(this.chunks[i]);
      have += this.chunks[i].length;
    }
    return Buffer.concat(parts).subarray(0, n);
  }

  clear(): void {
    this.chunks = [];
    this.head = 0;
    this.length = 0;
    this.scanTo = 0;
    this.scannedBytes = 0;
  }

  /** Removes and returns the first n bytes (n <= length). */
  take(n: number): Buffer {
    const parts: Buffer[] = [];
    let need = n;
    while (need > 0) {
      const front = this.chunks[this.head];
      const scanned = this.head < this.scanTo;
      if (front.length <= need) {
        parts.push(front);
        need -= front.length;
        this.head++;
        if (scanned) this.scannedBytes -= front.length;
        else this.scanTo = this.head;
      } else {
        parts.push(front.subarray(0, need));
        this.chunks[this.head] = front.subarray(need);
        if (scanned) this.scannedBytes -= need;
        need = 0;
      }
    }
    this.length -= n;
    if (this.head > 1024 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.scanTo -= this.head;
      this.head = 0;
    }
    return parts.length === 1 ? Buffer.from(parts[0]) : Buffer.concat(parts, n);
  }
}

/** Options left undefined keep their defaults. */
function withDefaults(options: TransportOptions): TransportOptions & typeof DEFAULTS {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as TransportOptions;
  const opts = { ...DEFAULTS, ...given };
  // A longer read timeout given on its own (`mailoauth probe --timeout`) must not be undercut.
  if (given.replyTimeoutMs === undefined) opts.replyTimeoutMs = Math.max(DEFAULTS.replyTimeoutMs, opts.readTimeoutMs);
  return opts;
}

export const CANCELLED = () => new TransportError('cancelled', { id: 'cancelled' });

/** A client line as a timeout or close message names it: the command words, never an auth blob. */
function describeCommand(line: string): string {
  if (line === '') return l10n.t('the empty answer to the error challenge');
  if (line === '*') return l10n.t('the cancellation ("*")');
  if (/^[A-Za-z0-9+/]{16,}=*$/.test(line)) return l10n.t('the SASL response');
  const words = line.split(' ');
  const kept = [];
  for (const w of words.slice(0, 3)) {
    if (/^[A-Za-z0-9+/]{16,}=*$/.test(w)) break;
    kept.push(w);
  }
  return `"${kept.join(' ').slice(0, 60)}"`;
}

/** Bytes shown in a message: control and non-UTF-8 bytes as \xNN. */
export function printable(bytes: Buffer | string, max = 80): string {
  const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  return (text.length > max ? `${text.slice(0, max)}…` : text).replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).replace(/\ufffd/g, '\\x??'); // bytes that are not UTF-8
}

function serverName(host: string): string | undefined {
  return net.isIP(host) ? undefined : host;
}

function caList(ca: string | undefined): string[] | undefined {
  return ca ? [...tls.rootCertificates, ca] : undefined;
}

/** OpenSSL's reason ("wrong version number") rather than its whole error string with file and line. */
function reasonOf(err: Error): string {
  return (err as Error & { reason?: string }).reason ?? err.message;
}

function networkError(err: NodeJS.ErrnoException, opts: { host: string; port: number }): TransportError {
  const at = `${opts.host}:${opts.port}`;
  switch (err.code) {
    case 'ECONNREFUSED':
      return new TransportError('refused', { id: 'refused', at });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new TransportError('dns', { id: 'dns', host: opts.host });
    case 'ECONNRESET':
      return new TransportError('closed', { id: 'reset', at });
    case 'ETIMEDOUT':
      return new TransportError('connect-timeout', { id: 'timed-out', at });
  }
  if (/wrong version number|packet length too long|unknown protocol/i.test(err.message)) {
    return new TransportError('tls', { id: 'tls-plain-port', at, reason: reasonOf(err) });
  }
  if (/ssl|tls|alert|handshake/i.test(err.message)) {
    return new TransportError('tls', { id: 'tls-handshake', at, reason: reasonOf(err) });
  }
  return new TransportError('network', { id: 'network', at, detail: err.message });
}
