// The capture proxy: a loopback listener that relays each client connection to the real server byte for
// byte (TLS on either side terminated here), records a redacted transcript, decodes and explains each
// login, and in injection mode replaces a plain login with XOAUTH2/OAUTHBEARER. Streams, never buffers
// a message; every connection has limits, timeouts and an explained ending.
import * as l10n from '@vscode/l10n';
import { EventEmitter } from 'events';
import * as net from 'net';
import * as tls from 'tls';
import { Transcript } from '../protocol/transcript';
import { redactTokenLike } from '../token/redact';
import { Framer } from './framer';
import { LoginAttempt } from './login';
import { ProtocolHandler, handlerFor } from './handlers';
import { connectUpstream, UpstreamError } from './upstream';
import { ConnectionSummary, Ending, EndCode, LoginRecord, ProxyConnectionView, ProxyError, ProxyEvent, ProxyOptions } from './types';

const DEFAULTS = {
  maxConnections: 500,
  maxLineBytes: 256 * 1024,
  idleTimeoutMs: 35 * 60_000,
  loginTimeoutMs: 5 * 60_000,
  connectTimeoutMs: 15_000,
  maxTranscriptEntries: 5000,
};

/** One transcript entry is cut beyond this (lines up to the inspection cap are relayed whole). */
const MAX_ENTRY_CHARS = 8192;
/** A connection's transcript stops recording beyond this (the relay goes on). */
const MAX_TRANSCRIPT_BYTES = 2 * 1024 * 1024;

export type ResolvedOptions = ProxyOptions & typeof DEFAULTS;

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export { generateClientPassword, secretEquals } from './injection';

export class CaptureProxy extends EventEmitter {
  private server: net.Server | undefined;
  private readonly connections = new Set<RelayConnection>();
  private nextId = 1;
  readonly options: ResolvedOptions;
  /** Every connection seen, newest last (the views list them); bounded. */
  readonly history: ProxyConnectionView[] = [];
  address: { host: string; port: number } | undefined;

  constructor(options: ProxyOptions) {
    super();
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ProxyOptions;
    this.options = { ...DEFAULTS, ...given };
    const o = this.options;
    if (!isLoopback(o.listenHost) && !o.allowNonLoopback) {
      throw new ProxyError(
        'non-loopback',
        l10n.t(
          'The relay listens on loopback only (127.0.0.1): on {0} anyone who can reach this machine could use it, and in injection mode log in to the mailbox. Pass the explicit option to allow it, on a trusted network only.',
          o.listenHost,
        ),
      );
    }
    if (o.clientSecurity !== 'none' && !o.clientTls) throw new ProxyError('certificate', l10n.t('TLS towards the client needs a certificate and key.'));
    if (o.inject && !o.inject.clientPassword) throw new ProxyError('options', l10n.t('Injection mode needs the password the client must present.'));
  }

  onEvent(listener: (e: ProxyEvent) => void): void {
    this.on('event', listener);
  }

  private emitEvent(e: ProxyEvent): void {
    this.emit('event', e);
  }

