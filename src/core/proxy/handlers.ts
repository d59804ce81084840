// What the relay reads in each protocol: the command and reply lines that matter (logins, STARTTLS,
// capabilities, where message data starts and ends); everything else passes on byte for byte.
import * as l10n from '@vscode/l10n';
import { MailProtocol } from '../token/checks';
import { LoginAttempt } from './login';
import { challengeAnswerFor, checkClientLogin, initialResponseFor, oneLine, wireText } from './injection';
import type { RelayContext } from './relay';

export interface ProtocolHandler {
  clientLine(line: Buffer): void;
  serverLine(line: Buffer): void;
  clientLongLine(tail: Buffer, length: number): void;
  serverLongLine(tail: Buffer, length: number): void;
  clientDotEnd?(): void;
  serverDotEnd?(): void;
  clientBytesEnd?(): void;
  /** The upstream could not be reached: tell the client in its protocol before closing. */
  refuseClient?(message: string): void;
}

export function handlerFor(protocol: MailProtocol, ctx: RelayContext): ProtocolHandler {
  return protocol === 'imap' ? new ImapHandler(ctx) : protocol === 'pop3' ? new Pop3Handler(ctx) : new SmtpHandler(ctx);
}

/** A line without its CRLF (UTF-8 for the transcript; the bytes themselves are forwarded unchanged). */
function text(line: Buffer): string {
  return line.toString('utf8').replace(/\r?\n$/, '');
}

/** A POP3 or SMTP command line in words: the verb as sent, the verb in capitals (to compare), the arguments. */
function commandWords(t: string): { verb: string; cmd: string; args: string[] } {
  const [verb = '', ...args] = t.split(' ');
  return { verb, cmd: verb.toUpperCase(), args };
}

const HIDDEN = '••••••';

/** An AUTH command as the transcript shows it: its initial response (the client's password) hidden. */
function responseHidden(command: string, initialResponse: string | undefined): string {
  return initialResponse ? `${command} ${HIDDEN}` : command;
}

/** A decoded SASL PLAIN response (RFC 4616): the login is the authorization identity when there is one. */
function plainCredentials(decoded: string): { user: string | undefined; password: string | undefined } {
  const [authzid = '', user, password] = decoded.split('\x00');
  return { user: authzid || user, password };
}

/** How one protocol words an injected login. */
interface InjectWire {
  /** The reply that refuses the client's login, for a reason already fit for the wire. */
  refusal(reason: string): string;
  /** The upstream command before the mechanism's name: `AUTH`, or `TAG AUTHENTICATE`. */
  command: string;
  /** Whether the initial response goes on the command line (else it follows the server's continuation). */
  initialResponse(): boolean;
  tag?: string;
}

/** What injection is doing upstream while the client waits. */
interface Injecting {
  attempt: LoginAttempt;
  ir: string;
  irSent: boolean;
  tag?: string;
}

abstract class BaseHandler implements ProtocolHandler {
  protected attempt: LoginAttempt | undefined;
  protected injecting: Injecting | undefined;

  constructor(protected readonly ctx: RelayContext) {}

  abstract clientLine(line: Buffer): void;
  abstract serverLine(line: Buffer): void;

  clientLongLine(_tail: Buffer, length: number): void {
    this.ctx.noteOnce('client-long', l10n.t('The client sent a line of {0} bytes, longer than the relay inspects; it was relayed unread.', length));
  }

  serverLongLine(_tail: Buffer, length: number): void {
    this.ctx.noteOnce('server-long', l10n.t('The server sent a line of {0} bytes, longer than the relay inspects; it was relayed unread.', length));
  }

  /** A line from the client, as the transcript keeps it. */
  /**
   * The client's STARTTLS (IMAP, SMTP) or STLS (POP3): the relay does TLS towards the client itself when it
   * was started so, and refuses otherwise (the server's STARTTLS is the relay's own business upstream).
   */
  protected clientStarttls(command: string, ready: string, refusal: string): void {
    const ctx = this.ctx;
    this.recordClient(command);
    const reply = ctx.options.clientSecurity === 'starttls' && !ctx.clientSecure ? ready : refusal;
    ctx.record('S', reply);
    if (reply === ready) ctx.holdClient();
    ctx.toClient(`${reply}\r\n`);
    if (reply === ready) ctx.startClientTls();
  }

