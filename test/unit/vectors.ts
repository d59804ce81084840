// Test vectors from the seed documents (Microsoft's "Authenticate an IMAP, POP or SMTP connection
// using OAuth") and RFC 7628, copied verbatim, including the seed's wrapping and broken padding.
import { Problem } from '../../src/core/sasl/problems';

export const SEED = {
  user: 'test@contoso.onmicrosoft.com',
  token: 'EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA',
  encoded: 'dXNlcj10ZXN0QGNvbnRvc28ub25taWNyb3NvZnQuY29tAWF1dGg9QmVhcmVyIEV3QkFBbDNCQUFVRkZwVUFvN0ozVmUwYmpMQldaV0NjbFJDM0VvQUEBAQ==',
  wrapped: 'dXNlcj10ZXN0QGNvbnRvc28ub25taWNyb3NvZnQuY29tAWF1dGg9QmVhcmVy\nIEV3QkFBbDNCQUFVRkZwVUFvN0ozVmUwYmpMQldaV0NjbFJDM0VvQUEBAQ==',
  google: 'dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ==',
  popExchange: [
    '[connection begins] ',
    'C: AUTH XOAUTH2     ',
    'S: +    ',
    'C: dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYX   ',
    'JlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0  ',
    'Q2cBAQ==    ',
    'S: +OK User successfully authenticated. ',
  ]
    .slice(1)
    .join('\n'),
  popBrokenPadding: ['C: dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlY    ', 'XJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMj   ', 'l0Q2cBAQ=   '].join('\n'),
};

export const RFC7628 = {
  /** §4.1, IMAP: user@example.com, server.example.com:143. */
  imapInitial: 'bixhPXVzZXJAZXhhbXBsZS5jb20sAWhvc3Q9c2VydmVyLmV4YW1wbGUuY29tAXBvcnQ9MTQzAWF1dGg9QmVhcmVyIHZGOWRmdDRxbVRjMk52YjNSbGNrQmhiSFJoZG1semRHRXVZMjl0Q2c9PQEB',
  token: 'vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==',
  /** §4.3: the server's error challenge. */
  errorJson: '{"status":"invalid_token","scope":"example_scope","openid-configuration":"https://example.com/.well-known/openid-configuration"}',
  errorChallengePrefix: 'eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIiwic2NvcGUiOiJleGFtcGxlX3Njb3BlIiwib3BlbmlkLWNvbmZpZ3VyYXRpb24iOiJodHRwczovL2V4YW1wbGUuY29tLy53ZWxsLW',
};

export const CHALLENGES = {
  gmail: 'eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==',
  dovecot: 'eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIiwic2NvcGUiOiJtYWlsIn0=',
};

export function codes(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.code);
}
