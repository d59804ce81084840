// The hostile-server scenarios (issue 7): for IMAP, POP3 and SMTP, a peer script (hostilePeer.ts), the
// client settings, and the explained end the engines must reach. Shared by the servers suite
// (hostile.test.ts), the console test in the real VS Code and `npm run hostile`.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { probe, ProbeOptions, ProbeResult } from '../../src/core/protocol/probe';
import { Step } from '../../src/core/protocol/session';
import { Security, TransportError, TransportErrorCode } from '../../src/core/protocol/transport';
import { MailProtocol } from '../../src/core/token/checks';
import { makeCertificates, TestCertificates } from './certificates';
import { HostilePeer, HostilePeerOptions, Peer, PeerScript, sleep, startHostilePeer } from './hostilePeer';
import { mintToken } from './tokens';

export const USER = 'adele@contoso.com';
/** A base64 error challenge as Dovecot sends it: {"status":"401","schemes":"bearer","scope":"mail"}. */
const ERROR_CHALLENGE = Buffer.from('{"status":"401","schemes":"bearer","scope":"mail"}').toString('base64');

export interface Expected {
  /** The login succeeds (a slow but complete peer). */
  ok?: boolean;
  step?: Step;
  /** The transport failure's code, when the connection itself failed. */
  code?: TransportErrorCode;
  /** The explained message (cause, and fix when given) must match. */
  text?: RegExp;
}

export interface Scenario {
  /** `protocol/name`, e.g. `imap/greeting-never`. */
  id: string;
  protocol: MailProtocol;
  /** Which of issue 7's ten misbehaviours this plays. */
  kind: string;
  security: Security;
  server: { tls?: 'good' | 'wrong-name'; starttls?: boolean };
  /** Client settings beyond the fast test timeouts (e.g. a longer read timeout). */
  client?: Partial<ProbeOptions>;
  /** Trust the test CA (default true when the server does TLS). */
  trustCa?: boolean;
  script: PeerScript;
  /** A command sent after login, as the console's command line does (the flood comes in its reply). */
  after?: string;
  expect: Expected;
  /** Hang detector: the scenario must have ended by then. */
  timeoutMs: number;
  /** Giant scenarios: memory figures are reported for them. */
  giant?: boolean;
}

/** Fast client timeouts for the scenarios; each scenario may override them. */
export const CLIENT_DEFAULTS: Partial<ProbeOptions> = { connectTimeoutMs: 2000, readTimeoutMs: 1500, replyTimeoutMs: 4000, loginTimeoutMs: 6000 };

// ---------------------------------------------------------------- well-behaved peers with hooks

type Hook = (p: Peer, tagOrLine: string) => Promise<'stop' | void>;

interface Dialogue {
  /** Close (FIN) at this point instead of going on. */
  closeAt?: string;
  /** Reset (RST) instead of closing politely. */
  reset?: boolean;
  greeting?: string | Buffer;
  /** Answer the SASL response with an error challenge, then NO/-ERR/535. */
  challenge?: boolean;
  /** Replaces the handling of the AUTH command (after it is read). */
  onAuth?: Hook;
  /** Replaces the handling of the command sent after login (LIST / STAT / NOOP or `after`). */
  onCommand?: Hook;
  /** Replaces the answer to STARTTLS/STLS. */
  onStarttls?: Hook;
  /** SASL-IR / initial response on the AUTH line accepted (IMAP). */
  saslIr?: boolean;
  /** Announce STARTTLS (IMAP, SMTP; POP3 answers STLS whatever it announced). */
  starttls?: boolean;
}

const hangUp = (p: Peer, d: Dialogue) => (d.reset ? p.reset() : p.end());

/** How one protocol words its side of a SASL exchange. */
interface SaslWords {
  /** A continuation's prefix: "+" (IMAP, POP3) or "334" (SMTP). */
  continuation: string;
  refused: string;
  accepted: string;
}

/**
 * The AUTH exchange the three peers share: an empty continuation (unless the response came on the AUTH
 * line), the client's response, an error challenge and its answer when the dialogue asks for one, then
 * the final reply; hanging up at the step `closeAt` names. 'stop' when the connection is over.
 */
async function saslExchange(p: Peer, d: Dialogue, words: SaslWords, responseOnAuthLine: boolean): Promise<'stop' | undefined> {
  const hang = async () => {
    await hangUp(p, d);
    return 'stop' as const;
  };
  if (d.closeAt === 'auth-command') return hang();
  if (!responseOnAuthLine) {
    await p.send(`${words.continuation} \r\n`);
    if (d.closeAt === 'continuation') return hang();
    if ((await p.line()) === undefined) return 'stop';
  }
  if (d.closeAt === 'sasl-response') return hang();
  if (d.challenge) {
    await p.send(`${words.continuation} ${ERROR_CHALLENGE}\r\n`);
    if (d.closeAt === 'error-challenge') return hang();
    if ((await p.line()) === undefined) return 'stop';
    if (d.closeAt === 'challenge-answer') return hang();
    await p.send(words.refused);
    return undefined;
  }
  await p.send(words.accepted);
  return undefined;
}

/** STARTTLS (STLS): the dialogue's hook, or `ready` and the TLS handshake. */
async function startTls(p: Peer, d: Dialogue, tagOrLine: string, ready: string): Answer {
  if (d.onStarttls) return (await d.onStarttls(p, tagOrLine)) === 'stop' ? 'stop' : undefined;
  await p.send(ready);
  await p.upgrade();
  return undefined;
}

