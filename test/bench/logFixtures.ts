// Synthetic but realistic mail logs for benchmarks: ordinary application/server lines with IMAP, POP
// and SMTP OAuth exchanges (JWT tokens, wrapped blobs, error challenges, failure replies) spread through.

const B64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

export function fakeJwt(exp: number): string {
  const header = b64url({ typ: 'JWT', alg: 'RS256', kid: 'bench' });
  const payload = b64url({
    aud: 'https://outlook.office.com',
    iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
    tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    upn: 'adele@contoso.com',
    scp: 'IMAP.AccessAsUser.All SMTP.Send',
    appid: '11111111-2222-3333-4444-555555555555',
    iat: exp - 3600,
    nbf: exp - 3600,
    exp,
  });
  return `${header}.${payload}.${'s'.repeat(342)}`;
}

const ORDINARY = [
  '2026-11-21 10:00:01,123 INFO  [worker-3] com.example.mail.Poller - polling mailbox adele@contoso.com (interval 60s)',
  '2026-11-21 10:00:01,130 DEBUG [worker-3] org.apache.http.wire - >> "GET /api/v1/status HTTP/1.1[\\r][\\n]"',
  '2026-11-21 10:00:01,131 DEBUG [worker-3] request-id 72f988bf-86f1-41af-91ab-2d7cd011db47 took 12ms',
  'Nov 21 10:00:02 mailhost imap-login: Info: Login: user=<adele@contoso.com>, method=XOAUTH2, rip=10.1.2.3, lip=10.1.2.4, mpid=4242, TLS',
  '2026-11-21 10:00:02,001 INFO  [main] Message-ID: <CAF=Yh9ZkQzVb3x0aXZlQGV4YW1wbGUuY29t@mail.gmail.com> stored in INBOX',
  '2026-11-21 10:00:02,002 DEBUG [main] attachment chunk iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  '2026-11-21 10:00:02,003 DEBUG [main] S: * 12 FETCH (UID 4711 FLAGS (\\Seen) RFC822.SIZE 20480)',
  '2026-11-21 10:00:02,004 DEBUG [main] C: A0005 FETCH 1:12 (UID FLAGS RFC822.SIZE)',
];

/** One OAuth exchange (IMAP success, POP with a wrapped blob, SMTP failure) as log lines. */
function exchange(i: number, exp: number): string[] {
  const token = fakeJwt(exp);
  const x = B64(`user=adele@contoso.com\x01auth=Bearer ${token}\x01\x01`);
  const wrapped = x.match(/.{1,76}/g) as string[];
  return [
    `2026-11-21 10:00:0${i % 10},100 DEBUG [imap] C: A0001 AUTHENTICATE XOAUTH2 ${x}`,
    '2026-11-21 10:00:03,101 DEBUG [imap] S: A0001 OK AUTHENTICATE completed.',
    'C: AUTH XOAUTH2',
    'S: +',
    ...wrapped.map((l, n) => (n === 0 ? `C: ${l}` : l)),
    'S: -ERR Authentication failure: unknown user name or bad password.',
    '2026-11-21 10:00:04,200 DEBUG [smtp] S: 334 eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==',
    '2026-11-21 10:00:04,201 DEBUG [smtp] C: ',
    '2026-11-21 10:00:04,202 DEBUG [smtp] S: 535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]',
  ];
}

/** A log of `lines` lines with one exchange in every `period` lines. */
export function makeLog(lines: number, period: number): string[] {
  const exp = Math.floor(Date.parse('2026-11-21T11:00:00Z') / 1000);
  const out: string[] = [];
  let i = 0;
  while (out.length < lines) {
    const block = exchange(i, exp);
    out.push(...block);
    for (let k = block.length; k < period && out.length < lines; k++) out.push(ORDINARY[(i + k) % ORDINARY.length]);
    i++;
  }
  out.length = lines;
  return out;
}

/** A log of about `bytes` bytes. */
export function makeLogOfSize(bytes: number, period: number): string[] {
  const sample = makeLog(period * 4, period);
  const avg = sample.reduce((n, l) => n + l.length + 1, 0) / sample.length;
  return makeLog(Math.ceil(bytes / avg), period);
}
