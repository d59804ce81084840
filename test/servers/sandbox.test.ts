// `npm start`'s sandbox, started as npm start starts it (node scripts/start.js, headless: code-server, no
// browser): every part answers, MSAL gets a token from the sandbox's provider with the settings written for
// the extension, the console's engine logs in with it through the sandbox presets (and the failing preset is
// refused and explained), the second demo account signs in at the Keycloak-like provider with the settings written
// for it (mailOAuth.oidc.providers, read back) and logs in through its presets, and Ctrl-C leaves no process and
// no listening port behind. A second start with a
// busy port, or a machine without Dovecot, says which part and what to do, and starts the rest.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { PublicClientApplication } from '@azure/msal-node';
import { MsalNetworkClient } from '../../src/auth/networkClient';
import { OidcClient } from '../../src/auth/oidc/oidcClient';
import { parseCustomPresets } from '../../src/core/presets/customPresets';
import { probe } from '../../src/core/protocol/probe';
import { startSandbox } from '../sandbox/sandbox';
import { IdentityBrowser } from './identityBrowser';
import { interrupt, processesInGroups, start, Started, stopAllStarts } from './startProcess';

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** The first line a server sends after connecting (its greeting). */
function greeting(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no greeting on port ${port}`)));
    socket.on('data', (d) => {
      text += d.toString('utf8');
      if (text.includes('\r\n')) {
        socket.destroy();
        resolve(text.split('\r\n')[0]!);
      }
    });
    socket.on('error', reject);
  });
}

function get(url: string, ca?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = (url.startsWith('https:') ? https : http).get(url, ca ? { ca } : {}, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${url}`)));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start: the sandbox, started headless as npm start does', function () {
  this.timeout(180_000);
  let s: Started | undefined;

  after(async () => {
    await stopAllStarts();
  });

  it('starts the identity provider, Dovecot, the SMTP sink and code-server, all answering, with the extension preconfigured', async () => {
    s = await start(['--headless']);
    const { sandbox, settings, vscode, problems } = s.ready;
    assert.deepStrictEqual(problems, [], s.output());
    const ca = fs.readFileSync(sandbox.caPath, 'utf8');

    const discovery = await get(sandbox.idp.discoveryUrl, ca);
    assert.strictEqual(discovery.status, 200);
    const config = JSON.parse(discovery.body) as { issuer: string; token_endpoint: string };
    assert.strictEqual(config.issuer, `${sandbox.idp.authority}/v2.0`);
    assert.strictEqual(config.token_endpoint, `${sandbox.idp.authority}/oauth2/v2.0/token`);
    await assert.rejects(get(sandbox.idp.discoveryUrl), /self-signed|unable to verify|certificate/i, 'without the sandbox CA the provider is not trusted');

    assert.match(await greeting(sandbox.dovecot.ports.imap), /^\* OK .*AUTH=XOAUTH2 AUTH=OAUTHBEARER/);
    assert.match(await greeting(sandbox.dovecot.ports.pop3), /^\+OK/);
    assert.match(await greeting(sandbox.dovecot.ports.submission), /^220 /);
    assert.match(await greeting(sandbox.smtpSink.port), /^220 sink\.test/);

    assert.strictEqual(vscode?.kind, 'code-server');
    const page = await get(vscode.url);
    assert.strictEqual(page.status, 200);
    assert.match(page.body, /<html/i);

    assert.deepStrictEqual(
      [settings['mailOAuth.auth.clientId'], settings['mailOAuth.auth.authority'], settings['mailOAuth.auth.extraCaCertificates']],
      [sandbox.idp.clientId, sandbox.idp.authority, [sandbox.caPath]],
    );
    const presets = parseCustomPresets(settings['mailOAuth.console.customPresets']);
    assert.deepStrictEqual(presets.problems, []);
    const kc = sandbox.oidc.dovecot.ports;
    const oidcScopes = [`provider:${sandbox.oidc.providerId}`, 'openid', 'email', 'offline_access'];
    assert.deepStrictEqual(
      presets.presets.map((p) => [p.protocol, p.endpoint.port, p.user, p.scopes.join(' ')]),
      [
        ['imap', sandbox.dovecot.ports.imap, sandbox.user.upn, presets.presets[0]!.scopes.join(' ')],
        ['pop3', sandbox.dovecot.ports.pop3, sandbox.user.upn, presets.presets[1]!.scopes.join(' ')],
        ['smtp', sandbox.dovecot.ports.submission, sandbox.user.upn, presets.presets[2]!.scopes.join(' ')],
        ['imap', sandbox.dovecot.ports.imap, sandbox.otherUser, presets.presets[3]!.scopes.join(' ')],
        ['imap', kc.imap, sandbox.oidc.user.email, oidcScopes.join(' ')],
        ['pop3', kc.pop3, sandbox.oidc.user.email, oidcScopes.join(' ')],
        ['smtp', kc.submission, sandbox.oidc.user.email, oidcScopes.join(' ')],
        ['imap', kc.imap, 'lee.gu@mail.example.test', oidcScopes.join(' ')],
      ],
    );
    assert.ok(
      presets.presets.slice(0, 4).every((p) => !p.scopes.some((x) => x.startsWith('provider:'))),
      "the Microsoft presets keep Microsoft's scopes",
    );
    // mailOAuth.oidc.providers, read back from the profile's settings as written, checked against the agreed schema.
    assert.ok(vscode.settingsFile, 'the start names the profile settings file');
    const written = JSON.parse(fs.readFileSync(vscode.settingsFile, 'utf8')) as Record<string, unknown>;
    const providers = written['mailOAuth.oidc.providers'] as Record<string, unknown>[];
    assert.strictEqual(providers.length, 1);
    const p = providers[0]!;
    const allowed = ['id', 'label', 'preset', 'issuer', 'endpoints', 'clientId', 'scopes', 'mailHosts', 'usernameClaim', 'flows', 'introspectionClientId'];
    assert.deepStrictEqual(
      Object.keys(p).filter((k) => !allowed.includes(k)),
      [],
      "only the schema's keys (no client secret)",
    );
    assert.match(String(p.id), /^[a-z0-9][a-z0-9-]{0,39}$/);
    assert.deepStrictEqual([p.id, p.preset, p.issuer, p.clientId, p.usernameClaim], [sandbox.oidc.providerId, 'keycloak', sandbox.oidc.issuer, sandbox.oidc.clientId, 'email']);
    assert.match(String(p.issuer), /^https:\/\/127\.0\.0\.1:\d+\/realms\/[^/]+$/, 'a Keycloak issuer: https://HOST/realms/REALM');
    assert.deepStrictEqual([p.scopes, p.mailHosts, p.flows], [['openid', 'email', 'offline_access'], ['127.0.0.1'], ['authorizationCode', 'deviceCode']]);
    assert.ok((written['mailOAuth.auth.extraCaCertificates'] as string[]).includes(sandbox.caPath), 'the sandbox CA is trusted for it too');
    assert.deepStrictEqual(written['mailOAuth.console.customPresets'], settings['mailOAuth.console.customPresets'], 'the presets as written');
    const oidcDiscovery = await get(`${String(p.issuer)}/.well-known/openid-configuration`, ca);
    assert.strictEqual((JSON.parse(oidcDiscovery.body) as { issuer: string }).issuer, p.issuer);
    assert.ok(s.output().includes(sandbox.oidc.user.email), 'the summary names the second demo account');
    assert.ok(!s.output().includes(fs.readFileSync(sandbox.oidc.introspectionSecretFile, 'utf8').trim()), 'the introspection secret is not printed');
    // The summary tells a person where things are and how to sign in.
    assert.match(s.output(), new RegExp(`Demo account: ${sandbox.user.upn.replace('.', '\\.')}`));
    assert.ok(s.output().includes(sandbox.caPath), 'the CA path is printed');
    // App-only: the app client ID is preset; the summary names the secret's and the certificate's files, never the secret.
    assert.strictEqual(settings['mailOAuth.auth.appClientId'], sandbox.app.clientId);
    assert.ok(s.output().includes(sandbox.app.secretFile) && s.output().includes(sandbox.app.certificateFile), 'the credential files are printed');
    assert.ok(!s.output().includes(fs.readFileSync(sandbox.app.secretFile, 'utf8').trim()), 'the client secret is not printed');
    assert.match(s.output(), /"Mail OAuth: Get App-Only Token"/);
    assert.ok(fs.existsSync(path.join(s.ready.workspace, 'seed-transcripts.log')), 'the opened folder has a sample log with auth blobs');
  });

  it('signs in at the sandbox provider with MSAL as the extension would, and the console presets succeed (and the failing one is explained)', async () => {
    assert.ok(s, 'the sandbox runs');
    const { sandbox, settings } = s.ready;
    const ca = fs.readFileSync(sandbox.caPath, 'utf8');
    const app = new PublicClientApplication({
      auth: { clientId: String(settings['mailOAuth.auth.clientId']), authority: String(settings['mailOAuth.auth.authority']), knownAuthorities: [new URL(sandbox.idp.origin).host] },
      system: { networkClient: new MsalNetworkClient({ extraCaPem: [ca] }) },
    });
    const { presets } = parseCustomPresets(settings['mailOAuth.console.customPresets']);
    const browser = new IdentityBrowser(ca);
    const result = await app.acquireTokenByDeviceCode({ scopes: presets[0]!.scopes, deviceCodeCallback: (r) => void browser.enterDeviceCode(r.verificationUri, r.userCode) });
    assert.ok(result?.accessToken, 'MSAL got an access token');
    assert.strictEqual(result.account?.username, sandbox.user.upn);

    for (const preset of presets.slice(0, 3)) {
      const r = await probe({ protocol: preset.protocol, ...preset.endpoint, login: { user: preset.user!, token: result.accessToken, mechanism: preset.mechanism! }, readTimeoutMs: 10_000 });
      assert.deepStrictEqual([r.outcome.authenticated, r.outcome.verified, r.verdict.ok], [true, true, true], `${preset.label}:\n${r.transcript.toLog({ reveal: false })}`);
    }

    const failing = presets[3]!;
    const r = await probe({ protocol: failing.protocol, ...failing.endpoint, login: { user: failing.user!, token: result.accessToken, mechanism: failing.mechanism! }, readTimeoutMs: 10_000 });
    const transcript = r.transcript.toLog({ reveal: false });
    assert.strictEqual(r.outcome.authenticated, false, transcript);
    assert.strictEqual(r.verdict.ok, false);
    assert.strictEqual(r.verdict.step, 'authenticate');
    assert.match(r.outcome.failure?.reply ?? '', /AUTHENTICATIONFAILED/);
    assert.ok(r.outcome.errorChallenge, 'Dovecot sent its error challenge, which the engine answered');
    // The explanation names the real cause: the user field is not the token's account.
    assert.match(r.verdict.cause ?? '', new RegExp(`user field \\(${sandbox.otherUser}\\) is not the token's account \\(${sandbox.user.upn}\\)`), JSON.stringify(r.verdict));
  });

  it('the second demo account signs in at the Keycloak-like provider with the written settings, and its presets log in (and the failing one is refused)', async () => {
    assert.ok(s, 'the sandbox runs');
    const { sandbox, settings } = s.ready;
    const ca = fs.readFileSync(sandbox.caPath, 'utf8');
    const provider = (settings['mailOAuth.oidc.providers'] as { issuer: string; clientId: string; scopes: string[] }[])[0]!;
    const oidc = await OidcClient.create({ issuer: provider.issuer, clientId: provider.clientId, extraCaPem: [ca], timeoutMs: 10_000 });
    const browser = new IdentityBrowser(ca);
    const tokens = await oidc.signInWithDeviceCode(provider.scopes, (d) => void browser.enterDeviceCode(d.verificationUri, d.userCode));
    assert.strictEqual(tokens.username, sandbox.oidc.user.email);
    const { presets } = parseCustomPresets(settings['mailOAuth.console.customPresets']);
    const realm = presets.filter((p) => p.scopes[0] === `provider:${sandbox.oidc.providerId}`);
    assert.strictEqual(realm.length, 4);
    for (const preset of realm.slice(0, 3)) {
      const r = await probe({ protocol: preset.protocol, ...preset.endpoint, login: { user: preset.user!, token: tokens.accessToken, mechanism: preset.mechanism! }, readTimeoutMs: 10_000 });
      assert.deepStrictEqual([r.outcome.authenticated, r.outcome.verified, r.verdict.ok], [true, true, true], `${preset.label}:\n${r.transcript.toLog({ reveal: false })}`);
    }
    const failing = realm[3]!;
    const r = await probe({ protocol: failing.protocol, ...failing.endpoint, login: { user: failing.user!, token: tokens.accessToken, mechanism: failing.mechanism! }, readTimeoutMs: 10_000 });
    assert.strictEqual(r.outcome.authenticated, false, r.transcript.toLog({ reveal: false }));
    assert.match(r.outcome.failure?.reply ?? '', /AUTHENTICATIONFAILED/);
  });

  it('Ctrl-C stops every part: no process of the start is left and no port listens', async () => {
    assert.ok(s, 'the sandbox runs');
    const { sandbox, vscode, pid } = s.ready;
    const ports = [
      new URL(sandbox.idp.origin).port,
      new URL(sandbox.oidc.issuer).port,
      ...Object.values(sandbox.dovecot.ports),
      ...Object.values(sandbox.oidc.dovecot.ports),
      sandbox.smtpSink.port,
      vscode!.port,
    ].map(Number);
    const pids = [pid, sandbox.dovecot.pid, sandbox.oidc.dovecot.pid, vscode!.pid];
    assert.deepStrictEqual(pids.map(alive), [true, true, true, true]);
    assert.ok(
      processesInGroups([pid]).some((p) => /\(dovecot\)/.test(p)),
      'Dovecot runs in the process group of the start (it gets the Ctrl-C too)',
    );

    const code = await interrupt(s);
    assert.strictEqual(code, 0, s.output());
    assert.match(s.output(), /Stopped; nothing is left running\./);
    assert.deepStrictEqual(processesInGroups([pid, vscode!.pid]), [], 'no process of the start or of code-server remains');
    assert.deepStrictEqual(pids.map(alive), [false, false, false, false]);
    const open = [];
    for (const port of ports) if (await portOpen(port)) open.push(port);
    assert.deepStrictEqual(open, [], 'no port listens any more');
    assert.strictEqual(fs.existsSync(sandbox.dir), false, 'the sandbox folder is removed');
  });

  it('a second start works; a busy port is named with what to do, and the rest starts', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as net.AddressInfo).port;
    try {
      s = await start(['--headless', '--port', String(busy)]);
      const { problems, sandbox, vscode } = s.ready;
      assert.strictEqual(vscode, undefined);
      assert.deepStrictEqual(
        problems.map((p) => p.part),
        ['VS Code (code-server)'],
      );
      assert.match(problems[0]!.message, new RegExp(`port ${busy} on 127\\.0\\.0\\.1 is already in use`));
      assert.match(problems[0]!.fix, /another --port/);
      assert.match(s.output(), new RegExp(`!! VS Code \\(code-server\\): port ${busy} .*\\n   What to do: `));
      // The rest runs.
      assert.match(await greeting(sandbox.dovecot.ports.imap), /^\* OK/);
      assert.strictEqual((await get(sandbox.idp.discoveryUrl, fs.readFileSync(sandbox.caPath, 'utf8'))).status, 200);
      const code = await interrupt(s);
      assert.strictEqual(code, 0, s.output());
      assert.deepStrictEqual(processesInGroups([s.ready.pid]), []);
      assert.strictEqual(await portOpen(sandbox.dovecot.ports.imap), false);
    } finally {
      blocker.close();
    }
  });

  it('without Dovecot installed, says how to install it and starts the identity provider and the SMTP sink', async () => {
    // A PATH on which only openssl (for the certificates) is found: as on a machine without Dovecot's packages.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-nodovecot-'));
    const openssl = execFileSync('sh', ['-c', 'command -v openssl'], { encoding: 'utf8' }).trim();
    fs.symlinkSync(openssl, path.join(bin, 'openssl'));
    const savedPath = process.env.PATH;
    process.env.PATH = bin;
    let sandbox;
    try {
      sandbox = await startSandbox();
    } finally {
      process.env.PATH = savedPath;
      fs.rmSync(bin, { recursive: true, force: true });
    }
    try {
      assert.deepStrictEqual(
        sandbox.problems.map((p) => p.part),
        ['Dovecot'],
      );
      assert.match(sandbox.problems[0]!.message, /Dovecot is not installed/);
      assert.match(sandbox.problems[0]!.fix, /apt-get install dovecot-imapd dovecot-pop3d dovecot-submissiond/);
      assert.deepStrictEqual([sandbox.dovecot, sandbox.presets], [undefined, []]);
      assert.strictEqual((await get(sandbox.idp!.discoveryUrl, fs.readFileSync(sandbox.caPath, 'utf8'))).status, 200);
      assert.match(await greeting(sandbox.smtpSink!.port), /^220 /);
    } finally {
      await sandbox.stop();
    }
  });

  it('names a busy identity provider port with what to do, and still starts the SMTP sink', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as net.AddressInfo).port;
    const sandbox = await startSandbox({ idpPort: busy });
    try {
      assert.strictEqual(sandbox.idp, undefined);
      assert.deepStrictEqual(
        sandbox.problems.map((p) => p.part),
        ['identity provider', 'Dovecot'],
      );
      assert.match(sandbox.problems[0]!.message, new RegExp(`port ${busy} on 127\\.0\\.0\\.1 is already in use`));
      assert.match(sandbox.problems[0]!.fix, /--idp-port/);
      assert.match(sandbox.problems[1]!.message, /validates tokens at the identity provider, which is not running/);
      assert.match(await greeting(sandbox.smtpSink!.port), /^220 /);
    } finally {
      await sandbox.stop();
      blocker.close();
    }
  });
});
