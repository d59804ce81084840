// Decodes whatever a user pastes from a log or transcript into one SASL message: strips protocol
// prefixes, joins wrapped base64, repairs padding, then recognises the mechanism and checks its format.
import * as l10n from '@vscode/l10n';
import { decodeBase64, encodeBase64 } from './base64';
import { ErrorChallenge, parseErrorChallenge } from './challenge';
import { LoginMessage, loginPrompt, parseLogin } from './login';
import { OauthbearerMessage, parseOauthbearer } from './oauthbearer';
import { PlainMessage, parsePlain } from './plain';
import { PlainSaslText, plainSaslIn } from './plainText';
import { Problem, error, info, visualizeControls, warning } from './problems';
import { Xoauth2Message, missingSeparatorProblem, parseXoauth2 } from './xoauth2';
import {
  cutLogin,
  damagedChallenge,
  damagedLogin,
  doubleEncodedTokenProblem,
  isPlaceholder,
  redactedProblem,
  redactionMarker,
  tokenInLineProblem,
  passwordAsTokenProblem,
  placeholderTokenProblem,
  placeholderUserProblem,
  recogniseBytes,
  recogniseText,
  tokenPastedProblem,
} from './recognise';

/** The OAUTHBEARER client's answer to an error challenge: the single byte 0x01 ("AQ=="). */
export interface ChallengeAck {
  mechanism: 'CHALLENGE-ACK';
}

export type SaslMessage = Xoauth2Message | OauthbearerMessage | PlainMessage | LoginMessage | ErrorChallenge | ChallengeAck;
export type MechanismName = SaslMessage['mechanism'];

export interface DecodeHint {
  /** A mechanism named by the surrounding protocol line (AUTHENTICATE XOAUTH2, AUTH PLAIN ...). */
  mechanism?: string;
  /** Who sent the blob: a server continuation ("+ ", "334 ") or the client. */
  sender?: 'client' | 'server';
  /** The protocol, where the line gives it away (IMAP's AUTHENTICATE, SMTP's 334). */
  protocol?: 'imap' | 'pop3' | 'smtp';
  /** For LOGIN: which answer a bare client blob is. */
  loginStep?: 'username' | 'password';
}

export interface DecodeResult {
  /** The recognised message; absent when the input is not a SASL message at all. */
  message?: SaslMessage;
  /** Every problem found; any with severity "error" means the input is malformed. */
  problems: Problem[];
  /** The decoded text with control bytes shown as ␁ / ␀ (Unicode control pictures; contains secrets: redact before showing). */
  decodedText?: string;
  /** The base64 as it should have been sent (standard alphabet, padded, one line). */
  canonicalBase64?: string;
  /** What the protocol prefix told us. */
  hint: DecodeHint;
}

const KNOWN_MECHANISMS = new Set(['XOAUTH2', 'OAUTHBEARER', 'PLAIN', 'LOGIN']);

/** Failures that already say what the input is: no second guess replaces them. */
const NAMED_FAILURES = new Set(['token-not-sasl', 'damaged-challenge']);

/** Decodes one SASL blob, with or without its protocol line around it. */
export function decodeSasl(input: string, hint: DecodeHint = {}): DecodeResult {
  const result = decodeBlob(input, hint);
  if (result.message || result.decodedText !== undefined || input.length > MAX_LINE_CHARS || result.problems.some((p) => NAMED_FAILURES.has(p.code))) return result;
  return rescue(input, result) ?? result;
}

/**
 * What a paste that decodes to nothing still is (issue 14): a login cut with "...", a server error
 * challenge already decoded, an access token, or credentials a log or a post hid. Only for input that
 * failed; each test is one linear regex over at most the line.
 */
