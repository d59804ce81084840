// App-only tokens in the sandbox, real end to end: the extension's own client-credentials code gets a token from
// the sandbox's provider with the secret and with the certificate the sandbox wrote, and Dovecot (validating by
// introspection, with mailbox grants as Exchange keeps them for service principals) lets the app into the mailbox
// granted to it over IMAP, POP3 and SMTP, and refuses, with an explanation, a mailbox not granted. The seeded
// INBOX answers the console's quick actions (FETCH 1 ENVELOPE, TOP 1 0).
import * as assert from 'assert';
import * as fs from 'fs';
import { AppCredential, acquireAppToken, certificateCredential } from '../../src/auth/appCredential';
import { resolveAuthSettings } from '../../src/auth/authConfig';
import { probe, ProbeOptions } from '../../src/core/protocol/probe';
import { Mechanism } from '../../src/core/protocol/session';
import { inspectToken } from '../../src/core/token/inspect';
import { MailProtocol } from '../../src/core/token/checks';
import { Sandbox, startSandbox } from '../sandbox/sandbox';
import { dovecotAvailable } from './dovecot';

describe('app-only tokens in the sandbox: client credentials, mailbox grants, seeded INBOX', function () {
  this.timeout(60_000);
  let sandbox: Sandbox | undefined;

  before(async () => {
    assert.ok(dovecotAvailable(), 'Dovecot is installed (scripts/ensure-dovecot.sh installs it)');
    sandbox = await startSandbox();
    assert.deepStrictEqual(sandbox.problems, []);
  });
  after(async () => {
    await sandbox?.stop();
  });

  const appToken = async (credential: AppCredential): Promise<string> => {
    const s = sandbox!;
    const r = resolveAuthSettings({ clientId: s.idp!.clientId, authority: s.idp!.authority });
    assert.ok(r.ok, JSON.stringify(r));
    const result = await acquireAppToken(r.config, s.app!.clientId, credential, [fs.readFileSync(s.caPath, 'utf8')]);
    return result.accessToken;
  };

  const options = (protocol: MailProtocol, mechanism: Mechanism, user: string, token: string): ProbeOptions => {
    const ports = sandbox!.dovecot!.ports;
    return { protocol, host: '127.0.0.1', port: { imap: ports.imap, pop3: ports.pop3, smtp: ports.submission }[protocol], security: 'none', login: { user, token, mechanism }, readTimeoutMs: 10_000 };
  };

  it('writes the secret and the certificate into files only the owner can read, and names them', () => {
    const app = sandbox!.app!;
    for (const file of [app.secretFile, app.certificateFile]) assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600, file);
    assert.doesNotThrow(() => certificateCredential(fs.readFileSync(app.certificateFile, 'utf8')));
    assert.strictEqual(app.grantedMailbox, sandbox!.user.upn);
  });

  for (const kind of ['secret', 'certificate'] as const) {
    it(`an app-only token got with the ${kind} logs in to the granted mailbox over IMAP, POP3 and SMTP`, async () => {
      const app = sandbox!.app!;
      const credential: AppCredential =
        kind === 'secret' ? { type: 'secret', secret: fs.readFileSync(app.secretFile, 'utf8').trim() } : certificateCredential(fs.readFileSync(app.certificateFile, 'utf8'));
      const token = await appToken(credential);
      const claims = inspectToken(token);
      assert.deepStrictEqual(claims.roles, ['IMAP.AccessAsApp', 'POP.AccessAsApp', 'SMTP.SendAsApp']);
      for (const [protocol, mechanism] of [
        ['imap', 'XOAUTH2'],
        ['pop3', 'OAUTHBEARER'],
        ['smtp', 'XOAUTH2'],
      ] as const) {
        const r = await probe(options(protocol, mechanism, app.grantedMailbox, token));
        const transcript = r.transcript.toLog({ reveal: false });
        assert.deepStrictEqual([r.outcome.authenticated, r.outcome.verified, r.verdict.ok], [true, true, true], `${protocol}:\n${transcript}\n${JSON.stringify(r.verdict)}`);
        assert.ok(!transcript.includes(token), 'the token is redacted in the transcript');
      }
    });
  }

  it('a mailbox not granted to the app is refused, and the explanation names the missing mailbox permission', async () => {
    const token = await appToken({ type: 'secret', secret: fs.readFileSync(sandbox!.app!.secretFile, 'utf8').trim() });
    for (const protocol of ['imap', 'pop3'] as const) {
      const r = await probe(options(protocol, 'XOAUTH2', sandbox!.otherUser, token));
      const transcript = r.transcript.toLog({ reveal: false });
      assert.strictEqual(r.outcome.authenticated, false, transcript);
      assert.deepStrictEqual([r.verdict.ok, r.verdict.step], [false, 'authenticate']);
      assert.match(`${r.verdict.cause}\n${r.verdict.fix}`, /Add-MailboxPermission/, JSON.stringify(r.verdict));
    }
    // The provider's log and Dovecot's say which mailbox and which service principal.
    assert.match(fs.readFileSync(sandbox!.dovecot!.logFile, 'utf8'), new RegExp(`${sandbox!.otherUser.replace('.', '\\.')}/${sandbox!.app!.servicePrincipalOid}`));
  });

  it('the seeded INBOX answers the quick actions FETCH 1 ENVELOPE (IMAP) and TOP 1 0 (POP3)', async () => {
    const token = await appToken({ type: 'secret', secret: fs.readFileSync(sandbox!.app!.secretFile, 'utf8').trim() });
    const imap = await probe({ ...options('imap', 'XOAUTH2', sandbox!.user.upn, token), keepOpen: true });
    assert.ok(imap.session, imap.transcript.toLog({ reveal: false }));
    try {
      assert.match((await imap.session.send('SELECT INBOX')).join('\n'), /\* 3 EXISTS[\s\S]*OK \[READ-WRITE\]/);
      const fetch = (await imap.session.send('FETCH 1 ENVELOPE')).join('\n');
      assert.match(fetch, /^\* 1 FETCH \(ENVELOPE \(".*" "Welcome to your Contoso mailbox"/m);
      assert.match(fetch, /OK Fetch completed/);
    } finally {
      await imap.session.logout();
    }
    const pop3 = await probe({ ...options('pop3', 'XOAUTH2', sandbox!.user.upn, token), keepOpen: true });
    assert.ok(pop3.session, pop3.transcript.toLog({ reveal: false }));
    try {
      const top = await pop3.session.send('TOP 1 0');
      assert.match(top[0]!, /^\+OK/);
      assert.ok(top.includes('Subject: Welcome to your Contoso mailbox'), top.join('\n'));
    } finally {
      await pop3.session.logout();
    }
  });
});