  /** The client's line inside a SASL exchange the server runs: the attempt reads it, and it is relayed. */
  protected relaySaslResponse(t: string, line: Buffer): boolean {
    const a = this.attempt;
    if (!a || a.done || !a.sasl) return false; // SMTP's attempts are all SASL: it has no plain login to capture
    a.clientResponse(t);
    this.recordClient(t);
    this.ctx.toServer(line);
    return true;
  }

  /** The relay's own reply to the client, recorded as the server's side. */
  protected answer(reply: string): void {
    this.ctx.record('S', reply);
    this.ctx.toClient(`${reply}\r\n`);
  }

  protected recordClient(t: string, display?: string): void {
    this.ctx.record('C', display ?? t);
  }

  protected startCapture(mechanism: string, tag?: string): LoginAttempt {
    const a = new LoginAttempt(this.ctx.options.protocol, mechanism, this.ctx.transcript, tag);
    this.attempt = a;
    this.ctx.loginStarted(a);
    return a;
  }

  /** A SASL login the server runs (no injection): captured from its command on, with the initial response when it has one. */
  protected captureSasl(command: string, mechanism: string, initialResponse: string | undefined, tag?: string): void {
    const attempt = this.startCapture(mechanism, tag);
    if (initialResponse !== undefined) attempt.clientResponse(initialResponse);
    this.recordClient(command);
  }

  protected finishAttempt(a: LoginAttempt, ok: boolean, reply: string): void {
    if (a.done && a.record.verdict) return;
    this.ctx.loginFinished(a, a.finish(ok ? 'ok' : 'refused', reply));
    if (this.attempt === a) this.attempt = undefined;
  }

  /**
   * Injection: checks the client's plain login, then logs in upstream with the token. `wire` is how the
   * protocol words it: the reply that refuses the client, and the AUTH command the relay sends upstream.
   */
  protected inject(user: string | undefined, password: string | undefined, clientMechanism: string, wire: InjectWire): void {
    const inject = this.ctx.options.inject!;
    const ctx = this.ctx;
    ctx.holdClient();
    const check = checkClientLogin(inject, user, password);
    if (!check.ok) {
      ctx.record('error', l10n.t("Injection: the client's {0} login as {1} was refused by the relay: {2}", clientMechanism, user ?? '?', check.reason));
      const a = new LoginAttempt(ctx.options.protocol, clientMechanism, ctx.transcript);
      a.plain(user, undefined);
      a.record.replaced = clientMechanism;
      const rec = a.finish('refused', check.reason);
      rec.verdict = {
        ok: false,
        title: l10n.t("The relay refused the client's login."),
        cause: check.reason,
        fix: l10n.t("Log in with the proxy's account name and the proxy password it showed when it started."),
        findings: [],
        tokenProblems: [],
      };
      ctx.loginFinished(a, rec);
      this.refuseInjected(wire, wireText(check.reason));
      ctx.releaseClient();
      return;
    }
    inject
      .token()
      .then((token) => {
        const a = new LoginAttempt(ctx.options.protocol, inject.mechanism, ctx.transcript, undefined);
        a.record.user = check.mailbox;
        a.record.replaced = clientMechanism;
        a.setToken(token);
        const ir = initialResponseFor(inject, ctx.options.upstream, check.mailbox, token);
        ctx.transcript.addSecret(ir);
        ctx.record(
          'info',
          l10n.t(
            "Injection: the client's {0} login as {1} is replaced upstream by {2} with the account's token (the client's password is not forwarded).",
            clientMechanism,
            user ?? '?',
            inject.mechanism,
          ),
        );
        ctx.loginStarted(a);
        // Asked now, not before the token: IMAP learns SASL-IR from the capabilities.
        const irSent = wire.initialResponse();
        this.injecting = { attempt: a, ir, irSent, tag: wire.tag };
        const line = `${wire.command} ${inject.mechanism}${irSent ? ` ${ir}` : ''}`;
        ctx.record('C', line);
        ctx.toServer(`${line}\r\n`);
      })
      .catch((e: Error) => {
        const reason = l10n.t('The relay could not get a token for {0}: {1}', inject.account, oneLine(e.message));
        ctx.record('error', reason);
        this.refuseInjected(wire, wireText(reason));
        ctx.releaseClient();
      });
  }

