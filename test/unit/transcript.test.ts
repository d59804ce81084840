import * as assert from 'assert';
import { decodeSasl } from '../../src/core/sasl/decode';
import { encodeOauthbearer } from '../../src/core/sasl/oauthbearer';
import { encodeXoauth2 } from '../../src/core/sasl/xoauth2';
import { describeBlob, redactLine, redactLineForSaving, Transcript, unusableToken } from '../../src/core/protocol/transcript';
import { docsOf, verdictFor } from '../../src/core/protocol/verdict';

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const JWT = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ aud: 'https://outlook.office.com', upn: 'a@b.c', scp: 'IMAP.AccessAsUser.All' })}.c2lnbmF0dXJlLXNlY3JldC1wYXJ0`;

describe('transcript redaction', () => {
  it('shortens auth blobs on screen and says what they carry', () => {
    const x = (encodeXoauth2('a@b.c', JWT) as { value: string }).value;
    const line = `A001 AUTHENTICATE XOAUTH2 ${x}`;
    assert.match(redactLine(line), /^A001 AUTHENTICATE XOAUTH2 dXNlcj…[A-Za-z0-9+/=]{4} \(\d+ chars\)$/);
    assert.match(describeBlob(line)!, /^XOAUTH2: user=a@b\.c, token eyJhbG…/);
    assert.strictEqual(describeBlob('* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] ready'), undefined);
    assert.strictEqual(redactLine('* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] ready'), '* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] ready');
  });

  it('saves logins re-encoded with an unusable token that keeps its claims readable', () => {
    assert.strictEqual(unusableToken(JWT), JWT.split('.').slice(0, 2).join('.') + '.');
    assert.strictEqual(unusableToken('EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA'), 'EwBAAl…EoAA');
    const x = (encodeXoauth2('a@b.c', JWT) as { value: string }).value;
    const saved = redactLineForSaving(`A001 AUTHENTICATE XOAUTH2 ${x}`);
    assert.ok(!saved.includes(x));
    const d = decodeSasl(saved);
    assert.deepStrictEqual(d.message, { mechanism: 'XOAUTH2', user: 'a@b.c', token: unusableToken(JWT) });
    const o = (encodeOauthbearer({ user: 'a@b.c', host: 'h', port: 143, token: JWT }) as { value: string }).value;
    const savedO = redactLineForSaving(o);
    assert.strictEqual((decodeSasl(savedO).message as { port?: number }).port, 143);
    assert.ok(!savedO.includes('c2lnbmF0dXJl'));
  });

  it('writes the log with redacted logins unless revealed', () => {
    const t = new Transcript();
    t.addSecret(JWT);
    const x = (encodeXoauth2('a@b.c', JWT) as { value: string }).value;
    t.add('C', `A001 AUTHENTICATE XOAUTH2 ${x}`);
    t.add('S', 'A001 OK Logged in');
    const log = t.toLog({ reveal: false });
    assert.ok(!log.includes(x) && !log.includes('c2lnbmF0dXJlLXNlY3JldC1wYXJ0'));
    assert.match(log, / C: A001 AUTHENTICATE XOAUTH2 dXNlcj/);
    assert.match(log, /# {3}XOAUTH2: user=a@b\.c/);
    assert.ok(t.toLog({ reveal: true }).includes(x));
  });
});

describe('session verdict wording', () => {
  const login = { user: 'adele@contoso.com', token: 'opaque-token-value-1234567890', mechanism: 'XOAUTH2' as const };
  const ok = { authenticated: true, verified: true, capabilities: [] };

  it('says per protocol what the check after login showed (SMTP has no mailbox)', () => {
    assert.match(verdictFor(ok, 'imap', login).title, /the mailbox answers \(LIST INBOX\)/);
    assert.match(verdictFor(ok, 'pop3', login).title, /the mailbox answers \(STAT\)/);
    const smtp = verdictFor(ok, 'smtp', login).title;
    assert.ok(!/mailbox/.test(smtp), smtp);
    assert.match(smtp, /NOOP/);
  });

  it('lists each documentation link once', () => {
    const failed = verdictFor({ authenticated: false, verified: false, capabilities: [], failure: { step: 'authenticate', reply: '535 5.7.3 Authentication unsuccessful' } }, 'smtp', login);
    const all = failed.findings.flatMap((f) => f.docs);
    const docs = docsOf([...failed.findings, ...failed.findings]);
    assert.ok(all.length > 0);
    assert.strictEqual(new Set(docs.map((d) => d.url)).size, docs.length, 'no duplicates');
    assert.deepStrictEqual(
      docs.map((d) => d.url),
      [...new Set(all.map((d) => d.url))].slice(0, 4),
    );
  });
});
