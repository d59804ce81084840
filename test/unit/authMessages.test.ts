// Auth failures as codes with parameters and a message table: the code, not the wording, is what callers
// branch on, so a German text changes nothing but the text; the German bundle has every auth message; and
// the choice of interactive flows per host and setting.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { authFailure, AuthFailure, CancelledError, toAuthFailure } from '../../src/auth/authErrors';
import { checkClientId } from '../../src/auth/authConfig';
import { chooseFlows, ExtensionHostKind } from '../../src/auth/flowChoice';
import { GERMAN_BUNDLE, inGerman } from './german';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('auth failures carry a code; their text comes from the message table', () => {
  it('MSAL network_error with the network client’s sentence is code unreachable for the stage that failed', () => {
    const f = toAuthFailure({ errorCode: 'network_error', errorMessage: 'Network request failed' }, undefined, {
      stage: 'renewal',
      networkFailure: 'the connection to login.example was refused (ECONNREFUSED)',
    });
    assert.strictEqual(f.code, 'unreachable');
    assert.deepStrictEqual(f.params, { stage: 'renewal', network: 'the connection to login.example was refused (ECONNREFUSED)' });
    assert.match(f.message, /^Token renewal failed: cannot reach the identity platform: the connection to login\.example was refused/);
    assert.strictEqual(f.cancelled, false);
  });

  it('an HTTP 5xx reply is code serverFault with the status and AADSTS code, however the server words it', () => {
    const f = toAuthFailure({ errorCode: 'server_error' }, { error: 'server_error', error_description: 'AADSTS90033: A transient error has occurred.', url: 'https://x/token', status: 503 });
    assert.strictEqual(f.code, 'serverFault');
    assert.deepStrictEqual(f.params, { stage: 'signIn', status: 503, aadsts: 'AADSTS90033' });
    assert.match(f.message, /^Sign-in failed: the identity platform answered HTTP 503 \(AADSTS90033\)/);
  });

  it('a refusal is code refused with the platform’s own sentence as a parameter', () => {
    const f = toAuthFailure({ errorCode: 'invalid_client', errorMessage: "AADSTS700016: Application with identifier 'x' was not found in the directory 'y'." }, undefined, { stage: 'appOnly' });
    assert.strictEqual(f.code, 'refused');
    assert.strictEqual(f.params.stage, 'appOnly');
    assert.match(String(f.params.head), /^AADSTS700016: Application with identifier/);
    assert.match(f.message, /^App-only token failed: AADSTS700016/);
  });

  it('timeouts and cancellations are told apart by code; both count as cancelled, nothing else does', () => {
    const timedOut = authFailure('timedOut', { seconds: 300, waitingFor: 'browser' });
    assert.strictEqual(timedOut.code, 'timedOut');
    assert.strictEqual(timedOut.cancelled, true);
    assert.strictEqual(new CancelledError().code, 'cancelled');
    assert.strictEqual(new CancelledError().cancelled, true);
    assert.strictEqual(authFailure('browserNotOpened', {}).cancelled, false);
    assert.ok(timedOut instanceof AuthFailure && timedOut instanceof Error);
  });

  it('in German the text changes and the code, parameters and cancellation do not', () => {
    const english = authFailure('timedOut', { seconds: 60, waitingFor: 'deviceCode' });
    const german = inGerman(() => authFailure('timedOut', { seconds: 60, waitingFor: 'deviceCode' }));
    assert.strictEqual(german.message, 'Zeitüberschreitung bei der Anmeldung nach 60 s: Der Gerätecode wurde nicht eingegeben. Versuchen Sie es erneut, oder verwenden Sie die andere Anmeldemethode.');
    assert.notStrictEqual(german.message, english.message);
    assert.strictEqual(german.code, english.code);
    assert.deepStrictEqual(german.params, english.params);
    assert.strictEqual(german.cancelled, english.cancelled);
    const problem = inGerman(() => checkClientId('adele@contoso.com'));
    assert.strictEqual(problem?.setting, 'mailOAuth.auth.clientId');
    assert.match(problem?.message ?? '', /^Die Client-ID „adele@contoso\.com“ ist eine E-Mail-Adresse, keine Anwendungs-ID\./);
  });

  it('every l10n.t message of src/auth (with its OpenID client) and the Accounts commands has a German value with the same placeholders', () => {
    const german = JSON.parse(fs.readFileSync(GERMAN_BUNDLE, 'utf8')) as Record<string, string>;
    const dir = path.join(ROOT, 'src', 'auth');
    const files = [
      ...fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => path.join(dir, f)),
      path.join(ROOT, 'src', 'commands', 'accountCommands.ts'),
    ];
    const keys = new Set<string>();
    for (const file of files) {
      // String literals right after l10n.t( (single or double quotes, as the formatter writes them).
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/l10n\.t\(\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1/g)) keys.add(m[2]!.replace(/\\(.)/g, '$1'));
    }
    assert.ok(keys.size > 100, `found the messages (${keys.size})`);
    const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort().join();
    for (const key of keys) {
      assert.ok(german[key], `German for: ${key}`);
      assert.strictEqual(placeholders(german[key]!), placeholders(key), `placeholders of: ${key}`);
    }
  });
});

describe('interactive sign-in flows: which are tried, in which order', () => {
  const flows = [
    { id: 'authorizationCode' as const, runsOn: ['desktop'] as ExtensionHostKind[] },
    { id: 'deviceCode' as const, runsOn: ['desktop', 'remote', 'web'] as ExtensionHostKind[] },
  ];
  const ids = (q: Parameters<typeof chooseFlows>[1]) => chooseFlows(flows, q).map((f) => f.id);

  it('auto: the browser then the device code on a desktop; only the device code in remote and web windows', () => {
    assert.deepStrictEqual(ids({ host: 'desktop', setting: 'auto' }), ['authorizationCode', 'deviceCode']);
    assert.deepStrictEqual(ids({ host: 'remote', setting: 'auto' }), ['deviceCode']);
    assert.deepStrictEqual(ids({ host: 'web', setting: 'auto' }), ['deviceCode']);
  });

  it('the setting goes first wherever the window runs, followed by the flows after it', () => {
    assert.deepStrictEqual(ids({ host: 'remote', setting: 'authorizationCode' }), ['authorizationCode', 'deviceCode']);
    assert.deepStrictEqual(ids({ host: 'desktop', setting: 'deviceCode' }), ['deviceCode']);
  });

  it('a flow the caller asked for is the only one tried', () => {
    assert.deepStrictEqual(ids({ host: 'desktop', setting: 'auto', requested: 'deviceCode' }), ['deviceCode']);
    assert.deepStrictEqual(ids({ host: 'web', setting: 'deviceCode', requested: 'authorizationCode' }), ['authorizationCode']);
    assert.deepStrictEqual(ids({ host: 'remote', setting: 'auto', requested: 'auto' }), ['deviceCode']);
  });
});
