// Plays the user's browser against the test identity provider over real HTTP(S): follows redirects with
// a cookie jar, submits each page's form (sign-in, consent, device code) and delivers the form_post reply
// to the app's loopback redirect, as a browser would. Used by unit and integration tests alike.
import * as http from 'http';
import * as https from 'https';

export interface Page {
  url: string;
  status: number;
  body: string;
}

export class IdentityBrowser {
  private readonly cookies = new Map<string, string>();
  /** Every page visited, in order, for assertions and failure messages. */
  readonly visited: Page[] = [];

  constructor(private readonly caPem: string) {}

  /** Opens the authorization URL and answers every page until the app's loopback (or an error page) replies. */
  async signIn(authorizationUrl: string): Promise<Page> {
    return this.run(await this.navigate('GET', authorizationUrl));
  }

  /** Opens the verification page, enters the user code, then signs in and consents. */
  async enterDeviceCode(verificationUri: string, userCode: string): Promise<Page> {
    return this.run(await this.navigate('GET', verificationUri), { user_code: userCode });
  }

  private async run(first: Page, fill: Record<string, string> = {}): Promise<Page> {
    let page = first;
    for (let i = 0; i < 12; i++) {
      const form = parseForm(page.body);
      if (!form) return page;
      for (const [k, v] of Object.entries(fill)) if (form.fields.has(k) && !form.fields.get(k)) form.fields.set(k, v);
      const action = new URL(form.action || page.url, page.url).href;
      page = await this.navigate(form.method, action, new URLSearchParams([...form.fields]).toString());
    }
    throw new Error(`too many pages; last: ${page.url}\n${page.body.slice(0, 500)}`);
  }

  private async navigate(method: string, url: string, body?: string): Promise<Page> {
    let current = url;
    let m = method;
    let b = body;
    for (let hops = 0; hops < 15; hops++) {
      const res = await this.request(m, current, b);
      const location = res.headers.location;
      if (res.status >= 300 && res.status < 400 && location) {
        current = new URL(location, current).href;
        m = 'GET';
        b = undefined;
        continue;
      }
      const page = { url: current, status: res.status, body: res.body };
      this.visited.push(page);
      return page;
    }
    throw new Error(`too many redirects from ${url}`);
  }

  private request(method: string, url: string, body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    const u = new URL(url);
    const secure = u.protocol === 'https:';
    const headers: Record<string, string | number> = { accept: 'text/html,application/json' };
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = Buffer.byteLength(body);
    }
    const options: https.RequestOptions = {
      method,
      // A browser tries 127.0.0.1 for localhost; loopback servers (MSAL's) listen there.
      host: u.hostname === 'localhost' ? '127.0.0.1' : u.hostname,
      port: u.port || (secure ? 443 : 80),
      path: u.pathname + u.search,
      headers: { ...headers, host: u.host },
      ...(secure ? { ca: this.caPem } : {}),
    };
    return new Promise((resolve, reject) => {
      const req = (secure ? https : http).request(options, (res) => {
        for (const c of res.headers['set-cookie'] ?? []) {
          const [pair] = c.split(';');
          const eq = pair!.indexOf('=');
          const name = pair!.slice(0, eq).trim();
          const value = pair!.slice(eq + 1).trim();
          if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') this.cookies.delete(name);
          else this.cookies.set(name, value);
        }
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.setTimeout(15_000, () => req.destroy(new Error(`timeout: ${method} ${url}`)));
      req.end(body);
    });
  }
}

interface ParsedForm {
  action: string;
  method: string;
  fields: Map<string, string>;
}

/** The first form of a page with its named inputs (what a person submits without changing anything). */
export function parseForm(html: string): ParsedForm | undefined {
  const m = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!m) return undefined;
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1];
  const fields = new Map<string, string>();
  for (const input of m[2]!.match(/<input\b[^>]*>/gi) ?? []) {
    const name = attr(input, 'name');
    if (name) fields.set(decodeEntities(name), decodeEntities(attr(input, 'value') ?? ''));
  }
  return { action: decodeEntities(attr(m[1]!, 'action') ?? ''), method: (attr(m[1]!, 'method') ?? 'GET').toUpperCase(), fields };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
