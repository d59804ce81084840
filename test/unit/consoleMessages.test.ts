import * as assert from 'assert';
import { consoleCsp } from '../../src/console/csp';
import { describeDropped, QUICK_ACTION_IDS, validateFromWebview } from '../../src/console/messages';

const form = { preset: 'custom', protocol: 'imap', host: 'localhost', port: 993, security: 'tls', tokenSource: 'pasted', account: '', user: 'a@b.c', mechanism: 'XOAUTH2', verifyCertificate: true };

/** One well-formed message of every type the webview sends (src/webview/console/main.ts). */
const GOOD = {
  ready: { type: 'ready' },
  transcriptWindow: { type: 'transcriptWindow', start: 150_000, end: 150_063, follow: true },
  copyTranscript: { type: 'copyTranscript' },
  restoreLines: {
    type: 'restoreLines',
    lines: [
      { t: '2026-01-01T12:00:00.000Z', k: 'C', x: 'A001 NOOP', d: undefined },
      { t: '2026-01-01T12:00:00.000Z', k: 'S', x: 'A001 OK', d: 'note' },
    ],
  },
  connect: { type: 'connect', form, token: 'tok' },
  disconnect: { type: 'disconnect' },
  command: { type: 'command', line: 'LIST "" *' },
  quickAction: { type: 'quickAction', action: 'imap.list' },
  saveTranscript: { type: 'saveTranscript' },
  presetChanged: { type: 'presetChanged', preset: 'gmail', protocol: 'smtp' },
  openLink: { type: 'openLink', url: 'https://learn.microsoft.com/x' },
};

/** For each type, malformed variants: a field missing, of the wrong type, out of range or too long. */
const MALFORMED: Record<keyof typeof GOOD, unknown[]> = {
  ready: [], // carries nothing, so nothing can be malformed
  copyTranscript: [],
  transcriptWindow: [
    { type: 'transcriptWindow', start: 0, end: 10 },
    { type: 'transcriptWindow', start: 10, end: 5, follow: false },
    { type: 'transcriptWindow', start: -1, end: 5, follow: false },
    { type: 'transcriptWindow', start: 0.5, end: 5, follow: false },
    { type: 'transcriptWindow', start: '0', end: 5, follow: false },
    { type: 'transcriptWindow', start: 0, end: 1001, follow: true },
    { type: 'transcriptWindow', start: 0, end: Infinity, follow: true },
  ],
  restoreLines: [
    { type: 'restoreLines' },
    { type: 'restoreLines', lines: 'A001 OK' },
    { type: 'restoreLines', lines: [{ t: 't', k: 'X', x: 'y' }] },
    { type: 'restoreLines', lines: [{ t: 't', k: 'S', x: 'y'.repeat(30_001) }] },
    { type: 'restoreLines', lines: [{ t: 't', k: 'S', x: 'y', d: 5 }] },
    { type: 'restoreLines', lines: Array.from({ length: 501 }, () => ({ t: 't', k: 'S', x: 'y' })) },
  ],
  disconnect: [],
  saveTranscript: [],
  connect: [
    { type: 'connect' },
    { type: 'connect', form: 'imap' },
    { type: 'connect', form: { ...form, port: 70000 } },
    { type: 'connect', form: { ...form, port: 993.5 } },
    { type: 'connect', form: { ...form, port: '993' } },
    { type: 'connect', form: { ...form, protocol: 'ftp' } },
    { type: 'connect', form: { ...form, security: 'ssl' } },
    { type: 'connect', form: { ...form, tokenSource: 'file' } },
    { type: 'connect', form: { ...form, mechanism: 'PLAIN' } },
    { type: 'connect', form: { ...form, verifyCertificate: 'no' } },
    { type: 'connect', form: { ...form, host: 'h'.repeat(256) } },
    { type: 'connect', form: { ...form, user: undefined } },
    { type: 'connect', form: { ...form, preset: ['custom'] } },
    { type: 'connect', form, token: 42 },
    { type: 'connect', form, token: 't'.repeat(20_001) },
  ],
  command: [{ type: 'command' }, { type: 'command', line: 7 }, { type: 'command', line: 'A1 NOOP\r\nA2 LOGOUT' }, { type: 'command', line: 'NOOP\n' }, { type: 'command', line: 'x'.repeat(9000) }],
  quickAction: [{ type: 'quickAction' }, { type: 'quickAction', action: 1 }, { type: 'quickAction', action: 'imap.expunge' }, { type: 'quickAction', action: 'x'.repeat(41) }],
  presetChanged: [
    { type: 'presetChanged', preset: 'gmail' },
    { type: 'presetChanged', preset: 'gmail', protocol: 'nntp' },
    { type: 'presetChanged', preset: 5, protocol: 'imap' },
    { type: 'presetChanged', preset: 'p'.repeat(41), protocol: 'imap' },
  ],
  openLink: [
    { type: 'openLink' },
    { type: 'openLink', url: 'command:workbench.action.terminal.new' },
    { type: 'openLink', url: 'file:///etc/passwd' },
    { type: 'openLink', url: 'http://example.com' },
    { type: 'openLink', url: 'javascript:alert(1)' },
    { type: 'openLink', url: `https://${'a'.repeat(2000)}` },
  ],
};