  async listen(): Promise<{ host: string; port: number }> {
    const o = this.options;
    const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: false }, (socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) =>
        reject(
          new ProxyError(
            'listen',
            err.code === 'EADDRINUSE'
              ? l10n.t('Port {0} on {1} is in use: choose another listen port.', o.listenPort, o.listenHost)
              : l10n.t('Cannot listen on {0}:{1} ({2}).', o.listenHost, o.listenPort, err.code ?? err.message),
          ),
        ),
      );
      server.listen(o.listenPort, o.listenHost, () => resolve());
    });
    server.on('error', () => undefined);
    const a = server.address() as net.AddressInfo;
    this.address = { host: o.listenHost, port: a.port };
    if (!isLoopback(o.listenHost))
      this.emitEvent({ type: 'warning', code: 'non-loopback', message: l10n.t('Listening on {0}, not loopback: anyone who can reach this address can use the relay.', o.listenHost) });
    this.emitEvent({ type: 'listening', ...this.address });
    return this.address;
  }

  get connectionCount(): number {
    return this.nextId - 1;
  }

  get openConnections(): number {
    return this.connections.size;
  }

  private accept(socket: net.Socket): void {
    const id = this.nextId++;
    if (this.connections.size >= this.options.maxConnections) {
      socket.destroy();
      this.emitEvent({ type: 'warning', code: 'too-many-connections', message: l10n.t('Connection {0} refused: {1} connections are open already (the limit).', id, this.options.maxConnections) });
      return;
    }
    const c = new RelayConnection(id, socket, this.options, (e) => this.emitEvent(e));
    this.connections.add(c);
    this.history.push(c.view);
    if (this.history.length > 1000) this.history.splice(0, this.history.length - 1000);
    c.once('closed', () => this.connections.delete(c));
    void c.start();
  }

  /** Stops listening and ends every open connection (explained as stopped by the relay). */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const c of [...this.connections]) c.end('stopped', 'relay', l10n.t('The proxy was stopped.'));
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** How a protocol handler talks to its connection. */
export interface RelayContext {
  readonly options: ResolvedOptions;
  readonly transcript: Transcript;
  readonly c2s: Framer;
  readonly s2c: Framer;
  /** Whether the client side runs TLS now (implicit, or after STARTTLS). */
  readonly clientSecure: boolean;
  toServer(bytes: Buffer | string): void;
  toClient(bytes: Buffer | string): void;
  /** Records a line (bounded: after the cap lines are counted, not kept). */
  record(kind: 'C' | 'S' | 'info' | 'tls' | 'error', text: string, options?: { display?: string }): void;
  /** Records a relay note once per key. */
  noteOnce(key: string, text: string): void;
  /** Holds the client's bytes (and pauses reading) until release. */
  holdClient(): void;
  releaseClient(): void;
  /** Answers the client's STARTTLS (the reply already sent) by starting TLS on the client side. */
  startClientTls(): void;
  loginStarted(attempt: LoginAttempt): void;
  loginFinished(attempt: LoginAttempt, record: LoginRecord): void;
  end(code: EndCode, by: Ending['by'], message: string): void;
}

class RelayConnection extends EventEmitter implements RelayContext {
  readonly transcript = new Transcript();
  readonly view: ProxyConnectionView;
  readonly c2s: Framer;
  readonly s2c: Framer;
  private client: net.Socket | tls.TLSSocket;
  private upstream: net.Socket | tls.TLSSocket | undefined;
  private handler!: ProtocolHandler;
  clientSecure = false;
  private recorded = 0;
  private recordedBytes = 0;
  private unrecorded = 0;
  private readonly notes = new Set<string>();
  private pendingLogins = new Set<LoginAttempt>();
  private loggedIn = false;
  private loginTimer: NodeJS.Timeout | undefined;
  private clientEnded = false;
  private serverEnded = false;
  private finished = false;