  private refuseInjected(wire: InjectWire, reason: string): void {
    this.answer(wire.refusal(reason));
  }

  /** The end of an injected login: the server's final reply goes to the client, which may go on. */
  protected injectedReply(ok: boolean, reply: string): void {
    const inj = this.injecting!;
    this.injecting = undefined;
    this.ctx.loginFinished(inj.attempt, inj.attempt.finish(ok ? 'ok' : 'refused', reply));
    this.ctx.releaseClient();
  }

  /** A continuation during an injected login: the prompt for the response, or an error challenge to end. */
  protected injectedContinuation(b64: string, write: (line: string) => void): void {
    const inj = this.injecting!;
    if (!inj.irSent) {
      inj.irSent = true;
      this.ctx.record('C', inj.ir);
      write(inj.ir);
      return;
    }
    inj.attempt.serverChallenge(b64);
    const answer = challengeAnswerFor(this.ctx.options.inject!.mechanism);
    this.ctx.record('C', answer);
    write(answer);
  }
}

// ---------------------------------------------------------------- IMAP

const IMAP_LITERAL = /\{(\d{1,10})(\+?)\}\r?\n$/;

/** An IMAP astring: atom or quoted string (literals are not read here). */
function imapStrings(rest: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < rest.length) {
    if (rest[i] === ' ') {
      i++;
      continue;
    }
    if (rest[i] === '"') {
      let s = '';
      i++;
      while (i < rest.length && rest[i] !== '"') {
        if (rest[i] === '\\' && i + 1 < rest.length) i++;
        s += rest[i++];
      }
      if (rest[i] !== '"') return undefined;
      i++;
      out.push(s);
    } else if (rest[i] === '{') return undefined;
    else {
      const end = rest.indexOf(' ', i);
      out.push(rest.slice(i, end < 0 ? rest.length : end));
      i = end < 0 ? rest.length : end;
    }
  }
  return out;
}

class ImapHandler extends BaseHandler {
  private c2sCont = false;
  private s2cCont = false;
  private c2sTag = '';
  private syncLiteral: { tag: string; n: number } | undefined;
  private saslIr = false;
  private greeted = false;
  /** Injection: the relay said "+ " to AUTHENTICATE PLAIN and waits for the client's response. */
  private localSasl: { tag: string } | undefined;