describe('console message validation', () => {
  it('accepts one well-formed message of every type', () => {
    for (const [type, msg] of Object.entries(GOOD)) assert.deepStrictEqual(validateFromWebview(msg), msg, type);
  });

  for (const [type, variants] of Object.entries(MALFORMED)) {
    if (variants.length === 0) continue;
    it(`drops a malformed "${type}" message (${variants.length} variants)`, () => {
      for (const bad of variants) assert.strictEqual(validateFromWebview(bad), undefined, JSON.stringify(bad).slice(0, 80));
    });
  }

  it('drops what is not a message, and unknown types', () => {
    for (const bad of [null, undefined, 'connect', 42, [], [{ type: 'ready' }], {}, { type: 7 }, { type: 'eval', code: '1' }, { type: '__proto__' }, { type: 'constructor' }]) {
      assert.strictEqual(validateFromWebview(bad), undefined, String(JSON.stringify(bad)));
    }
  });

  it('keeps only the known fields (extra ones never reach the host)', () => {
    assert.deepStrictEqual(validateFromWebview({ type: 'disconnect', now: true }), { type: 'disconnect' });
    assert.deepStrictEqual(validateFromWebview({ type: 'connect', form: { ...form, extra: 'x' } }), { type: 'connect', form, token: undefined });
  });

  it('accepts every quick action the console offers', () => {
    for (const action of QUICK_ACTION_IDS) assert.ok(validateFromWebview({ type: 'quickAction', action }), action);
  });

  it('describes a dropped message by its type only, never by its values', () => {
    const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJ1cG4iOiJhQGIuYyJ9.c2lnbmF0dXJl';
    assert.strictEqual(describeDropped({ type: 'connect', form, token: 42, leaked: token }), 'a malformed "connect" message');
    assert.strictEqual(describeDropped({ type: 'eval' }), 'unknown type "eval"');
    assert.strictEqual(describeDropped({ type: token }), 'no valid type');
    assert.strictEqual(describeDropped([token]), 'not an object (array)');
    assert.strictEqual(describeDropped(null), 'not an object (null)');
    assert.strictEqual(describeDropped(token), 'not an object (string)');
  });
});

describe('console Content Security Policy', () => {
  const csp = consoleCsp('https://*.vscode-cdn.net', 'bm9uY2Vub25jZQ==');
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

  it('denies everything by default', () => {
    assert.deepStrictEqual(directives.get('default-src'), ["'none'"]);
  });

  it('runs scripts only by nonce: no inline script, no eval, no host', () => {
    assert.deepStrictEqual(directives.get('script-src'), ["'nonce-bm9uY2Vub25jZQ=='"]);
  });

  it('loads styles, images and fonts only from the webview resource origin', () => {
    for (const d of ['style-src', 'img-src', 'font-src']) assert.deepStrictEqual(directives.get(d), ['https://*.vscode-cdn.net'], d);
  });

  it("has no 'unsafe-…' source, no wildcard, no scheme or remote origin beyond the resource origin", () => {
    assert.doesNotMatch(csp, /unsafe-|'strict-dynamic'|\s\*(\s|;|$)|\b(data|blob|https?|wss?):(?!\/\/\*\.vscode-cdn\.net)/);
    assert.deepStrictEqual([...directives.keys()].sort(), ['default-src', 'font-src', 'img-src', 'script-src', 'style-src']);
  });
});
