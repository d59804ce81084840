// A certificate authority and a server certificate for 127.0.0.1/localhost, made at test time with
// openssl, so TLS tests run against real certificates that only the test trusts.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface TestCertificates {
  caCert: string;
  serverCert: string;
  serverKey: string;
  /** PEM text of the CA, for a client's `ca` option. */
  caPem: string;
}

export function makeCertificates(dir: string, commonName = 'localhost'): TestCertificates {
  fs.mkdirSync(dir, { recursive: true });
  const p = (f: string) => path.join(dir, f);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', p('ca.key'), '-out', p('ca.crt'), '-days', '2', '-subj', '/CN=Mail OAuth Debugger Test CA');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', p('server.key'), '-out', p('server.csr'), '-subj', `/CN=${commonName}`);
  fs.writeFileSync(p('san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  openssl('x509', '-req', '-in', p('server.csr'), '-CA', p('ca.crt'), '-CAkey', p('ca.key'), '-CAcreateserial', '-out', p('server.crt'), '-days', '2', '-extfile', p('san.ext'));
  return { caCert: p('ca.crt'), serverCert: p('server.crt'), serverKey: p('server.key'), caPem: fs.readFileSync(p('ca.crt'), 'utf8') };
}