  clientLine(line: Buffer): void {
    const ctx = this.ctx;
    const t = text(line);
    if (this.localSasl) {
      const { tag } = this.localSasl;
      this.localSasl = undefined;
      this.recordClient(t, t === '*' ? t : HIDDEN);
      if (t === '*') return ctx.toClient(`${tag} BAD Authentication cancelled\r\n`);
      return this.injectPlainBlob(tag, t);
    }
    if (this.relaySaslResponse(t, line)) return;
    if (this.c2sCont) {
      this.c2sCont = false;
      this.recordClient(t);
      this.literal(line, 'c2s');
      return ctx.toServer(line);
    }
    const m = /^(\S+) (\S+)(?: (.*))?$/.exec(t);
    if (!m) {
      this.recordClient(t);
      this.literal(line, 'c2s');
      return ctx.toServer(line);
    }
    const [, tag, verb, rest = ''] = m;
    this.c2sTag = tag;
    const cmd = verb.toUpperCase();
    if (cmd === 'STARTTLS') return this.clientStarttls(t, `${tag} OK Begin TLS negotiation now`, `${tag} BAD STARTTLS is not available through this relay`);
    if (cmd === 'COMPRESS') {
      this.recordClient(t);
      const reply = `${tag} NO [CANNOT] COMPRESS is not available through the relay (it reads the session)`;
      return this.answer(reply);
    }
    const inject = ctx.options.inject;
    if (cmd === 'AUTHENTICATE') {
      const [mech = '', ir] = rest.split(' ');
      if (inject && mech.toUpperCase() === 'PLAIN') {
        this.recordClient(t, responseHidden(`${tag} ${verb} ${mech}`, ir));
        if (ir !== undefined) return this.injectPlainBlob(tag, ir);
        this.localSasl = { tag };
        return this.answer('+ ');
      }
      this.captureSasl(t, mech, ir, tag);
      return ctx.toServer(line);
    }
    if (cmd === 'LOGIN') {
      const args = imapStrings(rest);
      this.recordClient(t, `${tag} ${verb} ${args?.[0] ?? '…'} ${HIDDEN}`);
      if (inject) {
        if (!args || args.length !== 2) {
          const reply = `${tag} NO The relay reads LOGIN with quoted or atom arguments only; use quoted strings or AUTHENTICATE PLAIN`;
          return this.answer(reply);
        }
        return this.injectLogin(tag, args[0], args[1], 'LOGIN');
      }
      const attempt = this.startCapture('LOGIN', tag);
      attempt.plain(args?.[0], args?.[1]);
      this.literal(line, 'c2s');
      return ctx.toServer(line);
    }
    this.recordClient(t);
    this.literal(line, 'c2s');
    ctx.toServer(line);
  }

  private injectPlainBlob(tag: string, b64: string): void {
    const { user, password } = plainCredentials(Buffer.from(b64, 'base64').toString('utf8'));
    this.injectLogin(tag, user, password, 'AUTHENTICATE PLAIN');
  }

  private injectLogin(tag: string, user: string | undefined, password: string | undefined, clientMechanism: string): void {
    this.inject(user, password, clientMechanism, {
      refusal: (reason) => `${tag} NO [AUTHENTICATIONFAILED] ${reason}`,
      command: `${tag} AUTHENTICATE`,
      initialResponse: () => this.saslIr,
      tag,
    });
  }

  /** A literal announced at the end of a line: its bytes pass on unread, then the same command or reply goes on. */
  private literal(line: Buffer, dir: 'c2s' | 's2c'): void {
    const tail = line.subarray(-20).toString('latin1');
    const m = IMAP_LITERAL.exec(tail);
    if (!m) return;
    const n = Number(m[1]);
    if (dir === 'c2s') {
      if (n > 0) this.ctx.c2s.mode = { kind: 'bytes', left: n };
      this.c2sCont = true;
      if (!m[2]) this.syncLiteral = { tag: this.c2sTag, n };
    } else {
      if (n > 0) this.ctx.s2c.mode = { kind: 'bytes', left: n };
      this.s2cCont = true;
    }
  }

  clientLongLine(tail: Buffer, length: number): void {
    super.clientLongLine(tail, length);
    this.literal(tail, 'c2s');
  }

  serverLongLine(tail: Buffer, length: number): void {
    super.serverLongLine(tail, length);
    this.literal(tail, 's2c');
  }

  /** Capabilities as the client may see them: what the relay cannot pass on removed, what it adds added. */
  private capabilities(list: string): string {
    const ctx = this.ctx;
    const o = ctx.options;
    const caps = list.split(' ').filter(Boolean);
    if (caps.some((c) => c.toUpperCase() === 'SASL-IR')) this.saslIr = true;
    const removed: string[] = [];
    const kept = caps.filter((c) => {
      const u = c.toUpperCase();
      const drop = u.startsWith('COMPRESS=') || u === 'STARTTLS' || (o.inject !== undefined && (u.startsWith('AUTH=') || u === 'LOGINDISABLED'));
      if (drop) removed.push(c);
      return !drop;
    });
    if (o.inject) kept.push('AUTH=PLAIN');
    if (o.clientSecurity === 'starttls' && !ctx.clientSecure) kept.push('STARTTLS');
    for (const c of removed) {
      const u = c.toUpperCase();
      if (u.startsWith('COMPRESS=')) ctx.noteOnce('compress', l10n.t('The relay removed {0} from the capabilities the client sees: a compressed session could not be read.', c));
      else if (u === 'STARTTLS') ctx.noteOnce('starttls', l10n.t("The relay removed the server's STARTTLS from the capabilities the client sees: the relay decides TLS on each side itself."));
      else ctx.noteOnce('inject-caps', l10n.t("Injection: the client sees AUTH=PLAIN instead of the server's mechanisms ({0}).", removed.join(' ')));
    }
    return kept.join(' ');
  }

