// SASL XOAUTH2 (Google's and Microsoft's): base64("user=" + user + "^Aauth=Bearer " + token + "^A^A").
import * as l10n from '@vscode/l10n';
import { encodeBase64 } from './base64';
import type { EncodeResult, SaslMechanism } from './mechanism';
import { Problem, error, hasErrors, warning } from './problems';
import { parseBearerCredentials, validateTokenInput, validateUserInput } from './token';

export type { EncodeResult } from './mechanism';

export interface Xoauth2Message {
  mechanism: 'XOAUTH2';
  user?: string;
  token?: string;
}

export function buildXoauth2(user: string, token: string): string {
  return `user=${user}\x01auth=Bearer ${token}\x01\x01`;
}

/** Encodes the XOAUTH2 initial client response, refusing input that would make a broken string. */
export function encodeXoauth2(user: string, token: string): EncodeResult {
  const problems = [...validateUserInput(user), ...validateTokenInput(token)];
  if (hasErrors(problems)) return { ok: false, problems };
  return { ok: true, value: encodeBase64(buildXoauth2(user, token.trim())), problems };
}

/** Parses decoded XOAUTH2 text, reporting precisely where it departs from the format. */
export function parseXoauth2(text: string): { message: Xoauth2Message; problems: Problem[] } {
  const message: Xoauth2Message = { mechanism: 'XOAUTH2' };
  const problems: Problem[] = [];

  if (!text.includes('\x01')) {
    problems.push(missingSeparatorProblem(text));
    const user = /^user=([^\s^\\]*)/.exec(text);
    if (user) message.user = user[1];
    return { message, problems };
  }

  let parts = text.split('\x01');
  // Fields between user= and auth= (curl sent host= and port= here): named, then read past.
  const authAt = parts.findIndex((p, i) => i >= 1 && i <= 5 && p.startsWith('auth='));
  if (authAt > 1 && parts.slice(1, authAt).every((p) => /^[a-z]{1,20}=/i.test(p))) {
    const names = parts.slice(1, authAt).map((p) => p.split('=')[0] + '=');
    problems.push(
      error(
        'fields-before-auth',
        l10n.t(
          'Fields come between user= and auth= ({0}): XOAUTH2 has only user= and auth=, so servers reject this string. host= and port= belong to OAUTHBEARER; for XOAUTH2 leave them out.',
          names.join(', '),
        ),
      ),
    );
    parts = [parts[0], ...parts.slice(authAt)];
  }
  const [userPart, authPart] = parts;
  if (!userPart.startsWith('user=')) {
    if (userPart.startsWith('auth=')) {
      problems.push(error('missing-user-field', l10n.t('The user= field is missing: the string starts with auth=. XOAUTH2 needs user=<mailbox>^Aauth=Bearer <token>^A^A.')));
    } else {
      problems.push(error('missing-user-field', l10n.t('The string must start with "user=", but starts with "{0}".', userPart.slice(0, 12))));
    }
  } else {
    message.user = userPart.slice('user='.length);
    problems.push(...validateUserInput(message.user, 'user field'));
  }

  if (authPart === undefined || !authPart.startsWith('auth=')) {
    problems.push(error('missing-auth-field', l10n.t('The auth= field is missing after the user field. Expected ^Aauth=Bearer <token>.')));
    return { message, problems };
  }
  const bearer = parseBearerCredentials(authPart.slice('auth='.length));
  message.token = bearer.token;
  problems.push(...bearer.problems);

  // After the auth field exactly two ^A end the message: parts = [user, auth, '', ''].
  const tail = parts.slice(2);
  if (tail.length === 1) {
    problems.push(error('missing-final-separator', l10n.t('The string ends with a single ^A after the token; XOAUTH2 ends with two (^A^A).')));
  } else if (tail.length === 0) {
    problems.push(error('missing-final-separator', l10n.t('The string ends right after the token; XOAUTH2 ends with two ^A (^A^A).')));
  } else {
    const extraFields = tail.slice(0, -2).filter((p) => p.length > 0);
    const trailing = tail[tail.length - 1];
    if (tail[0] !== '') {
      problems.push(warning('unexpected-field', l10n.t('An extra field follows auth=: "{0}=". XOAUTH2 has only user= and auth=.', tail[0].split('=')[0])));
    }
    if (trailing.length > 0) {
      problems.push(error('trailing-bytes', l10n.t('{0} byte(s) follow the closing ^A^A. Nothing may come after it: the string was built with extra data.', Buffer.byteLength(trailing))));
    } else if (tail.length > 2 && extraFields.length === 0 && tail[0] === '') {
      problems.push(error('trailing-bytes', l10n.t('The string ends with {0} ^A instead of two. XOAUTH2 ends with exactly ^A^A.', tail.length)));
    }
  }
  return { message, problems };
}

/** XOAUTH2 for the protocol sessions: an error challenge is answered with an empty line. */
export const XOAUTH2: SaslMechanism<Xoauth2Message> = {
  name: 'XOAUTH2',
  initialResponse: ({ user, token }) => encodeXoauth2(user, token),
  challengeAnswer: '',
  decode: parseXoauth2,
};

/** Explains why there is no ^A: the usual mistakes are a literal "^A", an escaped "\x01", or newlines. */
export function missingSeparatorProblem(text: string): Problem {
  if (text.includes('^A')) {
    return error('no-separators', l10n.t('The string contains the two characters "^A" instead of the control character 0x01. ^A in the documentation stands for the byte 0x01 (Ctrl+A).'));
  }
  if (/\\x01|\\u0001|\\001|%01/i.test(text)) {
    return error(
      'no-separators',
      l10n.t('The string contains an escaped separator ("\\x01", "\\u0001" or "%01") as text instead of the byte 0x01. The escape was not interpreted before base64 encoding.'),
    );
  }
  if (/[\r\n]/.test(text)) {
    return error('no-separators', l10n.t('The fields are separated by line breaks instead of the byte 0x01 (^A).'));
  }
  return error('no-separators', l10n.t('There are no ^A (0x01) separators. XOAUTH2 is user=<mailbox>^Aauth=Bearer <token>^A^A, with ^A the byte 0x01.'));
}
