// Waiting for a socket to connect or finish its TLS handshake, bounded by a timeout: shared by the line
// transport (connect, STARTTLS) and the capture proxy's upstream, which each explain failures their own way.
import * as net from 'net';

export interface ReadyFailures {
  /** The error when `timeoutMs` passed first (the socket is destroyed). */
  timeout: () => Error;
  /** The error for the socket's own error event. */
  error: (err: NodeJS.ErrnoException) => Error;
  /** The error when the socket closes before it is ready (unset: the error event tells). */
  closed?: () => Error;
  /** Cancelling: the socket is destroyed and the wait ends with `cancelled()`. */
  signal?: AbortSignal;
  cancelled?: () => Error;
}

/** The socket once `ready` fired, its error listeners removed (the caller attaches its own). */
export function socketReady<S extends net.Socket>(s: S, ready: 'connect' | 'secureConnect', timeoutMs: number, f: ReadyFailures): Promise<S> {
  return new Promise<S>((resolve, reject) => {
    const timer = setTimeout(() => {
      s.destroy();
      reject(f.timeout());
    }, timeoutMs);
    s.once(ready, () => {
      clearTimeout(timer);
      s.removeAllListeners('error');
      resolve(s);
    });
    s.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(f.error(err));
    });
    if (f.closed) {
      const closed = f.closed;
      s.once('close', () => {
        clearTimeout(timer);
        reject(closed());
      });
    }
    f.signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      s.destroy();
      reject(f.cancelled!());
    });
  });
}
