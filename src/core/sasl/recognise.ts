// Names what a decoded blob is when it is not an OAuth login: other SASL mechanisms' challenges and
// answers (CRAM-MD5, DIGEST-MD5, SCRAM, NTLM, GSSAPI), the server name in Microsoft's IMAP greeting,
// and a damaged XOAUTH2/OAUTHBEARER string. Values with a code; no decision depends on wording.
import * as l10n from '@vscode/l10n';
import { Problem, error, info } from './problems';
import { firstTokenField } from '../logs/tokenField';
import { doubleEncodedStart } from '../token/inspect';

export interface Recognised {
  problem: Problem;
  /** Text to show in place of the raw decode (e.g. a UTF-16 server name read as text). */
  shown?: string;
}

const CRAM_CHALLENGE = /^<[^<>\s@]{1,200}@[^<>\s]{1,200}>$/;
const CRAM_RESPONSE = /^(\S{1,200}) [0-9a-f]{32}$/;
const SCRAM_CLIENT_FIRST = /^(?:n|y|p=[^,]*),(?:a=[^,]*)?,n=([^,]*),r=/;
const SCRAM_SERVER_FIRST = /^(?:m=[^,]*,)?r=[^,]+,s=[A-Za-z0-9+/=]+,i=\d+/;
const SCRAM_CLIENT_FINAL = /^c=[A-Za-z0-9+/=]+,r=[^,]+(?:,[^,]*)*,p=[A-Za-z0-9+/=]+$/;
const SCRAM_SERVER_FINAL = /^v=[A-Za-z0-9+/=]+$/;

/** The mechanism of a text that is no OAuth message, if it is one this tool can name. */
export function recogniseText(text: string): Recognised | undefined {
  if (CRAM_CHALLENGE.test(text)) {
    return {
      problem: info(
        'cram-md5-challenge',
        l10n.t(
          'This is a CRAM-MD5 challenge from the server (a unique string in angle brackets), not an OAuth login. The client answers with its user name and an HMAC-MD5 of this string keyed with the password; for OAuth, use AUTH XOAUTH2 or OAUTHBEARER instead.',
        ),
      ),
    };
  }
  const cram = CRAM_RESPONSE.exec(text);
  if (cram) {
    return {
      problem: info('cram-md5-response', l10n.t('This is a CRAM-MD5 answer for the user "{0}" (user name and HMAC-MD5 digest), not an OAuth login: the client logs in with a password.', cram[1])),
    };
  }
  if (/(?:^|,)nonce="[^"]*"/.test(text) && /(?:^|,)(?:qop|algorithm|realm)=/.test(text)) {
    const response = /(?:^|,)response=[0-9a-f]{32}/.test(text);
    return {
      problem: info(
        response ? 'digest-md5-response' : 'digest-md5-challenge',
        response
          ? l10n.t('This is a DIGEST-MD5 answer from the client (username, nonce, cnonce, response), not an OAuth login: the client logs in with a password.')
          : l10n.t('This is a DIGEST-MD5 challenge from the server (realm, nonce, qop), not an OAuth login. For OAuth, the client must choose XOAUTH2 or OAUTHBEARER instead.'),
      ),
    };
  }
  const scram = SCRAM_CLIENT_FIRST.exec(text);
  if (scram) {
    return {
      problem: info('scram-client-first', l10n.t('This is the first message of a SCRAM login (SCRAM-SHA-1/256) for the user "{0}", not an OAuth login: the client logs in with a password.', scram[1])),
    };
  }
  if (SCRAM_SERVER_FIRST.test(text)) {
    return { problem: info('scram-server-first', l10n.t("This is the server's first SCRAM challenge (nonce, salt, iteration count), not an OAuth message.")) };
  }
  if (SCRAM_CLIENT_FINAL.test(text)) {
    return { problem: info('scram-client-final', l10n.t("This is the client's final SCRAM message (channel binding, nonce, proof), not an OAuth login.")) };
  }
  if (SCRAM_SERVER_FINAL.test(text)) {
    return { problem: info('scram-server-final', l10n.t("This is the server's final SCRAM message (its signature), not an OAuth message.")) };
  }
  return undefined;
}