  serverLine(line: Buffer): void {
    const ctx = this.ctx;
    let t = text(line);
    let out: Buffer | string = line;
    if (this.s2cCont) {
      this.s2cCont = false;
      ctx.record('S', t);
      this.literal(line, 's2c');
      return ctx.toClient(line);
    }
    if (!this.greeted) {
      this.greeted = true;
      // After the relay's own STARTTLS upstream, the greeting's capabilities are the plain-text ones: drop them.
      if (ctx.options.upstream.security === 'starttls' && /\[CAPABILITY [^\]]*\] ?/i.test(t)) {
        t = t.replace(/\[CAPABILITY [^\]]*\] ?/i, '');
        out = `${t}\r\n`;
      }
    }
    const caps = /^(\* CAPABILITY )(.*)$/i.exec(t) ?? /^(.*?\[CAPABILITY )([^\]]*)(\].*)$/i.exec(t);
    if (caps) {
      const rewritten = caps.length === 3 ? `${caps[1]}${this.capabilities(caps[2])}` : `${caps[1]}${this.capabilities(caps[2])}${caps[3]}`;
      if (rewritten !== t) {
        t = rewritten;
        out = `${t}\r\n`;
      }
    }
    const inj = this.injecting;
    if (inj) {
      if (t.startsWith('+')) {
        ctx.record('S', t);
        return this.injectedContinuation(t.slice(1).trim(), (l) => ctx.toServer(`${l}\r\n`));
      }
      if (t.startsWith(`${inj.tag} `)) {
        ctx.record('S', t);
        ctx.toClient(out);
        return this.injectedReply(/^\S+ OK\b/i.test(t), t);
      }
    }
    ctx.record('S', t);
    const a = this.attempt;
    if (t.startsWith('+')) {
      if (a && !a.done) a.serverChallenge(t.slice(1).trim());
      this.syncLiteral = undefined;
    } else {
      const tagged = /^(\S+) (OK|NO|BAD)\b/i.exec(t);
      if (tagged) {
        if (a && tagged[1] === a.tag) this.finishAttempt(a, tagged[2].toUpperCase() === 'OK', t);
        const s = this.syncLiteral;
        if (s && s.tag === tagged[1]) {
          // A synchronising literal the server refused: the client will not send it, so lines follow.
          const mode = ctx.c2s.mode;
          if (mode.kind === 'bytes' && mode.left === s.n) {
            ctx.c2s.mode = { kind: 'line' };
            this.c2sCont = false;
          }
          this.syncLiteral = undefined;
        }
      }
    }
    this.literal(typeof out === 'string' ? Buffer.from(out) : out, 's2c');
    ctx.toClient(out);
  }

  refuseClient(message: string): void {
    this.ctx.toClient(`* BYE [UNAVAILABLE] ${wireText(message)}\r\n`);
  }
}

// ---------------------------------------------------------------- POP3

/** POP3 replies that are multi-line after +OK (RFC 1939, 2449), by command and whether it had an argument. */
function pop3MultiLine(cmd: string, hasArg: boolean): 'capa' | 'dot' | undefined {
  if (cmd === 'CAPA') return 'capa';
  if (cmd === 'RETR' || cmd === 'TOP') return 'dot';
  if ((cmd === 'LIST' || cmd === 'UIDL' || cmd === 'AUTH') && !hasArg) return 'dot';
  return undefined;
}

class Pop3Handler extends BaseHandler {
  private queue: { cmd: string; hasArg: boolean }[] = [];
  private greeted = false;
  private inCapa = false;
  private user: string | undefined;
  private localSasl = false;

