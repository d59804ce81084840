// One line transport for IMAP, POP3 and SMTP: TCP, implicit TLS and the STARTTLS upgrade, with SNI,
// certificate verification on by default, connect and read timeouts, and caps on line and response size.
import * as net from 'net';
import { Duplex } from 'stream';
import * as tls from 'tls';
import { Transcript } from './transcript';

export type Security = 'tls' | 'starttls' | 'none';

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
  /** Largest response (or IMAP literal) accepted. */
  maxResponseBytes?: number;
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
  | 'network';

/** A failure of the connection itself, with a message that says what happened and what to try. */
export class TransportError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const DEFAULTS = { connectTimeoutMs: 15_000, readTimeoutMs: 30_000, maxLineBytes: 64 * 1024, maxResponseBytes: 32 * 1024 * 1024 };

export class LineTransport {
  /** A TCP or TLS socket, or (LineTransport.over) any connected stream. */
  private socket: Duplex;
  /** Received bytes not read yet, as they arrived (joined only when read: no copy per chunk). */
  private readonly received = new ChunkQueue();
  private waiter: (() => void) | undefined;
  private ended: TransportError | undefined;
  tls: TlsDetails | undefined;
  /** Number of client writes (each a potential round trip), for the round-trip count. */
  writes = 0;

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
    transcript.add('info', `Connecting to ${opts.host}:${opts.port} (${opts.security === 'tls' ? 'implicit TLS' : opts.security === 'starttls' ? 'plain, STARTTLS to follow' : 'plain, no TLS'})`);
    const socket = await new Promise<net.Socket | tls.TLSSocket>((resolve, reject) => {
      const s =
        opts.security === 'tls'
          ? tls.connect({ host: opts.host, port: opts.port, servername: serverName(opts.host), rejectUnauthorized: false, ca: caList(opts.ca) })
          : net.connect({ host: opts.host, port: opts.port });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new TransportError('connect-timeout', `No connection to ${opts.host}:${opts.port} within ${opts.connectTimeoutMs / 1000} s. A firewall may drop the traffic (many networks block ports 25 and 587), or the host or port is wrong.`));
      }, opts.connectTimeoutMs);
      s.once(opts.security === 'tls' ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        s.removeAllListeners('error');
        resolve(s);
      });
      s.once('error', (err) => {
        clearTimeout(timer);
        reject(networkError(err, opts));
      });
    });
    const transport = new LineTransport(socket, opts, transcript);
    if (socket instanceof tls.TLSSocket) transport.checkTls(socket);
    return transport;
  }

  private attach(socket: Duplex): void {
    socket.on('data', (chunk: Buffer) => {
      this.received.push(chunk);
      if (this.received.length > this.options.maxResponseBytes + this.options.maxLineBytes) {
        this.fail(new TransportError('response-too-large', `The server sent more than ${this.options.maxResponseBytes} bytes without the client reading them; the connection was closed.`));
        return;
      }
      this.wake();
    });
    socket.on('error', (err) => this.fail(networkError(err, this.options)));
    socket.on('close', () => this.fail(new TransportError('closed', 'The server closed the connection.')));
  }

  private fail(err: TransportError): void {
    if (!this.ended) this.ended = err;
    this.socket.destroy();
    this.wake();
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  /** Waits until `ready()` holds, new data arrives or the read timeout passes. */
  private async waitFor(ready: () => boolean, what: string, timeoutMs = this.options.readTimeoutMs): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      if (this.ended) throw this.ended;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new TransportError('read-timeout', `The server sent nothing for ${Math.round(timeoutMs / 1000)} s while the client waited for ${what}. The server may be overloaded, or expects something else on this port.`);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  }

  /** Reads one line (without CRLF) and records it as a server line. */
  async readLine(what = 'the server reply'): Promise<string> {
    let nl = -1;
    await this.waitFor(() => {
      nl = this.received.indexOfNewline();
      if (nl < 0 && this.received.length > this.options.maxLineBytes) {
        throw new TransportError('line-too-long', `The server sent a line longer than ${this.options.maxLineBytes} bytes; the client stopped reading it.`);
      }
      return nl >= 0;
    }, what);
    if (nl > this.options.maxLineBytes) {
      throw new TransportError('line-too-long', `The server sent a line longer than ${this.options.maxLineBytes} bytes; the client stopped reading it.`);
    }
    const raw = this.received.take(nl + 1).subarray(0, nl);
    const line = raw.toString('utf8').replace(/\r$/, '');
    this.transcript.add('S', line);
    return line;
  }

  /** Largest response (or IMAP literal) accepted; a session checks what it gathers into one reply against it. */
  get maxResponseBytes(): number {
    return this.options.maxResponseBytes;
  }

  /** Reads exactly n bytes (an IMAP literal); recorded as one server entry. */
  async readBytes(n: number, what = 'an IMAP literal'): Promise<Buffer> {
    if (n > this.options.maxResponseBytes) {
      throw new TransportError('response-too-large', `The server announced a literal of ${n} bytes, more than the ${this.options.maxResponseBytes} allowed; the client stopped.`);
    }
    await this.waitFor(() => this.received.length >= n, what);
    return this.received.take(n);
  }

  /** Sends one line (CRLF added). `display` replaces it in the transcript (for lines with secrets). */
  write(line: string, options: { display?: string } = {}): void {
    if (this.ended) throw this.ended;
    this.writes++;
    this.transcript.add('C', line, options.display ? { display: options.display } : {});
    this.socket.write(line + '\r\n');
  }

  /** Upgrades the connection to TLS after the server agreed to STARTTLS / STLS. */
  async startTls(): Promise<void> {
    if (this.received.length) {
      throw new TransportError('tls', 'The server sent data after agreeing to STARTTLS and before the TLS handshake (a STARTTLS injection risk); the client stopped.');
    }
    const plain = this.socket;
    plain.removeAllListeners('data');
    plain.removeAllListeners('error');
    plain.removeAllListeners('close');
    const secured = await new Promise<tls.TLSSocket>((resolve, reject) => {
      const s = tls.connect({ socket: plain, servername: serverName(this.options.host), rejectUnauthorized: false, ca: caList(this.options.ca) });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new TransportError('connect-timeout', `The TLS handshake after STARTTLS did not finish within ${this.options.connectTimeoutMs / 1000} s.`));
      }, this.options.connectTimeoutMs);
      s.once('secureConnect', () => {
        clearTimeout(timer);
        s.removeAllListeners('error');
        resolve(s);
      });
      s.once('error', (err) => {
        clearTimeout(timer);
        reject(networkError(err, this.options));
      });
    });
    this.socket = secured;
    this.attach(secured);
    this.checkTls(secured);
  }

  /** Records TLS details and enforces certificate verification unless it was turned off. */
  private checkTls(socket: tls.TLSSocket): void {
    const cert = socket.getPeerCertificate();
    const name = (x: Record<string, unknown> | undefined) => (x ? Object.entries(x).map(([k, v]) => `${k}=${String(v)}`).join(', ') : '');
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
    this.transcript.add('tls', `${t.protocol}, ${t.cipher}; certificate ${t.subject}; issuer ${t.issuer}; valid ${t.validFrom} – ${t.validTo}; ${t.authorized ? 'verified' : `NOT verified (${t.authorizationError})`}`);
    if (!t.authorized && this.options.verifyCertificate !== false) {
      socket.destroy();
      throw new TransportError('certificate', certificateMessage(t.authorizationError ?? 'unknown reason', this.options.host));
    }
  }

  close(): void {
    this.ended ??= new TransportError('closed', 'The client closed the connection.');
    this.socket.end();
    this.socket.destroy();
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
  return { ...DEFAULTS, ...given };
}