/** The AUTH (AUTHENTICATE) command: the dialogue's hook, or the shared SASL exchange. */
async function authenticate(p: Peer, d: Dialogue, tagOrLine: string, words: SaslWords, responseOnAuthLine: boolean): Promise<'stop' | undefined> {
  if (d.onAuth) return (await d.onAuth(p, tagOrLine)) === 'stop' ? 'stop' : undefined;
  return saslExchange(p, d, words, responseOnAuthLine);
}

/** The command after login: hang up where the dialogue says so, its hook, or `reply`. */
async function afterLogin(p: Peer, d: Dialogue, tagOrLine: string, reply: string): Promise<'stop' | undefined> {
  if (d.closeAt === 'verify') {
    await hangUp(p, d);
    return 'stop';
  }
  if (d.onCommand) return (await d.onCommand(p, tagOrLine)) === 'stop' ? 'stop' : undefined;
  await p.send(reply);
  return undefined;
}

type Answer = Promise<'stop' | undefined>;

/** A peer's frame: hang up before the greeting where the dialogue says so, greet, then answer line by line. */
function linePeer(d: Dialogue, greeting: string, answer: (p: Peer, line: string) => Answer): PeerScript {
  return async (p) => {
    if (d.closeAt === 'before-greeting') return hangUp(p, d);
    await p.send(d.greeting ?? greeting);
    for (;;) {
      const line = await p.line();
      if (line === undefined || (await answer(p, line)) === 'stop') return;
    }
  };
}

/** Hangs up (or, with `bye`, says goodbye and closes): the connection is over. */
async function over(p: Peer, d: Dialogue, bye?: string): Answer {
  if (bye === undefined) await hangUp(p, d);
  else {
    await p.send(bye);
    await p.end();
  }
  return 'stop';
}

/** An IMAP server that greets with capabilities (no SASL-IR, so AUTHENTICATE gets a "+" first). */
export function imapPeer(d: Dialogue = {}): PeerScript {
  const caps = `IMAP4rev1 ${d.saslIr ? 'SASL-IR ' : ''}AUTH=XOAUTH2 AUTH=OAUTHBEARER`;
  const greeting = d.closeAt === 'capability' ? '* OK hostile IMAP ready\r\n' : `* OK [CAPABILITY ${caps}${d.starttls ? ' STARTTLS' : ''}] hostile IMAP ready\r\n`;
  return linePeer(d, greeting, async (p, line) => {
    const [tag, verb = ''] = line.split(' ');
    switch (verb.toUpperCase()) {
      case 'STARTTLS':
        return startTls(p, d, tag, `${tag} OK begin TLS\r\n`);
      case 'CAPABILITY':
        if (d.closeAt === 'capability') return over(p, d);
        await p.send(`* CAPABILITY ${caps}\r\n${tag} OK CAPABILITY completed\r\n`);
        return undefined;
      case 'AUTHENTICATE': {
        const words = { continuation: '+', refused: `${tag} NO [AUTHENTICATIONFAILED] Authentication failed.\r\n`, accepted: `${tag} OK [CAPABILITY IMAP4rev1] Logged in\r\n` };
        return authenticate(p, d, tag, words, Boolean(d.saslIr));
      }
      case 'LOGOUT':
        return over(p, d, `* BYE Logging out\r\n${tag} OK Logout completed.\r\n`);
      default:
        return afterLogin(p, d, tag, `* LIST (\\HasNoChildren) "/" INBOX\r\n${tag} OK List completed.\r\n`);
    }
  });
}

/** A POP3 server: AUTH XOAUTH2 → "+ " → blob → +OK (or an error challenge, then -ERR). */
export function pop3Peer(d: Dialogue = {}): PeerScript {
  return linePeer(d, '+OK hostile POP3 ready\r\n', async (p, line) => {
    switch (line.split(' ')[0].toUpperCase()) {
      case 'STLS':
        return startTls(p, d, line, '+OK Begin TLS negotiation now.\r\n');
      case 'CAPA':
        await p.send('+OK\r\nUSER\r\nSASL XOAUTH2 OAUTHBEARER\r\n.\r\n');
        return undefined;
      case 'AUTH':
        return authenticate(p, d, line, { continuation: '+', refused: '-ERR [AUTH] Authentication failed.\r\n', accepted: '+OK Logged in.\r\n' }, false);
      case 'QUIT':
        return over(p, d, '+OK Logging out.\r\n');
      default:
        return afterLogin(p, d, line, '+OK 0 0\r\n');
    }
  });
}

/** An SMTP submission server: EHLO lists AUTH; a long AUTH goes AUTH XOAUTH2 → 334 → blob → 235. */
export function smtpPeer(d: Dialogue = {}): PeerScript {
  return linePeer(d, '220 hostile ESMTP ready\r\n', async (p, line) => {
    switch (line.split(' ')[0].toUpperCase()) {
      case 'EHLO':
        if (d.closeAt === 'ehlo') return over(p, d);
        await p.send(`250-hostile\r\n250-PIPELINING\r\n${d.starttls ? '250-STARTTLS\r\n' : ''}250 AUTH XOAUTH2 OAUTHBEARER\r\n`);
        return undefined;
      case 'STARTTLS':
        return startTls(p, d, line, '220 2.0.0 Ready to start TLS\r\n');
      case 'AUTH': {
        const words = { continuation: '334', refused: '535 5.7.8 Authentication failed\r\n', accepted: '235 2.7.0 Logged in.\r\n' };
        return authenticate(p, d, line, words, line.split(' ').length >= 3);
      }
      case 'QUIT':
        return over(p, d, '221 2.0.0 Bye\r\n');
      default:
        return afterLogin(p, d, line, '250 2.0.0 OK\r\n');
    }
  });
}

