// The mailOAuth.console.customPresets setting: valid entries become console presets, bad ones are skipped
// with a message that names the entry and what is wrong.
import * as assert from 'assert';
import { parseCustomPresets } from '../../src/core/presets/customPresets';

describe('custom console presets (mailOAuth.console.customPresets)', () => {
  it('turns an entry into a one-protocol preset with its user and mechanism, and Microsoft 365 scopes by default', () => {
    const { presets, problems } = parseCustomPresets([
      { label: 'Sandbox POP3', protocol: 'pop3', host: '127.0.0.1', port: 1110, security: 'none', user: 'adele@contoso.test', mechanism: 'OAUTHBEARER' },
    ]);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(presets, [
      {
        id: 'setting:0',
        label: 'Sandbox POP3',
        protocol: 'pop3',
        endpoint: { host: '127.0.0.1', port: 1110, security: 'none' },
        user: 'adele@contoso.test',
        mechanism: 'OAUTHBEARER',
        scopes: ['https://outlook.office.com/POP.AccessAsUser.All', 'offline_access'],
      },
    ]);
  });

  it('defaults security to implicit TLS and keeps given scopes', () => {
    const { presets } = parseCustomPresets([{ label: 'Gmail-like', protocol: 'imap', host: 'imap.example.com', port: 993, scopes: ['https://mail.google.com/'] }]);
    assert.strictEqual(presets[0]?.endpoint.security, 'tls');
    assert.deepStrictEqual(presets[0]?.scopes, ['https://mail.google.com/']);
  });

  it('skips bad entries, naming each and what is wrong, and keeps the good ones with their index', () => {
    const { presets, problems } = parseCustomPresets([
      { label: 'No port', protocol: 'imap', host: 'h' },
      'imap.example.com',
      { label: 'Good', protocol: 'smtp', host: 'smtp.example.com', port: 587, security: 'starttls' },
      { label: 'Bad protocol', protocol: 'jmap', host: 'h', port: 1, mechanism: 'PLAIN' },
    ]);
    assert.deepStrictEqual(
      presets.map((p) => p.id),
      ['setting:2'],
    );
    assert.strictEqual(problems.length, 3);
    assert.match(problems[0]!, /customPresets\[0\] \("No port"\) skipped: "port" must be a number from 1 to 65535/);
    assert.match(problems[1]!, /customPresets\[1\] is not an object/);
    assert.match(problems[2]!, /"protocol" must be "imap", "pop3" or "smtp"; "mechanism" must be "XOAUTH2" or "OAUTHBEARER"/);
  });

  it('says what shape it wants when the setting is not a list', () => {
    assert.deepStrictEqual(parseCustomPresets(undefined), { presets: [], problems: [] });
    assert.match(parseCustomPresets({ label: 'x' }).problems[0]!, /must be a list of presets/);
  });
});
