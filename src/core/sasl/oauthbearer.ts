// SASL OAUTHBEARER (RFC 7628): gs2 header "n,a=<user>," then ^A-separated key=value pairs
// (host, port, auth=Bearer <token>), closed by ^A^A.
import * as l10n from '@vscode/l10n';
import { encodeBase64 } from './base64';
import type { EncodeResult, SaslMechanism } from './mechanism';
import { Problem, error, hasErrors, warning } from './problems';
import { parseBearerCredentials, validateTokenInput, validateUserInput } from './token';

export interface OauthbearerMessage {
  mechanism: 'OAUTHBEARER';
  /** The authorization identity (a=) from the GS2 header; the mailbox to log in to. */
  user?: string;
  host?: string;
  port?: number;
  token?: string;
  /** Key/value pairs other than host, port and auth. */
  extensions: Record<string, string>;
}

export interface OauthbearerInput {
  user?: string;
  token: string;
  host?: string;
  port?: number;
}

/** RFC 5801 saslname: "," and "=" in the authorization identity are written =2C and =3D. */
export function encodeSaslName(name: string): string {
  return name.replace(/=/g, '=3D').replace(/,/g, '=2C');
}

export function decodeSaslName(name: string): { value: string; problems: Problem[] } {
  const problems: Problem[] = [];
  if (/=(?!2C|3D)/i.test(name)) {
    problems.push(error('bad-saslname', l10n.t('The a= user contains "=" that is not =2C or =3D (RFC 5801 escaping).')));
  }
  return { value: name.replace(/=2C/gi, ',').replace(/=3D/gi, '='), problems };
}

export function buildOauthbearer(input: OauthbearerInput): string {
  const gs2 = input.user ? `n,a=${encodeSaslName(input.user)},` : 'n,,';
  let text = gs2 + '\x01';
  if (input.host) text += `host=${input.host}\x01`;
  if (input.port !== undefined) text += `port=${input.port}\x01`;
  return text + `auth=Bearer ${input.token}\x01\x01`;
}

export function encodeOauthbearer(input: OauthbearerInput): EncodeResult {
  const problems: Problem[] = [...validateTokenInput(input.token)];
  if (input.user !== undefined && input.user !== '') problems.push(...validateUserInput(input.user));
  if (input.host !== undefined && input.host !== '' && !/^[A-Za-z0-9.\-:[\]]+$/.test(input.host)) {
    problems.push(error('bad-host', l10n.t('The host "{0}" is not a host name or IP address.', input.host)));
  }
  if (input.port !== undefined && !(Number.isInteger(input.port) && input.port > 0 && input.port < 65536)) {
    problems.push(error('bad-port', l10n.t('The port "{0}" is not a number from 1 to 65535.', input.port)));
  }
  if (hasErrors(problems)) return { ok: false, problems };
  const value = encodeBase64(buildOauthbearer({ ...input, user: input.user || undefined, host: input.host || undefined, token: input.token.trim() }));
  return { ok: true, value, problems };
}

export function parseOauthbearer(text: string): { message: OauthbearerMessage; problems: Problem[] } {
  const message: OauthbearerMessage = { mechanism: 'OAUTHBEARER', extensions: {} };
  const problems: Problem[] = [];

  const sep = text.indexOf('\x01');
  if (sep < 0) {
    problems.push(
      /\^A/.test(text)
        ? error('no-separators', l10n.t('The string contains the two characters "^A" instead of the byte 0x01 between its fields.'))
        : error('no-separators', l10n.t('There are no ^A (0x01) separators. OAUTHBEARER is n,a=<user>,^Ahost=..^Aport=..^Aauth=Bearer <token>^A^A.')),
    );
    return { message, problems };
  }

  problems.push(...parseGs2Header(text.slice(0, sep), message));

  // After the header's ^A come "key=value^A" pairs; one more ^A (an empty pair) closes the message.
  const rest = text.slice(sep + 1);
  let pos = 0;
  let closed = false;
  let sawAuth = false;
  while (pos < rest.length) {
    if (rest[pos] === '\x01') {
      closed = true;
      const trailing = rest.length - pos - 1;
      if (trailing > 0) {
        problems.push(error('trailing-bytes', l10n.t('{0} byte(s) follow the closing ^A^A. Nothing may come after it.', trailing)));
      }
      break;
    }
    const next = rest.indexOf('\x01', pos);
    const pair = rest.slice(pos, next < 0 ? rest.length : next);
    pos = next < 0 ? rest.length : next + 1;
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      problems.push(error('bad-pair', l10n.t('"{0}" is not a key=value pair.', pair.slice(0, 20))));
      continue;
    }
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (key === 'auth') {
      sawAuth = true;
      const bearer = parseBearerCredentials(value);
      message.token = bearer.token;
      problems.push(...bearer.problems);
    } else if (key === 'host') {
      message.host = value;
    } else if (key === 'port') {
      const port = Number(value);
      if (!/^\d+$/.test(value) || port < 1 || port > 65535) problems.push(error('bad-port', l10n.t('port={0} is not a port number.', value.slice(0, 10))));
      else message.port = port;
    } else {
      if (!/^[A-Za-z]+$/.test(key)) problems.push(warning('bad-key', l10n.t('The key "{0}" is not letters only, as RFC 7628 requires.', key.slice(0, 20))));
      message.extensions[key] = value;
    }
  }
  if (!closed) {
    problems.push(error('missing-final-separator', l10n.t('The string does not end with ^A^A. Each key=value pair ends with ^A, and one more ^A closes the message.')));
  }
  if (!sawAuth) {
    problems.push(error('missing-auth-field', l10n.t('There is no auth=Bearer <token> pair: the message carries no token.')));
  }
  return { message, problems };
}

/** OAUTHBEARER for the protocol sessions: an error challenge is answered with ^A (RFC 7628 §3.2.3). */
export const OAUTHBEARER: SaslMechanism<OauthbearerMessage> = {
  name: 'OAUTHBEARER',
  initialResponse: ({ user, token }, { host, port }) => encodeOauthbearer({ user, token, host, port }),
  challengeAnswer: 'AQ==',
  decode: parseOauthbearer,
};

function parseGs2Header(header: string, message: OauthbearerMessage): Problem[] {
  const problems: Problem[] = [];
  const m = /^(n|y|p=[^,]*),(a=[^,]*)?,$/.exec(header);
  if (!m) {
    problems.push(error('bad-gs2-header', l10n.t('The GS2 header "{0}" is not of the form "n,a=<user>," (or "n,,"). OAUTHBEARER messages start with it.', header.slice(0, 40))));
    return problems;
  }
  if (m[1].startsWith('p=')) {
    problems.push(error('channel-binding', l10n.t('The GS2 header asks for channel binding (p=...), which OAUTHBEARER does not support. Use "n,".')));
  }
  if (m[2]) {
    const name = decodeSaslName(m[2].slice(2));
    message.user = name.value;
    problems.push(...name.problems);
    if (name.value === '') problems.push(error('empty-user', l10n.t('The a= user in the GS2 header is empty. Give the mailbox address or leave out a= entirely ("n,,").')));
  }
  return problems;
}
