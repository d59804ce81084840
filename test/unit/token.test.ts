import * as assert from 'assert';
import { SignJWT } from 'jose';
import { checkToken, allowedProtocols } from '../../src/core/token/checks';
import { inspectToken } from '../../src/core/token/inspect';
import { redactSecret, redactText } from '../../src/core/token/redact';
import { formatDuration, formatRelative } from '../../src/core/token/time';
import { codes } from './vectors';

const NOW = new Date('2026-11-21T12:00:00Z');
const secs = (d: Date) => Math.floor(d.getTime() / 1000);

async function microsoftToken(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT({
    aud: 'https://outlook.office.com',
    iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
    tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    upn: 'adele@contoso.com',
    appid: '11111111-2222-3333-4444-555555555555',
    scp: 'IMAP.AccessAsUser.All SMTP.Send',
    ver: '1.0',
    iat: secs(NOW) - 600,
    nbf: secs(NOW) - 600,
    exp: secs(NOW) + 3000,
    ...claims,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode('test-key-test-key-test-key-32byt'));
}

describe('token inspection', () => {
  it('puts the claims that matter for mail first, with dates as dates', async () => {
    const t = inspectToken(await microsoftToken({ name: 'Adele' }), NOW);
    assert.strictEqual(t.kind, 'jwt');
    assert.deepStrictEqual(
      t.claimViews.slice(0, 4).map((c) => c.name),
      ['aud', 'scp', 'upn', 'tid'],
    );
    assert.strictEqual(t.account, 'adele@contoso.com');
    assert.deepStrictEqual(t.scopes, ['IMAP.AccessAsUser.All', 'SMTP.Send']);
    assert.match(t.claimViews.find((c) => c.name === 'exp')!.value, /^2026-11-21T12:50:00Z \(in 50 minutes\)$/);
    assert.strictEqual(t.claimViews[t.claimViews.length - 1].name, 'name');
    assert.deepStrictEqual(allowedProtocols(t), ['imap', 'smtp']);
    assert.match(t.description, /Microsoft Entra ID/);
  });

  it('recognises opaque tokens without calling them errors', () => {
    const outlook = inspectToken('EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA', NOW);
    assert.strictEqual(outlook.kind, 'opaque');
    assert.match(outlook.description, /Outlook\.com/);
    assert.deepStrictEqual(outlook.problems, []);
    assert.strictEqual(inspectToken('ya29.a0AfH6SMBx', NOW).kind, 'opaque');
    assert.deepStrictEqual(checkToken(outlook, { now: NOW, protocol: 'imap' }), []);
  });

  it('names a token encoded twice (base64 of a JWT or of a Google token) instead of calling it opaque', () => {
    const jwt = Buffer.from('eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlLmNvbSJ9.c2ln').toString('base64').replace(/=+$/, '');
    assert.match(inspectToken(jwt, NOW).description, /^Not an access token as it is: the base64 of a JWT/);
    const google = Buffer.from('ya29.a0AfH6SMBxExample').toString('base64');
    assert.match(inspectToken(google, NOW).description, /the base64 of a Google access token/);
    assert.match(inspectToken('ZmFrZV9vcGFxdWVfdG9rZW4', NOW).description, /^Opaque token/);
  });

  it('reports a truncated JWT', () => {
    const t = inspectToken('eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4Iiw.sig', NOW);
    assert.deepStrictEqual(codes(t.problems), ['jwt-malformed']);
  });
});

describe('token checks', () => {
  it('passes a valid IMAP token for its own account', async () => {
    const t = inspectToken(await microsoftToken({}), NOW);
    assert.deepStrictEqual(checkToken(t, { now: NOW, protocol: 'imap', user: 'Adele@contoso.com' }), []);
  });

  it('finds an expired token', async () => {
    const t = inspectToken(await microsoftToken({ exp: secs(NOW) - 120 }), NOW);
    const p = checkToken(t, { now: NOW, protocol: 'imap' });
    assert.deepStrictEqual(codes(p), ['token-expired']);
    assert.match(p[0].message, /2 minutes ago/);
  });

  it('finds a Graph token used for mail', async () => {
    const t = inspectToken(await microsoftToken({ aud: '00000003-0000-0000-c000-000000000000' }), NOW);
    assert.deepStrictEqual(codes(checkToken(t, { now: NOW, protocol: 'imap' })), ['audience-graph']);
  });

  it('finds the missing POP permission', async () => {
    const t = inspectToken(await microsoftToken({}), NOW);
    const p = checkToken(t, { now: NOW, protocol: 'pop3' });
    assert.deepStrictEqual(codes(p), ['missing-permission']);
    assert.match(p[0].message, /POP\.AccessAsUser\.All/);
  });

  it('accepts app-only roles and names the shared-mailbox case on a user mismatch', async () => {
    const app = inspectToken(await microsoftToken({ scp: undefined, upn: undefined, roles: ['IMAP.AccessAsApp'] }), NOW);
    assert.deepStrictEqual(codes(checkToken(app, { now: NOW, protocol: 'imap', user: 'box@contoso.com' })), ['app-only']);
    const t = inspectToken(await microsoftToken({}), NOW);
    const p = checkToken(t, { now: NOW, protocol: 'imap', user: 'shared@contoso.com' });
    assert.deepStrictEqual(codes(p), ['user-mismatch']);
    assert.match(p[0].message, /shared mailbox/);
  });

  it('flags a token issued in the future (no nbf) as a clock problem', async () => {
    const t = inspectToken(await microsoftToken({ iat: secs(NOW) + 3600, nbf: undefined, exp: secs(NOW) + 7200 }), NOW);
    const p = checkToken(t, { now: NOW, protocol: 'imap' });
    assert.deepStrictEqual(codes(p), ['token-issued-in-future']);
    assert.strictEqual(
      p[0].message,
      "The token says it was issued in 1 hour (2026-11-21T13:00:00.000Z): this computer's clock or the issuer's is wrong. Check the system date, time and time zone (set them automatically / NTP).",
    );
  });

  it('a fresh token whose exp is 10 minutes off the local expiry: a clock warning, the token still usable', async () => {
    const t = inspectToken(await microsoftToken({}), NOW);
    const localExpiresOn = new Date((secs(NOW) + 3000 - 600) * 1000); // the platform's clock is 10 minutes ahead
    const p = checkToken(t, { now: NOW, protocol: 'imap', localExpiresOn });
    assert.deepStrictEqual(codes(p), ['clock-skew']);
    assert.strictEqual(p[0].severity, 'warning');
    assert.match(p[0].message, /^This computer's clock is about 10 minutes behind the identity platform's: expiry times shown here are off by as much/);
    assert.deepStrictEqual(checkToken(t, { now: NOW, protocol: 'imap', localExpiresOn: new Date((secs(NOW) + 3000 - 60) * 1000) }), [], 'a minute is within tolerance');
  });
});

describe('redaction and time', () => {
  it('shortens secrets and replaces them in text', () => {
    const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.abcdefghijklmnop.qrstuvwxyz';
    assert.strictEqual(redactSecret(token), `eyJ0eX…wxyz (${token.length} chars)`);
    assert.strictEqual(redactText(`auth=Bearer ${token}^A^A`, [token]), `auth=Bearer eyJ0eX…wxyz (${token.length} chars)^A^A`);
    assert.strictEqual(redactSecret('short'), '•••••• (5 chars)');
  });

  it('formats relative times both ways', () => {
    assert.strictEqual(formatRelative(new Date(NOW.getTime() + 90 * 60e3), NOW), 'in 1 hour');
    assert.strictEqual(formatRelative(new Date(NOW.getTime() - 3 * 86400e3), NOW), '3 days ago');
  });

  it('formats durations rounded to their largest unit', () => {
    assert.strictEqual(formatDuration(7199e3), '2 hours');
    assert.strictEqual(formatDuration(-600e3), '10 minutes');
    assert.strictEqual(formatDuration(1e3), '1 second');
    assert.strictEqual(formatDuration(400), 'less than a second');
  });
});
