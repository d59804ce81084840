import * as assert from 'assert';
import { validateFromWebview } from '../../src/console/messages';

const form = { preset: 'custom', protocol: 'imap', host: 'localhost', port: 993, security: 'tls', tokenSource: 'pasted', account: '', user: 'a@b.c', mechanism: 'XOAUTH2', verifyCertificate: true };

describe('console message validation', () => {
  it('accepts the messages the webview sends', () => {
    assert.deepStrictEqual(validateFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(validateFromWebview({ type: 'connect', form, token: 'tok' }), { type: 'connect', form, token: 'tok' });
    assert.deepStrictEqual(validateFromWebview({ type: 'command', line: 'LIST "" *' }), { type: 'command', line: 'LIST "" *' });
    assert.deepStrictEqual(validateFromWebview({ type: 'openLink', url: 'https://learn.microsoft.com/x' }), { type: 'openLink', url: 'https://learn.microsoft.com/x' });
  });

  it('drops unknown, malformed and dangerous messages', () => {
    for (const bad of [
      null,
      'connect',
      [],
      { type: 'eval', code: '1' },
      { type: 'connect', form: { ...form, port: 70000 } },
      { type: 'connect', form: { ...form, protocol: 'ftp' } },
      { type: 'connect', form: { ...form, verifyCertificate: 'no' } },
      { type: 'connect', form, token: 42 },
      { type: 'command', line: 'A1 NOOP\r\nA2 LOGOUT' },
      { type: 'command', line: 'x'.repeat(9000) },
      { type: 'openLink', url: 'command:workbench.action.terminal.new' },
      { type: 'openLink', url: 'file:///etc/passwd' },
      { type: 'presetChanged', preset: 'gmail', protocol: 'nntp' },
    ]) {
      assert.strictEqual(validateFromWebview(bad), undefined, JSON.stringify(bad)?.slice(0, 60));
    }
  });
});