function serverName(host: string): string | undefined {
  return net.isIP(host) ? undefined : host;
}

function caList(ca: string | undefined): string[] | undefined {
  return ca ? [...tls.rootCertificates, ca] : undefined;
}

function certificateMessage(reason: string, host: string): string {
  const why: Record<string, string> = {
    DEPTH_ZERO_SELF_SIGNED_CERT: 'the server uses a self-signed certificate',
    SELF_SIGNED_CERT_IN_CHAIN: 'the chain ends in a certificate authority this machine does not trust (a corporate TLS-inspection proxy, or a private CA)',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server did not send its intermediate certificates, or they come from an untrusted CA',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuing certificate authority is not trusted on this machine',
    CERT_HAS_EXPIRED: 'the server certificate has expired',
    CERT_NOT_YET_VALID: 'the server certificate is not valid yet (check the clock)',
  };
  const known = Object.entries(why).find(([code]) => reason.includes(code));
  const text = known ? known[1] : reason;
  return `The server certificate of ${host} was not accepted: ${text}. Connect with the name the certificate is issued for, or, for a local test server only, turn certificate verification off for this session.`;
}

function networkError(err: NodeJS.ErrnoException, opts: { host: string; port: number }): TransportError {
  const at = `${opts.host}:${opts.port}`;
  switch (err.code) {
    case 'ECONNREFUSED':
      return new TransportError('refused', `${at} refused the connection: nothing listens on that port, or a firewall rejects it. Check host and port (IMAP 993, POP 995, SMTP 587).`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new TransportError('dns', `The host name ${opts.host} could not be resolved. Check its spelling (outlook.office365.com, smtp.office365.com, imap.gmail.com) and the network's DNS.`);
    case 'ECONNRESET':
      return new TransportError('closed', `${at} reset the connection. A TLS-only port spoken to in plain text (or the reverse) often ends like this: check the security setting.`);
    case 'ETIMEDOUT':
      return new TransportError('connect-timeout', `The connection to ${at} timed out.`);
  }
  if (/wrong version number|packet length too long|unknown protocol/i.test(err.message)) {
    return new TransportError('tls', `TLS failed with ${at}: ${err.message}. The port probably speaks plain text: use STARTTLS (e.g. 587, 143, 110) instead of implicit TLS (465, 993, 995), or the other way round.`);
  }
  if (/ssl|tls|alert|handshake/i.test(err.message)) {
    return new TransportError('tls', `The TLS handshake with ${at} failed: ${err.message}.`);
  }
  return new TransportError('network', `The connection to ${at} failed: ${err.message}.`);
}