  clientLine(line: Buffer): void {
    const ctx = this.ctx;
    const t = text(line);
    if (this.localSasl) {
      this.localSasl = false;
      this.recordClient(t, t === '*' ? t : HIDDEN);
      if (t === '*') return ctx.toClient(`-ERR Authentication cancelled\r\n`);
      return this.injectPlainBlob(t);
    }
    if (this.relaySaslResponse(t, line)) return;
    const { verb, cmd, args } = commandWords(t);
    const inject = ctx.options.inject;
    if (cmd === 'STLS') return this.clientStarttls(t, '+OK Begin TLS negotiation', '-ERR STLS is not available through this relay');
    if (cmd === 'USER') {
      this.user = args.join(' ');
      this.recordClient(t);
      if (inject) {
        return this.answer('+OK');
      }
    } else if (cmd === 'PASS') {
      this.recordClient(t, `PASS ${HIDDEN}`);
      const password = t.slice(5);
      if (inject) return this.injectLogin(this.user, password, 'USER/PASS');
      const attempt = this.startCapture('USER/PASS');
      attempt.plain(this.user, password);
    } else if (cmd === 'AUTH' && args.length > 0) {
      const mech = args[0].toUpperCase();
      if (inject && mech === 'PLAIN') {
        this.recordClient(t, responseHidden(`${verb} ${args[0]}`, args[1]));
        if (args[1] !== undefined) return this.injectPlainBlob(args[1]);
        this.localSasl = true;
        return this.answer('+ ');
      }
      this.captureSasl(t, mech, args[1]);
    } else this.recordClient(t);
    this.queue.push({ cmd, hasArg: args.length > 0 });
    ctx.toServer(line);
  }

  private injectPlainBlob(b64: string): void {
    const { user, password } = plainCredentials(Buffer.from(b64, 'base64').toString('utf8'));
    this.injectLogin(user, password, 'AUTH PLAIN');
  }

  private injectLogin(user: string | undefined, password: string | undefined, clientMechanism: string): void {
    this.inject(user, password, clientMechanism, { refusal: (reason) => `-ERR [AUTH] ${reason}`, command: 'AUTH', initialResponse: () => true });
  }

  /** A CAPA line as the client may see it, or undefined to leave it out. */
  private capa(t: string): string | undefined {
    const ctx = this.ctx;
    const o = ctx.options;
    const word = t.split(' ')[0].toUpperCase();
    if (word === 'STLS') {
      ctx.noteOnce('starttls', l10n.t("The relay removed the server's STLS from the capabilities the client sees: the relay decides TLS on each side itself."));
      return undefined;
    }
    if (o.inject && word === 'SASL') {
      ctx.noteOnce('inject-caps', l10n.t("Injection: the client sees SASL PLAIN instead of the server's mechanisms ({0}).", t.slice(5)));
      return 'SASL PLAIN';
    }
    return t;
  }

  serverLine(line: Buffer): void {
    const ctx = this.ctx;
    const t = text(line);
    if (this.inCapa) {
      if (t === '.') {
        this.inCapa = false;
        if (ctx.options.clientSecurity === 'starttls' && !ctx.clientSecure) ctx.toClient('STLS\r\n');
        if (ctx.options.inject) ctx.toClient('USER\r\n');
        ctx.record('S', t);
        return ctx.toClient(line);
      }
      const kept = t.toUpperCase() === 'USER' && ctx.options.inject ? undefined : this.capa(t);
      ctx.record('S', kept ?? l10n.t('(removed by the relay: {0})', t));
      if (kept === undefined) return;
      return ctx.toClient(kept === t ? line : `${kept}\r\n`);
    }
    ctx.record('S', t);
    const inj = this.injecting;
    if (inj) {
      if (t.startsWith('+OK') || t.startsWith('-ERR')) {
        ctx.toClient(line);
        return this.injectedReply(t.startsWith('+OK'), t);
      }
      if (t.startsWith('+')) return this.injectedContinuation(t.slice(1).trim(), (l) => ctx.toServer(`${l}\r\n`));
    }
    const a = this.attempt;
    if (t.startsWith('+') && !t.startsWith('+OK')) {
      if (a && !a.done) a.serverChallenge(t.slice(1).trim());
      return ctx.toClient(line);
    }
    if (!this.greeted) {
      this.greeted = true;
      return ctx.toClient(line);
    }
    const ok = t.startsWith('+OK');
    if (ok || t.startsWith('-ERR')) {
      const c = this.queue.shift();
      if (c && a && !a.done && (c.cmd === 'AUTH' || c.cmd === 'PASS')) this.finishAttempt(a, ok, t);
      const multi = ok && c ? pop3MultiLine(c.cmd, c.hasArg) : undefined;
      ctx.toClient(line);
      if (multi === 'capa') this.inCapa = true;
      else if (multi === 'dot') ctx.s2c.startDot();
      return;
    }
    ctx.toClient(line);
  }