function rescue(input: string, failed: DecodeResult): DecodeResult | undefined {
  const hint = failed.hint;
  const pure = BASE64_LINE.test(input.trim());
  if (!pure) {
    const ellipsis = /(?<![A-Za-z0-9+/_-])([A-Za-z0-9+/_-]{8,})(?:\.{2,}|…)/.exec(input);
    const cut = ellipsis ? cutLogin(ellipsis[1]) : undefined;
    if (cut) return { message: partialLogin(cut.mechanism, cut.user), problems: [cut.problem], hint };
    const json = /\{\s*"(?:status|schemes|scope)"\s*:[^{}]{0,4096}\}/.exec(input);
    if (json) {
      const challenge = parseErrorChallenge(json[0]);
      if (challenge.message) {
        const note = info('challenge-text', l10n.t('This is a server error challenge as text (already decoded from base64).'));
        return { message: challenge.message, problems: [note, ...challenge.problems], decodedText: json[0], canonicalBase64: encodeBase64(json[0]), hint };
      }
    }
    // Microsoft's greeting tag cut short ("[VgBJADEAUABSADAAN"): the server name's readable start.
    const tag = /\[([A-Za-z0-9+/]{12,512})={0,2}\]?\s*['"]?\s*$/.exec(input);
    if (tag) {
      const usable = tag[1].slice(0, Math.floor(tag[1].length / 4) * 4);
      const bytes = new Uint8Array(Buffer.from(usable, 'base64'));
      const named = recogniseBytes(bytes.subarray(0, bytes.length - (bytes.length % 2)));
      if (named?.problem.code === 'exchange-server-name' && named.shown !== undefined) {
        return { problems: [named.problem, info('greeting-cut', l10n.t('The greeting tag was cut off: this is the start of the server name.'))], decodedText: named.shown + '…', hint };
      }
    }
    const token = tokenInLineProblem(input);
    if (token) return { problems: [token], hint };
  }
  // Pure base64 (every run the scanner and the hover try) can only have had its middle overwritten: one cheap test first.
  if (pure && !/[xX*]{4}/.test(input)) return undefined;
  const marker = redactionMarker(input);
  if (marker) return { problems: [redactedProblem(marker)], hint };
  return undefined;
}

function decodeBlob(input: string, hint: DecodeHint): DecodeResult {
  const plain = plainSaslIn(input);
  if (plain) return decodePlainSasl(plain, definedOnly(hint));
  const extracted = extractBlob(input);
  const mergedHint: DecodeHint = { ...extracted.hint, ...definedOnly(hint) };
  const problems: Problem[] = [...extracted.problems];
  if (extracted.blob === undefined) {
    return { problems: problems.length ? problems : [error('empty', l10n.t('There is nothing to decode: no base64 string was found.'))], hint: mergedHint };
  }
  if (mergedHint.mechanism && !KNOWN_MECHANISMS.has(mergedHint.mechanism)) {
    problems.push(warning('unknown-mechanism', l10n.t('The line names the mechanism {0}, which this tool does not decode; trying to recognise the content.', mergedHint.mechanism)));
    delete mergedHint.mechanism;
  }

  const b64 = decodeBase64(extracted.blob);
  if (!b64.ok) {
    const pasted = b64.problems.some((p) => p.code === 'not-base64') ? tokenPastedProblem(input.length > 64 * 1024 ? '' : input) : undefined;
    if (pasted) return { problems: [...problems, pasted], hint: mergedHint };
    const cut = b64.problems.some((p) => p.code === 'truncated') ? cutLogin(extracted.blob) : undefined;
    if (cut) return { message: partialLogin(cut.mechanism, cut.user), problems: [...problems, cut.problem], hint: mergedHint };
    return { problems: [...problems, ...b64.problems], hint: mergedHint };
  }
  problems.push(...b64.value.problems);

  const bytes = b64.value.bytes;
  const text = decodeUtf8(bytes);
  const named = recogniseBytes(bytes);
  if (named) {
    return { problems: [...problems, named.problem], decodedText: named.shown, canonicalBase64: b64.value.canonical, hint: mergedHint };
  }
  if (text === undefined) {
    const damaged = damagedLogin(bytes);
    if (damaged) {
      return { message: partialLogin(damaged.mechanism, damaged.user), problems: [...problems, damaged.problem], canonicalBase64: b64.value.canonical, hint: mergedHint };
    }
    const challenge = damagedChallenge(bytes);
    if (challenge) return { problems: [...problems, challenge], canonicalBase64: b64.value.canonical, hint: mergedHint };
    problems.push(error('not-text', l10n.t('The base64 decodes to {0} bytes of binary data, not a SASL message (XOAUTH2, OAUTHBEARER, PLAIN, LOGIN or a server error challenge).', bytes.length)));
    return { problems, canonicalBase64: b64.value.canonical, hint: mergedHint };
  }

  const parsed = classify(text, mergedHint);
  const extra = fieldProblems(parsed.message, text);
  // A string cut after its user field: say that, not only that its separators are missing.
  const own = extra.some((p) => p.code === 'missing-auth-field') ? parsed.problems.filter((p) => p.code !== 'no-separators') : parsed.problems;
  return {
    message: parsed.message,
    problems: [...problems, ...own, ...extra],
    decodedText: visualizeControls(text),
    canonicalBase64: b64.value.canonical,
    hint: mergedHint,
  };
}

/** A login string written as text (before base64): read like the decoded blob, with its base64 and a note saying so. */
export function decodePlainSasl({ text, mechanism, separator }: PlainSaslText, hint: DecodeHint = {}): DecodeResult {
  const mergedHint: DecodeHint = { mechanism, ...hint };
  const parsed = classify(text, mergedHint);
  const note =
    separator === '\x01'
      ? info('plain-text', l10n.t('This is the {0} string as text, before base64. Servers take it base64-encoded: the encoded form is shown with it.', mechanism))
      : info(
          'plain-text',
          l10n.t(
            'This is the {0} string as text, before base64, with its separators written as "{1}" (read here as the byte 0x01). Servers take it base64-encoded with the byte itself; a program that sends "{1}" literally is refused.',
            mechanism,
            separator,
          ),
        );
  return {
    message: parsed.message,
    problems: [note, ...parsed.problems, ...fieldProblems(parsed.message, text)],
    decodedText: visualizeControls(text),
    canonicalBase64: encodeBase64(text),
    hint: mergedHint,
  };
}

/** What a damaged login still shows: its mechanism and, where readable, its user. */
function partialLogin(mechanism: 'XOAUTH2' | 'OAUTHBEARER', user: string | undefined): SaslMessage {
  return mechanism === 'XOAUTH2' ? { mechanism, user } : { mechanism, user, extensions: {} };
}

/** Values that make a well-formed login fail: an unset variable, a password where the token belongs. */
function fieldProblems(message: SaslMessage | undefined, text: string): Problem[] {
  if (!message) return [];
  const out: Problem[] = [];
  if ((message.mechanism === 'XOAUTH2' || message.mechanism === 'OAUTHBEARER' || message.mechanism === 'PLAIN') && message.user !== undefined && isPlaceholder(message.user)) {
    out.push(placeholderUserProblem(message.user));
  }
  if (message.mechanism === 'LOGIN' && message.step === 'username' && message.user !== undefined && isPlaceholder(message.user)) {
    out.push(placeholderUserProblem(message.user));
  }
  if ((message.mechanism === 'XOAUTH2' || message.mechanism === 'OAUTHBEARER') && message.token !== undefined) {
    const doubled = doubleEncodedTokenProblem(message.token);
    if (isPlaceholder(message.token)) out.push(placeholderTokenProblem(message.token));
    else if (doubled) out.push(doubled);
    else {
      const pw = passwordAsTokenProblem(message.token);
      if (pw) out.push(pw);
    }
  }
  if (message.mechanism === 'XOAUTH2' && !text.includes('\x01') && /^user=/.test(text) && !/auth=/i.test(text) && !/\^A|\\x01|\\u0001|\\001|%01|[\r\n]/i.test(text)) {
    out.push(
      error('missing-auth-field', l10n.t('The string ends after the user field: no auth=Bearer <token> follows. It was cut off (a log or terminal shortened the line) or built without the token.')),
    );
  }
  return out;
}

function classify(text: string, hint: DecodeHint): { message?: SaslMessage; problems: Problem[] } {
  switch (hint.mechanism) {
    case 'XOAUTH2':
      if (text.startsWith('{')) break; // a server's error challenge during an XOAUTH2 exchange
      return parseXoauth2(text);
    case 'OAUTHBEARER':
      if (text.startsWith('{')) break;
      if (text === '\x01') return { message: { mechanism: 'CHALLENGE-ACK' }, problems: [] };
      return parseOauthbearer(text);
    case 'PLAIN':
      return parsePlain(text);
    case 'LOGIN': {
      const prompt = loginPrompt(text);
      if (prompt) return { message: { mechanism: 'LOGIN', step: prompt }, problems: [] };
      return parseLogin(text, hint.loginStep ?? 'username');
    }
  }

  if (text === '\x01') {
    return {
      message: { mechanism: 'CHALLENGE-ACK' },
      problems: [info('challenge-ack', l10n.t("This is the client's answer to an OAUTHBEARER error challenge (RFC 7628 requires the single byte 0x01)."))],
    };
  }
  if (text.trimStart().startsWith('{')) {
    const challenge = parseErrorChallenge(text.trim());
    if (challenge.message || challenge.problems.length) return challenge;
    return { problems: [error('unknown-json', l10n.t('The base64 decodes to JSON that is not a server error challenge (no status, schemes or scope).'))] };
  }
  const named = recogniseText(text);
  if (named) return { problems: [named.problem] };
  if (/^user=/i.test(text) || /^auth=/i.test(text)) {
    if (!text.startsWith('user=') && /^user=/i.test(text)) {
      return { problems: [error('field-case', l10n.t('The field is written "{0}"; XOAUTH2 requires lower-case "user=".', text.slice(0, 5)))] };
    }
    return parseXoauth2(text);
  }
  if (/^(?:[ny]|p=[^,]*),(?:a=[^,]*)?,/.test(text)) return parseOauthbearer(text);
  if (/\bauth=bearer\b/i.test(text)) {
    // Looks like an attempt at XOAUTH2 or OAUTHBEARER with the wrong start.
    if (text.includes('\x01')) {
      return { problems: [error('unknown-shape', l10n.t('The string carries auth=Bearer but starts with neither "user=" (XOAUTH2) nor a GS2 header "n,a=...," (OAUTHBEARER).'))] };
    }
    return { problems: [missingSeparatorProblem(text)] };
  }
  if ((text.match(/\x00/g) ?? []).length === 2) return parsePlain(text);
  const prompt = loginPrompt(text);
  if (prompt) {
    return { message: { mechanism: 'LOGIN', step: prompt }, problems: [] };
  }
  const length = Buffer.byteLength(text);
  return {
    problems: [
      error(
        'unknown-shape',
        l10n.t(
          'The base64 decodes to {0} bytes of text that is not XOAUTH2, OAUTHBEARER, PLAIN or a server error challenge. If it is an AUTH LOGIN user name or password, decode it together with its "AUTH LOGIN" line.',
          length,
        ),
      ),
    ],
  };
}

interface Extracted {
  blob?: string;
  hint: DecodeHint;
  problems: Problem[];
}

// A tool's prefix before the protocol text: a timestamp, then "C: "/"S: ", curl's "> "/"< ", "<==",
// "<--", "-->", "data:", "SERVER -> CLIENT:", "[id] C:", "DEBUG IMAP:", "smtp:" and the like.
const TIMESTAMP = /^\[?\d{4}-\d\d-\d\d[T ][\d:.,]+(?:Z|[+-]\d\d:?\d\d)?\]?:?\s*/i;
const LINE_MARKER =
  /^(?:(?:\[[^\]\s]{1,40}\]\s*)?(?:[CS]|Client|Server)\s*:\s?|(?:SERVER|CLIENT)\s*->\s*(?:SERVER|CLIENT)\s*:\s?|(?:DEBUG\s+)?(?:IMAP|POP3?|SMTP)\s*:\s?|data:\s?|<==\s?|==>\s?|<--\s?|-->\s?|[<>]{1,2}\s?)?/i;
