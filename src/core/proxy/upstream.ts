// The relay's connection to the real server: implicit TLS, STARTTLS done by the relay itself before
// the client sees the greeting, or plain; the certificate is verified unless told otherwise.
import * as l10n from '@vscode/l10n';
import * as net from 'net';
import * as tls from 'tls';
import { socketReady } from '../protocol/socketReady';
import { Transcript } from '../protocol/transcript';
import { MailProtocol } from '../token/checks';
import { UpstreamOptions } from './types';

export class UpstreamError extends Error {
  constructor(
    readonly code: 'connect' | 'tls' | 'certificate' | 'starttls' | 'timeout',
    message: string,
  ) {
    super(message);
  }
}

export interface Upstream {
  socket: net.Socket | tls.TLSSocket;
  /** The greeting, already read when the relay did STARTTLS itself; the client gets it as it was. */
  greeting?: Buffer;
}

const CERT_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server uses a self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'the chain ends in a certificate authority this machine does not trust',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server did not send its intermediate certificates, or they come from an untrusted CA',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuing certificate authority is not trusted on this machine',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  CERT_NOT_YET_VALID: 'the server certificate is not valid yet (check the clock)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is issued for another name',
};

function tlsOptions(o: UpstreamOptions): tls.ConnectionOptions {
  return {
    servername: net.isIP(o.host) ? undefined : o.host,
    rejectUnauthorized: !o.insecure,
    ca: o.ca ? [...tls.rootCertificates, o.ca] : undefined,
  };
}

function failure(err: NodeJS.ErrnoException, o: UpstreamOptions): UpstreamError {
  const at = `${o.host}:${o.port}`;
  const code = err.code ?? '';
  if (CERT_REASONS[code]) {
    return new UpstreamError(
      'certificate',
      l10n.t(
        'The certificate of {0} was not accepted ({1}: {2}). Give the CA that issued it (--ca FILE), or, for a local test server only, turn verification off (--insecure).',
        at,
        code,
        CERT_REASONS[code],
      ),
    );
  }
  if (code === 'ECONNREFUSED') return new UpstreamError('connect', l10n.t('{0} refused the connection: nothing listens there. Check the server host and port.', at));
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new UpstreamError('connect', l10n.t('The host name {0} could not be resolved.', o.host));
  if (/ssl|tls|wrong version|handshake|alert/i.test(err.message)) {
    return new UpstreamError(
      'tls',
      l10n.t('The TLS handshake with {0} failed ({1}): check the security setting (implicit TLS on 993, 995 and 465; STARTTLS on 143, 110 and 587).', at, (err as { reason?: string }).reason ?? code),
    );
  }
  return new UpstreamError('connect', l10n.t('The connection to {0} failed ({1}).', at, code || err.message));
}

/** Reads lines from a plain socket until `done` says the reply is complete (the STARTTLS pre-phase only). */
function readReply(socket: net.Socket, done: (line: string) => boolean, timeoutMs: number, what: string): Promise<{ lines: string[]; bytes: Buffer; rest: Buffer }> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const lines: string[] = [];
    let consumed = 0;
    const cleanup = () => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.off('error', onError);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new UpstreamError('timeout', l10n.t('The server sent no complete {0} within {1} s.', what, timeoutMs / 1000)));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length > 64 * 1024) {
        cleanup();
        reject(new UpstreamError('starttls', l10n.t('The server sent more than 64 KiB as its {0}; the relay closed the connection.', what)));
        return;
      }
      for (;;) {
        const nl = buf.indexOf(0x0a, consumed);
        if (nl < 0) return;
        const line = buf
          .subarray(consumed, nl + 1)
          .toString('utf8')
          .replace(/\r?\n$/, '');
        consumed = nl + 1;
        lines.push(line);
        if (done(line)) {
          cleanup();
          resolve({ lines, bytes: buf.subarray(0, consumed), rest: buf.subarray(consumed) });
          return;
        }
      }
    };
    const onClose = () => {
      cleanup();
      reject(new UpstreamError('starttls', l10n.t('The server closed the connection while the relay waited for its {0}.', what)));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(new UpstreamError('connect', err.message));
    };
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.once('error', onError);
  });
}

const FINAL: Record<MailProtocol, (line: string) => boolean> = {
  imap: (l) => !l.startsWith('* ') || /^\* (OK|PREAUTH|BYE)/i.test(l),
  pop3: () => true,
  smtp: (l) => !/^\d{3}-/.test(l),
};

