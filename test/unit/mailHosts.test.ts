// Where a signed-in account's token belongs: the console sends it without asking only to Microsoft's
// mail hosts (src/core/presets/presets.ts); every other host gets the confirmation first.
import * as assert from 'assert';
import { isMicrosoftMailHost } from '../../src/core/presets/presets';

describe('Microsoft mail hosts (the console asks before sending a token anywhere else)', () => {
  it('knows the Microsoft 365, Outlook.com and national cloud hosts, in any case and with a trailing dot', () => {
    for (const h of [
      'outlook.office365.com',
      'smtp.office365.com',
      'outlook.office.com',
      'smtp-mail.outlook.com',
      'outlook.office365.us',
      'smtp.office365.us',
      'partner.outlook.cn',
      'smtp.partner.outlook.cn',
      'OUTLOOK.Office365.com',
      'outlook.office365.com.',
      ' smtp.office365.com ',
    ]) {
      assert.ok(isMicrosoftMailHost(h), h);
    }
  });

  it('does not take look-alikes, sub- or parent domains, Gmail, or loopback for one', () => {
    for (const h of [
      'outlook.office365.com.attacker.test',
      'attacker-outlook.office365.com',
      'evil.outlook.office365.com',
      'office365.com',
      'outlook.office365.co',
      'imap.gmail.com',
      'smtp.gmail.com',
      '127.0.0.1',
      'localhost',
      '',
      'outlook.office365.com:993',
      'outlook.office365.com\u202e',
    ]) {
      assert.ok(!isMicrosoftMailHost(h), JSON.stringify(h));
    }
  });
});
