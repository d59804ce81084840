// Decodes whatever a user pastes from a log or transcript into one SASL message: strips protocol
// prefixes, joins wrapped base64, repairs padding, then recognises the mechanism and checks its format.
import * as l10n from '@vscode/l10n';
import { decodeBase64 } from './base64';
import { ErrorChallenge, parseErrorChallenge } from './challenge';
import { LoginMessage, loginPrompt, parseLogin } from './login';
import { OauthbearerMessage, parseOauthbearer } from './oauthbearer';
import { PlainMessage, parsePlain } from './plain';
import { Problem, error, info, visualizeControls, warning } from './problems';
import { Xoauth2Message, missingSeparatorProblem, parseXoauth2 } from './xoauth2';

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

/** Decodes one SASL blob, with or without its protocol line around it. */
export function decodeSasl(input: string, hint: DecodeHint = {}): DecodeResult {
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
  if (!b64.ok) return { problems: [...problems, ...b64.problems], hint: mergedHint };
  problems.push(...b64.value.problems);

  const text = decodeUtf8(b64.value.bytes);
  if (text === undefined) {
    problems.push(
      error('not-text', l10n.t('The base64 decodes to {0} bytes of binary data, not a SASL message (XOAUTH2, OAUTHBEARER, PLAIN, LOGIN or a server error challenge).', b64.value.bytes.length)),
    );
    return { problems, canonicalBase64: b64.value.canonical, hint: mergedHint };
  }

  const parsed = classify(text, mergedHint);
  return {
    message: parsed.message,
    problems: [...problems, ...parsed.problems],
    decodedText: visualizeControls(text),
    canonicalBase64: b64.value.canonical,
    hint: mergedHint,
  };
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
      problems: [info('challenge-ack', l10n.t('This is the client\'s answer to an OAUTHBEARER error challenge (RFC 7628 requires the single byte 0x01).'))],
    };
  }
  if (text.trimStart().startsWith('{')) {
    const challenge = parseErrorChallenge(text.trim());
    if (challenge.message || challenge.problems.length) return challenge;
    return { problems: [error('unknown-json', l10n.t('The base64 decodes to JSON that is not a server error challenge (no status, schemes or scope).'))] };
  }
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
        l10n.t('The base64 decodes to {0} bytes of text that is not XOAUTH2, OAUTHBEARER, PLAIN or a server error challenge. If it is an AUTH LOGIN user name or password, decode it together with its "AUTH LOGIN" line.', length),
      ),
    ],
  };
}

interface Extracted {
  blob?: string;
  hint: DecodeHint;
  problems: Problem[];
}

// "C: ", "S: ", curl's "> " / "< ", Python imaplib's "b'...'" and a leading timestamp are not part of the blob.
const LINE_MARKER = /^(?:\[?\d{4}-\d\d-\d\d[T ][\d:.,]+(?:Z|[+-]\d\d:?\d\d)?\]?\s*)?(?:(?:[CS]|Client|Server)\s*:\s?|[<>]{1,2}\s?)?/i;
const COMMAND = /^(?:([A-Za-z0-9.]+)\s+)?(AUTHENTICATE|AUTH)\s+([A-Za-z0-9_-]+)(?:\s+(.*))?$/i;
const CONTINUATION = /^(\+|334)(?:\s+(.*))?$/;
const BASE64_LINE = /^[A-Za-z0-9+/_-]+=*$/;

/** Finds the base64 blob in a pasted line or lines, and what its prefix says about it. */
export function extractBlob(input: string): Extracted {
  const lines = input.split(/\r?\n/).map(cleanLine);
  const hint: DecodeHint = {};
  const problems: Problem[] = [];
  const pieces: string[] = [];
  let ignored = 0;

  for (const line of lines) {
    if (line === '') continue;
    if (pieces.length === 0) {
      const cmd = COMMAND.exec(line);
      if (cmd) {
        hint.mechanism = cmd[3].toUpperCase();
        hint.sender = 'client';
        if (cmd[2].toUpperCase() === 'AUTHENTICATE') hint.protocol = 'imap';
        if (cmd[4] !== undefined && cmd[4] !== '' && cmd[4] !== '=') pieces.push(cmd[4]);
        continue;
      }
      const cont = CONTINUATION.exec(line);
      if (cont) {
        // A bare "+" or "334" only invites the client's next line; one with a blob is the server speaking.
        if (cont[1] === '334') hint.protocol = 'smtp';
        if (cont[2] !== undefined && cont[2] !== '') {
          hint.sender = 'server';
          pieces.push(cont[2]);
        }
        continue;
      }
      pieces.push(line);
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

function cleanLine(raw: string): string {
  let line = raw.trim().replace(LINE_MARKER, '').trim();
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
