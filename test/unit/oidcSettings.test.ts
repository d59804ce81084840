// mailOAuth.oidc.providers: presets fill in what they know, every bad entry is named with its field
// (skipped or kept without the field, never thrown), and the flow order follows the setting and the host.
import * as assert from 'assert';
import { chooseOidcFlows, MAX_PROVIDERS, OidcProviderConfig, oidcPreset, parseSessionScopes, providerForHost, resolveOidcProviders } from '../../src/auth/oidc/oidcSettings';
import { coversScopes, OidcSessionStore, parseStored, StoredOidcSession } from '../../src/auth/oidc/oidcSessionStore';

function one(entry: unknown): OidcProviderConfig {
  const r = resolveOidcProviders([entry]);
  assert.deepStrictEqual(
    r.problems.filter((p) => p.severity === 'error'),
    [],
  );
  assert.strictEqual(r.providers.length, 1);
  return r.providers[0]!;
}

function problemOf(entry: unknown, field: string) {
  const r = resolveOidcProviders([entry]);
  const p = r.problems.find((x) => x.field === field);
  assert.ok(p, `a problem for ${field}; got ${JSON.stringify(r.problems)}`);
  return { problem: p, providers: r.providers };
}

describe('OpenID provider settings (mailOAuth.oidc.providers)', () => {
  it('the Google preset fills issuer, scopes, Gmail hosts and the offline parameters, and offers no device code', () => {
    const p = one({ id: 'google', preset: 'google', clientId: 'abc.apps.googleusercontent.com' });
    assert.strictEqual(p.issuer, 'https://accounts.google.com');
    assert.deepStrictEqual(p.scopes, ['openid', 'email', 'https://mail.google.com/']);
    assert.deepStrictEqual(p.mailHosts, ['imap.gmail.com', 'pop.gmail.com', 'smtp.gmail.com']);
    assert.strictEqual(p.label, 'Google');
    assert.strictEqual(p.authorizationParameters.access_type, 'offline');
    assert.strictEqual(p.deviceCodeAllowed, false);
    assert.deepStrictEqual(chooseOidcFlows(p, 'remote', false), ['authorizationCode'], 'even in a remote window: the device flow would be refused');
  });

  it('Google with deviceCode listed: kept, the flow dropped, and the warning says why', () => {
    const { problem, providers } = problemOf({ id: 'g', preset: 'google', clientId: 'x', flows: ['deviceCode', 'authorizationCode'] }, 'flows');
    assert.strictEqual(problem.code, 'google-device-code');
    assert.strictEqual(problem.severity, 'warning');
    assert.match(problem.message, /mailOAuth\.oidc\.providers\[0\] \("g"\)\.flows/);
    assert.match(problem.message, /device code/);
    assert.deepStrictEqual(providers[0]!.flows, ['authorizationCode']);
  });

  it('the Keycloak preset wants a realm issuer and defaults to offline_access', () => {
    const p = one({ id: 'kc', preset: 'keycloak', issuer: 'https://sso.example.com/realms/mail', clientId: 'mail-debugger' });
    assert.deepStrictEqual(p.scopes, ['openid', 'email', 'offline_access']);
    assert.strictEqual(p.deviceCodeAllowed, true);
    assert.deepStrictEqual(chooseOidcFlows(p, 'desktop', false), ['authorizationCode', 'deviceCode']);
    assert.deepStrictEqual(chooseOidcFlows(p, 'remote', false), ['deviceCode', 'authorizationCode']);
    const { problem, providers } = problemOf({ id: 'kc', preset: 'keycloak', issuer: 'https://sso.example.com/auth', clientId: 'x' }, 'issuer');
    assert.strictEqual(problem.code, 'keycloak-issuer');
    assert.match(problem.message, /realms\/REALM/);
    assert.deepStrictEqual(providers, []);
  });

  it('a generic provider by explicit endpoints; http only on loopback', () => {
    const p = one({ id: 'local', clientId: 'c', endpoints: { authorization: 'http://127.0.0.1:8080/auth', token: 'http://127.0.0.1:8080/token' } });
    assert.strictEqual(p.issuer, 'http://127.0.0.1:8080');
    assert.strictEqual(p.allowHttp, true);
    const { problem } = problemOf({ id: 'far', clientId: 'c', endpoints: { authorization: 'http://sso.example.com/auth', token: 'https://sso.example.com/token' } }, 'endpoints.authorization');
    assert.strictEqual(problem.code, 'insecure-url');
    assert.strictEqual(problemOf({ id: 'e', clientId: 'c', endpoints: { authorization: 'https://a.example/x' } }, 'endpoints.token').problem.code, 'missing');
    assert.strictEqual(problemOf({ id: 'e', clientId: 'c' }, '').problem.code, 'issuer-or-endpoints');
    assert.strictEqual(problemOf({ id: 'e', clientId: 'c', issuer: 'https://user:pw@sso.example.com' }, 'issuer').problem.code, 'bad-url', 'no credentials in an issuer');
  });

  it('names the entry and the field of each problem, skips what cannot work, keeps the rest', () => {
    const r = resolveOidcProviders([
      { id: 'ok', issuer: 'https://sso.example.com', clientId: 'c' },
      { id: 'Bad Id', issuer: 'https://sso.example.com', clientId: 'c' },
      { id: 'ok', issuer: 'https://sso.example.com', clientId: 'c' },
      { id: 'noclient', issuer: 'https://sso.example.com' },
      'google',
      { id: 'scopes', issuer: 'https://sso.example.com', clientId: 'c', scopes: ['openid', 'two words'] },
      { id: 'typo', issuer: 'https://sso.example.com', clientID: 'c', clientId: 'c' },
      { id: 'preset', preset: 'azure', clientId: 'c' },
    ]);
    assert.deepStrictEqual(
      r.providers.map((p) => p.id),
      ['ok', 'typo'],
    );
    const by = (code: string) => r.problems.find((p) => p.code === code);
    assert.strictEqual(by('bad-id')?.index, 1);
    assert.match(by('duplicate-id')!.message, /\[2\].*"ok"/);
    assert.match(by('missing')!.message, /\[3\] \("noclient"\)\.clientId/);
    assert.strictEqual(by('not-an-object')?.index, 4);
    assert.match(by('bad-scope')!.message, /"two words"/);
    assert.strictEqual(by('unknown-field')?.severity, 'warning');
    assert.match(by('unknown-field')!.message, /\("typo"\)\.clientID/);
    assert.strictEqual(by('bad-preset')?.value, 'azure');
  });

  it('hostile values: no throw, bounded, no control characters in messages', () => {
    const weird = [null, 42, [], { id: {} }, { id: 'x', clientId: 7, issuer: 'https://a' }, { id: 'y\u202e\u0000', clientId: 'c' }, { id: 'z', clientId: 'c', issuer: 'https://a', flows: 'all' }];
    const r = resolveOidcProviders(weird);
    assert.strictEqual(r.providers.length, 0);
    for (const p of r.problems) assert.doesNotMatch(p.message, /[\u0000-\u001f\u202e]/, p.message);
    assert.strictEqual(resolveOidcProviders('nope').problems[0]?.code, 'not-a-list');
    const many = resolveOidcProviders(Array.from({ length: MAX_PROVIDERS + 5 }, (_, i) => ({ id: `p${i}`, issuer: 'https://a.example', clientId: 'c' })));
    assert.strictEqual(many.providers.length, MAX_PROVIDERS);
    assert.strictEqual(many.problems[0]?.code, 'too-many');
    const long = resolveOidcProviders([{ id: 'l', issuer: 'https://a.example', clientId: 'x'.repeat(100_000) }]);
    assert.strictEqual(long.problems[0]?.code, 'not-a-string');
  });

  it('client credentials only when listed and a secret is stored; usernameClaim goes first', () => {
    const p = one({ id: 'app', issuer: 'https://sso.example.com/realms/r', clientId: 'c', flows: ['clientCredentials', 'authorizationCode'], usernameClaim: 'upn' });
    assert.deepStrictEqual(chooseOidcFlows(p, 'desktop', false), ['authorizationCode']);
    assert.deepStrictEqual(chooseOidcFlows(p, 'desktop', true), ['clientCredentials', 'authorizationCode']);
    assert.deepStrictEqual(p.usernameClaims, ['upn', 'email', 'preferred_username']);
    const unlisted = one({ id: 'u', issuer: 'https://sso.example.com', clientId: 'c' });
    assert.ok(!chooseOidcFlows(unlisted, 'desktop', true).includes('clientCredentials'));
  });

  it('session scopes name the provider; a host picks the provider that lists it', () => {
    assert.deepStrictEqual(parseSessionScopes(['provider:google', 'https://mail.google.com/']), { providerId: 'google', scopes: ['https://mail.google.com/'] });
    assert.deepStrictEqual(parseSessionScopes(undefined), { scopes: [] });
    const google = one({ id: 'google', preset: 'google', clientId: 'c' });
    assert.strictEqual(providerForHost([google], 'IMAP.gmail.com.')?.id, 'google');
    assert.strictEqual(providerForHost([google], 'outlook.office365.com'), undefined);
    assert.deepStrictEqual(oidcPreset('keycloak').mailHosts, []);
  });
});