const PEERS: Record<MailProtocol, (d?: Dialogue) => PeerScript> = { imap: imapPeer, pop3: pop3Peer, smtp: smtpPeer };

// ---------------------------------------------------------------- misbehaviours as building blocks

/** Sends `total` bytes of `fill` (no line end) in 64 KB chunks, until the client leaves. */
function giantLine(p: Peer, prefix: string, total: number): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024, 'A');
  let sent = 0;
  return p.flood((i) => {
    if (i === 0) return Buffer.from(prefix, 'latin1');
    if (sent >= total) return undefined;
    sent += chunk.length;
    return chunk;
  });
}

/** Lines forever (well, 10 million), in batches, until the client leaves. */
function endlessLines(p: Peer, line: (n: number) => string): Promise<number> {
  return p.flood((i) => (i > 100_000 ? undefined : Array.from({ length: 100 }, (_, k) => line(i * 100 + k)).join('')));
}

/** One line every `everyMs`, forever, until the client leaves. */
async function slowLines(p: Peer, line: string, everyMs: number): Promise<void> {
  while (!p.closed) {
    await p.send(line);
    await sleep(everyMs);
  }
}

/** A POP3 peer whose LIST reply is `+OK` and then `body` (any other command after login gets `+OK 0 0`). */
function pop3ListingBody(body: (p: Peer) => Promise<void>): PeerScript {
  return pop3Peer({
    onCommand: async (p, line) => {
      if (!/^LIST/i.test(line)) return void (await p.send('+OK 0 0\r\n'));
      await p.send('+OK scan listing follows\r\n');
      await body(p);
    },
  });
}

/** An SMTP peer that greets, reads the EHLO and answers it with `body`. */
function smtpEhloReply(body: (p: Peer) => Promise<void>): PeerScript {
  return async (p) => {
    await p.send('220 hostile ESMTP\r\n');
    await p.line(); // EHLO
    await body(p);
  };
}

/** Garbage: NUL, control characters and bytes that are not UTF-8. */
export const GARBAGE = Buffer.from([0x00, 0xff, 0xfe, 0x1b, 0x5b, 0x32, 0x4a, 0xc3, 0x28, 0x80, 0x41, 0xe2, 0x82, 0x07, 0x0d, 0x0a]);

const STEP_FOR_CLOSE: Record<string, Step> = {
  'before-greeting': 'greeting',
  capability: 'capabilities',
  ehlo: 'capabilities',
  'auth-command': 'authenticate',
  continuation: 'authenticate',
  'sasl-response': 'authenticate',
  'error-challenge': 'authenticate',
  'challenge-answer': 'authenticate',
  verify: 'verify',
};

// ---------------------------------------------------------------- the scenarios

