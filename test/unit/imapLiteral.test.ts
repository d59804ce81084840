// An IMAP literal {n} is kept whole in the transcript (the saved transcript has the message text), and
// the logical line still carries it; against the scripted server of the console bench, on loopback.
import * as assert from 'assert';
import { probe } from '../../src/core/protocol/probe';
import { Transcript } from '../../src/core/protocol/transcript';
import { BigFetchServer, startBigFetchServer } from '../bench/bigFetchServer';

describe('IMAP literals in the transcript', () => {
  let server: BigFetchServer;
  before(async () => {
    server = await startBigFetchServer(256 * 1024);
  });
  after(() => server?.stop());

  it('keeps the literal text for saving, unredacted and unfolded', async () => {
    const transcript = new Transcript();
    const result = await probe(
      {
        protocol: 'imap',
        host: '127.0.0.1',
        port: server.port,
        security: 'none',
        login: { user: 'adele@contoso.com', token: 'dummy-token-for-the-literal-test', mechanism: 'XOAUTH2' },
        keepOpen: true,
      },
      transcript,
    );
    assert.ok(result.outcome.verified, result.verdict.title);
    const lines = await result.session!.send('FETCH 1 BODY[]');
    await result.session!.logout();
    const message = server.message.toString('utf8');
    assert.ok(lines[0].includes(message), 'the logical line carries the literal');
    const entry = transcript.entries.find((e) => e.text === message);
    assert.ok(entry, 'one server entry holds the whole literal');
    assert.strictEqual(entry.kind, 'S');
    assert.strictEqual(entry.display, message);
    const log = transcript.toLog({ reveal: false });
    assert.ok(log.includes(message), 'the saved transcript has the whole literal');
    assert.match(log, /S: \* 1 FETCH \(BODY\[\] \{262144\}\n.*S: Return-Path:/);
    assert.match(log, /S: A003 OK FETCH completed/);
  });

  it('saves megabytes of unbroken base64 quickly, without decoding or re-redacting it', () => {
    const transcript = new Transcript();
    transcript.addSecret('dummy-token-for-the-literal-test');
    const blob = 'QUJD'.repeat(3 * 1024 * 1024); // 12 MB on one "line": the blob regex would overflow the stack
    const entry = transcript.add('S', blob, { display: blob });
    assert.strictEqual(entry.decoded, undefined);
    assert.ok(transcript.toLog({ reveal: false }).includes(blob));
  });
});