/** NTLM, GSSAPI and Microsoft's UTF-16 greeting tag: recognised from the bytes, which are rarely UTF-8. */
export function recogniseBytes(bytes: Uint8Array): Recognised | undefined {
  if (bytes.length >= 12 && Buffer.from(bytes.subarray(0, 8)).toString('latin1') === 'NTLMSSP\0') {
    const type = bytes[8];
    const which =
      type === 1 ? l10n.t('negotiate (type 1, client)') : type === 2 ? l10n.t('challenge (type 2, server)') : type === 3 ? l10n.t('authenticate (type 3, client)') : l10n.t('type {0}', String(type));
    return {
      problem: info(
        'ntlm-message',
        l10n.t('This is an NTLM {0} message, not an OAuth login: the client uses Windows (NTLM) authentication. Microsoft 365 accepts only XOAUTH2 for OAuth; choose that mechanism.', which),
      ),
    };
  }
  // Kerberos/SPNEGO tokens are DER: [APPLICATION 0] then the mechanism's object identifier.
  if (bytes.length >= 16 && (bytes[0] === 0x60 || bytes[0] === 0xa1 || bytes[0] === 0xa0)) {
    const hex = Buffer.from(bytes.subarray(0, 24)).toString('hex');
    if (hex.includes('06092a864886f712010202') || hex.includes('06062b0601050502') || hex.includes('06092a864882f712010202')) {
      return { problem: info('gssapi-token', l10n.t('This is a GSSAPI (Kerberos or SPNEGO) token, not an OAuth login: the client authenticates with Kerberos.')) };
    }
  }
  const name = utf16Name(bytes);
  if (name !== undefined) {
    return {
      problem: info(
        'exchange-server-name',
        l10n.t(
          'This is the server name that Microsoft Exchange and Microsoft 365 put in their greeting, in UTF-16: "{0}". It is no login; quote it to Microsoft support to identify the server that answered.',
          name,
        ),
      ),
      shown: name,
    };
  }
  return undefined;
}

/** Printable ASCII in UTF-16LE (a NUL after every character), as in "[TQBOADIA...]" of Exchange's greeting. */
function utf16Name(bytes: Uint8Array): string | undefined {
  if (bytes.length < 8 || bytes.length % 2 !== 0 || bytes.length > 512) return undefined;
  let out = '';
  for (let i = 0; i < bytes.length; i += 2) {
    const c = bytes[i];
    if (bytes[i + 1] !== 0 || c < 0x21 || c > 0x7e) return undefined;
    out += String.fromCharCode(c);
  }
  return /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(out) ? out : undefined;
}

/**
 * A blob that starts like XOAUTH2 or OAUTHBEARER but whose bytes stop being text (a changed or lost
 * character, two blobs run together): the readable start, for the user to see which login it was.
 */
export function damagedLogin(bytes: Uint8Array): { mechanism: 'XOAUTH2' | 'OAUTHBEARER'; user?: string; problem: Problem } | undefined {
  const head = readableStart(bytes);
  const start = loginStart(head);
  if (!start) return undefined;
  const at = Buffer.byteLength(head);
  return {
    mechanism: start.mechanism,
    user: start.user,
    problem: error(
      'damaged',
      l10n.t(
        'This is a damaged {0} string: it starts as one ("{1}…") but after byte {2} of {3} it is no longer text. The base64 was changed in transit or by copying (a lost or changed character, a line break replaced, two strings run together): copy it again from its source, or log the string the client builds before it is sent.',
        start.mechanism,
        start.shown,
        String(at),
        String(bytes.length),
      ),
    ),
  };
}

/** How readable text starts an XOAUTH2 (`user=`) or OAUTHBEARER (GS2 header) string: its user and its first 80 characters. */
function loginStart(head: string): { mechanism: 'XOAUTH2' | 'OAUTHBEARER'; user?: string; shown: string } | undefined {
  const xo = /^user=([^\x01\s]{0,320})/.exec(head);
  if (xo) return { mechanism: 'XOAUTH2', user: xo[1], shown: ('user=' + xo[1]).slice(0, 80) };
  const ob = /^n,a=([^,\x01]{0,320}),/.exec(head) ?? /^n,,/.exec(head);
  return ob ? { mechanism: 'OAUTHBEARER', user: ob[1], shown: ob[0].slice(0, 80) } : undefined;
}