  constructor(
    readonly id: number,
    socket: net.Socket,
    readonly options: ResolvedOptions,
    private readonly emitEvent: (e: ProxyEvent) => void,
  ) {
    super();
    this.client = socket;
    socket.setNoDelay(true);
    const summary: ConnectionSummary = {
      id,
      protocol: options.protocol,
      client: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`,
      startedAt: new Date(),
      bytesFromClient: 0,
      bytesFromServer: 0,
      logins: [],
    };
    this.view = Object.assign(summary, { transcript: this.transcript });
    this.c2s = new Framer(
      {
        line: (l) => this.handler.clientLine(l),
        raw: (b) => this.toServer(b),
        longLineEnd: (t, n) => this.handler.clientLongLine(t, n),
        dotEnd: () => this.handler.clientDotEnd?.(),
        bytesEnd: () => this.handler.clientBytesEnd?.(),
      },
      options.maxLineBytes,
    );
    this.s2c = new Framer(
      { line: (l) => this.handler.serverLine(l), raw: (b) => this.toClient(b), longLineEnd: (t, n) => this.handler.serverLongLine(t, n), dotEnd: () => this.handler.serverDotEnd?.() },
      options.maxLineBytes,
    );
  }

  async start(): Promise<void> {
    const o = this.options;
    this.handler = handlerFor(o.protocol, this);
    this.emitEvent({ type: 'connection', connection: this.view });
    this.record(
      'info',
      o.inject
        ? l10n.t(
            'Connection {0} from {1}; relaying to {2}:{3} ({4}); towards the client: {5}; injection mode ({6})',
            this.id,
            this.view.client,
            o.upstream.host,
            o.upstream.port,
            o.upstream.security,
            o.clientSecurity,
            o.inject.mechanism,
          )
        : l10n.t('Connection {0} from {1}; relaying to {2}:{3} ({4}); towards the client: {5}', this.id, this.view.client, o.upstream.host, o.upstream.port, o.upstream.security, o.clientSecurity),
    );
    this.client.on('error', () => undefined);
    this.client.pause();
    this.loginTimer = setTimeout(() => {
      if (!this.loggedIn) this.end('login-timeout', 'relay', l10n.t('No login within {0} s; the relay closed the connection.', o.loginTimeoutMs / 1000));
    }, o.loginTimeoutMs);
    this.loginTimer.unref?.();
    try {
      if (o.clientSecurity === 'tls') await this.wrapClientTls();
      const up = await connectUpstream(o.protocol, o.upstream, this.transcript, o.connectTimeoutMs);
      if (this.finished) {
        up.socket.destroy();
        return;
      }
      this.upstream = up.socket;
      this.attachUpstream(up.socket);
      if (up.greeting) this.receiveFromServer(up.greeting);
      this.attachClient(this.client);
      this.client.resume();
    } catch (e) {
      const message = e instanceof UpstreamError || e instanceof Error ? e.message : String(e);
      const code: EndCode = e instanceof ClientTlsError ? 'client-tls-failed' : 'upstream-failed';
      this.handler.refuseClient?.(message);
      this.end(code, 'relay', message);
    }
  }

  private wrapClientTls(): Promise<void> {
    const o = this.options;
    const raw = this.client;
    return new Promise((resolve, reject) => {
      const secureContext = tls.createSecureContext({ cert: o.clientTls!.cert, key: o.clientTls!.key });
      const s = new tls.TLSSocket(raw, { isServer: true, secureContext });
      const timer = setTimeout(() => {
        reject(
          new ClientTlsError(l10n.t('The client did not finish the TLS handshake within {0} s (does it expect plain text? Set the client security to none or STARTTLS).', o.connectTimeoutMs / 1000)),
        );
      }, o.connectTimeoutMs);
      s.once('secure', () => {
        clearTimeout(timer);
        this.client = s;
        this.clientSecure = true;
        this.record('tls', l10n.t('to the client: {0}, {1}', s.getProtocol() ?? '?', s.getCipher()?.name ?? '?'));
        resolve();
      });
      s.once('error', (err: Error & { reason?: string; code?: string }) => {
        clearTimeout(timer);
        reject(
          new ClientTlsError(
            l10n.t(
              "The TLS handshake with the client failed ({0}): the client may not trust the relay's CA (export it and trust it in the application), or it speaks plain text (set the client security to none or STARTTLS).",
              err.reason ?? err.code ?? err.message,
            ),
          ),
        );
      });
      s.on('error', () => undefined);
    });
  }

  startClientTls(): void {
    const raw = this.client;
    raw.removeAllListeners('data');
    raw.removeAllListeners('end');
    raw.removeAllListeners('close');
    raw.removeAllListeners('timeout');
    const dropped = this.c2s.dropHeld();
    if (dropped > 0) this.record('error', l10n.t('The client sent {0} bytes after STARTTLS before the TLS handshake; they were dropped (a STARTTLS injection).', dropped));
    this.wrapClientTls()
      .then(() => {
        this.attachClient(this.client);
        this.releaseClient();
      })
      .catch((e: Error) => this.end('client-tls-failed', 'client', e.message));
    raw.resume();
  }

  private attachClient(s: net.Socket | tls.TLSSocket): void {
    s.on('data', (chunk: Buffer) => {
      this.view.bytesFromClient += chunk.length;
      this.c2s.push(chunk);
    });
    const ended = () => {
      if (this.clientEnded) return;
      this.clientEnded = true;
      this.endOrder.push('client');
      this.upstream?.end();
      this.maybeFinish();
    };
    s.on('end', ended);
    s.on('close', ended);
    s.on('error', (err: NodeJS.ErrnoException) => this.end('network', 'client', l10n.t('The client connection failed ({0}).', err.code ?? err.message)));
    s.setTimeout(this.options.idleTimeoutMs, () =>
      this.end('idle-timeout', 'relay', l10n.t('No traffic for {0} min; the relay closed the connection.', Math.round(this.options.idleTimeoutMs / 60_000))),
    );
  }

  private attachUpstream(s: net.Socket | tls.TLSSocket): void {
    s.on('data', (chunk: Buffer) => this.receiveFromServer(chunk));
    const ended = () => {
      if (this.serverEnded) return;
      this.serverEnded = true;
      this.endOrder.push('server');
      this.client.end();
      this.maybeFinish();
    };
    s.on('end', ended);
    s.on('close', ended);
    s.on('error', (err: NodeJS.ErrnoException) => this.end('network', 'server', l10n.t('The server connection failed ({0}).', err.code ?? err.message)));
  }

  private receiveFromServer(chunk: Buffer): void {
    this.view.bytesFromServer += chunk.length;
    this.s2c.push(chunk);
  }

  /** Both directions ended: the connection is over, said by whoever ended first. */
  private maybeFinish(): void {
    if (this.finished || !(this.clientEnded && this.serverEnded)) return;
    const byServer = this.firstEnd === 'server';
    this.end(byServer ? 'server-closed' : 'client-closed', byServer ? 'server' : 'client', byServer ? l10n.t('The server closed the connection.') : l10n.t('The client closed the connection.'));
  }

  private get firstEnd(): 'client' | 'server' {
    return this.endOrder[0] ?? 'client';
  }

  private endOrder: ('client' | 'server')[] = [];

  private paused = { c2s: false, s2c: false };

  toServer(bytes: Buffer | string): void {
    const up = this.upstream;
    if (!up || up.destroyed) return;
    if (!up.write(bytes) && !this.paused.c2s) {
      this.paused.c2s = true;
      this.client.pause();
      up.once('drain', () => {
        this.paused.c2s = false;
        if (!this.c2s.isHeld) this.client.resume();
      });
    }
  }

  toClient(bytes: Buffer | string): void {
    const c = this.client;
    if (c.destroyed) return;
    if (!c.write(bytes) && !this.paused.s2c) {
      this.paused.s2c = true;
      this.upstream?.pause();
      c.once('drain', () => {
        this.paused.s2c = false;
        this.upstream?.resume();
      });
    }
  }

  holdClient(): void {
    this.c2s.hold();
    this.client.pause();
  }

  releaseClient(): void {
    this.c2s.release();
    if (!this.c2s.isHeld && !this.paused.c2s) this.client.resume();
  }

  record(kind: 'C' | 'S' | 'info' | 'tls' | 'error', text: string, options: { display?: string } = {}): void {
    if ((this.recorded >= this.options.maxTranscriptEntries || this.recordedBytes > MAX_TRANSCRIPT_BYTES) && kind !== 'error') {
      if (this.unrecorded++ === 0) this.transcript.add('info', l10n.t('Transcript limit of {0} entries reached: later lines are relayed but not recorded.', this.options.maxTranscriptEntries));
      return;
    }
    this.recorded++;
    if (text.length > MAX_ENTRY_CHARS) {
      // Cut, then anything token-like redacted: a cut auth blob no longer decodes, so it would not be recognised.
      const cut = `${redactTokenLike(text.slice(0, MAX_ENTRY_CHARS))}… ${l10n.t('({0} characters, shown in part)', text.length)}`;
      text = cut;
      if (options.display) options = { display: cut };
    }
    this.recordedBytes += text.length;
    this.transcript.add(kind, text, options);
  }

  noteOnce(key: string, text: string): void {
    if (this.notes.has(key)) return;
    this.notes.add(key);
    this.record('info', text);
  }

  loginStarted(attempt: LoginAttempt): void {
    this.pendingLogins.add(attempt);
  }

  loginFinished(attempt: LoginAttempt, record: LoginRecord): void {
    this.pendingLogins.delete(attempt);
    this.view.logins.push(record);
    if (record.outcome === 'ok') {
      this.loggedIn = true;
      clearTimeout(this.loginTimer);
    }
    const v = record.verdict;
    if (v) this.record(v.ok ? 'info' : 'error', `${l10n.t('Verdict')}: ${v.title}${v.cause ? ` ${v.cause}` : ''}${v.fix ? ` ${l10n.t('Fix')}: ${v.fix}` : ''}`);
    this.emitEvent({ type: 'login', connection: this.view, login: record });
  }

  end(code: EndCode, by: Ending['by'], message: string): void {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.loginTimer);
    for (const a of this.pendingLogins) this.loginFinished(a, a.finish('unfinished', message));
    this.view.ending = { code, by, message };
    this.view.endedAt = new Date();
    if (this.unrecorded > 1) this.transcript.add('info', l10n.t('{0} further entries were not recorded.', this.unrecorded - 1));
    this.transcript.add(code === 'client-closed' || code === 'server-closed' ? 'info' : 'error', message);
    if (code === 'upstream-failed') {
      // The client's explanation (IMAP BYE, POP3 -ERR, SMTP 421) goes out before the close.
      this.client.end();
      setTimeout(() => this.client.destroy(), 1000).unref?.();
    } else this.client.destroy();
    this.upstream?.destroy();
    this.emit('closed');
    this.emitEvent({ type: 'closed', connection: this.view });
  }
}

class ClientTlsError extends Error {}
