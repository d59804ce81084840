// Server bytes played to the IMAP, POP3 and SMTP reply parsers, for the fuzzer and its regression tests:
// in memory (chunks one per event-loop turn, then a close) or over loopback TCP; and the properties.
import * as net from 'net';
import { Duplex } from 'stream';
import { ImapSession } from '../../src/core/protocol/imapSession';
import { Pop3Session } from '../../src/core/protocol/pop3Session';
import { Mechanism, SessionOutcome } from '../../src/core/protocol/session';
import { SmtpSession } from '../../src/core/protocol/smtpSession';
import { Transcript } from '../../src/core/protocol/transcript';
import { LineTransport, TransportError, TransportOptions } from '../../src/core/protocol/transport';

export type Protocol = 'imap' | 'pop3' | 'smtp';

/** Caps small enough for generated input to cross them; a read timeout that only a hang can reach. */
export const FUZZ_LIMITS = { maxLineBytes: 256, maxResponseBytes: 1024, readTimeoutMs: 5_000 };

/**
 * Cuts bytes into chunks (at the given offsets, or one byte each) of at most the fuzzer's line cap: the
 * client reads between chunks, so unread data never passes the transport's cap on it (response + line
 * cap), which would make how reading ends depend on the chunking.
 */
export function chunked(bytes: Buffer, how: number[] | 'every-byte'): Buffer[] {
  if (how === 'every-byte') return [...bytes].map((b) => Buffer.from([b]));
  const at = [...new Set(how.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const to of [...at, bytes.length]) {
    for (; to - from > FUZZ_LIMITS.maxLineBytes; from += FUZZ_LIMITS.maxLineBytes) out.push(bytes.subarray(from, from + FUZZ_LIMITS.maxLineBytes));
    if (to > from) out.push(bytes.subarray(from, to));
    from = Math.max(from, to);
  }
  return out;
}

/** A transport whose server sends `chunks` (each in its own event-loop turn), then closes. */
export function scriptedTransport(chunks: readonly Buffer[], options: Partial<TransportOptions> = {}, transcript = new Transcript()): LineTransport {
  const stream = new Duplex({
    read() {},
    write(_chunk, _encoding, done) {
      done(); // the client's commands go nowhere: the script does not depend on them
    },
  });
  stream.on('end', () => stream.destroy()); // the server closed: 'close' as from a socket
  let next = 0;
  const pump = () => {
    if (stream.destroyed) return;
    if (next < chunks.length) {
      stream.push(chunks[next++]);
      setImmediate(pump);
    } else {
      stream.push(null);
    }
  };
  setImmediate(pump);
  return LineTransport.over(stream, transcript, options);
}

export interface ParsedReplies {
  /** Each reply the parser returned, as JSON, in order. */
  replies: string[];
  /** How reading ended: a TransportError's code, or "escaped: ..." for any other exception. */
  end: string;
  /** The message of the error that ended reading. */
  message: string;
  transcript: Transcript;
}

/**
 * Reads replies with the protocol's own parser until the transport fails (the script always ends in a
 * close, so a parser that terminates always ends in a TransportError). IMAP alternates stopping at
 * continuations or not; POP3 alternates multi-line (RETR) and single-line (STAT) commands.
 */
export function readAllReplies(protocol: Protocol, chunks: readonly Buffer[], options: Partial<TransportOptions> = {}): Promise<ParsedReplies> {
  const transcript = new Transcript();
  return readReplies(protocol, scriptedTransport(chunks, options, transcript), transcript);
}

async function readReplies(protocol: Protocol, transport: LineTransport, transcript: Transcript): Promise<ParsedReplies> {
  const replies: string[] = [];
  const imap = new ImapSession(transport, 'none', 143, 'in-memory');
  const pop3 = new Pop3Session(transport, 'none', 110, 'in-memory');
  const smtp = new SmtpSession(transport, 'none', 587, 'in-memory');
  // The script plays every reply at once, whatever the client sends: the parsers are under test here, not
  // the rule that POP3/SMTP data before a command is a reply to no command (test/servers/hostile* checks it).
  transport.repliesOnly = false;
  try {
    for (let i = 0; ; i++) {
      if (protocol === 'imap') replies.push(JSON.stringify(await imap.readResponse('A001', i % 2 === 0)));
      else if (protocol === 'pop3') replies.push(JSON.stringify(await pop3.command(i % 3 === 2 ? 'STAT' : 'RETR 1')));
      else replies.push(JSON.stringify(await smtp.readReply()));
    }
  } catch (e) {
    const end = e instanceof TransportError ? e.code : `escaped: ${e instanceof Error ? e.stack : String(e)}`;
    transport.close();
    return { replies, end, message: e instanceof Error ? e.message : String(e), transcript };
  }
}

/**
 * Logs in over the scripted bytes (the server's side ignores what the client sends): the session's
 * whole flow meets the same hostile replies. Returns how the login ended, or throws if it escaped.
 */
export async function loginOver(protocol: Protocol, chunks: readonly Buffer[], mechanism: Mechanism): Promise<SessionOutcome> {
  const transport = scriptedTransport(chunks, FUZZ_LIMITS);
  const session =
    protocol === 'imap'
      ? new ImapSession(transport, 'none', 143, 'in-memory')
      : protocol === 'pop3'
        ? new Pop3Session(transport, 'none', 110, 'in-memory')
        : new SmtpSession(transport, 'none', 587, 'in-memory');
  const outcome = await session.login({ user: 'adele@contoso.com', token: 'dummy-token-for-the-fuzzer', mechanism });
  await session.logout();
  return outcome;
}

/** A TCP server on loopback that sends each connection the chunks given to play(), then ends it (one play at a time). */
export interface ReplayServer {
  play(chunks: readonly Buffer[]): Promise<ParsedReplies>;
  stop(): Promise<void>;
}

export async function startReplayServer(protocol: Protocol): Promise<ReplayServer> {
  let script: readonly Buffer[] = [];
  const server = net.createServer((socket) => {
    const chunks = script;
    socket.on('data', () => undefined); // the client's commands are read and ignored
    socket.on('error', () => undefined);
    let next = 0;
    const send = () => {
      if (socket.destroyed) return;
      if (next < chunks.length) socket.write(chunks[next++], () => setImmediate(send));
      else socket.end();
    };
    send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    async play(chunks) {
      script = chunks;
      const transcript = new Transcript();
      let transport: LineTransport;
      try {
        transport = await LineTransport.connect({ host: '127.0.0.1', port, security: 'none', ...FUZZ_LIMITS }, transcript);
      } catch (e) {
        return { replies: [], end: `no connection: ${(e as Error).message}`, message: (e as Error).message, transcript };
      }
      return readReplies(protocol, transport, transcript);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The transport's own ends: closed, over a cap, or a protocol violation it names (garbage, unknown tags, no greeting). */
const EXPECTED_ENDS = new Set(['closed', 'line-too-long', 'response-too-large', 'protocol']);

/**
 * The reply parsers' property, for the fuzzer and the regression tests: whatever the bytes, reading
 * ends in one of the transport's own errors (no other exception, no hang), no line or literal over its
 * cap reaches the transcript, and where the chunk boundaries fall changes nothing.
 */
export async function checkReplyParser(protocol: Protocol, whole: Buffer, chunks: readonly Buffer[]): Promise<void> {
  // In one chunk when the transport's cap on unread data allows; past it, in chunks as a server would send.
  const fits = whole.length <= FUZZ_LIMITS.maxResponseBytes + FUZZ_LIMITS.maxLineBytes;
  const once = await readAllReplies(protocol, fits ? [whole] : chunked(whole, []), FUZZ_LIMITS);
  const split = await readAllReplies(protocol, chunks, FUZZ_LIMITS);
  for (const r of [once, split]) {
    if (!EXPECTED_ENDS.has(r.end)) throw new Error(`reading ended with ${r.end}`);
    checkCaps(protocol, r.transcript);
    if (protocol === 'imap') checkLogicalLines(r.replies);
  }
  // The login flow over the same bytes: it ends in an outcome, never an exception or a hang.
  const outcome = await loginOver(protocol, chunks, whole.length % 2 ? 'XOAUTH2' : 'OAUTHBEARER').catch((e: Error) => {
    throw new Error(`login escaped with ${e.stack ?? e.message}`);
  });
  const code = outcome.failure?.transportError?.code;
  if (code && !EXPECTED_ENDS.has(code)) throw new Error(`login ended with ${code}: ${outcome.failure?.reply}`);
  if (once.end !== split.end) throw new Error(`in ${fits ? 'one chunk' : 'chunks of the line cap'} reading ended with ${once.end}, in ${chunks.length} chunks with ${split.end}`);
  const differs = once.replies.findIndex((r, i) => r !== split.replies[i]);
  if (differs >= 0 || once.replies.length !== split.replies.length) {
    throw new Error(`chunk boundaries changed reply ${differs >= 0 ? differs : once.replies.length}: ${once.replies[differs] ?? '(none)'} vs ${split.replies[differs] ?? '(none)'}`);
  }
}

/**
 * The same over a real TCP connection on loopback (where the kernel may merge or split the chunks): ends
 * as expected and reads what the in-memory server's single chunk reads. Scripts stay within the
 * transport's cap on unread data, which a merged read could otherwise pass.
 */
export async function checkReplyParserOverSocket(server: ReplayServer, protocol: Protocol, script: Buffer, how: number[] | 'every-byte'): Promise<void> {
  const whole = script.subarray(0, FUZZ_LIMITS.maxResponseBytes + FUZZ_LIMITS.maxLineBytes);
  const memory = await readAllReplies(protocol, [whole], FUZZ_LIMITS);
  const socket = await server.play(chunked(whole, how));
  if (!EXPECTED_ENDS.has(socket.end)) throw new Error(`over a socket reading ended with ${socket.end}: ${socket.message}`);
  checkCaps(protocol, socket.transcript);
  if (memory.end !== socket.end) throw new Error(`in memory reading ended with ${memory.end}, over a socket with ${socket.end}: ${socket.message}`);
  if (memory.replies.join('\n') !== socket.replies.join('\n')) throw new Error(`over a socket ${socket.replies.length} replies were read, in memory ${memory.replies.length}, or they differ`);
}

/** Server lines stay under the line cap; IMAP literals (only after a line ending in "}") under the response cap. */
function checkCaps(protocol: Protocol, transcript: Transcript): void {
  let previous: string | undefined;
  for (const e of transcript.entries) {
    if (e.kind !== 'S') continue;
    const mayBeLiteral = protocol === 'imap' && previous !== undefined && previous.endsWith('}');
    const cap = mayBeLiteral ? FUZZ_LIMITS.maxResponseBytes : FUZZ_LIMITS.maxLineBytes;
    // A string has at most as many UTF-16 units as the bytes it was decoded from.
    if (e.text.length > cap) throw new Error(`a server ${mayBeLiteral ? 'literal' : 'line'} of ${e.text.length} characters passed the cap of ${cap} bytes`);
    previous = e.text;
  }
}

/** An IMAP logical line (literals folded in) stays under the response cap, plus the line read after the last literal. */
function checkLogicalLines(replies: readonly string[]): void {
  const cap = FUZZ_LIMITS.maxResponseBytes + FUZZ_LIMITS.maxLineBytes;
  for (const reply of replies) {
    for (const line of (JSON.parse(reply) as { lines: string[] }).lines) {
      if (line.length > cap) throw new Error(`a logical line of ${line.length} characters passed the response cap of ${FUZZ_LIMITS.maxResponseBytes} bytes`);
    }
  }
}