/** The UTF-8 text up to the first byte sequence that is not (or not printable) text. */
function readableStart(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, Math.min(bytes.length, 1024)));
  const bad = text.search(/[\ufffd\x00\x02-\x08\x0e-\x1f]/);
  return bad < 0 ? text : text.slice(0, bad);
}

/** The start of a cut base64 string (its length leaves one character over): what it decoded to before the cut. */
export function cutLogin(body: string): { mechanism: 'XOAUTH2' | 'OAUTHBEARER'; user?: string; problem: Problem } | undefined {
  const usable = body.replace(/[^A-Za-z0-9+/_-]/g, '').slice(0, Math.floor(body.length / 4) * 4);
  if (usable.length === 0) return undefined;
  const bytes = new Uint8Array(Buffer.from(usable.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  const start = loginStart(readableStart(bytes));
  if (!start) return undefined;
  return {
    mechanism: start.mechanism,
    user: start.user,
    problem: error(
      'truncated-login',
      l10n.t(
        'This {0} string was cut off: the readable part starts "{1}…" and the base64 ends mid-character. Copy the whole string (logs and terminals often cut long lines), or log it before it is sent.',
        start.mechanism,
        start.shown,
      ),
    ),
  };
}

// "undefined" from JavaScript, "None" from Python, "null"/"nil"/"(null)" from others, and template
// variables that were never filled in: ${user}, {{user}}, %s, %(user)s, {0}, {}, $USER, <email>.
const PLACEHOLDER =
  /^(?:undefined|null|none|nil|\(null\)|<null>|nan|\$\{[^}]{0,64}\}|\{\{[^}]{0,64}\}\}|%[sd]|%\([A-Za-z_]\w{0,63}\)s|\{\d?\}|\$[A-Za-z_]\w{0,63}|<[A-Za-z _-]{1,40}>|\[[A-Za-z _-]{1,40}\])$/i;

/** True when a user or token field holds a placeholder instead of a value. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

export function placeholderUserProblem(user: string): Problem {
  return error(
    'placeholder-user',
    l10n.t('The user field is "{0}": a variable was not set when the string was built (an unset value or a template never filled in). Put the mailbox address there.', user.slice(0, 80)),
  );
}

export function placeholderTokenProblem(token: string): Problem {
  return error(
    'placeholder-token',
    l10n.t(
      'The token is "{0}": the access token variable was not set when the string was built (the token request failed or its result was not passed on). Check the token request before building the string.',
      token.slice(0, 80),
    ),
  );
}

/**
 * A Bearer value that is no access token but most likely a password: access tokens are long runs of
 * token characters (Google's ya29.…, Microsoft's EwB…/JWTs, hundreds of characters).
 */
export function passwordAsTokenProblem(token: string): Problem | undefined {
  const t = token.trim();
  if (t.length === 0 || isPlaceholder(t)) return undefined;
  const tokenChars = /^[A-Za-z0-9\-._~+/]+=*$/.test(t);
  // Without a character outside RFC 6750's b64token, only a short word-and-digit value ("Hunter2", "Passw0rd") is taken for a password.
  if (tokenChars && !(t.length >= 6 && t.length < 32 && /[0-9]/.test(t) && /[A-Za-z]/.test(t) && /^[A-Za-z0-9]+$/.test(t))) return undefined;
  return error(
    'password-as-token',
    l10n.t(
      'The Bearer value ({0} characters{1}) does not look like an access token but like a password. XOAUTH2 and OAUTHBEARER carry an OAuth access token (usually hundreds of characters); get one from the identity provider, or log in with the password through LOGIN or AUTH PLAIN if the server still allows it.',
      String(t.length),
      tokenChars ? '' : l10n.t(', with characters no token uses'),
    ),
  );
}

function isTokenShape(t: string): boolean {
  return /^eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*$/.test(t) || /^ya29\.[A-Za-z0-9_-]{10,}$/.test(t);
}

