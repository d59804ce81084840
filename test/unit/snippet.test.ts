// Client code generation and the Exchange app-only setup: string literals that read back as the exact value in
// each language (checked by the languages themselves where they run here), whole programs that parse with hostile
// values, golden files (C# has no toolchain here: its golden files were reviewed once against MailKit's and MSAL.NET's
// documented API), the CLI's snippet and exchange-setup commands, and the checklist of a refused app-only login.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { runCli } from '../../src/cli/main';
import { appOnlyChecklist } from '../../src/core/exchange/checklist';
import { appOnlyIdsFromToken, exchangeSetupDocument } from '../../src/core/exchange/setup';
import { verdictFor } from '../../src/core/protocol/verdict';
import { csharpString, javascriptString, javaString, phpString, powershellString, pythonString } from '../../src/core/snippet/literals';
import { generateSnippet, SNIPPET_LANGUAGES, SnippetLanguage, SnippetSession } from '../../src/core/snippet';
import { inspectToken } from '../../src/core/token/inspect';

const REPO = path.resolve(__dirname, '../../..');
const GOLDEN = path.join(REPO, 'test/fixtures/snippet');

/** Values that break naive quoting in some language: quotes, backslashes, Java's \u, PHP's $, line breaks, non-ASCII. */
const HOSTILE = ['a"b', "it's", 'back\\slash', '\\u0022 and \\\\u000a', '$HOME {$x} ${y}', 'tab\tnew\nline\r', 'zero\u0000byte', 'é ü 漢字', 'emoji 😀', '\u2028\u2029', '*/ -->', '#{x} `cmd`'];

function jwt(claims: Record<string, unknown>): string {
  const b = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b({ alg: 'RS256', typ: 'JWT' })}.${b(claims)}.${Buffer.from('signature-bytes-here').toString('base64url')}`;
}

const APP_ID = '66666666-7777-4888-8999-aaaaaaaaaaaa';
const SP_OID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const TENANT = '72f988bf-0000-4000-8000-00000000c0de';
const now = Math.floor(Date.now() / 1000);
const APP_TOKEN = jwt({
  aud: 'https://outlook.office365.com',
  iss: `https://sts.windows.net/${TENANT}/`,
  tid: TENANT,
  appid: APP_ID,
  oid: SP_OID,
  roles: ['IMAP.AccessAsApp', 'POP.AccessAsApp'],
  idtyp: 'app',
  iat: now - 60,
  nbf: now - 60,
  exp: now + 3600,
});
const USER_TOKEN = jwt({
  aud: 'https://outlook.office.com',
  tid: TENANT,
  appid: APP_ID,
  oid: SP_OID,
  upn: 'adele@contoso.com',
  scp: 'IMAP.AccessAsUser.All',
  iat: now - 60,
  nbf: now - 60,
  exp: now + 3600,
});

const base: SnippetSession = {
  protocol: 'imap',
  host: 'outlook.office365.com',
  port: 993,
  security: 'tls',
  user: 'shared@contoso.com',
  mechanism: 'XOAUTH2',
  flow: 'device-code',
  authority: 'https://login.microsoftonline.com/organizations',
  clientId: '11111111-2222-4333-8444-555555555555',
  scopes: ['https://outlook.office.com/IMAP.AccessAsUser.All', 'offline_access'],
};

async function cli(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), readStdin: async () => stdin });
  return { code, out, err };
}

const has = (cmd: string, arg = '--version') => spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;

describe('snippet string literals read back as the exact value', function () {
  this.timeout(60_000); // python3 and php start as processes
  it('JavaScript (and C#, whose literal uses the same escapes: \\\\, \\", \\uNNNN)', () => {
    for (const v of HOSTILE) {
      assert.strictEqual(vm.runInNewContext(javascriptString(v)), v, v);
      assert.strictEqual(csharpString(v), javascriptString(v));
      assert.match(csharpString(v), /^"[\x20-\x7e]*"$/, 'printable ASCII only');
    }
  });

  it('Python 3 (ast.literal_eval), astral characters without lone surrogates', function () {
    if (!has('python3')) this.skip();
    const r = spawnSync('python3', ['-c', 'import ast,json,sys\nfor l in sys.stdin.read().splitlines(): print(json.dumps(ast.literal_eval(l)))'], {
      input: HOSTILE.map(pythonString).join('\n'),
      encoding: 'utf8',
    });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
      HOSTILE,
    );
  });

  it('Java escapes controls and quotes without \\u (Java reads \\u000a as a line break before it lexes)', () => {
    for (const v of HOSTILE) {
      const lit = javaString(v);
      assert.match(lit, /^"[\x20-\x7e]*"$/);
      // No \u escape for a character below 0x80: that is what would end the literal or the line.
      for (const m of lit.matchAll(/(\\+)u([0-9a-f]{4})/g)) if (m[1]!.length % 2 === 1) assert.ok(parseInt(m[2]!, 16) >= 0x80, lit);
    }
    assert.strictEqual(javaString('\\u0022'), '"\\\\u0022"');
  });

  it('PHP escapes $ against interpolation and uses \\u{…} for non-ASCII', () => {
    assert.strictEqual(phpString('$HOME {$x}'), '"\\$HOME {\\$x}"');
    assert.strictEqual(phpString('é😀'), '"\\u{00e9}\\u{1f600}"');
    for (const v of HOSTILE) assert.match(phpString(v), /^"[\x20-\x7e]*"$/);
  });

  it('PowerShell doubles every single quote, the typographic ones too', () => {
    assert.strictEqual(powershellString("o'brien\u2019s"), "'o''brien\u2019\u2019s'");
    assert.strictEqual(powershellString('$x `y`'), "'$x `y`'");
  });
});

