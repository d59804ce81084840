// The capture proxy's local certificate authority: created once per user (its private key readable by
// that user only), it issues the short-lived certificate for 127.0.0.1/localhost that the relay shows
// applications connecting with TLS. Certificates are built with node-forge, keys by Node's crypto.
import * as l10n from '@vscode/l10n';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import forge from 'node-forge';

export interface LocalCa {
  certPem: string;
  keyPem: string;
  certFile: string;
  keyFile: string;
  /** Whether this call created it (the user has to trust it once in the application). */
  created: boolean;
}

export class LocalCaError extends Error {
  override name = 'LocalCaError';
}

const CA_CERT = 'proxy-ca.crt';
const CA_KEY = 'proxy-ca.key';

function rsaKeys(): { forgeKey: forge.pki.rsa.PrivateKey; forgePublic: forge.pki.rsa.PublicKey; pem: string } {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
  const forgeKey = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  return { forgeKey, forgePublic: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), pem };
}

function serial(): string {
  // Positive (first bit clear), 16 random bytes, as RFC 5280 asks.
  const b = crypto.randomBytes(16);
  b[0] &= 0x7f;
  return b.toString('hex');
}

/** Loads the CA from `dir`, or creates it there (folder 0700, key 0600). */
export async function loadOrCreateLocalCa(dir: string): Promise<LocalCa> {
  const certFile = path.join(dir, CA_CERT);
  const keyFile = path.join(dir, CA_KEY);
  try {
    if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
      const mode = fs.statSync(keyFile).mode & 0o077;
      if (mode !== 0 && process.platform !== 'win32') fs.chmodSync(keyFile, 0o600);
      const certPem = fs.readFileSync(certFile, 'utf8');
      const keyPem = fs.readFileSync(keyFile, 'utf8');
      const cert = forge.pki.certificateFromPem(certPem);
      if (cert.validity.notAfter.getTime() > Date.now() + 24 * 3600_000) return { certPem, keyPem, certFile, keyFile, created: false };
    }
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const keys = rsaKeys();
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.forgePublic;
    cert.serialNumber = serial();
    cert.validity.notBefore = new Date(Date.now() - 3600_000);
    cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 24 * 3600_000);
    const subject = [
      { name: 'commonName', value: 'Mail OAuth Debugger local proxy CA' },
      { name: 'organizationName', value: 'Mail OAuth Debugger (this computer only)' },
    ];
    cert.setSubject(subject);
    cert.setIssuer(subject);
    cert.setExtensions([
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ]);
    cert.sign(keys.forgeKey, forge.md.sha256.create());
    const certPem = forge.pki.certificateToPem(cert);
    // The key first, created with its mode: it never exists readable by others, even for a moment.
    fs.writeFileSync(keyFile, keys.pem, { mode: 0o600 });
    fs.chmodSync(keyFile, 0o600);
    fs.writeFileSync(certFile, certPem, { mode: 0o644 });
    return { certPem, keyPem: keys.pem, certFile, keyFile, created: true };
  } catch (e) {
    throw new LocalCaError(l10n.t('The local CA in {0} could not be created or read ({1}).', dir, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
}

/** A certificate for 127.0.0.1, ::1 and localhost issued by the CA, valid for 30 days, with its key (PEM). */
export async function leafFor(ca: LocalCa, names: string[] = ['localhost']): Promise<{ cert: string; key: string }> {
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const keys = rsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.forgePublic;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 30 * 24 * 3600_000);
  cert.setSubject([{ name: 'commonName', value: names[0] ?? 'localhost' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [...names.map((value) => ({ type: 2, value })), { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keys.pem };
}
