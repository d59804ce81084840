// The protocol lines that carry a SASL initial response, exactly as the seed documents show them.
import type { OAuthMechanism } from './mechanism';

export interface CommandLines {
  /** IMAP: one line with SASL-IR (RFC 4959). */
  imap: string;
  /** POP3: AUTH, then the blob after the server's "+ " (RFC 5034). */
  pop3: string[];
  /** SMTP: one line after EHLO (and after STARTTLS and a second EHLO on port 587). */
  smtp: string;
}

export function commandLines(mechanism: OAuthMechanism, base64: string, imapTag = 'A01'): CommandLines {
  return {
    imap: `${imapTag} AUTHENTICATE ${mechanism} ${base64}`,
    pop3: [`AUTH ${mechanism}`, base64],
    smtp: `AUTH ${mechanism} ${base64}`,
  };
}

/** A readable block of the three protocols' lines, with the blob shown as given. */
export function renderCommandLines(lines: CommandLines): string {
  return [
    'Ready to paste (after connecting, e.g. with openssl s_client -crlf):',
    `  IMAP (993, TLS):          ${lines.imap}`,
    `  POP  (995, TLS):          ${lines.pop3[0]}`,
    `                            (server answers "+ ")`,
    `                            ${lines.pop3[1]}`,
    `  SMTP (587, STARTTLS):     EHLO, STARTTLS, EHLO again, then`,
    `                            ${lines.smtp}`,
    '',
  ].join('\n');
}
