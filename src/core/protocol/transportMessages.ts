// What a failed connection says. A TransportError holds a code (the kind of failure, for decisions) and a
// reason (which failure, with its values); the sentence is made from the reason here, when it is shown, in
// the language of that moment. Every reason is one whole sentence per case.
import * as l10n from '@vscode/l10n';

/** `what` and `command` are noun phrases the transport made ("the greeting", "the reply to "A1 LIST""). */
export type TransportReason =
  | { id: 'tls-handshake-timeout'; host: string; port: number; seconds: number }
  | { id: 'connect-timeout'; host: string; port: number; seconds: number }
  | { id: 'unread-too-large'; limit: number }
  | { id: 'closed-by-server' }
  | { id: 'closed-while-waiting'; what: string }
  | { id: 'closed-before-sending'; command: string }
  | { id: 'reply-timeout'; what: string; seconds: number }
  | { id: 'stalled'; bytes: number; what: string; seconds: string }
  | { id: 'silent'; seconds: string; what: string }
  | { id: 'line-too-long'; limit: string; what: string }
  | { id: 'literal-too-large'; bytes: string; what: string; limit: string }
  | { id: 'reply-too-large'; size: string; what: string }
  | { id: 'ended-before-command'; command: string; notice: string }
  | { id: 'unsolicited'; extra: string; after?: string }
  | { id: 'starttls-data-before-handshake' }
  | { id: 'starttls-timeout'; seconds: number }
  | { id: 'starttls-hung-up'; host: string; port: number }
  | { id: 'starttls-failed'; reason: string }
  | { id: 'certificate'; host: string; error: string; names?: string }
  | { id: 'closed-by-client' }
  | { id: 'cancelled' }
  | { id: 'refused'; at: string }
  | { id: 'dns'; host: string }
  | { id: 'reset'; at: string }
  | { id: 'timed-out'; at: string }
  | { id: 'tls-plain-port'; at: string; reason: string }
  | { id: 'tls-handshake'; at: string; reason: string }
  | { id: 'network'; at: string; detail: string }
  | { id: 'not-protocol'; quoted: string; expected: string; hint: string }
  | { id: 'login-timeout'; seconds: number }
  | { id: 'other'; detail: string };

