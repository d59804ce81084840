// App-only (client credentials) tokens for Exchange Online, without vscode: the stored credential's
// shape, reading a certificate PEM, and the MSAL confidential-client call. Tested in plain Node.
import * as crypto from 'crypto';
import { AuthenticationResult, ConfidentialClientApplication } from '@azure/msal-node';
import { authFailure, toAuthFailure } from './authErrors';
import type { AuthConfig } from './authConfig';
import { appScopes } from './scopes';
import { MsalNetworkClient, OAuthErrorReply } from './networkClient';

export type AppCredential = { type: 'secret'; secret: string } | { type: 'certificate'; privateKeyPem: string; certificatePem: string; thumbprintSha256: string };

/**
 * Reads a PEM holding a private key and a certificate (as exported for an app registration's
 * "Certificates & secrets") and computes the SHA-256 thumbprint MSAL sends.
 */
export function certificateCredential(pem: string): AppCredential {
  const key = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(pem)?.[0];
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!key || !cert) throw authFailure('certificateFile', {});
  const thumbprintSha256 = new crypto.X509Certificate(cert).fingerprint256.replace(/:/g, '').toLowerCase();
  return { type: 'certificate', privateKeyPem: key, certificatePem: cert, thumbprintSha256 };
}

/** Client credentials for https://outlook.office365.com/.default (or the cloud's app resource). */
export async function acquireAppToken(config: AuthConfig, clientId: string, credential: AppCredential, extraCaPem: string[], forceRefresh = false): Promise<AuthenticationResult> {
  let lastReply: OAuthErrorReply | undefined;
  let networkFailure: string | undefined;
  const network = new MsalNetworkClient({ extraCaPem, onErrorReply: (r) => (lastReply = r), onNetworkFailure: (m) => (networkFailure = m) });
  const app = new ConfidentialClientApplication({
    auth: {
      clientId,
      authority: config.authority,
      ...(config.knownAuthorities.length ? { knownAuthorities: config.knownAuthorities } : {}),
      ...(credential.type === 'secret'
        ? { clientSecret: credential.secret }
        : { clientCertificate: { thumbprintSha256: credential.thumbprintSha256, privateKey: credential.privateKeyPem, x5c: credential.certificatePem } }),
    },
    system: { networkClient: network },
  });
  let result: AuthenticationResult | null;
  try {
    result = await app.acquireTokenByClientCredential({ scopes: appScopes(config.appResource), skipCache: forceRefresh });
  } catch (err) {
    throw toAuthFailure(err, lastReply, { stage: 'appOnly', redact: (t) => network.redact(t), ...(networkFailure ? { networkFailure } : {}) });
  }
  if (!result) throw authFailure('noToken', { stage: 'appOnly' }, 'no token');
  return result;
}