export function scenarios(): Scenario[] {
  const all: Scenario[] = [];
  const add = (s: Omit<Scenario, 'timeoutMs'> & { timeoutMs?: number }) => all.push({ timeoutMs: 15_000, ...s });
  const protocols: MailProtocol[] = ['imap', 'pop3', 'smtp'];
  const proto = { imap: 'IMAP', pop3: 'POP3', smtp: 'SMTP' };

  for (const protocol of protocols) {
    const peer = PEERS[protocol];

    // 1. A greeting that never comes.
    add({
      id: `${protocol}/greeting-never`,
      protocol,
      kind: 'greeting never comes',
      security: 'none',
      server: {},
      script: (p) => p.untilClosed(),
      expect: {
        step: 'greeting',
        code: 'read-timeout',
        text: /sent nothing for 1\.5 s while the client waited for the greeting\. The server may be overloaded, or expects something else on this port/,
      },
    });

    // 2. Endless lines: a reply that never ends, fast (cut at the line cap) and slow (the login deadline).
    const flood: Record<MailProtocol, Pick<Scenario, 'script' | 'expect' | 'after'>> = {
      imap: {
        script: imapPeer({ saslIr: true, onAuth: async (p) => void (await endlessLines(p, (n) => `* OK still thinking ${n}\r\n`)) }),
        expect: {
          step: 'authenticate',
          code: 'response-too-large',
          text: /more than 200,000 lines in the reply to "A001 AUTHENTICATE XOAUTH2" without ending it; the client stopped reading and closed the connection/,
        },
      },
      // After the +OK of LIST (the console's quick action), a multi-line body that never ends.
      pop3: {
        script: pop3ListingBody(async (p) => void (await endlessLines(p, (n) => `${n} 1024\r\n`))),
        after: 'LIST',
        expect: { code: 'response-too-large', text: /more than 200,000 lines in the reply to "LIST" without ending it/ },
      },
      smtp: {
        script: smtpEhloReply(async (p) => void (await endlessLines(p, (n) => `250-EXTENSION-${n}\r\n`))),
        expect: { step: 'capabilities', code: 'response-too-large', text: /more than 200,000 lines in the reply to "EHLO mail-oauth-debugger\.localhost" without ending it/ },
      },
    };
    add({ id: `${protocol}/endless-lines`, protocol, kind: 'endless lines', security: 'none', server: {}, giant: true, timeoutMs: 60_000, ...flood[protocol] });
    add({
      id: `${protocol}/endless-slow-lines`,
      protocol,
      kind: 'endless lines',
      security: 'none',
      server: {},
      script:
        protocol === 'imap'
          ? imapPeer({ saslIr: true, onAuth: (p) => slowLines(p, '* OK still thinking\r\n', 100) })
          : protocol === 'pop3'
            ? pop3ListingBody((p) => slowLines(p, '1 1024\r\n', 100))
            : smtpEhloReply((p) => slowLines(p, '250-STILL-THINKING\r\n', 100)),
      after: protocol === 'pop3' ? 'LIST' : undefined,
      expect: {
        step: protocol === 'imap' ? 'authenticate' : protocol === 'smtp' ? 'capabilities' : undefined,
        code: 'reply-timeout',
        text: new RegExp(
          `The server kept sending the reply to "${{ imap: 'A001 AUTHENTICATE XOAUTH2', pop3: 'LIST', smtp: 'EHLO mail-oauth-debugger\\.localhost' }[protocol]}" for 4 s without finishing it; the client stopped waiting and closed the connection`,
        ),
      },
    });

    // 3. A giant line: 100 MB without a line end.
    add({
      id: `${protocol}/giant-line`,
      protocol,
      kind: 'giant line',
      security: 'none',
      server: {},
      giant: true,
      timeoutMs: 60_000,
      script: async (p) => void (await giantLine(p, protocol === 'imap' ? '* OK ' : protocol === 'pop3' ? '+OK ' : '220 ', 100 * 1024 * 1024)),
      expect: {
        step: 'greeting',
        code: 'line-too-long',
        text: /sent a line longer than 65,536 bytes in the greeting; the client stopped reading and closed the connection\. No mail server sends such lines: check host and port/,
      },
    });

    // 5. The connection closed at each step of authentication.
    const points =
      protocol === 'imap'
        ? ['before-greeting', 'capability', 'auth-command', 'continuation', 'sasl-response', 'error-challenge', 'challenge-answer', 'verify']
        : protocol === 'pop3'
          ? ['before-greeting', 'auth-command', 'continuation', 'sasl-response', 'error-challenge', 'challenge-answer', 'verify']
          : ['before-greeting', 'ehlo', 'auth-command', 'continuation', 'sasl-response', 'error-challenge', 'challenge-answer', 'verify'];
    const waitedFor: Record<string, RegExp> = {
      'before-greeting': /while the client waited for the greeting/,
      capability: /while the client waited for the reply to "A001 CAPABILITY"/,
      ehlo: /while the client waited for the reply to "EHLO mail-oauth-debugger\.localhost"/,
      'auth-command': /while the client waited for the reply to "(A001 )?AUTH(ENTICATE)? (XOAUTH2|OAUTHBEARER)"/,
      continuation: /before the client could send the SASL response|while the client waited for the reply to the SASL response/,
      'sasl-response': /while the client waited for the reply to the SASL response/,
      'error-challenge': /before the client could send the empty answer to the error challenge|while the client waited for the reply to the empty answer/,
      'challenge-answer': /while the client waited for the reply to the empty answer to the error challenge/,
      verify: /while the client waited for the reply to "(A002 LIST|STAT|NOOP)/,
    };
    for (const closeAt of points) {
      for (const reset of closeAt === 'sasl-response' ? [false, true] : [false]) {
        add({
          id: `${protocol}/close-${closeAt}${reset ? '-reset' : ''}`,
          protocol,
          kind: 'connection closed during authentication',
          security: 'none',
          server: {},
          script: peer({ closeAt, reset, challenge: closeAt.includes('challenge') }),
          expect: {
            step: STEP_FOR_CLOSE[closeAt],
            code: 'closed',
            text: new RegExp(`The server closed the connection (${waitedFor[closeAt].source}).*Connect again; if it repeats, the server's log says why`),
          },
        });
      }
    }

    // 6. Garbage bytes and invalid UTF-8: as the greeting, and as the reply to AUTH.
    add({
      id: `${protocol}/garbage-greeting`,
      protocol,
      kind: 'garbage and invalid UTF-8',
      security: 'none',
      server: {},
      script: peer({ greeting: GARBAGE }),
      expect: {
        step: 'greeting',
        code: 'protocol',
        text: new RegExp(
          `The server sent "\\\\x00\\\\x\\?\\?\\\\x\\?\\?\\\\x1b\\[2J\\\\x\\?\\?\\(\\\\x\\?\\?A\\\\x\\?\\?\\\\x07", which is not an? ${proto[protocol]} greeting\\. The port serves another protocol, or expects TLS first`,
        ),
      },
    });
    add({
      id: `${protocol}/garbage-reply`,
      protocol,
      kind: 'garbage and invalid UTF-8',
      security: 'none',
      server: {},
      script: peer({ onAuth: async (p) => void (await p.send(GARBAGE)) }),
      expect: { step: 'authenticate', code: 'protocol', text: /The server sent "\\x00.*", which is not an? (IMAP response|POP3 reply|SMTP reply).*the client closed the connection/ },
    });

    // A server that echoes the client's SASL response back (as a reply, and as a line that is none):
    // the messages quote server bytes, and must never show the token.
    const saslResponse = async (p: Peer, tagOrLine: string) =>
      protocol === 'imap' || tagOrLine.split(' ').length < 3 ? (await p.send(protocol === 'smtp' ? '334 \r\n' : '+ \r\n'), await p.line()) : tagOrLine.split(' ')[2];
    /** A peer that reads the client's SASL response and answers the AUTH command with `reply` made from it. */
    const echoing = (reply: (blob: string | undefined, tagOrLine: string) => string) =>
      peer({ onAuth: async (p, tagOrLine) => void (await p.send(reply(await saslResponse(p, tagOrLine), tagOrLine))) });
    add({
      id: `${protocol}/echoes-sasl-response`,
      protocol,
      kind: 'garbage and invalid UTF-8',
      security: 'none',
      server: {},
      script: echoing((blob, tagOrLine) => (protocol === 'imap' ? `${tagOrLine} NO ${blob} refused\r\n` : protocol === 'pop3' ? `-ERR ${blob} refused\r\n` : `535 5.7.8 ${blob} refused\r\n`)),
      // IMAP and POP3: the reply quoted, redacted; SMTP: the knowledge base's entry for 535 5.7.8.
      expect: { step: 'authenticate', text: /(NO|-ERR) dXNlcj…\S+ \(\d+ chars\) refused|authentication credentials invalid/ },
    });
    add({
      id: `${protocol}/echoes-as-garbage`,
      protocol,
      kind: 'garbage and invalid UTF-8',
      security: 'none',
      server: {},
      script: echoing((blob) => `${blob}\r\n`),
      expect: { step: 'authenticate', code: 'protocol', text: /The server sent "dXNlcj…\S* \(\d+ chars\)", which is not/ },
    });

    // 7. A slow trickle: a valid greeting, one byte every 200 ms. Within the read timeout the login
    // completes; with a read timeout shorter than the trickle, it ends saying how far the line got.
    const trickled = (d: Dialogue = {}): PeerScript => {
      const text = protocol === 'imap' ? '* OK [CAPABILITY IMAP4rev1 AUTH=XOAUTH2] hi\r\n' : protocol === 'pop3' ? '+OK hi\r\n' : '220 hi\r\n';
      const rest = peer({ ...d, greeting: '' });
      return async (p) => {
        await p.trickle(text, 200);
        await rest(p);
      };
    };
    add({
      id: `${protocol}/trickle-completes`,
      protocol,
      kind: 'slow trickle',
      security: 'none',
      server: {},
      client: { readTimeoutMs: 15_000, replyTimeoutMs: 15_000, loginTimeoutMs: 30_000 },
      script: trickled(),
      timeoutMs: 30_000,
      expect: { ok: true },
    });
    add({
      id: `${protocol}/trickle-times-out`,
      protocol,
      kind: 'slow trickle',
      security: 'none',
      server: {},
      client: { readTimeoutMs: 1000 },
      script: trickled(),
      expect: { step: 'greeting', code: 'read-timeout', text: /The server sent only \d bytes of the greeting in 1 s, without finishing it \(a stalled or deliberately slow server\)/ },
    });

    if (protocol === 'imap') {
      add({
        id: `${protocol}/trickle-past-login-deadline`,
        protocol,
        kind: 'slow trickle',
        security: 'none',
        server: {},
        client: { readTimeoutMs: 15_000, replyTimeoutMs: 15_000, loginTimeoutMs: 3000 },
        script: trickled(),
        expect: { step: 'greeting', code: 'login-timeout', text: /The login did not finish within 3 s although the server kept sending/ },
      });
    }

    // 9. STARTTLS offered but refused.
    const refusal = {
      imap: (tag: string) => `${tag} NO STARTTLS is not available right now\r\n`,
      pop3: () => '-ERR STLS not available\r\n',
      smtp: () => '454 4.7.0 TLS not available due to temporary reason\r\n',
    }[protocol];
    add({
      id: `${protocol}/starttls-refused`,
      protocol,
      kind: 'STARTTLS refused',
      security: 'starttls',
      server: { starttls: true },
      script: peer({ starttls: true, onStarttls: async (p, tag) => void (await p.send(refusal(tag))) }),
      expect: { step: 'starttls', text: /(NO STARTTLS is not available|-ERR STLS not available|454 4\.7\.0 TLS not available).*Use the implicit-TLS port instead \(IMAP 993, POP3 995, SMTP 465\)/s },
    });
    /** The server's yes to STARTTLS/STLS. */
    const agree = (tag: string) => (protocol === 'imap' ? `${tag} OK go ahead\r\n` : protocol === 'pop3' ? '+OK go ahead\r\n' : '220 go ahead\r\n');
    /** A peer that agrees to STARTTLS, reads the client's ClientHello, and does `instead` rather than the handshake. */
    const agreesThenNoHandshake = (instead: (p: Peer) => void | Promise<void>) =>
      peer({
        starttls: true,
        onStarttls: async (p, tag) => {
          await p.send(agree(tag));
          await p.bytes();
          await instead(p);
          return 'stop';
        },
      });
    // 8. (with STARTTLS) The server agrees to STARTTLS, then answers the ClientHello with plain text.
    add({
      id: `${protocol}/starttls-garbage-handshake`,
      protocol,
      kind: 'TLS handshake fails',
      security: 'starttls',
      server: { starttls: true },
      script: agreesThenNoHandshake(async (p) => {
        await p.send('this is not TLS at all\r\n'.repeat(4));
        await p.untilClosed();
      }),
      expect: {
        step: 'starttls',
        code: 'tls',
        text: /The server agreed to STARTTLS, but the TLS handshake failed \(.*(wrong version number|packet length too long|unknown protocol).*\): its TLS setup is broken, or it went on in plain text\. Use the implicit-TLS port instead/,
      },
    });

    // 5 and 8. Closed right after agreeing to STARTTLS; data injected before the handshake.
    add({
      id: `${protocol}/close-after-starttls-ok`,
      protocol,
      kind: 'connection closed during authentication',
      security: 'starttls',
      server: { starttls: true },
      script: agreesThenNoHandshake((p) => p.end()),
      expect: { step: 'starttls', code: 'tls', text: /closed the connection during the TLS handshake after STARTTLS\. The server's TLS setup is broken/ },
    });
    add({
      id: `${protocol}/starttls-injection`,
      protocol,
      kind: 'reply to a command never sent',
      security: 'starttls',
      server: { starttls: true },
      script: peer({
        starttls: true,
        onStarttls: async (p, tag) => {
          await p.send(agree(tag) + (protocol === 'imap' ? '* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] injected\r\n' : protocol === 'pop3' ? '+OK injected\r\n' : '250 injected\r\n'));
          await p.untilClosed();
          return 'stop';
        },
      }),
      expect: { step: 'starttls', code: 'tls', text: /sent data after agreeing to STARTTLS and before the TLS handshake \(a STARTTLS injection risk\); the client closed the connection/ },
    });

    // 10. A challenge loop that never ends.
    add({
      id: `${protocol}/challenge-loop`,
      protocol,
      kind: 'challenge loop',
      security: 'none',
      server: {},
      script: peer({
        onAuth: async (p, tagOrLine) => {
          if (protocol === 'smtp' && tagOrLine.split(' ').length < 3) {
            await p.send('334 \r\n');
            await p.line();
          } else if (protocol !== 'smtp') {
            await p.send('+ \r\n');
            await p.line();
          }
          // Whatever the client answers, even "*": another error challenge.
          for (let line: string | undefined = ''; line !== undefined; line = await p.line()) {
            await p.send(`${protocol === 'smtp' ? '334' : '+'} ${ERROR_CHALLENGE}\r\n`);
          }
          return 'stop';
        },
      }),
      expect: { step: 'authenticate', text: /The server kept sending error challenges after the client answered them; the client cancelled the authentication \("\*"\) and closed the connection/ },
    });

    // 11. A reply to a command that was never sent.
    add({
      id: `${protocol}/unsolicited-reply`,
      protocol,
      kind: 'reply to a command never sent',
      security: 'none',
      server: {},
      script:
        protocol === 'imap'
          ? imapPeer({ onAuth: async (p) => void (await p.send('A999 OK [CAPABILITY IMAP4rev1] Logged in\r\n')) })
          : protocol === 'pop3'
            ? pop3Peer({ greeting: '+OK hostile POP3 ready\r\n+OK Logged in.\r\n' })
            : smtpPeer({ greeting: '220 hostile ESMTP ready\r\n250 2.0.0 OK\r\n' }),
      expect:
        protocol === 'imap'
          ? {
              step: 'authenticate',
              code: 'protocol',
              text: /The server sent "A999 OK \[CAPABILITY IMAP4rev1\] Logged in", which is not a reply to A001\. It answers a tag \(A999\) the client never sent/,
            }
          : {
              step: protocol === 'pop3' ? 'authenticate' : 'capabilities',
              code: 'protocol',
              text: new RegExp(
                `The server sent "${protocol === 'pop3' ? '\\+OK Logged in\\.' : '250 2\\.0\\.0 OK'}\\\\x0d\\\\x0a" before the client sent its next command \\(after the greeting\\): a reply to a command that was never sent`,
              ),
            },
    });
  }

  // 11b. SMTP's "421" before the next command is the server ending the session (RFC 5321 §3.8), not a violation.
  add({
    id: 'smtp/unsolicited-421',
    protocol: 'smtp',
    kind: 'reply to a command never sent',
    security: 'none',
    server: {},
    script: smtpPeer({ greeting: '220 hostile ESMTP ready\r\n421 4.3.2 Service shutting down, closing transmission channel\r\n' }),
    expect: {
      step: 'capabilities',
      code: 'closed',
      text: /The server ended the session before the client sent "EHLO [^"]*": "421 4\.3\.2 Service shutting down, closing transmission channel"\. Connect again/,
    },
  });

  // 11c. A server that answers the AUTH command itself with success, before any credential was sent (and
  // would answer anything so): no SASL exchange took place, so it must not read as a login.
  const successBeforeCredentials: Record<MailProtocol, { script: PeerScript; quoted: string; asked: string }> = {
    imap: {
      script: imapPeer({ onAuth: async (p, tag) => void (await p.send(`${tag} OK Logged in\r\n`)) }),
      quoted: 'A001 OK Logged in',
      asked: '"\\+" continuation asking for the SASL response to A001 AUTHENTICATE XOAUTH2',
    },
    pop3: {
      script: pop3Peer({ onAuth: async (p) => void (await p.send('+OK Logged in.\r\n')), onCommand: async (p) => void (await p.send('+OK\r\n')) }),
      quoted: '\\+OK Logged in\\.',
      asked: '"\\+" continuation asking for the SASL response to AUTH XOAUTH2',
    },
    smtp: {
      script: smtpPeer({ onAuth: async (p) => void (await p.send('235 2.7.0 Authentication successful\r\n')) }),
      quoted: '235 2\\.7\\.0 Authentication successful',
      asked: '"334" continuation asking for the SASL response to AUTH XOAUTH2',
    },
  };
  for (const protocol of protocols) {
    add({
      id: `${protocol}/success-before-credentials`,
      protocol,
      kind: 'reply to a command never sent',
      security: 'none',
      server: {},
      script: successBeforeCredentials[protocol].script,
      expect: {
        step: 'authenticate',
        code: 'protocol',
        text: new RegExp(
          `The server sent "${successBeforeCredentials[protocol].quoted}", which is not a ${successBeforeCredentials[protocol].asked}\\. The server claims success before the client sent any credential`,
        ),
      },
    });
  }

  // 4. A literal announcing gigabytes (IMAP only): refused from its size, nothing allocated.
  add({
    id: 'imap/gigabyte-literal',
    protocol: 'imap',
    kind: 'literal announcing gigabytes',
    security: 'none',
    server: {},
    giant: true,
    script: imapPeer({
      saslIr: true,
      onAuth: async (p) => {
        await p.send('* 1 FETCH (BODY[] {5000000000}\r\n');
        await giantLine(p, '', 100 * 1024 * 1024);
      },
    }),
    expect: {
      step: 'authenticate',
      code: 'response-too-large',
      text: /announced a literal of 5,000,000,000 bytes in the reply to "A001 AUTHENTICATE XOAUTH2", more than the 33,554,432 allowed; the client closed the connection without reading it/,
    },
  });
  add({
    id: 'imap/gigabyte-literal-after-login',
    protocol: 'imap',
    kind: 'literal announcing gigabytes',
    security: 'none',
    server: {},
    giant: true,
    after: 'FETCH 1 BODY[]',
    script: imapPeer({
      saslIr: true,
      onCommand: async (p, tag) => {
        if (tag !== 'A003') return void (await p.send(`* LIST () "/" INBOX\r\n${tag} OK done\r\n`));
        await p.send('* 1 FETCH (BODY[] {5000000000}\r\n');
        await giantLine(p, '', 100 * 1024 * 1024);
      },
    }),
    expect: { code: 'response-too-large', text: /announced a literal of 5,000,000,000 bytes in the reply to "A003 FETCH 1", more than the 33,554,432 allowed/ },
  });

  // 8. TLS handshakes that fail (implicit TLS; the protocol does not matter before TLS is up).
  add({
    id: 'imap/tls-plaintext-server',
    protocol: 'imap',
    kind: 'TLS handshake fails',
    security: 'tls',
    server: {},
    script: imapPeer(),
    expect: { step: 'connect', code: 'tls', text: /the server spoke plain text .*Use STARTTLS on 587\/143\/110/ },
  });
  add({
    id: 'imap/tls-reset-on-client-hello',
    protocol: 'imap',
    kind: 'TLS handshake fails',
    security: 'tls',
    server: {},
    script: async (p) => {
      await p.bytes();
      p.reset();
    },
    expect: {
      step: 'connect',
      code: 'closed',
      text: /127\.0\.0\.1:\d+ reset the connection\. A TLS-only port spoken to in plain text \(or the reverse\) often ends like this: check the security setting/,
    },
  });
  add({
    id: 'imap/tls-silent-server',
    protocol: 'imap',
    kind: 'TLS handshake fails',
    security: 'tls',
    server: {},
    script: (p) => p.untilClosed(),
    expect: { step: 'connect', code: 'tls', text: /accepted the connection but the TLS handshake did not finish within 2 s: the port probably speaks plain text and waits for the client/ },
  });
  add({
    id: 'imap/tls-wrong-name',
    protocol: 'imap',
    kind: 'TLS handshake fails',
    security: 'tls',
    server: { tls: 'wrong-name' },
    script: imapPeer(),
    expect: {
      step: 'connect',
      code: 'certificate',
      text: /The server certificate of 127\.0\.0\.1 was not accepted: the certificate is issued for mail\.example\.net, not 127\.0\.0\.1\. Connect with the name the certificate is issued for/,
    },
  });
  add({
    id: 'smtp/tls-untrusted',
    protocol: 'smtp',
    kind: 'TLS handshake fails',
    security: 'tls',
    server: { tls: 'good' },
    trustCa: false,
    script: smtpPeer(),
    expect: {
      step: 'connect',
      code: 'certificate',
      text: /was not accepted: the server did not send its intermediate certificates, or they come from an untrusted CA\. Have the server send its full chain, or trust the issuing CA on this machine .*turn certificate verification off for this session/,
    },
  });
  add({
    id: 'smtp/starttls-wrong-name',
    protocol: 'smtp',
    kind: 'TLS handshake fails',
    security: 'starttls',
    server: { starttls: true, tls: 'wrong-name' },
    script: smtpPeer({ starttls: true }),
    expect: { step: 'starttls', code: 'certificate', text: /the certificate is issued for mail\.example\.net, not 127\.0\.0\.1/ },
  });
  add({
    id: 'smtp/starttls-not-offered',
    protocol: 'smtp',
    kind: 'STARTTLS refused',
    security: 'starttls',
    server: {},
    script: smtpPeer(),
    expect: { step: 'starttls', text: /The server does not offer STARTTLS \(not in its EHLO reply\)\..*Use the implicit-TLS port instead/s },
  });
  return all;
}

