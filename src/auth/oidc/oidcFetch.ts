// The fetch that openid-client uses for every request to an OpenID provider: Node's https with the
// user's extra certificate authorities, a timeout, a bound on the reply's size, and no redirects (an
// OAuth endpoint that redirects is misconfigured, and following it could send a secret elsewhere).
// Node's https is what VS Code's proxy support hooks, so the user's proxy settings still apply.
import * as http from 'http';
import * as https from 'https';
import * as tls from 'tls';
import * as l10n from '@vscode/l10n';

/** Enough for any discovery document, JWKS or token reply; more is a hostile or broken endpoint. */
export const MAX_REPLY_BYTES = 1024 * 1024;

export interface OidcFetchOptions {
  /** PEM text of extra certificate authorities, trusted besides Node's default ones. */
  extraCaPem?: readonly string[];
  /** Per request, in milliseconds. */
  timeoutMs?: number;
}

/** What went wrong below HTTP: the sentence names the host, so the user knows which endpoint failed. */
export class OidcNetworkError extends Error {
  constructor(
    readonly code: 'timeout' | 'too-large' | 'unreachable' | 'tls',
    readonly host: string,
    message: string,
  ) {
    super(message);
    this.name = 'OidcNetworkError';
  }
}

type FetchInit = { method?: string; headers?: Record<string, string> | Headers; body?: unknown; signal?: AbortSignal | null };

/** A fetch-compatible function (the subset openid-client calls) over http/https. */
export function oidcFetch(options: OidcFetchOptions = {}): (url: string, init?: FetchInit) => Promise<Response> {
  const ca = options.extraCaPem?.length ? [...tls.rootCertificates, ...options.extraCaPem] : undefined;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return (url, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const u = new URL(url);
      const secure = u.protocol === 'https:';
      const headers: Record<string, string> = {};
      if (init.headers instanceof Headers) init.headers.forEach((v, k) => (headers[k] = v));
      else Object.assign(headers, init.headers ?? {});
      const body = bodyBytes(init.body);
      if (body) headers['content-length'] = String(body.length);
      const req = (secure ? https : http).request(u, { method: init.method ?? 'GET', headers, ...(secure && ca ? { ca } : {}), signal: init.signal ?? undefined }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (d: Buffer) => {
          size += d.length;
          if (size > MAX_REPLY_BYTES) {
            req.destroy(new OidcNetworkError('too-large', u.host, l10n.t('{0} sent more than {1} bytes in reply to {2}: not an OAuth endpoint.', u.host, MAX_REPLY_BYTES, u.pathname)));
            return;
          }
          chunks.push(d);
        });
        res.on('end', () => {
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
          const status = res.statusCode ?? 502;
          // Response refuses a body for 204/304; statuses outside 200..599 are not HTTP.
          const payload = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          resolve(new Response(payload, { status: status >= 200 && status <= 599 ? status : 502, headers: h }));
        });
        res.on('error', reject);
      });
      req.setTimeout(timeoutMs, () => req.destroy(new OidcNetworkError('timeout', u.host, l10n.t('{0} did not answer within {1} s ({2}).', u.host, Math.round(timeoutMs / 1000), u.pathname))));
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (err instanceof OidcNetworkError || err.name === 'AbortError') return reject(err);
        // By Node's error code (CERT_HAS_EXPIRED, SELF_SIGNED_CERT_IN_CHAIN, ERR_TLS_CERT_ALTNAME_INVALID, ERR_SSL_…).
        const isTls = /CERT|SSL|TLS|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(err.code ?? '');
        reject(
          new OidcNetworkError(
            isTls ? 'tls' : 'unreachable',
            u.host,
            isTls
              ? l10n.t('The TLS certificate of {0} is not trusted ({1}): add its CA to mailOAuth.auth.extraCaCertificates if it is a private or intercepting CA.', u.host, err.code ?? err.message)
              : l10n.t('{0} could not be reached ({1}): check the issuer URL, the network and the proxy settings.', u.host, err.code ?? err.message),
          ),
        );
      });
      req.end(body);
    });
}

function bodyBytes(body: unknown): Buffer | undefined {
  if (body == null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof URLSearchParams) return Buffer.from(body.toString(), 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  throw new TypeError('unsupported request body');
}
