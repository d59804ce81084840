// Asks the issuer about a token it issued: RFC 7662 token introspection (Keycloak, Authentik, Zitadel, the
// endpoint Dovecot uses), and Google's tokeninfo endpoint for its opaque ya29. tokens. One POST over https
// (http only to this machine), a timeout, a small bound on the answer, no redirects; the token travels only in
// the request body, and no answer or error text shown to the user contains it or a piece of it.
import * as http from 'http';
import * as https from 'https';
import * as tls from 'tls';
import * as l10n from '@vscode/l10n';
import { escapeControls } from '../report/controlChars';
import { Problem, error } from '../sasl/problems';
import { CheckContext, checkToken } from './checks';
import { TokenInspection, inspectClaims } from './inspect';
import { cutRanges, fragmentRanges, secretFragments } from './redact';

/** An introspection answer is a few claims; more than this is not an introspection endpoint. */
export const MAX_INTROSPECTION_BYTES = 64 * 1024;

export const GOOGLE_TOKENINFO_URL = 'https://oauth2.googleapis.com/tokeninfo';

export interface IntrospectionRequest {
  /** The introspection endpoint (https; http only for a loopback host). */
  endpoint: string;
  token: string;
  tokenTypeHint?: 'access_token' | 'refresh_token';
  /** Client authentication (client_secret_basic); RFC 7662 endpoints such as Keycloak's require it. */
  clientId?: string;
  clientSecret?: string;
  timeoutMs?: number;
  /** PEM text of extra certificate authorities, trusted besides Node's default ones. */
  extraCaPem?: readonly string[];
  /** Google's tokeninfo instead of RFC 7662: the same request shape without client authentication. */
  flavour?: 'rfc7662' | 'google-tokeninfo';
}

export type IntrospectionErrorCode = 'bad-url' | 'insecure-url' | 'timeout' | 'too-large' | 'unreachable' | 'tls' | 'redirect' | 'client-auth' | 'http-status' | 'not-json';

export interface IntrospectionError {
  code: IntrospectionErrorCode;
  host: string;
  status?: number;
  /** Node's error code, or the endpoint's error / error_description (token pieces cut out, control bytes escaped). */
  detail?: string;
}

export type IntrospectionOutcome = { ok: true; active: boolean; status: number; claims: Record<string, unknown> } | { ok: false; error: IntrospectionError };

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/** The user-facing sentence for an introspection failure; callers decide by the code. */
export function introspectionErrorMessage(e: IntrospectionError): string {
  const d = e.detail ?? '';
  switch (e.code) {
    case 'bad-url':
      return l10n.t('The introspection endpoint "{0}" is not a URL.', d);
    case 'insecure-url':
      return l10n.t('The introspection endpoint {0} does not use https: the token would cross the network in clear text. Use its https URL (http is accepted only for this machine).', e.host);
    case 'timeout':
      return l10n.t('{0} did not answer the introspection request within the timeout.', e.host);
    case 'too-large':
      return l10n.t('{0} sent more than {1} bytes in reply to the introspection request: not an introspection endpoint.', e.host, MAX_INTROSPECTION_BYTES);
    case 'unreachable':
      return l10n.t('{0} could not be reached ({1}): check the introspection URL and the network.', e.host, d);
    case 'tls':
      return l10n.t('The TLS certificate of {0} is not trusted ({1}): pass its CA with --ca if it is a private CA.', e.host, d);
    case 'redirect':
      return l10n.t(
        '{0} answered the introspection request with a redirect (HTTP {1}): the URL is not the endpoint itself (for Keycloak: https://HOST/realms/REALM/protocol/openid-connect/token/introspect).',
        e.host,
        e.status ?? 0,
      );
    case 'client-auth':
      return d
        ? l10n.t(
            '{0} refused the introspection client (HTTP {1}: {2}): check the client ID and secret of a confidential client allowed to introspect (Keycloak: Client authentication on).',
            e.host,
            e.status ?? 0,
            d,
          )
        : l10n.t(
            '{0} refused the introspection client (HTTP {1}): check the client ID and secret of a confidential client allowed to introspect (Keycloak: Client authentication on).',
            e.host,
            e.status ?? 0,
          );
    case 'http-status':
      return d ? l10n.t('{0} answered the introspection request with HTTP {1}: {2}', e.host, e.status ?? 0, d) : l10n.t('{0} answered the introspection request with HTTP {1}.', e.host, e.status ?? 0);
    case 'not-json':
      return l10n.t('{0} did not answer with a JSON object: not an introspection endpoint (check the URL).', e.host);
  }
}

/**
 * Introspects a token. Never throws for what the network or the endpoint does: the outcome says it, with a
 * code. An inactive token is a successful introspection (active: false), as is Google's "Invalid Value".
 */