/** Does STARTTLS / STLS on a fresh plain connection, recording the exchange; returns the greeting. */
async function startTls(socket: net.Socket, protocol: MailProtocol, o: UpstreamOptions, transcript: Transcript, timeoutMs: number): Promise<{ secured: tls.TLSSocket; greeting: Buffer }> {
  const note = (kind: 'C' | 'S', lines: string[]) => lines.forEach((l) => transcript.add(kind, l));
  const greeting = await readReply(socket, FINAL[protocol], timeoutMs, l10n.t('greeting'));
  note('S', greeting.lines);
  const ask = async (command: string, final: (l: string) => boolean) => {
    if (greeting.rest.length) throw new UpstreamError('starttls', l10n.t('The server sent data before the relay asked for anything after the greeting; the relay closed the connection.'));
    transcript.add('C', command);
    socket.write(`${command}\r\n`);
    const r = await readReply(socket, final, timeoutMs, l10n.t('reply to {0}', command));
    note('S', r.lines);
    return r;
  };
  if (protocol === 'smtp') {
    const ehlo = await ask('EHLO mailoauth-proxy', FINAL.smtp);
    if (!ehlo.lines.some((l) => /^250[- ]STARTTLS\b/i.test(l))) {
      throw new UpstreamError(
        'starttls',
        l10n.t('The server does not offer STARTTLS; the relay does not send a login in clear text. Use implicit TLS (port 465) or --security none for a local test server.'),
      );
    }
  }
  const command = protocol === 'imap' ? 'mo0 STARTTLS' : protocol === 'pop3' ? 'STLS' : 'STARTTLS';
  const reply = await ask(command, protocol === 'imap' ? (l) => l.startsWith('mo0 ') : FINAL[protocol]);
  const last = reply.lines[reply.lines.length - 1] ?? '';
  const agreed = protocol === 'imap' ? /^mo0 OK/i.test(last) : protocol === 'pop3' ? last.startsWith('+OK') : last.startsWith('220');
  if (!agreed) throw new UpstreamError('starttls', l10n.t('The server refused STARTTLS ("{0}"); the relay does not send a login in clear text.', transcript.redact(last).slice(0, 200)));
  if (reply.rest.length)
    throw new UpstreamError('starttls', l10n.t('The server sent data after agreeing to STARTTLS and before the TLS handshake (a STARTTLS injection risk); the relay closed the connection.'));
  const secured = await settled(tls.connect({ socket, ...tlsOptions(o) }), 'secureConnect', timeoutMs, o, () =>
    l10n.t('The TLS handshake after STARTTLS did not finish within {0} s.', timeoutMs / 1000),
  );
  recordTls(secured, transcript, o);
  return { secured, greeting: greeting.bytes };
}

/** The socket once `ready` fired; its error explained, or a timeout that destroys it. */
function settled<S extends net.Socket>(s: S, ready: 'connect' | 'secureConnect', timeoutMs: number, o: UpstreamOptions, timedOut: () => string): Promise<S> {
  return socketReady(s, ready, timeoutMs, { timeout: () => new UpstreamError('timeout', timedOut()), error: (err) => failure(err, o) });
}

function recordTls(s: tls.TLSSocket, transcript: Transcript, o: UpstreamOptions): void {
  const cert = s.getPeerCertificate();
  const subject = cert?.subject
    ? Object.entries(cert.subject)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(', ')
    : '?';
  transcript.add(
    'tls',
    l10n.t('to the server: {0}, {1}; certificate {2}; {3}', s.getProtocol() ?? '?', s.getCipher()?.name ?? '?', subject, o.insecure ? l10n.t('NOT verified (--insecure)') : l10n.t('verified')),
  );
}

export async function connectUpstream(protocol: MailProtocol, o: UpstreamOptions, transcript: Transcript, timeoutMs: number): Promise<Upstream> {
  const noConnection = () => l10n.t('No connection to {0}:{1} within {2} s.', o.host, o.port, timeoutMs / 1000);
  const socket: net.Socket | tls.TLSSocket = await (o.security === 'tls'
    ? settled(tls.connect({ host: o.host, port: o.port, allowHalfOpen: true, ...tlsOptions(o) } as tls.ConnectionOptions), 'secureConnect', timeoutMs, o, noConnection)
    : settled(net.connect({ host: o.host, port: o.port, allowHalfOpen: true }), 'connect', timeoutMs, o, noConnection));
  socket.setNoDelay(true);
  if (socket instanceof tls.TLSSocket) recordTls(socket, transcript, o);
  if (o.security !== 'starttls') return { socket };
  try {
    const { secured, greeting } = await startTls(socket, protocol, o, transcript, timeoutMs);
    return { socket: secured, greeting };
  } catch (e) {
    socket.destroy();
    throw e;
  }
}