describe('OpenID sessions in SecretStorage', () => {
  const session: StoredOidcSession = {
    id: 's1',
    providerId: 'kc',
    accountId: 'sub-1',
    accountLabel: 'adele@example.com',
    scopes: ['openid', 'email', 'offline_access'],
    grantedScopes: ['openid', 'email'],
    accessToken: 'at',
    refreshToken: 'rt',
    expiresOn: 1_800_000_000_000,
    flow: 'authorizationCode',
  };

  class MemorySecrets {
    readonly data = new Map<string, string>();
    private readonly listeners = new Set<(e: { key: string }) => unknown>();
    async get(k: string) {
      return this.data.get(k);
    }
    async store(k: string, v: string) {
      this.data.set(k, v);
      for (const l of this.listeners) l({ key: k });
    }
    async delete(k: string) {
      this.data.delete(k);
      for (const l of this.listeners) l({ key: k });
    }
    onDidChange(l: (e: { key: string }) => unknown) {
      this.listeners.add(l);
      return { dispose: () => this.listeners.delete(l) };
    }
  }

  it('stores per provider, reads back what it wrote, deletes the key when the last session goes', async () => {
    const secrets = new MemorySecrets();
    const store = new OidcSessionStore(secrets);
    await store.update('kc', (all) => [...all, session]);
    assert.deepStrictEqual(await store.list('kc'), [session]);
    assert.deepStrictEqual(await store.list('google'), []);
    assert.deepStrictEqual([...secrets.data.keys()], ['mailOAuth.oidc.sessions.kc']);
    await store.update('kc', () => []);
    assert.strictEqual(secrets.data.size, 0);
    store.dispose();
  });

  it('concurrent updates do not lose a session (read-modify-write in order)', async () => {
    const store = new OidcSessionStore(new MemorySecrets());
    await Promise.all([1, 2, 3, 4].map((n) => store.update('kc', (all) => [...all, { ...session, id: `s${n}` }])));
    assert.deepStrictEqual((await store.list('kc')).map((s) => s.id).sort(), ['s1', 's2', 's3', 's4']);
  });

  it("another window's write is reported; this window's own is not", async () => {
    const secrets = new MemorySecrets();
    const store = new OidcSessionStore(secrets);
    const seen: string[] = [];
    store.onDidChangeExternally((id) => seen.push(id));
    await store.update('kc', () => [session]);
    await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual(seen, []);
    await secrets.store('mailOAuth.oidc.sessions.kc', JSON.stringify({ version: 1, sessions: [] }));
    await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual(seen, ['kc']);
  });

  it('damaged or foreign stored values are dropped entry by entry, never thrown', () => {
    assert.deepStrictEqual(parseStored('{', 'kc'), []);
    assert.deepStrictEqual(parseStored(JSON.stringify({ version: 2, sessions: [session] }), 'kc'), []);
    const mixed = JSON.stringify({ version: 1, sessions: [session, { ...session, providerId: 'other' }, { ...session, accessToken: 5 }, { ...session, expiresOn: 'soon' }, null] });
    assert.deepStrictEqual(parseStored(mixed, 'kc'), [session]);
  });

  it('a session covers the scopes it asked for or was granted', () => {
    assert.ok(coversScopes(session, ['openid', 'offline_access']));
    assert.ok(coversScopes(session, []));
    assert.ok(!coversScopes(session, ['https://mail.google.com/']));
  });
});
