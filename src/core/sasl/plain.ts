// SASL PLAIN (RFC 4616): authzid NUL authcid NUL password. The password is a secret like a token.
import { Problem, error } from './problems';

export interface PlainMessage {
  mechanism: 'PLAIN';
  /** Authorization identity: the mailbox to act as, often empty. */
  authzid: string;
  user?: string;
  password?: string;
}

export function parsePlain(text: string): { message: PlainMessage; problems: Problem[] } {
  const parts = text.split('\x00');
  const message: PlainMessage = { mechanism: 'PLAIN', authzid: '' };
  if (parts.length !== 3) {
    return {
      message,
      problems: [
        error(
          'plain-separators',
          parts.length < 3
            ? `PLAIN needs two NUL (0x00) separators (authzid^@user^@password), found ${parts.length - 1}.`
            : `PLAIN has exactly two NUL (0x00) separators (authzid^@user^@password), found ${parts.length - 1}.`,
        ),
      ],
    };
  }
  const [authzid, user, password] = parts;
  Object.assign(message, { authzid, user, password });
  const problems: Problem[] = [];
  if (user === '') problems.push(error('empty-user', 'The PLAIN user (between the two NULs) is empty.'));
  if (password === '') problems.push(error('empty-password', 'The PLAIN password is empty.'));
  return { message, problems };
}
