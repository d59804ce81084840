// An on-premises Exchange Server's own logs (SMTP Receive protocol log, transport events): explained as that
// server, with the reason word's meaning, in English and German; Exchange Online's replies stay Exchange Online's.
import * as assert from 'assert';
import { explain, explainLine } from '../../src/core/explain';
import { EXCHANGE_SERVER_SAMPLES } from './exchangeServerSamples';
import { inGerman } from './german';

describe('knowledge base: Exchange Server protocol logs and events', () => {
  it('says what LogonDenied and IllegalMessage mean, and nothing made up for other reasons', () => {
    const [denied] = explainLine(EXCHANGE_SERVER_SAMPLES['exchange-server-inbound-auth-failed'][0]);
    assert.match(denied.cause, /LogonDenied: Active Directory refused the user name and password/);
    const [illegal] = explainLine('*,,Inbound AUTH LOGIN failed because of IllegalMessage');
    assert.match(illegal.cause, /IllegalMessage: the AUTH exchange itself was malformed/);
    const [other] = explainLine('*,,Inbound AUTH NTLM failed because of SomethingNew');
    assert.strictEqual(other.id, 'exchange-server-inbound-auth-failed');
    assert.ok(!/LogonDenied:|IllegalMessage:/.test(other.cause), other.cause);
  });

  it('keeps a bare 535 5.7.3 or 504 5.7.4 (as Exchange Online sends them) with the Exchange Online entries', () => {
    assert.strictEqual(explainLine('535 5.7.3 Authentication unsuccessful [BN9PR03CA0123.namprd03.prod.outlook.com]')[0].id, 'm365-smtp-535-5.7.3');
    assert.strictEqual(explainLine('504 5.7.4 Unrecognized authentication type [AM0PR10CA0012.EURPRD10.PROD.OUTLOOK.COM]')[0].id, 'smtp-unrecognized-authentication-type');
  });

  it('replaces the Exchange Online reading in a protocol log line', () => {
    const ids = explainLine(EXCHANGE_SERVER_SAMPLES['exchange-server-smtp-535-protocol-log'][0]).map((f) => f.id);
    assert.deepStrictEqual(ids, ['exchange-server-smtp-535-protocol-log']);
    const noXoauth2 = explainLine(EXCHANGE_SERVER_SAMPLES['exchange-server-no-xoauth2'][0]).map((f) => f.id);
    assert.deepStrictEqual(noXoauth2, ['exchange-server-no-xoauth2']);
  });

  it('explains a whole session of the log, each failure once', () => {
    const session = [
      '2023-01-11T16:00:03.115Z,EX\\Default Frontend EX,123453EC62278461,12,10.10.10.10:25,95.10.20.33:56026,<,AUTH LOGIN,',
      '2023-01-11T16:00:06.195Z,EX\\Default Frontend EX,123453EC62278461,14,10.10.10.10:25,95.10.20.33:56026,>,334 <authentication response>,',
      '2023-01-11T16:00:10.644Z,EX\\Default Frontend EX,123453EC62278461,15,10.10.10.10:25,95.10.20.33:56026,*,,Inbound AUTH LOGIN failed because of LogonDenied',
      '2023-01-11T16:00:10.644Z,EX\\Default Frontend EX,123453EC62278461,15,10.10.10.10:25,95.10.20.33:56026,*,,User Name: username@domain.com',
      '2023-01-11T16:00:10.645Z,EX\\Default Frontend EX,123453EC62278461,16,10.10.10.10:25,95.10.20.33:56026,>,535 5.7.3 Authentication unsuccessful,',
    ].join('\r\n');
    assert.deepStrictEqual(
      explain(session).map((f) => f.id),
      ['exchange-server-inbound-auth-failed', 'exchange-server-smtp-535-protocol-log'],
    );
  });

  it('speaks German, the reason sentence included', () => {
    const [f] = inGerman(() => explainLine(EXCHANGE_SERVER_SAMPLES['exchange-server-inbound-auth-failed'][0]));
    assert.match(f.title, /Exchange Server hat die Anmeldung abgelehnt/);
    assert.match(f.cause, /LogonDenied: Active Directory hat/);
  });
});
