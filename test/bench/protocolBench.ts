// npm run bench (protocol part): round trips and time from connect to the authentication reply, for
// our engines and for curl, against the same local Dovecot, medians of repeated logins.
import { spawnSync } from 'child_process';
import { probe } from '../../src/core/protocol/probe';
import { MailProtocol } from '../../src/core/token/checks';
import { dovecotAvailable, startDovecot } from '../servers/dovecot';
import { startSmtpSink } from '../servers/smtpSink';
import { mintToken } from '../servers/tokens';

const USER = 'adele@contoso.com';
const RUNS = 15;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** curl -v --trace-time: client lines sent before the auth reply, and ms from "Trying" to that reply. */
function curlLogin(protocol: MailProtocol, port: number, token: string): { roundTrips: number; ms: number } {
  const scheme = { imap: 'imap', pop3: 'pop3', smtp: 'smtp' }[protocol];
  const args = ['-v', '-s', '--trace-time', '--max-time', '10', `${scheme}://127.0.0.1:${port}/`, '--login-options', 'AUTH=XOAUTH2', '--user', USER, '--oauth2-bearer', token];
  if (protocol === 'smtp') args.push('--mail-from', USER, '--mail-rcpt', USER, '-T', '/dev/null');
  const r = spawnSync('curl', args, { encoding: 'utf8' });
  const lines = r.stderr.split('\n');
  const time = (l: string) => {
    const m = /^(\d\d):(\d\d):(\d\d)\.(\d{6})/.exec(l);
    return m ? ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]) / 1000 : NaN;
  };
  const start = lines.find((l) => /Trying/.test(l));
  const authReply = { imap: /< A\d+ OK .*Logged in/, pop3: /< \+OK Logged in/, smtp: /< 235 / }[protocol];
  const end = lines.find((l) => authReply.test(l));
  if (!start || !end) throw new Error(`curl ${protocol} did not log in:\n${r.stderr.slice(-800)}`);
  const endIndex = lines.indexOf(end);
  const roundTrips = lines.slice(0, endIndex).filter((l) => /^\S+ > /.test(l)).length;
  return { roundTrips, ms: time(end) - time(start) };
}

async function main() {
  if (!dovecotAvailable()) throw new Error('Dovecot is not installed (scripts/ensure-dovecot.sh)');
  const sink = await startSmtpSink();
  const dovecot = await startDovecot({ relayPort: sink.port });
  try {
    const token = await mintToken(dovecot.hs256Key, { user: USER });
    const ports: Record<MailProtocol, number> = { imap: dovecot.ports.imap, pop3: dovecot.ports.pop3, smtp: dovecot.ports.submission };
    const ratios: number[] = [];
    for (const protocol of ['imap', 'pop3', 'smtp'] as const) {
      const ours: number[] = [];
      const theirs: number[] = [];
      let ourTrips = 0;
      let curlTrips = 0;
      for (let i = 0; i < RUNS; i++) {
        // curl sends OAUTHBEARER whatever it is asked for (curl/curl#10259); compare like with like.
        const r = await probe({ protocol, host: '127.0.0.1', port: ports[protocol], security: 'none', login: { user: USER, token, mechanism: 'OAUTHBEARER' } });
        if (!r.outcome.authenticated || r.msToAuth === undefined) throw new Error(`our ${protocol} login failed: ${r.verdict.title}`);
        ours.push(r.msToAuth);
        ourTrips = r.outcome.roundTripsToAuth ?? NaN;
        const c = curlLogin(protocol, ports[protocol], token);
        theirs.push(c.ms);
        curlTrips = c.roundTrips;
      }
      const p = protocol === 'pop3' ? 'pop3' : protocol;
      console.log(`${p}_round_trips_to_auth: ${ourTrips}`);
      console.log(`curl_${p}_round_trips_to_auth: ${curlTrips}`);
      console.log(`${p}_ms_to_auth_median: ${median(ours).toFixed(2)}`);
      console.log(`curl_${p}_ms_to_auth_median: ${median(theirs).toFixed(2)}`);
      ratios.push(median(ours) / median(theirs));
    }
    console.log(`auth_time_ratio_vs_curl: ${median(ratios).toFixed(3)}`);
  } finally {
    await dovecot.stop();
    await sink.stop();
  }
}

main().catch((e) => {
  console.error(`protocol bench failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