  serverDotEnd(): void {
    this.ctx.record('info', l10n.t('(multi-line reply relayed, not recorded)'));
  }

  refuseClient(message: string): void {
    this.ctx.toClient(`-ERR [SYS/TEMP] ${wireText(message)}\r\n`);
  }
}

// ---------------------------------------------------------------- SMTP

const USERNAME_PROMPT = 'VXNlcm5hbWU6';
const PASSWORD_PROMPT = 'UGFzc3dvcmQ6';

class SmtpHandler extends BaseHandler {
  private queue: string[] = [];
  private greeted = false;
  private ehloLines: string[] = [];
  private ehloBytes = 0;
  /** Injection: the relay runs the client's AUTH PLAIN / LOGIN itself. */
  private localSasl: { mech: 'PLAIN' | 'LOGIN'; user?: string } | undefined;

  clientLine(line: Buffer): void {
    const ctx = this.ctx;
    const t = text(line);
    if (this.localSasl) return this.localSaslLine(t);
    if (this.relaySaslResponse(t, line)) return;
    const { verb, cmd, args } = commandWords(t);
    const inject = ctx.options.inject;
    if (cmd === 'STARTTLS') return this.clientStarttls(t, '220 2.0.0 Ready to start TLS', '454 4.7.0 TLS is not available through this relay');
    if (cmd === 'AUTH') {
      const mech = (args[0] ?? '').toUpperCase();
      if (inject && (mech === 'PLAIN' || mech === 'LOGIN')) {
        this.recordClient(t, responseHidden(`${verb} ${args[0]}`, args[1]));
        this.localSasl = { mech };
        if (args[1] !== undefined) return this.localSaslLine(args[1], true);
        const prompt = mech === 'PLAIN' ? '334 ' : `334 ${USERNAME_PROMPT}`;
        return this.answer(prompt);
      }
      this.captureSasl(t, mech, args[1]);
      this.queue.push('AUTH');
      return ctx.toServer(line);
    }
    this.recordClient(t);
    this.queue.push(cmd === 'HELO' ? 'EHLO' : cmd);
    if (cmd === 'DATA') ctx.c2s.startDot();
    else if (cmd === 'BDAT') {
      const n = Number(args[0]);
      if (Number.isSafeInteger(n) && n > 0) ctx.c2s.mode = { kind: 'bytes', left: n };
    }
    ctx.toServer(line);
  }

  private localSaslLine(t: string, initial = false): void {
    const s = this.localSasl!;
    if (!initial) this.recordClient(t, t === '*' ? t : HIDDEN);
    if (t === '*') {
      this.localSasl = undefined;
      return this.answer('501 5.7.0 Authentication cancelled');
    }
    const decoded = t === '=' ? '' : Buffer.from(t, 'base64').toString('utf8');
    if (s.mech === 'LOGIN' && s.user === undefined) {
      s.user = decoded;
      return this.answer(`334 ${PASSWORD_PROMPT}`);
    }
    this.localSasl = undefined;
    if (s.mech === 'LOGIN') return this.injectLogin(s.user, decoded, 'AUTH LOGIN');
    const { user, password } = plainCredentials(decoded);
    this.injectLogin(user, password, 'AUTH PLAIN');
  }

