// MSAL's network module over Node's https: trusts extra CA certificates besides the system's (for
// corporate TLS interception, or a private identity provider) and bounds every request with a timeout.
// Node's https is what VS Code's proxy support hooks, so the user's proxy settings still apply.
import * as http from 'http';
import * as https from 'https';
import * as tls from 'tls';
import * as l10n from '@vscode/l10n';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { cutRanges, fragmentRanges, secretFragments } from '../core/token/redact';

/** Request parameters that carry the extension's own secrets: an identity provider may echo them back. */
const SECRET_PARAMETERS = ['client_secret', 'client_assertion', 'refresh_token', 'code_verifier', 'device_code', 'code', 'assertion', 'password'];
/** Enough for the secrets of the requests behind any one failure; older ones are forgotten (bounded memory). */
const SECRETS_KEPT = 64;

export interface NetworkClientOptions {
  /** PEM text of extra certificate authorities to trust, added to Node's default ones. */
  extraCaPem?: string[];
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
  /**
   * Called with every OAuth error reply (error, error_description). MSAL keeps only the error word of
   * device-code replies; the description (with its AADSTS code) is what explains the failure.
   */
  onErrorReply?: (reply: OAuthErrorReply) => void;
  /**
   * Called when a request got no answer (refused, reset, timed out), with a sentence naming the host and what
   * happened: MSAL replaces the error with its own network_error, which says neither.
   */
  onNetworkFailure?: (message: string) => void;
}

export interface OAuthErrorReply {
  error: string;
  error_description?: string;
  url: string;
  /** HTTP status of the reply (a 5xx is a fault on the identity platform's side). */
  status?: number;
}

export class MsalNetworkClient implements INetworkModule {
  private readonly ca: string[] | undefined;
  private readonly timeoutMs: number;
  private readonly onErrorReply: ((reply: OAuthErrorReply) => void) | undefined;
  private readonly onNetworkFailure: ((message: string) => void) | undefined;
  /** The secret parameter values this client sent (and their URL-encoded forms), newest last. */
  private readonly sent: string[] = [];

  constructor(options: NetworkClientOptions = {}) {
    this.onErrorReply = options.onErrorReply;
    this.onNetworkFailure = options.onNetworkFailure;
    this.ca = options.extraCaPem && options.extraCaPem.length > 0 ? [...tls.rootCertificates, ...options.extraCaPem] : undefined;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  /**
   * Takes out of an error text every secret this client sent, and any piece of one (16 characters or
   * more): an identity provider may quote the request in error_description.
   */
  redact(text: string): string {
    return cutRanges(text, fragmentRanges(text, secretFragments(this.sent)), 'a secret the extension sent');
  }

  private remember(body: string | undefined, url: URL): void {
    const params = new URLSearchParams(body ?? '');
    for (const [k, v] of url.searchParams) params.append(k, v);
    for (const name of SECRET_PARAMETERS) {
      for (const value of params.getAll(name)) {
        if (value.length < 8) continue;
        this.sent.push(value);
        if (encodeURIComponent(value) !== value) this.sent.push(encodeURIComponent(value));
      }
    }
    if (this.sent.length > SECRETS_KEPT) this.sent.splice(0, this.sent.length - SECRETS_KEPT);
  }

  private send<T>(method: string, url: string, options: NetworkRequestOptions = {}, timeout?: number): Promise<NetworkResponse<T>> {
    const u = new URL(url);
    this.remember(options.body, u);
    const headers: Record<string, string | number> = { ...(options.headers ?? {}) };
    if (options.body !== undefined) headers['Content-Length'] = Buffer.byteLength(options.body);
    const requestOptions: https.RequestOptions = { method, headers, ...(this.ca ? { ca: this.ca } : {}) };
    const timeoutMs = timeout ?? this.timeoutMs;
    const attempt = (retried: boolean): Promise<NetworkResponse<T>> =>
      new Promise((resolve, reject) => {
        const req = (u.protocol === 'http:' ? http : https).request(u, requestOptions, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const responseHeaders: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) responseHeaders[k] = Array.isArray(v) ? v.join(', ') : v;
            let body: unknown;
            try {
              body = text ? JSON.parse(text) : {};
            } catch {
              // Identity providers answer JSON; anything else (a proxy's HTML page) is reported as such.
              body = { error: 'invalid_response', error_description: l10n.t('{0} {1} from {2}: not JSON ({3})', res.statusCode ?? 0, res.statusMessage ?? '', u.host, text.slice(0, 200)) };
            }
            const reply = body as { error?: unknown; error_description?: unknown };
            if (this.onErrorReply && typeof reply.error === 'string' && reply.error !== 'authorization_pending') {
              this.onErrorReply({
                error: this.redact(reply.error),
                ...(typeof reply.error_description === 'string' ? { error_description: this.redact(reply.error_description) } : {}),
                url: `${u.origin}${u.pathname}`,
                status: res.statusCode ?? 0,
              });
            }
            resolve({ headers: responseHeaders, body: body as T, status: res.statusCode ?? 0 });
          });
        });
        let timedOut = false;
        req.setTimeout(timeoutMs, () => {
          timedOut = true;
          req.destroy();
        });
        req.on('error', (err: Error & { code?: string }) => {
          if (!retried && !timedOut && req.reusedSocket && err.code === 'ECONNRESET') {
            // A kept-alive connection the server had already closed (idle timeout, restart): the request never
            // reached it, so it is sent once more on a new connection, as Node's documentation advises.
            resolve(attempt(true));
            return;
          }
          const described = timedOut ? new Error(l10n.t('{0} did not answer within {1} s', u.host, formatSeconds(timeoutMs))) : describeNetworkError(err, u);
          this.onNetworkFailure?.(described.message);
          reject(described);
        });
        req.end(options.body);
      });
    return attempt(false);
  }
}

/** Names the host and, for certificate failures, the fix (an extra CA certificate setting). */
function describeNetworkError(err: Error & { code?: string }, u: URL): Error {
  const code = err.code ?? '';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)) {
    return new Error(
      l10n.t(
        'TLS certificate of {0} is not trusted ({1}). If a proxy or a private identity provider signs it, add its CA certificate (PEM file) to the setting mailOAuth.auth.extraCaCertificates.',
        u.host,
        code,
      ),
    );
  }
  if (code === 'ECONNREFUSED') return new Error(l10n.t('the connection to {0} was refused (ECONNREFUSED)', u.host));
  if (code === 'ECONNRESET') return new Error(l10n.t('{0} closed the connection without answering (ECONNRESET)', u.host));
  const reason = code && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
  return new Error(l10n.t('Network request to {0} failed: {1}', u.host, reason));
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1);
}
