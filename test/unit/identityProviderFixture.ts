// One local identity provider per mocha suite (its test CA in a temp folder, removed afterwards), put back
// to its defaults before each test: consent accepted (none given yet), 1-hour tokens, no faults, the default user.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeCertificates, TestCertificates } from '../servers/certificates';
import { IdentityProvider, TEST_USER } from '../servers/identityProvider';

export interface IdentityProviderFixture {
  idp: IdentityProvider;
  certs: TestCertificates;
}

/** Registers the suite's hooks; `ready` receives the provider once it runs (before the first test). */
export function useIdentityProvider(name: string, ready: (fixture: IdentityProviderFixture) => void): void {
  let dir = '';
  let idp: IdentityProvider | undefined;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `mailoauth-${name}-`));
    const certs = makeCertificates(dir);
    idp = await IdentityProvider.start({ certificates: certs });
    ready({ idp, certs });
  });
  after(async () => {
    await idp?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    if (!idp) return;
    idp.consent = 'accept';
    idp.accessTokenTtl = 3600;
    idp.faults = {};
    idp.signInAs = TEST_USER;
    idp.forgetConsents();
  });
}