// ---------------------------------------------------------------- running one

export interface Certificates {
  /** The folder holding them (and the CA's key): remove it with removeScenarioCertificates(). */
  dir: string;
  good: TestCertificates;
  /** Signed by the same CA, issued for mail.example.net only. */
  wrongName: { cert: string; key: string };
}

/** Makes the test CA, a good certificate for 127.0.0.1/localhost and one for another name. */
export function makeScenarioCertificates(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-hostile-'))): Certificates {
  const good = makeCertificates(dir);
  const p = (f: string) => path.join(dir, f);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', p('wrong.key'), '-out', p('wrong.csr'), '-subj', '/CN=mail.example.net');
  fs.writeFileSync(p('wrong.ext'), 'subjectAltName=DNS:mail.example.net\nextendedKeyUsage=serverAuth\n');
  openssl('x509', '-req', '-in', p('wrong.csr'), '-CA', p('ca.crt'), '-CAkey', p('ca.key'), '-CAcreateserial', '-out', p('wrong.crt'), '-days', '2', '-extfile', p('wrong.ext'));
  return { dir, good, wrongName: { cert: fs.readFileSync(p('wrong.crt'), 'utf8'), key: fs.readFileSync(p('wrong.key'), 'utf8') } };
}

/** Removes the folder of makeScenarioCertificates() (test keys must not pile up in the temp folder). */
export function removeScenarioCertificates(certs: Certificates | undefined): void {
  if (certs) fs.rmSync(certs.dir, { recursive: true, force: true });
}

