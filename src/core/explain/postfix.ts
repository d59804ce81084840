// Postfix as an XOAUTH2 relay: what Postfix, Cyrus SASL and the sasl-xoauth2 plugin log when the
// relay cannot authenticate to the upstream server (Gmail, Microsoft 365).
import { DOCS } from './docs';
import { Entry } from './types';

const TRACE =
  'Set "log_full_trace_on_failure": "yes" in /etc/sasl-xoauth2.conf, send again and read the sasl-xoauth2 lines in the ' +
  'mail log; run sasl-xoauth2-tool test-config and test-token-refresh <token file> as the postfix user.';

export const POSTFIX_ENTRIES: readonly Entry[] = [
  {
    id: 'postfix-sasl-plugin-failed',
    title: 'Postfix: the SASL plugin failed before the server answered (generic failure / bad protocol / transient failure)',
    cause:
      'These words come from Cyrus SASL, not from the server: the XOAUTH2 plugin (sasl-xoauth2) gave up on the client ' +
      'side. Usually it could not read or write the token file (path in sasl_passwd, permissions, the chroot under ' +
      '/var/spool/postfix), could not refresh the token (wrong client_id/client_secret or token_endpoint, expired refresh ' +
      'token), or could not verify the token endpoint\'s TLS certificate inside the chroot (no CA bundle there).',
    fix: `${TRACE} Copy the token file and the CA bundle into the chroot if smtp runs chrooted (master.cf), and make the token file writable by postfix.`,
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.postfixSasl, DOCS.saslXoauth2],
    keys: ['sasl'],
    pattern: /SASL authentication failed; cannot authenticate to server [^\r\n:]{0,200}: (?:generic failure|bad protocol \/ cancel|transient failure(?: \(e\.g\., weak key\))?)/i,
    priority: 20,
  },
  {
    id: 'postfix-sasl-no-mechanism',
    title: 'Postfix: no SASL mechanism available (No worthy mechs found / no mechanism available)',
    cause:
      'Cyrus SASL found no mechanism that both the server offers and the client may use: the XOAUTH2 plugin ' +
      '(libsasl-xoauth2.so) is not installed in the directory Cyrus SASL loads plugins from, failed to load (its config ' +
      'file does not parse), or smtp_sasl_mechanism_filter / smtp_sasl_security_options exclude every offered mechanism.',
    fix:
      'Run pluginviewer -c (or saslpluginviewer) and check XOAUTH2 is listed; install the plugin into the Cyrus SASL plugin ' +
      'directory of your distribution; set smtp_sasl_mechanism_filter = xoauth2 and smtp_sasl_security_options = (empty). ' +
      TRACE,
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.postfixSasl, DOCS.saslXoauth2],
    keys: ['sasl'],
    pattern: /SASL authentication failure: No worthy mechs found\b|SASL authentication failed; cannot authenticate to server [^\r\n:]{0,200}: no mechanism available/i,
    priority: 20,
  },
  {
    id: 'postfix-sasl-plugin-init-failed',
    title: 'Cyrus SASL could not load the sasl-xoauth2 plugin',
    cause:
      'The plugin\'s initialisation failed, so XOAUTH2 is missing: most often /etc/sasl-xoauth2.conf is not valid JSON (a ' +
      'missing comma or quote; the message names the line and column) or cannot be read.',
    fix: 'Fix the JSON in /etc/sasl-xoauth2.conf (client_id, client_secret and, for Microsoft, token_endpoint), then run sasl-xoauth2-tool test-config.',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.saslXoauth2],
    keys: ['sasl'],
    pattern: /sasl-xoauth2: Exception during init:[^\r\n]{0,200}|sasl_client_add_plugin\(\): entry_point\(\): failed for plugname sasl-xoauth2/i,
    priority: 25,
  },
  {
    id: 'postfix-smtpd-no-xoauth2',
    title: 'Postfix smtpd does not offer XOAUTH2 (Couldn\'t find mech XOAUTH2)',
    cause:
      'A client tried AUTH XOAUTH2 against this Postfix, but its SASL backend (Dovecot SASL or Cyrus) has no XOAUTH2 ' +
      'mechanism enabled, so Postfix answers "no mechanism available".',
    fix:
      'With smtpd_sasl_type = dovecot enable the mechanism in Dovecot (auth_mechanisms = plain login xoauth2 oauthbearer, ' +
      'plus an oauth2 passdb) and reload Dovecot; with Cyrus install an XOAUTH2 server plugin. The client must use the ' +
      'mechanisms the EHLO reply lists.',
    severity: 'error',
    source: 'smtp',
    provider: 'dovecot',
    docs: [DOCS.dovecotMechanisms, DOCS.dovecotOAuth2, DOCS.postfixSasl],
    keys: ['sasl'],
    pattern: /SASL authentication failure: Couldn't find mech (?:XOAUTH2|OAUTHBEARER)\b|SASL (?:XOAUTH2|OAUTHBEARER) authentication failed: no mechanism available/i,
    priority: 25,
    supersedes: ['postfix-sasl-no-mechanism'],
  },
  {
    id: 'postfix-sasl-passwd-lookup',
    title: 'Postfix found no credentials for the relay host (smtp_sasl_passwd_lookup: no auth info found)',
    cause:
      'smtp_sasl_password_maps has no entry whose key matches the relay exactly as relayhost names it ([host]:port with ' +
      'the same brackets and port), or the map was not rebuilt after editing, so Postfix does not authenticate at all.',
    fix: 'Make the sasl_passwd key identical to relayhost (e.g. [smtp.office365.com]:587), run postmap /etc/postfix/sasl_passwd and postfix reload.',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.postfixSasl],
    keys: ['sasl'],
    pattern: /smtp_sasl_passwd_lookup: no auth info found/i,
    priority: 20,
  },
  {
    id: 'sasl-xoauth2-token-refresh-failed',
    title: 'sasl-xoauth2 could not refresh the access token (TokenStore::Refresh)',
    cause:
      'The plugin\'s token had expired and its refresh request to token_endpoint failed: "http error" is curl\'s own ' +
      'message (the CA bundle cannot be read inside Postfix\'s chroot, DNS or a proxy is missing there, the endpoint is ' +
      'unreachable); "request failed" means the endpoint answered with an error (the code= line before it holds the ' +
      'JSON: invalid_grant for a revoked or expired refresh token, invalid_client for a wrong client_id/client_secret).',
    fix: `For "http error" set ca_bundle_file in /etc/sasl-xoauth2.conf (or copy the CA bundle to the same path under /var/spool/postfix) and check DNS and proxy in the chroot; for "request failed" fix client_id/client_secret/token_endpoint or get a new refresh token with sasl-xoauth2-tool get-token. ${TRACE}`,
    severity: 'error',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.saslXoauth2],
    keys: ['tokenstore::'],
    pattern: /TokenStore::Refresh: (?:http error: [^\r\n]{0,200}|request failed|exceeded maximum attempts|response doesn't contain access_token)|TokenStore::Read: failed to open file [^\r\n]{0,200}/,
    priority: 25,
  },
  {
    id: 'sasl-xoauth2-reader-error',
    title: 'sasl-xoauth2 could not parse its configuration or token file (reader error)',
    cause:
      'The JSON reader of sasl-xoauth2 stopped: /etc/sasl-xoauth2.conf or the token file named in sasl_passwd is not ' +
      'valid JSON (a missing comma between members, a trailing comma, a missing quote). "Line N, Column M" points into ' +
      'that file; while it fails, Postfix defers the mail ("relayhost configuration problem").',
    fix:
      'Check both files with python3 -m json.tool <file>; a token file looks like {"access_token": "...", ' +
      '"refresh_token": "...", "expiry": "0"}. Then run sasl-xoauth2-tool test-config and test-token-refresh <token file>.',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.saslXoauth2],
    keys: ['reader'],
    pattern: /sasl-xoauth2: Exception during init: reader error|Error from reader: \* Line \d{1,6}, Column \d{1,6}(?:\s{1,4}[^\r\n]{1,120})?/,
    priority: 27,
    supersedes: ['postfix-sasl-plugin-init-failed'],
  },
  {
    id: 'postfix-smtp-malformed-response',
    title: 'Postfix: the smtp delivery process ended without an answer (private/smtp socket: malformed response)',
    cause:
      'The smtp(8) process that was delivering to the relay died or was killed before it reported back, so the queue ' +
      'manager got no answer. With an XOAUTH2 relay this is most often a crash inside the SASL plugin while it ' +
      'authenticates (a plugin built for another libsasl2, or one that cannot read its files in the chroot).',
    fix:
      'Look just before this line for "killed by signal" and for the sasl-xoauth2 lines of the same process; reinstall the ' +
      'plugin from the same source as libsasl2, set debug_peer_list to the relay host and send again.',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.postfixSasl, DOCS.saslXoauth2],
    keys: ['socket'],
    pattern: /warning: private\/smtp socket: malformed response/,
    priority: 20,
  },
];