/** A JWT or a Google access token pasted where a SASL string was expected. */
export function tokenPastedProblem(input: string): Problem | undefined {
  const t = input
    .trim()
    .replace(/^(?:Authorization:\s*)?Bearer\s+/i, '')
    .replace(/^(?:access_token|token)[=:]\s*/i, '');
  if (isTokenShape(t)) {
    return error(
      'token-not-sasl',
      l10n.t(
        'This is an access token (or ID token), not a SASL string. Inspect it as a token (mailoauth inspect, or Inspect Token in VS Code) to see its claims; to build the login from it, use encode with the mailbox address.',
      ),
    );
  }
  // A whole log line with the token as a field of its own (Dovecot's auth debug "passdb out: OK ... token=eyJ...").
  const field = firstTokenField(input);
  if (field !== undefined && isTokenShape(field)) {
    return error(
      'token-not-sasl',
      l10n.t(
        "This line carries an access token in its token= field (Dovecot's auth debug logs the token it checked), not a SASL string. Inspect that token to see its claims: mailoauth inspect takes this whole line too, and in VS Code a hover on the token shows them.",
      ),
    );
  }
  return undefined;
}

/**
 * A blob that starts like a server error challenge ('{"status"...') but whose bytes stop being text:
 * named, so a changed character in Google's or Microsoft's answer is not taken for binary data.
 */
export function damagedChallenge(bytes: Uint8Array): Problem | undefined {
  const head = readableStart(bytes);
  // `{"s` is how "status", "schemes" and "scope" start, also when cut after one letter.
  if (!/^\{\s*"s/.test(head)) return undefined;
  return error(
    'damaged-challenge',
    l10n.t(
      'This is a damaged server error challenge: it starts as one ("{0}…") but after byte {1} of {2} it is no longer text. The base64 was changed by copying or scrambled before posting; the readable part still shows the server rejected the token. Copy it again from its source.',
      head.slice(0, 80),
      String(Buffer.byteLength(head)),
      String(bytes.length),
    ),
  );
}

// What logs and posts put where credentials were: "[credentials hidden]", "__REDACTED__",
// "(*** 80 bytes hidden ***)", "<base64 string>", and base64 with its middle overwritten by "xxxx".
const REDACTED =
  /\[credentials hidden\]|(?<![A-Za-z])redacted(?![A-Za-z])|\bbytes hidden\b|\bhidden\b[^A-Za-z0-9]{0,4}$|<[^<>\n]{0,40}base64[^<>\n]{0,40}>|(?<![A-Za-z])[Xx*]{4,}|(?<=[A-Za-z0-9+/])(?:x{4,}|X{4,})/i;

/** The marker a log or a post put in place of the credentials, if the input holds one. */
export function redactionMarker(input: string): string | undefined {
  const m = REDACTED.exec(input.length > 4096 ? input.slice(0, 4096) : input);
  return m ? m[0] : undefined;
}

export function redactedProblem(marker: string): Problem {
  return error(
    'redacted',
    l10n.t(
      'The credentials were hidden here ("{0}"): the log or the post replaced them, so there is nothing left to decode. Decode the line from the original log, or turn on the client\'s protocol log with secrets included (and share it only redacted).',
      marker.slice(0, 40),
    ),
  );
}

/** A token base64-encoded once more before the string was built (doubleEncodedStart tells what it decodes to). */
export function doubleEncodedTokenProblem(token: string): Problem | undefined {
  const start = doubleEncodedStart(token);
  if (!start) return undefined;
  return error(
    'token-double-encoded',
    l10n.t(
      'The token is base64-encoded a second time: it decodes to "{0}…", the start of {1}. The client encoded the token before building the string, which is then encoded again; put the token itself after auth=Bearer.',
      start,
      start === 'eyJ' ? l10n.t('a JWT access token') : l10n.t('a Google access token'),
    ),
  );
}

// A JWT (whole or cut after its first parts) or a Google access token anywhere in a line.
const TOKEN_IN_LINE = /(?<![A-Za-z0-9_.-])(?:eyJ(?!z)[A-Za-z0-9_-]{16,}(?:\.[A-Za-z0-9_-]*){0,2}|ya29\.[A-Za-z0-9_-]{10,})/;

/** An access token in a line given to decode (a config dump, a JSON token file, a code excerpt). */
export function tokenInLineProblem(input: string): Problem | undefined {
  const m = TOKEN_IN_LINE.exec(input.length > 128 * 1024 ? input.slice(0, 128 * 1024) : input);
  if (!m) return undefined;
  // The base64 of an error challenge starts "eyJz" too: that one decodes, so it never reaches here.
  return error(
    'token-not-sasl',
    l10n.t(
      'This is an access token (or ID token), not a SASL string. Inspect it as a token (mailoauth inspect, or Inspect Token in VS Code) to see its claims; to build the login from it, use encode with the mailbox address.',
    ),
  );
}
