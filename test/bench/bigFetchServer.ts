// A scripted IMAP server on loopback for the console bench (and the literal unit test): greets with
// SASL-IR and XOAUTH2, accepts any AUTHENTICATE, answers LIST, SELECT, NOOP and LOGOUT, and answers
// FETCH 1 BODY[] with one message of `literalBytes` bytes sent as a literal {n}: realistic text lines
// (headers, then a base64 attachment body in 76-character lines); FETCH 1:* with many short lines.
import * as crypto from 'crypto';
import * as net from 'net';

export interface BigFetchServer {
  port: number;
  /** The exact bytes of the message literal the server sends for FETCH. */
  message: Buffer;
  stop(): Promise<void>;
}

/** A MIME message of exactly `bytes` bytes (CRLF lines) with a base64 attachment filling it. */
export function bigMessage(bytes: number): Buffer {
  const head = [
    'Return-Path: <adele@contoso.com>',
    'From: Adele Vance <adele@contoso.com>',
    'To: Adele Vance <adele@contoso.com>',
    'Subject: Quarterly report (large attachment)',
    'Date: Mon, 02 Nov 2026 09:00:00 +0000',
    'Message-ID: <big-fetch-bench@contoso.com>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The report is attached.',
    '--b1',
    'Content-Type: application/pdf; name="report.pdf"',
    'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="report.pdf"',
    '',
    '',
  ].join('\r\n');
  const tail = '\r\n--b1--\r\n';
  const out = Buffer.alloc(bytes, 0x41);
  let at = out.write(head, 0, 'latin1');
  const end = bytes - Buffer.byteLength(tail);
  // Base64 of random data, 76 characters a line, until the tail.
  const b64 = crypto.randomBytes(Math.ceil((end - at) * 0.75) + 64).toString('base64');
  let i = 0;
  while (at < end) {
    const room = end - at;
    if (room <= 2) {
      out.write('\r\n'.slice(0, room), at, 'latin1');
      break;
    }
    const n = Math.min(76, room - 2);
    at += out.write(b64.slice(i, i + n), at, 'latin1');
    at += out.write('\r\n', at, 'latin1');
    i += n;
  }
  out.write(tail, end, 'latin1');
  return out;
}

/**
 * `literalBytes`: the size of the message `FETCH 1 BODY[]` returns as a literal. `manyLines`: how many
 * untagged lines `FETCH 1:* (...)` returns.
 */
export async function startBigFetchServer(literalBytes = 20 * 1024 * 1024, manyLines = 100_000): Promise<BigFetchServer> {
  const message = bigMessage(literalBytes);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.write('* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] ready\r\n');
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const line = buffered.slice(0, nl).replace(/\r$/, '');
        buffered = buffered.slice(nl + 1);
        answer(socket, line);
      }
    });
  });
  const answer = (socket: net.Socket, line: string) => {
    const m = /^(\S+) (\S+)/.exec(line);
    if (!m) return;
    const [, tag, verb] = m;
    switch (verb.toUpperCase()) {
      case 'AUTHENTICATE':
        return void socket.write(`${tag} OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] AUTHENTICATE completed\r\n`);
      case 'CAPABILITY':
        return void socket.write(`* CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2\r\n${tag} OK CAPABILITY completed\r\n`);
      case 'LIST':
        return void socket.write(`* LIST (\\HasNoChildren) "/" INBOX\r\n${tag} OK LIST completed\r\n`);
      case 'SELECT':
        return void socket.write(`* 1 EXISTS\r\n* FLAGS (\\Seen)\r\n${tag} OK [READ-WRITE] SELECT completed\r\n`);
      case 'NOOP':
        return void socket.write(`${tag} OK NOOP completed\r\n`);
      case 'FETCH':
        if (/^\S+ FETCH 1:\* /i.test(line)) {
          // Many short untagged lines instead of one literal: one transcript row each.
          const rows: string[] = [];
          for (let n = 1; n <= manyLines; n++) rows.push(`* ${n} FETCH (UID ${n} FLAGS (\\Seen) RFC822.SIZE ${2048 + (n % 997)})\r\n`);
          socket.write(rows.join(''));
          return void socket.write(`${tag} OK FETCH completed (${manyLines} messages)\r\n`);
        }
        socket.write(`* 1 FETCH (BODY[] {${message.length}}\r\n`);
        socket.write(message);
        return void socket.write(`)\r\n${tag} OK FETCH completed\r\n`);
      case 'LOGOUT':
        socket.write(`* BYE logging out\r\n${tag} OK LOGOUT completed\r\n`);
        return void socket.end();
      default:
        return void socket.write(`${tag} BAD unknown command\r\n`);
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    message,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
