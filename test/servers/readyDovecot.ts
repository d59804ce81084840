// A real Dovecot for a test suite, ready to log in to: started without the failed-login delay (and, with
// `sink`, relaying submitted mail to an SMTP sink), with a token minted for the suite's user.
import * as assert from 'assert';
import { Dovecot, dovecotAvailable, startDovecot } from './dovecot';
import { SmtpSink, startSmtpSink } from './smtpSink';
import { mintToken } from './tokens';

export interface ReadyDovecot {
  dovecot: Dovecot;
  token: string;
}

export async function readyDovecot(user: string, options: { sink: true }): Promise<ReadyDovecot & { sink: SmtpSink }>;
export async function readyDovecot(user: string): Promise<ReadyDovecot>;
export async function readyDovecot(user: string, options: { sink?: boolean } = {}): Promise<ReadyDovecot & { sink?: SmtpSink }> {
  assert.ok(dovecotAvailable(), 'Dovecot is installed (scripts/ensure-dovecot.sh installs it)');
  const sink = options.sink ? await startSmtpSink() : undefined;
  try {
    const dovecot = await startDovecot({ authFailureDelay: '0 secs', ...(sink ? { relayPort: sink.port } : {}) });
    return { dovecot, sink, token: await mintToken(dovecot.hs256Key, { user }) };
  } catch (e) {
    await sink?.stop(); // the suite's after hook never saw it
    throw e;
  }
}