export interface ScenarioRun {
  scenario: Scenario;
  /** explained: ended as expected, with its message; hung: still running at the timeout. */
  outcome: 'explained' | 'ok' | 'hung' | 'unexpected';
  elapsedMs: number;
  /** The explained message: the verdict's cause and fix, or the error of the command after login. */
  message: string;
  result?: ProbeResult;
  /** The transport failure's code, if any. */
  code?: TransportErrorCode;
  /** What did not match the expectation. */
  mismatch?: string;
  /** Whether every connection the peer accepted was closed by the end. */
  socketsClosed: boolean;
  peerErrors: Error[];
}

export async function testToken(): Promise<string> {
  // A realistic size (SMTP then sends the blob after a 334, as with real tokens).
  return mintToken(Buffer.alloc(32, 7), { user: USER, extra: { pad: 'x'.repeat(300) } });
}

/** Runs one scenario against the engines through probe(), as the console and `mailoauth probe` do. */
export async function runScenario(s: Scenario, certs: Certificates, token: string): Promise<ScenarioRun> {
  const key = s.server.tls === 'wrong-name' ? certs.wrongName : { cert: fs.readFileSync(certs.good.serverCert, 'utf8'), key: fs.readFileSync(certs.good.serverKey, 'utf8') };
  const options: HostilePeerOptions = {};
  if (s.server.starttls) options.starttls = key;
  else if (s.server.tls) options.tls = key;
  const peer: HostilePeer = await startHostilePeer(s.script, options);
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), s.timeoutMs)));
  try {
    const work = (async () => {
      const result = await probe({
        protocol: s.protocol,
        host: '127.0.0.1',
        port: peer.port,
        security: s.security,
        ca: s.trustCa === false ? undefined : certs.good.caPem,
        login: { user: USER, token, mechanism: 'XOAUTH2' },
        keepOpen: s.after !== undefined,
        ...CLIENT_DEFAULTS,
        ...s.client,
      });
      let afterError: TransportError | undefined;
      if (s.after !== undefined && result.session) {
        try {
          await result.session.send(s.after);
        } catch (e) {
          if (!(e instanceof TransportError)) throw e;
          afterError = e;
        }
        await result.session.logout();
      }
      return { result, afterError };
    })();
    const done = await Promise.race([work, hang]);
    const elapsedMs = performance.now() - started;
    if (done === 'hung') {
      work.catch(() => undefined);
      return { scenario: s, outcome: 'hung', elapsedMs, message: `still running after ${s.timeoutMs} ms`, socketsClosed: false, peerErrors: peer.scriptErrors };
    }
    const { result, afterError } = done;
    const v = result.verdict;
    const code = afterError?.code ?? result.outcome.failure?.transportError?.code;
    const message = afterError ? afterError.message : v.ok ? v.title : [v.cause, v.fix].filter(Boolean).join(' ');
    const socketsClosed = await peer.allClosed(3000);
    const e = s.expect;
    const mismatches: string[] = [];
    if (e.ok !== undefined && v.ok !== e.ok) mismatches.push(`ok ${v.ok}, expected ${e.ok}`);
    if (!e.ok && v.ok && !afterError) mismatches.push('the login succeeded');
    if (e.step && v.step !== e.step) mismatches.push(`step ${v.step}, expected ${e.step}`);
    if (e.code && code !== e.code) mismatches.push(`code ${code}, expected ${e.code}`);
    if (e.text && !e.text.test(message)) mismatches.push(`message does not match ${e.text}`);
    if (s.after !== undefined && !afterError && !e.ok) mismatches.push(`the command after login ended without error`);
    const outcome = mismatches.length ? 'unexpected' : v.ok && !afterError ? 'ok' : 'explained';
    return { scenario: s, outcome, elapsedMs, message, result, code, mismatch: mismatches.join('; ') || undefined, socketsClosed, peerErrors: peer.scriptErrors };
  } finally {
    clearTimeout(timer);
    await peer.stop();
  }
}

