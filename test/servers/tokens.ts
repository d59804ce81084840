// Access tokens for the test servers: HS256 JWTs with Microsoft-like claims, signed with the key the
// local Dovecot validates (its `local_validation_key_dict`).
import { SignJWT } from 'jose';

export interface TokenClaims {
  user: string;
  expiresInSeconds?: number;
  scp?: string;
  extra?: Record<string, unknown>;
}

export async function mintToken(key: Buffer, claims: TokenClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    aud: 'https://outlook.office.com',
    iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
    tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    sub: `sub-${claims.user}`,
    email: claims.user,
    upn: claims.user,
    scp: claims.scp ?? 'IMAP.AccessAsUser.All POP.AccessAsUser.All SMTP.Send',
    appid: '11111111-2222-3333-4444-555555555555',
    iat: now - 60,
    nbf: now - 60,
    exp: now + (claims.expiresInSeconds ?? 3600),
    ...claims.extra,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(key);
}