export async function introspect(req: IntrospectionRequest): Promise<IntrospectionOutcome> {
  let url: URL;
  try {
    url = new URL(req.endpoint);
  } catch {
    return { ok: false, error: { code: 'bad-url', host: '', detail: escapeControls(req.endpoint.slice(0, 200)) } };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return { ok: false, error: { code: url.protocol === 'http:' ? 'insecure-url' : 'bad-url', host: url.host, detail: escapeControls(req.endpoint.slice(0, 200)) } };
  }
  const google = req.flavour === 'google-tokeninfo';
  const body = new URLSearchParams(google ? { access_token: req.token } : { token: req.token });
  if (!google && req.tokenTypeHint) body.set('token_type_hint', req.tokenTypeHint);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (!google && req.clientId !== undefined) {
    // RFC 6749 2.3.1: id and secret are form-encoded before they are joined for Basic.
    const basic = `${formEncode(req.clientId)}:${formEncode(req.clientSecret ?? '')}`;
    headers.authorization = `Basic ${Buffer.from(basic, 'utf8').toString('base64')}`;
  }
  const secrets = [req.token, req.clientSecret ?? ''].filter((s) => s.length >= 8);
  const clean = (text: string) => escapeControls(cutRanges(text, fragmentRanges(text, secretFragments(secrets)), 'the token')).slice(0, 300);

  const reply = await post(url, body.toString(), headers, req.timeoutMs ?? 15_000, req.extraCaPem);
  if (!reply.ok) return { ok: false, error: reply.error };
  const { status, text } = reply;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const obj = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  const oauthError = obj ? [obj.error, obj.error_description].filter((v): v is string => typeof v === 'string').join(': ') : '';
  if (status >= 300 && status < 400) return { ok: false, error: { code: 'redirect', host: url.host, status } };
  // Google answers an invalid or expired token with 400 {"error":"invalid_token","error_description":"Invalid Value"}.
  if (google && status === 400 && obj && (obj.error === 'invalid_token' || obj.error_description === 'Invalid Value')) {
    return { ok: true, active: false, status, claims: redactClaims(obj, clean) };
  }
  if (status === 401 || status === 403) return { ok: false, error: { code: 'client-auth', host: url.host, status, detail: clean(oauthError) } };
  if (status !== 200) return { ok: false, error: { code: 'http-status', host: url.host, status, detail: clean(oauthError || text.slice(0, 200)) } };
  if (!obj) return { ok: false, error: { code: 'not-json', host: url.host, status } };
  if (!google && typeof obj.active !== 'boolean') return { ok: false, error: { code: 'not-json', host: url.host, status } };
  const active = google ? true : obj.active === true;
  return { ok: true, active, status, claims: redactClaims(obj, clean) };
}

/** The claims of an introspection answer as a token inspection, for the same checks as a JWT's. */
export function introspectionInspection(outcome: Extract<IntrospectionOutcome, { ok: true }>, tokenLength: number, now: Date, flavour: IntrospectionRequest['flavour'] = 'rfc7662'): TokenInspection {
  const claims = { ...outcome.claims };
  // tokeninfo names no issuer; its answers are Google's.
  if (flavour === 'google-tokeninfo' && claims.iss === undefined) claims.iss = 'https://accounts.google.com';
  const t = inspectClaims(claims, now, 'introspected', tokenLength);
  return { ...t, issuerKind: flavour === 'google-tokeninfo' ? 'google' : t.issuerKind };
}

function formEncode(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+');
}

/** String claims of the answer with any piece of the token cut out (an endpoint may echo it). */
function redactClaims(obj: Record<string, unknown>, clean: (s: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = typeof v === 'string' ? clean(v) : v;
  return out;
}

type PostReply = { ok: true; status: number; text: string } | { ok: false; error: IntrospectionError };

function post(url: URL, body: string, headers: Record<string, string>, timeoutMs: number, extraCaPem?: readonly string[]): Promise<PostReply> {
  const secure = url.protocol === 'https:';
  const ca = secure && extraCaPem?.length ? [...tls.rootCertificates, ...extraCaPem] : undefined;
  const payload = Buffer.from(body, 'utf8');
  return new Promise<PostReply>((resolve) => {
    let settled = false;
    const done = (r: PostReply) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    const req = (secure ? https : http).request(url, { method: 'POST', headers: { ...headers, 'content-length': String(payload.length) }, ...(ca ? { ca } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (d: Buffer) => {
        size += d.length;
        if (size > MAX_INTROSPECTION_BYTES) {
          done({ ok: false, error: { code: 'too-large', host: url.host } });
          req.destroy();
          return;
        }
        chunks.push(d);
      });
      res.on('end', () => done({ ok: true, status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (err: NodeJS.ErrnoException) => done({ ok: false, error: { code: 'unreachable', host: url.host, detail: err.code ?? 'error' } }));
    });
    req.setTimeout(timeoutMs, () => {
      done({ ok: false, error: { code: 'timeout', host: url.host } });
      req.destroy();
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      // By Node's code only: the message of a TLS error may quote the server, never the token, but a code is enough.
      const code = err.code ?? 'error';
      done({ ok: false, error: { code: /CERT|SSL|TLS|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code) ? 'tls' : 'unreachable', host: url.host, detail: code } });
    });
    req.end(payload);
  });
}

/** Problems of an introspected token: inactive, or the same checks as a JWT's claims. */
export function introspectionProblems(outcome: Extract<IntrospectionOutcome, { ok: true }>, inspection: TokenInspection, ctx: CheckContext): Problem[] {
  if (!outcome.active) {
    return [
      error(
        'token-inactive',
        l10n.t(
          'The issuer says the token is not active: it has expired or was revoked, its session ended (Keycloak: logout, SSO Session Idle/Max), or it was issued by another issuer or realm than the one asked. Get a new token from this issuer.',
        ),
      ),
    ];
  }
  return checkToken(inspection, ctx);
}