  private injectLogin(user: string | undefined, password: string | undefined, clientMechanism: string): void {
    // Without the initial response: a real token does not fit the 512-octet AUTH line (RFC 4954 §4).
    this.inject(user, password, clientMechanism, { refusal: (reason) => `535 5.7.8 ${reason}`, command: 'AUTH', initialResponse: () => false });
  }

  /** An EHLO reply as the client may see it. */
  private ehlo(lines: string[]): string[] {
    const ctx = this.ctx;
    const o = ctx.options;
    if (!/^250/.test(lines[0] ?? '')) return lines;
    const [first, ...ext] = lines.map((l) => l.slice(4));
    const kept = ext.filter((e) => {
      const word = e.split(' ')[0].toUpperCase();
      if (word === 'STARTTLS') {
        ctx.noteOnce('starttls', l10n.t("The relay removed the server's STARTTLS from the extensions the client sees: the relay decides TLS on each side itself."));
        return false;
      }
      return true;
    });
    const out = kept.map((e) => {
      if (o.inject && e.split(' ')[0].toUpperCase() === 'AUTH') {
        ctx.noteOnce('inject-caps', l10n.t("Injection: the client sees AUTH PLAIN LOGIN instead of the server's mechanisms ({0}).", e.slice(5)));
        return 'AUTH PLAIN LOGIN';
      }
      return e;
    });
    if (o.inject && !out.some((e) => /^AUTH\b/i.test(e))) out.push('AUTH PLAIN LOGIN');
    if (o.clientSecurity === 'starttls' && !ctx.clientSecure) out.push('STARTTLS');
    const all = [first, ...out];
    return all.map((e, i) => `250${i === all.length - 1 ? ' ' : '-'}${e}`);
  }

  serverLine(line: Buffer): void {
    const ctx = this.ctx;
    const t = text(line);
    const m = /^(\d{3})([- ]|$)/.exec(t);
    const final = !m || m[2] !== '-';
    const inj = this.injecting;
    if (inj) {
      ctx.record('S', t);
      if (m && m[1] === '334') return this.injectedContinuation(t.slice(4).trim(), (l) => ctx.toServer(`${l}\r\n`));
      ctx.toClient(line);
      if (final) this.injectedReply(m?.[1] === '235', t);
      return;
    }
    if (!this.greeted) {
      ctx.record('S', t);
      if (final) this.greeted = true;
      return ctx.toClient(line);
    }
    const cmd = this.queue[0];
    if (cmd === 'EHLO') {
      this.ehloLines.push(t);
      this.ehloBytes += t.length;
      // Bounded: a server that never ends its EHLO reply gets it passed on in pieces.
      if (!final && this.ehloLines.length < 200 && this.ehloBytes < 64 * 1024) return;
      this.ehloBytes = 0;
      if (final) this.queue.shift();
      const lines = final ? this.ehlo(this.ehloLines) : this.ehloLines;
      this.ehloLines = [];
      for (const l of lines) ctx.record('S', l);
      return ctx.toClient(lines.map((l) => `${l}\r\n`).join(''));
    }
    ctx.record('S', t);
    const a = this.attempt;
    if (m && m[1] === '334' && a && !a.done) {
      a.serverChallenge(t.slice(4).trim());
      return ctx.toClient(line);
    }
    if (final) {
      this.queue.shift();
      if (cmd === 'AUTH' && a && !a.done) this.finishAttempt(a, m?.[1] === '235', t);
      if (cmd === 'DATA' && m?.[1] !== '354' && ctx.c2s.mode.kind === 'dot') ctx.c2s.mode = { kind: 'line' };
    }
    ctx.toClient(line);
  }

  clientDotEnd(): void {
    this.queue.push('MESSAGE');
    this.ctx.record('info', l10n.t('(message data relayed, not recorded)'));
  }

  clientBytesEnd(): void {
    this.ctx.record('info', l10n.t('(BDAT chunk relayed, not recorded)'));
  }

  refuseClient(message: string): void {
    this.ctx.toClient(`421 4.3.0 ${wireText(message)}\r\n`);
  }
}