const COMMAND = /^(?:([A-Za-z0-9.]+)\s+)?(AUTHENTICATE|AUTH)\s+([A-Za-z0-9_-]+)(?:\s+(.*))?$/i;
// The same command anywhere in a line (after a tool's prefix we do not know), with its blob if any.
const COMMAND_IN_LINE = /(?:^|[\s:>'"\]|])(?:[A-Za-z0-9.]{1,40}\s+)?(AUTHENTICATE|AUTH)\s+([A-Za-z0-9_-]{2,40})(?:\s+([A-Za-z0-9+/_-]+=*|=))?[\s"'`]*$/i;
const CONTINUATION = /^(\+|334)(?:\s+(.*))?$/;
const CONTINUATION_IN_LINE = /(?:^|[\s:>'"\]|])(\+|334)(?:\s+([A-Za-z0-9+/_-]+=*))?[\s"'`]*$/;
const BASE64_LINE = /^[A-Za-z0-9+/_-]+=*$/;
const RUN = /(?<![A-Za-z0-9+/_.@-])[A-Za-z0-9+/_-]{8,}={0,2}(?![A-Za-z0-9+/_=.@-])/g;
/** A pasted line longer than this is taken as it is, not searched for a blob inside (blobs are at most 64 KB). */
const MAX_LINE_CHARS = 128 * 1024;

/** Finds the base64 blob in a pasted line or lines, and what its prefix says about it. */
export function extractBlob(input: string): Extracted {
  const lines = logicalLines(input).map(cleanLine);
  const hint: DecodeHint = {};
  const problems: Problem[] = [];
  const pieces: string[] = [];
  let ignored = 0;

  for (const line of lines) {
    if (line === '') continue;
    if (pieces.length === 0) {
      const searchable = line.length <= MAX_LINE_CHARS;
      const cmd = COMMAND.exec(line) ?? (searchable ? commandInLine(line) : undefined);
      if (cmd) {
        hint.mechanism = cmd[3].toUpperCase();
        hint.sender = 'client';
        if (cmd[2].toUpperCase() === 'AUTHENTICATE') hint.protocol = 'imap';
        if (cmd[4] !== undefined && cmd[4] !== '' && cmd[4] !== '=' && !isProse(cmd[4])) pieces.push(cmd[4]);
        continue;
      }
      const cont = CONTINUATION.exec(line) ?? (searchable ? continuationInLine(line) : undefined);
      if (cont) {
        // A bare "+" or "334" only invites the client's next line; one with a blob is the server speaking.
        if (cont[1] === '334') hint.protocol = 'smtp';
        if (cont[2] !== undefined && cont[2] !== '') {
          hint.sender = 'server';
          pieces.push(cont[2]);
        }
        continue;
      }
      pieces.push(BASE64_LINE.test(line) || !searchable ? line : (longestRun(line) ?? line));
      continue;
    }
    if (BASE64_LINE.test(line) && !/=$/.test(pieces[pieces.length - 1])) {
      pieces.push(line);
    } else {
      ignored++;
    }
  }
  if (ignored > 0) {
    problems.push(info('ignored-lines', l10n.t('{0} line(s) after the blob were not part of it and were ignored.', ignored)));
  }
  if (pieces.length === 0) return { hint, problems };
  if (pieces.length > 1) {
    problems.unshift(info('wrapped', l10n.t('The base64 was wrapped over {0} lines; they were joined.', pieces.length)));
  }
  return { blob: pieces.join(''), hint, problems };
}

/**
 * The lines of a paste, with a Python bytes repr (b'...\\r\\n') opened and escaped line breaks
 * ("\\r\\n" written out inside one log line) made real: base64 holds no backslash, so this never
 * changes a blob.
 */
function logicalLines(input: string): string[] {
  const out: string[] = [];
  for (const raw of input.split(/\r?\n/)) {
    const line = raw;
    const body = (line.length <= MAX_LINE_CHARS && pythonBytes(line)) || line;
    for (const part of body.split(/\\r\\n|\\n|\\r/)) out.push(part);
  }
  return out;
}

/** Words after a command ("AUTH XOAUTH2 command trace suppressed"), not base64 with a space in it. */
function isProse(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length > 1 && words.slice(0, -1).some((w) => w.length < 16 || !BASE64_LINE.test(w));
}

/** The inside of a Python bytes repr in a line (b'...' up to the line's last quote of the same kind). */
function pythonBytes(line: string): string | undefined {
  const open = /(?:^|[\s:>\]|(])b(['"])/.exec(line);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  const end = line.lastIndexOf(open[1]);
  return end > start ? line.slice(start, end) : undefined;
}

function commandInLine(line: string): RegExpExecArray | undefined {
  const m = COMMAND_IN_LINE.exec(line);
  if (!m) return undefined;
  // Same groups as COMMAND: [, tag, command, mechanism, blob].
  const shaped = [m[0], undefined, m[1], m[2], m[3]] as unknown as RegExpExecArray;
  return shaped;
}

function continuationInLine(line: string): RegExpExecArray | undefined {
  const m = CONTINUATION_IN_LINE.exec(line);
  // "334" inside a longer text (a port, a count) is no continuation: only a blob or the line's end after it.
  if (!m || (m[2] === undefined && !/(?:^|[\s:>'"\]|])(?:\+|334)\s*$/.test(line))) return undefined;
  return m;
}

/** The longest base64-looking run in a line with a prefix no rule knows (Exchange's "[...]" tag, an unknown tool). */
function longestRun(line: string): string | undefined {
  let best: string | undefined;
  RUN.lastIndex = 0;
  for (let m = RUN.exec(line); m; m = RUN.exec(line)) if (!best || m[0].length > best.length) best = m[0];
  RUN.lastIndex = 0;
  return best;
}

function cleanLine(raw: string): string {
  let line = raw.trim().replace(TIMESTAMP, '').replace(LINE_MARKER, '').trim();
  const py = /^b(['"])(.*)\1$/.exec(line);
  if (py) line = py[2].replace(/(?:\\r)?\\n$/, '').trim();
  return line;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function definedOnly(hint: DecodeHint): DecodeHint {
  return Object.fromEntries(Object.entries(hint).filter(([, v]) => v !== undefined)) as DecodeHint;
}