describe('generated programs', function () {
  this.timeout(60_000);
  const hostile: SnippetSession = { ...base, host: 'imap."evil\'host', user: 'a"b\'c\\d$e{f}é😀@x' };

  it('refuse control characters in host, user and scopes, and bad ports, authorities and client IDs, each with a code', () => {
    const cases: [Partial<SnippetSession>, string][] = [
      [{ host: 'a\nb' }, 'bad-host'],
      [{ user: 'u\r\nA1 LOGOUT' }, 'bad-user'],
      [{ port: 0 }, 'bad-port'],
      [{ authority: 'http://login.example' }, 'bad-authority'],
      [{ clientId: 'not-a-guid' }, 'bad-client-id'],
      [{ scopes: ['a b'] }, 'bad-scope'],
    ];
    for (const [change, code] of cases) {
      const r = generateSnippet('python', { ...base, ...change });
      assert.ok(!r.ok && r.problem.code === code, JSON.stringify(change));
    }
    const j = generateSnippet('java', { ...base, mechanism: 'OAUTHBEARER' });
    assert.ok(!j.ok && j.problem.code === 'unsupported');
  });

  it('never contain a token or secret, and read MAIL_ACCESS_TOKEN (and MAIL_CLIENT_SECRET for client credentials)', () => {
    for (const lang of SNIPPET_LANGUAGES) {
      const r = generateSnippet(lang, { ...base, flow: 'client-credentials', scopes: ['https://outlook.office365.com/.default'] });
      assert.ok(r.ok);
      assert.match(r.code, /MAIL_ACCESS_TOKEN/);
      assert.match(r.code, /MAIL_CLIENT_SECRET/);
      assert.doesNotMatch(r.code, /eyJ[A-Za-z0-9_-]{10}/);
    }
  });

  it('Python parses with hostile values and keeps them exactly (ast)', function () {
    if (!has('python3')) this.skip();
    for (const protocol of ['imap', 'pop3', 'smtp'] as const) {
      const r = generateSnippet('python', { ...hostile, protocol });
      assert.ok(r.ok);
      const py = spawnSync(
        'python3',
        [
          '-c',
          'import ast,json,sys\nt=ast.parse(sys.stdin.read())\nprint(json.dumps({n.targets[0].id: ast.literal_eval(n.value) for n in t.body if isinstance(n, ast.Assign) and n.targets[0].id in ("HOST","USER")}))',
        ],
        { input: r.code, encoding: 'utf8' },
      );
      assert.strictEqual(py.status, 0, py.stderr);
      assert.deepStrictEqual(JSON.parse(py.stdout), { HOST: hostile.host, USER: hostile.user });
    }
  });

  it('Node compiles with hostile values, and the constants hold them exactly', () => {
    for (const protocol of ['imap', 'pop3', 'smtp'] as const) {
      const r = generateSnippet('node', { ...hostile, protocol, mechanism: 'OAUTHBEARER' });
      assert.ok(r.ok);
      new vm.Script(r.code, { filename: r.fileName });
      const consts = vm.runInNewContext(
        `${r.code
          .split('\n')
          .filter((l) => /^const (HOST|USER) = /.test(l))
          .join('\n')}; ({ HOST, USER })`,
      );
      assert.deepStrictEqual({ ...consts }, { HOST: hostile.host, USER: hostile.user });
    }
  });

  it('PHP passes php -l with hostile values', function () {
    if (!has('php')) this.skip();
    for (const protocol of ['imap', 'pop3', 'smtp'] as const) {
      for (const mechanism of ['XOAUTH2', 'OAUTHBEARER'] as const) {
        for (const flow of ['device-code', 'auth-code', 'client-credentials'] as const) {
          const r = generateSnippet('php', { ...hostile, protocol, mechanism, flow });
          assert.ok(r.ok);
          const l = spawnSync('php', ['-l'], { input: r.code, encoding: 'utf8' });
          assert.strictEqual(l.status, 0, `${protocol} ${mechanism} ${flow}: ${l.stdout}${l.stderr}`);
        }
      }
    }
  });

  // Golden files: reviewed once against each library's documented API (C#: MailKit's ImapClient/Pop3Client/
  // SmtpClient, SaslMechanismOAuth2/OAuthBearer, SecureSocketOptions; MSAL.NET's PublicClientApplicationBuilder,
  // ConfidentialClientApplicationBuilder, AcquireTokenWithDeviceCode/Interactive/ForClient). A change shows here.
  const GOLDEN_CASES: [SnippetLanguage, Partial<SnippetSession>, string][] = [
    ['csharp', {}, 'csharp-imap-device-code.cs'],
    ['csharp', { protocol: 'pop3', port: 995, mechanism: 'OAUTHBEARER', flow: 'auth-code', scopes: ['https://outlook.office.com/POP.AccessAsUser.All', 'offline_access'] }, 'csharp-pop3-auth-code.cs'],
    [
      'csharp',
      {
        protocol: 'smtp',
        host: 'smtp.office365.com',
        port: 587,
        security: 'starttls',
        flow: 'client-credentials',
        authority: `https://login.microsoftonline.com/${TENANT}`,
        scopes: ['https://outlook.office365.com/.default'],
      },
      'csharp-smtp-client-credentials.cs',
    ],
    ['java', { flow: 'client-credentials', authority: `https://login.microsoftonline.com/${TENANT}`, scopes: ['https://outlook.office365.com/.default'] }, 'java-imap-client-credentials.java'],
    ['python', { protocol: 'smtp', host: 'smtp.office365.com', port: 587, security: 'starttls', scopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'] }, 'python-smtp-device-code.py'],
    ['node', { flow: 'auth-code' }, 'node-imap-auth-code.js'],
    ['php', { protocol: 'smtp', host: 'smtp.office365.com', port: 587, security: 'starttls', scopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'] }, 'php-smtp-device-code.php'],
  ];
  for (const [lang, change, file] of GOLDEN_CASES) {
    it(`matches the reviewed golden file ${file}`, () => {
      const r = generateSnippet(lang, { ...base, ...change });
      assert.ok(r.ok);
      const golden = path.join(GOLDEN, file);
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, r.code);
      assert.strictEqual(r.code, fs.readFileSync(golden, 'utf8'));
    });
  }
});

describe('mailoauth snippet and exchange-setup', () => {
  const args = ['snippet', '--lang', 'python', '--protocol', 'imap', '--host', 'outlook.office365.com', '--port', '993', '--security', 'tls', '--user', 'me@contoso.com', '--mechanism', 'xoauth2'];

  it('prints the program; without --client-id it warns that the program has a placeholder', async () => {
    const r = await cli([...args, '--client-id', base.clientId]);
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.err, '');
    assert.match(r.out, /imap\.authenticate\("XOAUTH2", respond\)/);
    const w = await cli(args);
    assert.strictEqual(w.code, 0);
    assert.match(w.err, /placeholder/);
  });

  it('gives one-line errors for bad options (exit 2) and bad values (exit 1)', async () => {
    const bad: [string[], number, RegExp][] = [
      [['snippet'], 2, /--lang/],
      [[...args.slice(0, 2), 'cobol', ...args.slice(3)], 2, /--lang must be one of python, node, csharp, java, php, not "cobol"/],
      [[...args, '--flow', 'implicit'], 2, /--flow must be one of/],
      [[...args, '--flow', 'client-credentials'], 2, /needs --tenant/],
      [[...args.slice(0, 8), 'x', ...args.slice(9)], 1, /--port "x"/],
      [[...args, '--tenant', 'a/b'], 1, /--tenant must be/],
      [[...args, '--bogus'], 2, /Unknown option '--bogus'/],
      [['snippet', ...args.slice(1, 9), '--security', 'tls', '--user', 'a\nb', '--mechanism', 'xoauth2'], 1, /user must be/],
      [['exchange-setup'], 2, /--token -/],
      [['exchange-setup', '--token', APP_TOKEN], 2, /standard input/],
    ];
    for (const [a, code, message] of bad) {
      const r = await cli(a);
      assert.strictEqual(r.code, code, `${a.join(' ')}: ${r.err}`);
      assert.match(r.err, message);
      assert.strictEqual(r.out, '');
      assert.ok(!r.err.includes(APP_TOKEN), 'the token is never echoed');
      assert.ok(r.err.trim().split('\n').length <= 2, r.err);
    }
  });

  it('exchange-setup fills in appid, oid and tid from the token on stdin, with the mailbox; never prints the token', async () => {
    const r = await cli(['exchange-setup', '--token', '-', '--mailbox', "o'brien@contoso.com"], APP_TOKEN + '\n');
    assert.strictEqual(r.code, 0, r.err);
    assert.ok(!r.out.includes(APP_TOKEN));
    assert.match(r.out, new RegExp(`\\$AppId += '${APP_ID}'`));
    assert.match(r.out, new RegExp(`\\$ObjectId = '${SP_OID}'`));
    assert.match(r.out, new RegExp(`\\$TenantId = '${TENANT}'`));
    assert.match(r.out, /\$Mailbox += 'o''brien@contoso\.com'/);
    for (const line of [
      'New-ServicePrincipal -AppId $AppId -ObjectId $ObjectId',
      'Add-MailboxPermission -Identity $Mailbox -User $ObjectId -AccessRights FullAccess',
      'Add-RecipientPermission -Identity $Mailbox -Trustee $ObjectId -AccessRights SendAs',
      'Get-ServicePrincipal -Identity $ObjectId',
      'Test-ServicePrincipalAuthorization -Identity $ObjectId -Resource $Mailbox',
      'Set-CASMailbox -Identity $Mailbox -ImapEnabled $true -PopEnabled $true',
      'Set-CASMailbox -Identity $Mailbox -SmtpClientAuthenticationDisabled $false',
      'Get-TransportConfig',
    ]) {
      assert.ok(r.out.includes(line), line);
    }
    assert.match(r.out, /ENTERPRISE APPLICATION.*NOT the app registration/);
    assert.match(r.out, /This token carries: IMAP\.AccessAsApp, POP\.AccessAsApp\./);
    assert.match(r.out, /Not in this token: SMTP\.SendAsApp/);
    assert.match(r.out, /learn\.microsoft\.com\/powershell\/module\/exchange\/new-serviceprincipal/);
  });

  it('exchange-setup refuses a delegated token and a mailbox with a line break, with a code', async () => {
    const d = await cli(['exchange-setup', '--token', '-'], USER_TOKEN);
    assert.strictEqual(d.code, 1);
    assert.match(d.err, /delegated token/);
    assert.ok(!appOnlyIdsFromToken(USER_TOKEN).ok);
    const m = exchangeSetupDocument({ ids: { appId: APP_ID }, mailbox: "x'\n Remove-Mailbox", source: 'settings' });
    assert.ok(!m.ok && m.problem.code === 'bad-mailbox');
    const s = exchangeSetupDocument({ ids: { appId: APP_ID, tenantId: TENANT }, source: 'settings' });
    assert.ok(s.ok);
    assert.match(s.text, /Get-MgServicePrincipal -Filter "appId eq '\$AppId'"/, 'without the oid it says how to find it');
  });
});

describe('the verdict of a refused app-only login walks the Exchange checklist', () => {
  const refused = { authenticated: false, verified: false, capabilities: [] as string[], failure: { step: 'authenticate' as const, reply: 'A1 NO AUTHENTICATE failed.' } };

  it('role and audience right, login refused: points to the service principal or the mailbox permission, with the IDs', () => {
    const v = verdictFor(refused, 'imap', { user: 'shared@contoso.com', token: APP_TOKEN, mechanism: 'XOAUTH2' });
    assert.strictEqual(v.checklist?.pointsTo, 'servicePrincipal');
    assert.deepStrictEqual(
      v.checklist?.items.map((i) => i.status),
      ['ok', 'ok', 'unknown', 'unknown', 'unknown'],
    );
    assert.ok(v.fix?.includes(`New-ServicePrincipal -AppId ${APP_ID} -ObjectId ${SP_OID}`), v.fix);
    assert.match(v.fix!, /Role and audience are right and the login was refused/);
  });

  it("the protocol's role missing: points to the API permission", () => {
    const c = appOnlyChecklist(inspectToken(APP_TOKEN), 'smtp', 'shared@contoso.com');
    assert.strictEqual(c?.pointsTo, 'permission');
    assert.match(c!.summary, /SMTP\.SendAsApp missing/);
    assert.match(c!.items[3]!.text, /Add-RecipientPermission -Identity shared@contoso\.com -Trustee/);
  });

  it('no checklist for a delegated token', () => {
    const v = verdictFor(refused, 'imap', { user: 'adele@contoso.com', token: USER_TOKEN, mechanism: 'XOAUTH2' });
    assert.strictEqual(v.checklist, undefined);
  });
});