// ---------------------------------------------------------------- a server that echoes the login

/** Terminal controls a hostile server sends: clear the screen, set the window title, a bell, NUL, a bidi override. */
export const TERMINAL_ATTACK = '\x1b[2J\x1b]0;pwned\x07\x00\u202e\x9b';

/**
 * An IMAP server (SASL-IR) that echoes the client's SASL response (issue 12, finding 5): whole inside a
 * literal, then split across two lines (the first 40 characters, then the rest), and refuses the login
 * with terminal controls in its reply.
 */
export function echoingImapPeer(blob: string): PeerScript {
  return imapPeer({
    saslIr: true,
    onAuth: async (p, tag) => {
      await p.send(`* OK echo {${blob.length}}\r\n${blob} end\r\n`);
      await p.send(`* BAD ${blob.slice(0, 40)}\r\n* BAD ${blob.slice(40)}\r\n`);
      await p.send(`${tag} NO [AUTHENTICATIONFAILED] ${TERMINAL_ATTACK} Authentication failed.\r\n`);
    },
  });
}

/** The 16-character pieces of `secret` that occur in `text` (none may: see FRAGMENT_CHARS). */
export function leakedPieces(text: string, secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 16 <= secret.length; i++) if (text.includes(secret.slice(i, i + 16))) out.push(secret.slice(i, i + 16));
  return out;
}