export function transportMessage(r: TransportReason): string {
  switch (r.id) {
    case 'tls-handshake-timeout':
      return l10n.t(
        '{0}:{1} accepted the connection but the TLS handshake did not finish within {2} s: the port probably speaks plain text and waits for the client. Use STARTTLS (143, 110, 587) or no TLS on this port, or the implicit-TLS port (993, 995, 465).',
        r.host,
        r.port,
        r.seconds,
      );
    case 'connect-timeout':
      return l10n.t('No connection to {0}:{1} within {2} s. A firewall may drop the traffic (many networks block ports 25 and 587), or the host or port is wrong.', r.host, r.port, r.seconds);
    case 'unread-too-large':
      return l10n.t('The server sent more than {0} bytes without the client reading them; the connection was closed.', r.limit);
    case 'closed-by-server':
      return l10n.t('The server closed the connection.');
    case 'closed-while-waiting':
      return l10n.t(
        "The server closed the connection while the client waited for {0}. Connect again; if it repeats, the server's log says why (servers hang up after a refused or too slow login, on a blocked address, or when the port expects TLS first).",
        r.what,
      );
    case 'closed-before-sending':
      return l10n.t(
        "The server closed the connection before the client could send {0}. Connect again; if it repeats, the server's log says why (servers hang up after a refused or too slow login, on a blocked address, or when the port expects TLS first).",
        r.command,
      );
    case 'reply-timeout':
      return l10n.t(
        'The server kept sending {0} for {1} s without finishing it; the client stopped waiting and closed the connection. The server is misbehaving, or the reply is huge: ask for less, or try again later.',
        r.what,
        r.seconds,
      );
    case 'stalled':
      return l10n.t(
        'The server sent only {0} bytes of {1} in {2}, without finishing it (a stalled or deliberately slow server); the client stopped waiting. Try again later, or raise the read timeout if the link is that slow.',
        r.bytes,
        r.what,
        r.seconds,
      );
    case 'silent':
      return l10n.t('The server sent nothing for {0} while the client waited for {1}. The server may be overloaded, or expects something else on this port.', r.seconds, r.what);
    case 'line-too-long':
      return l10n.t(
        'The server sent a line longer than {0} bytes in {1}; the client stopped reading and closed the connection. No mail server sends such lines: check host and port, or the server is broken.',
        r.limit,
        r.what,
      );
    case 'literal-too-large':
      return l10n.t(
        'The server announced a literal of {0} bytes in {1}, more than the {2} allowed; the client closed the connection without reading it. Fetch a smaller part (BODY[]<0.100000>, BODY.PEEK[HEADER]), or the server is broken.',
        r.bytes,
        r.what,
        r.limit,
      );
    case 'reply-too-large':
      return l10n.t(
        'The server sent more than {0} in {1} without ending it; the client stopped reading and closed the connection. A server that never ends its reply is broken; for a command that lists a whole mailbox, ask for less (a range, fewer items).',
        r.size,
        r.what,
      );
    case 'ended-before-command':
      return l10n.t(
        'The server ended the session before the client sent {0}: "{1}". Connect again; if it repeats, the reply\'s text says why (an idle or too long session, a server shutting down, too many connections).',
        r.command,
        r.notice,
      );
    case 'unsolicited':
      return r.after === undefined
        ? l10n.t(
            'The server sent "{0}" before the client sent its next command (after the greeting): a reply to a command that was never sent. The server does not follow the protocol, or something in between (a proxy, a virus scanner) injects data; the client closed the connection.',
            r.extra,
          )
        : l10n.t(
            'The server sent "{0}" before the client sent its next command (after {1}): a reply to a command that was never sent. The server does not follow the protocol, or something in between (a proxy, a virus scanner) injects data; the client closed the connection.',
            r.extra,
            r.after,
          );
    case 'starttls-data-before-handshake':
      return l10n.t(
        "The server sent data after agreeing to STARTTLS and before the TLS handshake (a STARTTLS injection risk); the client closed the connection. Use the implicit-TLS port instead (IMAP 993, POP3 995, SMTP 465), or report it to the server's administrator.",
      );
    case 'starttls-timeout':
      return l10n.t('The TLS handshake after STARTTLS did not finish within {0} s.', r.seconds);
    case 'starttls-hung-up':
      return l10n.t(
        "{0}:{1} closed the connection during the TLS handshake after STARTTLS. The server's TLS setup is broken, or it refuses this client's TLS versions: use the implicit-TLS port instead (IMAP 993, POP3 995, SMTP 465), or report it to the server's administrator.",
        r.host,
        r.port,
      );
    case 'starttls-failed':
      return l10n.t(
        "The server agreed to STARTTLS, but the TLS handshake failed ({0}): its TLS setup is broken, or it went on in plain text. Use the implicit-TLS port instead (IMAP 993, POP3 995, SMTP 465), or report it to the server's administrator.",
        r.reason,
      );
    case 'certificate':
      return certificateMessage(r.error, r.host, r.names);
    case 'closed-by-client':
      return l10n.t('The client closed the connection.');
    case 'cancelled':
      return l10n.t('Cancelled: the client closed the connection (Disconnect) while the server kept it waiting.');
    case 'refused':
      return l10n.t('{0} refused the connection: nothing listens on that port, or a firewall rejects it. Check host and port (IMAP 993, POP 995, SMTP 587).', r.at);
    case 'dns':
      return l10n.t("The host name {0} could not be resolved. Check its spelling (outlook.office365.com, smtp.office365.com, imap.gmail.com) and the network's DNS.", r.host);
    case 'reset':
      return l10n.t('{0} reset the connection. A TLS-only port spoken to in plain text (or the reverse) often ends like this: check the security setting.', r.at);
    case 'timed-out':
      return l10n.t('The connection to {0} timed out.', r.at);
    case 'tls-plain-port':
      return l10n.t(
        'TLS failed with {0}: {1}. The port probably speaks plain text: use STARTTLS (e.g. 587, 143, 110) instead of implicit TLS (465, 993, 995), or the other way round.',
        r.at,
        r.reason,
      );
    case 'tls-handshake':
      return l10n.t('The TLS handshake with {0} failed: {1}.', r.at, r.reason);
    case 'network':
      return l10n.t('The connection to {0} failed: {1}.', r.at, r.detail);
    case 'not-protocol':
      return l10n.t('The server sent "{0}", which is not {1}. {2}; the client closed the connection.', r.quoted, r.expected, r.hint);
    case 'login-timeout':
      return l10n.t(
        'The login did not finish within {0} s although the server kept sending (a trickle of bytes or lines that never completes the reply); the client gave up and closed the connection. The server is overloaded or misbehaving: try again later or another server.',
        r.seconds,
      );
    case 'other':
      return r.detail;
  }
}

/** A certificate that was not accepted: why, and the advice that fits the reason. */
function certificateMessage(reason: string, host: string, names?: string): string {
  const why: Record<string, string> = {
    DEPTH_ZERO_SELF_SIGNED_CERT: l10n.t('the server uses a self-signed certificate'),
    SELF_SIGNED_CERT_IN_CHAIN: l10n.t('the chain ends in a certificate authority this machine does not trust (a corporate TLS-inspection proxy, or a private CA)'),
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: l10n.t('the server did not send its intermediate certificates, or they come from an untrusted CA'),
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: l10n.t('the issuing certificate authority is not trusted on this machine'),
    CERT_HAS_EXPIRED: l10n.t('the server certificate has expired'),
    CERT_NOT_YET_VALID: l10n.t('the server certificate is not valid yet (check the clock)'),
    ERR_TLS_CERT_ALTNAME_INVALID: names ? l10n.t('the certificate is issued for {0}, not {1}', names, host) : l10n.t('the certificate is issued for other names, not {0}', host),
  };
  const known = Object.entries(why).find(([code]) => reason.includes(code));
  const text = known ? known[1] : reason;
  // The advice follows the reason: a name mismatch wants another host name, a date the clock or a renewal, trust the chain.
  const code = known?.[0];
  const fix =
    code === 'ERR_TLS_CERT_ALTNAME_INVALID'
      ? l10n.t('Connect with the name the certificate is issued for')
      : code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID'
        ? l10n.t("Check this computer's date and time; if they are right, the server's certificate must be renewed")
        : code
          ? l10n.t('Have the server send its full chain, or trust the issuing CA on this machine (for a TLS-inspecting proxy: its root certificate)')
          : l10n.t("Check the host name and the server's certificate");
  return l10n.t('The server certificate of {0} was not accepted: {1}. {2}, or, for a local test server only, turn certificate verification off for this session.', host, text, fix);
}
