// A scripted misbehaving mail server on loopback (plain TCP or implicit TLS, with a server-side STARTTLS
// upgrade): each connection runs a small script (greet, read the client's lines, flood, trickle, close,
// reset...) so tests and `npm run hostile` can play hostile peers against the engines and the console.
import * as net from 'net';
import * as tls from 'tls';

/** What a script does with one connection. */
export class Peer {
  private buffered = Buffer.alloc(0);
  private waiting: (() => void) | undefined;
  closed = false;

  constructor(
    public socket: net.Socket,
    private readonly secure: tls.SecureContextOptions | undefined,
  ) {
    this.listen(socket);
  }

  private listen(socket: net.Socket): void {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.wake();
    });
    socket.on('error', () => undefined); // a client that gives up resets; that is expected here
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.();
  }

  /** Sends text or bytes; resolves once written (or at once if the client is gone). */
  send(data: string | Buffer): Promise<void> {
    if (this.closed || this.socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      if (!this.socket.write(data)) this.socket.once('drain', resolve).once('close', resolve);
      else resolve();
    });
  }

  /** The client's next line (without CRLF), or undefined when the client closed the connection. */
  async line(): Promise<string | undefined> {
    for (;;) {
      const nl = this.buffered.indexOf(0x0a);
      if (nl >= 0) {
        const line = this.buffered.subarray(0, nl).toString('latin1').replace(/\r$/, '');
        this.buffered = this.buffered.subarray(nl + 1);
        return line;
      }
      if (this.closed) return undefined;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  /** Waits until the client sent any bytes (a TLS ClientHello has no line end); returns them all. */
  async bytes(): Promise<Buffer | undefined> {
    while (this.buffered.length === 0) {
      if (this.closed) return undefined;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
    const all = this.buffered;
    this.buffered = Buffer.alloc(0);
    return all;
  }

  /** Waits until the client closed the connection. */
  async untilClosed(): Promise<void> {
    while (!this.closed) await new Promise<void>((resolve) => (this.waiting = resolve));
  }

  /** Sends `data` one byte at a time, `everyMs` apart, until done or the client leaves. */
  async trickle(data: string, everyMs: number): Promise<void> {
    for (const byte of Buffer.from(data, 'latin1')) {
      if (this.closed) return;
      await this.send(Buffer.from([byte]));
      await sleep(everyMs);
    }
  }

  /** Sends chunks from `next` (respecting backpressure) until it returns undefined or the client leaves. */
  async flood(next: (i: number) => string | Buffer | undefined): Promise<number> {
    let sent = 0;
    for (let i = 0; !this.closed && !this.socket.destroyed; i++) {
      const chunk = next(i);
      if (chunk === undefined) break;
      sent += chunk.length;
      await this.send(chunk);
    }
    return sent;
  }

  /** Server side of STARTTLS: the rest of the connection is TLS with the harness's certificate. */
  async upgrade(): Promise<void> {
    if (!this.secure) throw new Error('this hostile peer has no certificate for STARTTLS');
    const plain = this.socket;
    plain.removeAllListeners('data');
    plain.removeAllListeners('close');
    const secured = new tls.TLSSocket(plain, { isServer: true, ...this.secure });
    this.socket = secured;
    this.listen(secured);
    await new Promise<void>((resolve) => {
      secured.once('secure', resolve);
      secured.once('close', resolve);
      secured.once('error', () => resolve());
    });
  }

  /** Closes politely (FIN). */
  end(): void {
    this.socket.end();
  }

  /** Closes with a TCP reset (RST). */
  reset(): void {
    this.socket.resetAndDestroy();
  }
}

export type PeerScript = (peer: Peer) => Promise<void>;

export interface HostilePeerOptions {
  /** Implicit TLS from the first byte with this certificate (PEM). */
  tls?: { cert: string; key: string };
  /** Certificate for a server-side STARTTLS (`peer.upgrade()`). */
  starttls?: { cert: string; key: string };
}

export interface HostilePeer {
  port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Connections still open on the server side. */
  readonly open: number;
  /** Resolves when every accepted connection is closed (or after `ms`, with false). */
  allClosed(ms: number): Promise<boolean>;
  /** Scripts that threw (a harness defect, not a finding about the client). */
  readonly scriptErrors: Error[];
  stop(): Promise<void>;
}

export async function startHostilePeer(script: PeerScript, options: HostilePeerOptions = {}): Promise<HostilePeer> {
  // Peers, not sockets: after a STARTTLS upgrade the TLS socket owns the connection and the plain
  // socket object never reports its close.
  const peers = new Set<Peer>();
  const scriptErrors: Error[] = [];
  let connections = 0;
  const open = () => [...peers].filter((p) => !p.closed).length;
  const run = (socket: net.Socket) => {
    connections++;
    const peer = new Peer(socket, options.starttls);
    peers.add(peer);
    script(peer).catch((e: Error) => {
      scriptErrors.push(e);
      socket.destroy();
    });
  };
  const server = options.tls ? tls.createServer({ cert: options.tls.cert, key: options.tls.key }, run) : net.createServer(run);
  if (options.tls) {
    // Handshake failures (a client that rejects the certificate) are the point of some scenarios.
    server.on('tlsClientError', () => undefined);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    get connections() {
      return connections;
    },
    get open() {
      return open();
    },
    async allClosed(ms: number) {
      const deadline = Date.now() + ms;
      while (open() > 0 && Date.now() < deadline) await sleep(20);
      return open() === 0;
    },
    scriptErrors,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const p of peers) p.socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
