// SASL PLAIN (RFC 4616): authzid NUL authcid NUL password. The password is a secret like a token.
import * as l10n from '@vscode/l10n';
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
  if (parts.length === 1 && (text.match(/\ufffd/g) ?? []).length === 2) {
    return {
      message,
      problems: [
        error(
          'plain-separators-replaced',
          l10n.t(
            'The two NUL (0x00) separators of PLAIN were replaced by "{0}" (U+FFFD): the string went through a text conversion (a log, a string type or a copy) that does not keep NUL bytes. Build it from bytes, or log it as base64.',
            '\ufffd',
          ),
        ),
      ],
    };
  }
  if (parts.length !== 3) {
    return {
      message,
      problems: [
        error(
          'plain-separators',
          parts.length < 3
            ? l10n.t('PLAIN needs two NUL (0x00) separators (authzid^@user^@password), found {0}.', parts.length - 1)
            : l10n.t('PLAIN has exactly two NUL (0x00) separators (authzid^@user^@password), found {0}.', parts.length - 1),
        ),
      ],
    };
  }
  const [authzid, user, password] = parts;
  Object.assign(message, { authzid, user, password });
  const problems: Problem[] = [];
  if (user === '') problems.push(error('empty-user', l10n.t('The PLAIN user (between the two NULs) is empty.')));
  if (password === '') problems.push(error('empty-password', l10n.t('The PLAIN password is empty.')));
  return { message, problems };
}
