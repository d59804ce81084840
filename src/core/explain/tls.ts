// Connection and TLS failures met before any login happens: certificate checks, implicit TLS vs
// STARTTLS port mix-ups, protocol versions, and TCP/DNS errors (blocked ports, wrong hosts).
import { DOCS } from './docs';
import { Entry } from './types';

const PORTS =
  'Implicit TLS ports are 993 (IMAP), 995 (POP3) and 465 (SMTP submission); STARTTLS/plain ports are 143, 110 and 587. ' +
  'Exchange Online: outlook.office365.com 993/995 and smtp.office365.com 587 (STARTTLS); Gmail: imap.gmail.com 993, ' +
  'smtp.gmail.com 465 (TLS) or 587 (STARTTLS).';

const TRUST =
  'Do not turn verification off (rejectUnauthorized: false) in production: it also accepts an attacker\'s certificate.';

export const TLS_ENTRIES: readonly Entry[] = [
  {
    id: 'tls-certificate-expired',
    title: "The server's certificate has expired (certificate has expired)",
    cause: 'The server (or an intercepting proxy) presents a certificate past its notAfter date, or the client clock is far off.',
    fix: `Check the client clock; server admins renew the certificate (and restart the service so it loads). ${TRUST}`,
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.nodeTls, DOCS.rfc5280],
    keys: ['expired'],
    pattern: /\bcertificate has expired\b|\bCERT_HAS_EXPIRED\b/,
    priority: 20,
  },
  {
    id: 'tls-self-signed-certificate',
    title: 'The server uses a self-signed certificate (self-signed certificate)',
    cause: 'The server presents a certificate that signs itself (test servers, appliances), which no system CA vouches for.',
    fix:
      'Give the server a certificate from a public CA, or trust that certificate explicitly in this client only ' +
      `(Node.js: tls option ca: [fs.readFileSync('server.pem')]; NODE_EXTRA_CA_CERTS=server.pem). ${TRUST}`,
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.nodeTls],
    keys: ['certific', 'self_signed'],
    pattern: /\bself[- ]signed certificate\b(?! in certificate chain)|\bDEPTH_ZERO_SELF_SIGNED_CERT\b/,
    priority: 20,
  },
  {
    id: 'tls-self-signed-in-chain',
    title: 'A self-signed root in the chain is not trusted (self-signed certificate in certificate chain)',
    cause:
      'The chain ends in a root CA this client does not trust: typically a corporate TLS-inspection proxy or antivirus ' +
      'that re-signs traffic, or a private CA.',
    fix:
      'Add that root CA to the trust store used by the client (Node.js: NODE_EXTRA_CA_CERTS=/path/to/corporate-root.pem, ' +
      `or the ca option), or exclude the mail hosts from TLS inspection. ${TRUST}`,
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.nodeTls],
    keys: ['certific', 'self_signed'],
    pattern: /\bself[- ]signed certificate in certificate chain\b|\bSELF_SIGNED_CERT_IN_CHAIN\b/,
    priority: 21,
  },
  {
    id: 'tls-unable-to-verify-first-certificate',
    title: 'The server did not send its intermediate certificate (unable to verify the first certificate)',
    cause:
      'The server sends only its own certificate without the intermediate CA, so the client cannot build a chain to a trusted root.',
    fix:
      'Server admins configure the full chain (leaf + intermediates, e.g. fullchain.pem). Clients can add the intermediate ' +
      `CA via NODE_EXTRA_CA_CERTS as a stopgap. ${TRUST}`,
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.nodeTls, DOCS.rfc5280],
    keys: ['certific', 'unable_to'],
    pattern: /\bunable to verify the first certificate\b|\bUNABLE_TO_VERIFY_LEAF_SIGNATURE\b/,
    priority: 20,
  },
  {
    id: 'tls-unable-to-get-local-issuer',
    title: "The issuing CA is not in the client's trust store (unable to get local issuer certificate)",
    cause:
      'The chain leads to a CA the client does not have: a private or corporate CA, an inspection proxy, or an outdated CA ' +
      'bundle in the runtime/container.',
    fix:
      'Install the CA into the trust store used by the runtime (update ca-certificates; Node.js: NODE_EXTRA_CA_CERTS; ' +
      `Python: certifi/SSL_CERT_FILE). ${TRUST}`,
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.nodeTls],
    keys: ['certific', 'unable_to'],
    pattern: /\bunable to get local issuer certificate\b|\bUNABLE_TO_GET_ISSUER_CERT_LOCALLY\b/,
    priority: 20,
  },
  {
    id: 'tls-hostname-mismatch',
    title: "The certificate is for another host name (Hostname/IP does not match certificate's altnames)",
    cause:
      'The client connected by a name or IP address that the certificate does not list: an alias (e.g. mail.contoso.com ' +
      'CNAME to outlook.office365.com), a raw IP address, or a proxy answering with its own certificate.',
    fix:
      'Connect using a host name listed in the certificate (e.g. outlook.office365.com, smtp.office365.com, imap.gmail.com), ' +
      `or set the TLS servername to it when connecting through a tunnel. ${TRUST}`,
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.nodeTls, DOCS.rfc6125],
    keys: ['certific', 'invalid'],
    pattern: /Hostname\/IP does not match certificate's altnames: [^\r\n]{0,300}|\bERR_TLS_CERT_ALTNAME_INVALID\b/,
    priority: 20,
  },
  {
    id: 'tls-java-pkix-path',
    title: 'Java does not trust the server certificate (PKIX path building failed)',
    cause:
      "The JVM's trust store (cacerts) has no CA that issued the server's certificate: a self-signed or private CA, a " +
      'TLS-inspecting proxy or antivirus, or an outdated JDK trust store.',
    fix:
      'Import the CA certificate into the trust store the application uses (keytool -importcert -keystore <cacerts or ' +
      'own truststore> -file ca.pem) or update the JDK; for a private server set mail.imap.ssl.trust / mail.smtp.ssl.trust ' +
      `to that host only. ${TRUST}`,
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.rfc5280],
    keys: ['certific'],
    pattern: /(?:PKIX path building failed: [\w.$]{0,120}: )?unable to find valid certification path to requested target/,
    priority: 20,
  },
  {
    id: 'tls-dotnet-remote-certificate-invalid',
    title: '.NET rejected the server certificate (The remote certificate is invalid according to the validation procedure)',
    cause:
      'SslStream found a problem with the certificate (SslPolicyErrors): untrusted or self-signed CA, a name mismatch ' +
      '(connecting by IP address or alias), or an antivirus/proxy replacing the certificate.',
    fix:
      'Connect with the host name in the certificate, install the issuing CA in the machine or user trust store, or ' +
      `check the specific SslPolicyErrors in a ServerCertificateValidationCallback. ${TRUST}`,
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.dotnetSslPolicyErrors],
    keys: ['certific'],
    pattern: /The remote certificate is invalid according to the validation procedure\.?/,
    priority: 20,
  },
  {
    id: 'tls-revocation-check-failed',
    title: 'The certificate revocation check could not be completed',
    cause:
      'The client could not download the CRL or reach the OCSP responder of the certificate (outbound HTTP to the CA blocked ' +
      'by a firewall or proxy, or no internet access), so it refuses the certificate.',
    fix:
      'Allow outbound HTTP to the CRL/OCSP URLs listed in the certificate (or configure the proxy for the service account). ' +
      'MailKit: CheckCertificateRevocation = false only if the network cannot reach them.',
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.dotnetSslPolicyErrors, DOCS.rfc5280],
    keys: ['certific'],
    pattern: /The revocation function was unable to check revocation for the certificate\.?|unable to get certificate CRL/,
    priority: 21,
    supersedes: ['tls-mailkit-ssl-handshake'],
  },
  {
    id: 'tls-mailkit-ssl-handshake',
    title: 'MailKit could not establish TLS (An error occurred while attempting to establish an SSL or TLS connection)',
    cause:
      'MailKit wraps every handshake failure in this message: the certificate could not be validated (reasons listed below ' +
      'the message), the port expects the other TLS mode (SslOnConnect vs StartTls), or no common TLS version.',
    fix:
      'Read the reasons MailKit lists after the message; use SecureSocketOptions.SslOnConnect on 993/995/465 and StartTls on ' +
      `143/110/587. ${PORTS}`,
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.rfc8314, DOCS.dotnetSslPolicyErrors],
    keys: ['establish'],
    pattern: /An error occurred while attempting to establish an SSL or TLS connection\.?/,
    priority: 12,
  },
  {
    id: 'tls-wrong-version-number',
    title: 'TLS handshake against a plain-text port (wrong version number)',
    cause:
      'The client started TLS immediately but the server spoke plain text (an SMTP "220" or IMAP "* OK" greeting): implicit ' +
      'TLS (secure: true / SslOnConnect) was used on a STARTTLS port such as 587, 143 or 110.',
    fix: `Use STARTTLS on 587/143/110 (nodemailer: secure: false, requireTLS: true) or implicit TLS on 465/993/995. ${PORTS}`,
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.rfc8314, DOCS.nodeTls],
    keys: ['wrong version', 'wrong_version'],
    pattern: /(?:[^\s:]{0,40}:error:[0-9A-F]{8}:SSL routines:[A-Za-z0-9_]{0,40}:)?wrong version number\b[^\r\n]{0,160}|\bERR_SSL_WRONG_VERSION_NUMBER\b|\bWRONG_VERSION_NUMBER\b/,
    priority: 20,
  },
  {
    id: 'tls-unsupported-protocol',
    title: 'Client and server share no TLS version (unsupported protocol)',
    cause:
      'One side only speaks TLS 1.0/1.1 (old servers or clients) while the other requires TLS 1.2+ (Node.js 12+, OpenSSL ' +
      'MinProtocol = TLSv1.2, Exchange Online).',
    fix:
      'Upgrade the old side to TLS 1.2 or later. Lowering the client minimum (Node.js --tls-min-v1.0, OpenSSL MinProtocol) ' +
      'is only a temporary workaround for servers you do not control.',
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.rfc8996, DOCS.nodeTls],
    keys: ['unsupported'],
    pattern: /(?:[^\s:]{0,40}:error:[0-9A-F]{8}:SSL routines:[A-Za-z0-9_]{0,40}:)?unsupported protocol\b[^\r\n]{0,120}|\bUNSUPPORTED_PROTOCOL\b/,
    priority: 20,
  },
  {
    id: 'tls-alert-protocol-version',
    title: 'The peer refused the TLS version (tlsv1 alert protocol version)',
    cause: 'The other side rejected the offered TLS version: one end is limited to TLS 1.0/1.1 while the other requires 1.2+.',
    fix: 'Enable TLS 1.2+ on the old side (update the client runtime, or the server configuration).',
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.rfc8996, DOCS.msTls12],
    keys: ['alert'],
    pattern: /\btlsv1 alert protocol version\b[^\r\n]{0,120}|\bALERT_PROTOCOL_VERSION\b/i,
    priority: 20,
  },
  {
    id: 'tls-handshake-failure',
    title: 'The TLS handshake was refused (sslv3 alert handshake failure)',
    cause:
      'The server found no acceptable cipher suite, curve, or protocol in the client offer (old client library, restricted ' +
      'cipher list, or a server requiring a client certificate or SNI).',
    fix:
      'Use an up-to-date TLS library with default cipher settings, make sure SNI (servername) is sent, and remove custom ' +
      '"ciphers" settings such as SSLv3.',
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.nodeTls],
    keys: ['alert'],
    pattern: /\bsslv3 alert handshake failure\b[^\r\n]{0,120}|\bSSLV3_ALERT_HANDSHAKE_FAILURE\b/i,
    priority: 20,
  },
  {
    id: 'tls-peer-rejected-certificate',
    title: 'The other side rejected the certificate (TLS alert: bad certificate, certificate expired, certificate unknown, unknown ca)',
    cause:
      'An alert received from the peer: in a server\'s log (Dovecot imap-login, Postfix smtpd, SSL_accept) it means the ' +
      'mail client refused the server\'s certificate: expired (alert 45), issued by a CA the client does not trust or sent ' +
      'without its intermediate certificates (46, 48), or not valid for the host name the client used (42, 46). In a ' +
      'client\'s log it means the server refused the client certificate.',
    fix:
      'Serve the full chain (Let\'s Encrypt: fullchain.pem, not cert.pem; Dovecot ssl_cert = <fullchain.pem), renew an ' +
      'expired certificate and reload the service, and make the certificate cover the name clients connect to; check with ' +
      'openssl s_client -connect host:993 -showcerts. Clients that probe several names cause some of these harmlessly.',
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.rfc8446Alerts, DOCS.dovecotSsl],
    keys: ['alert'],
    pattern: /\b(?:sslv3|tlsv1) alert (?:bad certificate|certificate expired|certificate unknown|unknown ca|certificate revoked|unsupported certificate)\b[^\r\n]{0,40}/i,
    priority: 20,
  },
  {
    id: 'tls-java-no-appropriate-protocol',
    title: 'Java: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
    cause:
      'The JVM offered no TLS version the connection may use: JavaMail/Jakarta Mail older than 1.6 asks for TLSv1 or TLSv1.1, ' +
      'which current JDKs disable (jdk.tls.disabledAlgorithms), or mail.*.ssl.protocols names only disabled versions.',
    fix:
      'Update Jakarta Mail (or JavaMail to 1.6.2+) and set mail.smtp.ssl.protocols=TLSv1.2 (mail.imap.ssl.protocols for IMAP); ' +
      'do not re-enable TLSv1 in java.security.',
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.javaJsse, DOCS.rfc8996],
    keys: ['protocol'],
    pattern: /No appropriate protocol \(protocol is disabled or cipher suites are inappropriate\)/i,
    priority: 20,
  },
  {
    id: 'tls-unknown-protocol',
    title: 'TLS handshake got a plain-text answer (SSL23_GET_SERVER_HELLO: unknown protocol)',
    cause:
      'Older OpenSSL\'s wording for a server that did not answer with TLS: implicit TLS was started on a STARTTLS or plain ' +
      'port such as 143, 110, 587 or 25 (or a proxy answered in plain text).',
    fix: 'Use STARTTLS on 143/110/587 or implicit TLS on 993/995/465: the port and the TLS mode go together.',
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.rfc8314],
    keys: ['protocol'],
    pattern: /\bSSL23_GET_SERVER_HELLO:unknown protocol\b[^\r\n]{0,80}/i,
    priority: 20,
  },
  {
    id: 'dovecot-ssl-dh-parameters',
    title: 'Dovecot cannot parse its Diffie-Hellman parameters (ssl_dh)',
    cause:
      'The file named by ssl_dh is missing, empty or not a PEM "DH PARAMETERS" block (Dovecot 2.3 no longer generates it), ' +
      'so imap-login/pop3-login cannot start TLS and every TLS connection fails.',
    fix: 'Create it (openssl dhparam -out /etc/dovecot/dh.pem 4096), set ssl_dh = </etc/dovecot/dh.pem and reload Dovecot.',
    severity: 'error',
    source: 'tls',
    provider: 'dovecot',
    docs: [DOCS.dovecotSsl],
    keys: ['fail'],
    pattern: /Failed to initialize SSL server context: Couldn't parse DH parameters[^\r\n]{0,160}/i,
    priority: 20,
  },
  {
    id: 'javamail-could-not-convert-socket',
    title: 'Jakarta Mail / JavaMail: Could not convert socket to TLS (STARTTLS failed)',
    cause:
      'The server accepted STARTTLS but the TLS handshake then failed; the nested exception names why: no shared TLS ' +
      'version (old JavaMail asking for TLSv1), or a certificate the JVM does not trust (PKIX path building failed).',
    fix:
      'Read the "nested exception is" line; set mail.smtp.ssl.protocols=TLSv1.2 with a current Jakarta Mail, and import a ' +
      'private CA into the trust store instead of trusting every host.',
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.javaJsse],
    keys: ['socket'],
    pattern: /Could not convert socket to TLS/i,
    priority: 12,
  },
  {
    id: 'tls-socket-disconnected-before-handshake',
    title: 'The connection closed before the TLS handshake finished',
    cause:
      'The server (or a firewall/proxy) closed the connection during the handshake: often implicit TLS to a plain port that ' +
      'then times out, a filtering firewall or antivirus, or a server that refuses the TLS version.',
    fix: `Check host and port/TLS mode pairing, and try from another network to rule out a filtering middlebox. ${PORTS}`,
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.nodeTls, DOCS.rfc8314],
    keys: ['secure tls'],
    pattern: /Client network socket disconnected before secure TLS connection was established/,
    priority: 20,
    supersedes: ['net-econnreset'],
  },
  {
    id: 'net-econnreset',
    title: 'The connection was reset (ECONNRESET)',
    cause:
      'The peer or a middlebox aborted the TCP connection: a firewall or antivirus, the server dropping an idle or throttled ' +
      'session, or a TLS/plain mismatch during the handshake.',
    fix: 'Retry; if it happens at connect time check host, port and TLS mode; if during a session, reconnect and reduce idle time or parallel sessions.',
    severity: 'warning',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.nodeErrors],
    keys: ['econn'],
    pattern: /\b(?:read |write |connect )?ECONNRESET\b(?: [0-9a-fA-F.:[\]]{1,60}:\d{1,5})?/,
    priority: 10,
  },
  {
    id: 'net-eproto',
    title: 'TLS protocol error on the socket (EPROTO)',
    cause:
      'The TLS layer failed; the OpenSSL text that follows says why (wrong version number: TLS to a STARTTLS port; unsupported ' +
      'protocol or alert protocol version: TLS version mismatch).',
    fix: `Read the OpenSSL reason after EPROTO. ${PORTS}`,
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.nodeErrors, DOCS.nodeTls],
    keys: ['eproto'],
    pattern: /\b(?:write |read )?EPROTO\b/,
    priority: 10,
    fallback: true,
  },
  {
    id: 'net-etimedout',
    title: 'The connection timed out (ETIMEDOUT)',
    cause:
      'Nothing answered on that host and port: outbound SMTP ports (25, 465, 587) are often blocked by hosting providers, ' +
      'cloud platforms or corporate firewalls; or the host/port is wrong.',
    fix:
      `Test reachability from the same machine (e.g. openssl s_client -connect host:port or Test-NetConnection host -Port port). ` +
      `Use the provider's submission port and ask the network/hosting provider to open it. ${PORTS}`,
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.nodeErrors, DOCS.rfc8314],
    keys: ['etimedout'],
    pattern: /\b(?:connect )?ETIMEDOUT\b(?: [0-9a-fA-F.:[\]]{1,60}:\d{1,5})?/,
    priority: 10,
  },
  {
    id: 'net-econnrefused',
    title: 'The connection was refused (ECONNREFUSED)',
    cause: 'The host answered but nothing listens on that port: wrong port, the service is down, or a local proxy/tunnel is not running.',
    fix: `Check the host and port in the client settings and that the server/proxy is running. ${PORTS}`,
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.nodeErrors],
    keys: ['econn'],
    pattern: /\b(?:connect )?ECONNREFUSED\b(?: [0-9a-fA-F.:[\]]{1,60}:\d{1,5})?/,
    priority: 10,
  },
  {
    id: 'net-dns-lookup-failed',
    title: 'The server name could not be resolved (ENOTFOUND / EAI_AGAIN)',
    cause: 'DNS has no record for the host name (typo, e.g. outlook.office365.con) or DNS is unreachable (EAI_AGAIN: temporary failure, offline, proxy-only network).',
    fix: 'Check the host name spelling (outlook.office365.com, smtp.office365.com, imap.gmail.com, smtp.gmail.com) and the machine\'s DNS/proxy settings.',
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.nodeErrors],
    keys: ['enotfound', 'eai_again'],
    pattern: /\b(?:getaddrinfo )?(?:ENOTFOUND|EAI_AGAIN)\b(?: [A-Za-z0-9.-]{1,253})?/,
    priority: 10,
  },
  {
    id: 'tls-dh-key-too-small',
    title: "The server's Diffie-Hellman key is too small (dh key too small)",
    cause:
      'The server offered a DHE cipher suite with Diffie-Hellman parameters of 1024 bits or less, which OpenSSL 1.1.1 and ' +
      'later (and Python, PHP and Node.js built on it) refuse at their default security level. The client is right to refuse: ' +
      'the server\'s TLS configuration is old.',
    fix:
      'On the server: generate 2048-bit (or larger) parameters (openssl dhparam -out dh.pem 2048) and point Dovecot\'s ssl_dh ' +
      '= </path/dh.pem or Postfix\'s smtpd_tls_dh1024_param_file at them, or prefer ECDHE suites. If you do not run the server, ' +
      'ask its admin; lowering the client\'s security level (SECLEVEL=1) is a stopgap only.',
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.dovecotSsl, DOCS.postfixTls],
    keys: ['too_small', 'too small'],
    pattern: /\bdh key (?:is )?too small\b|\bDH_KEY_TOO_SMALL\b/i,
    priority: 20,
  },
  {
    id: 'curl-ssl-connect-error',
    title: 'curl: (35) the TLS handshake failed',
    cause:
      'curl\'s exit code 35 (CURLE_SSL_CONNECT_ERROR) only says that the TLS handshake did not complete; the text after it ' +
      'names the reason: a TLS alert from the server, a protocol version or cipher mismatch, a connection reset by a proxy or ' +
      'firewall (SSL_ERROR_SYSCALL), or plain text on a TLS port.',
    fix:
      'Read the OpenSSL message after "curl: (35)"; check the port and scheme (imaps:// 993, smtps:// 465, smtp:// 587 with ' +
      '--ssl-reqd for STARTTLS) and run with -v to see how far the handshake got.',
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.curlErrors],
    keys: ['curl: (', '_error'],
    pattern: /curl: \(35\)[^\r\n]{0,160}|\bCURLE_SSL_CONNECT_ERROR\b/i,
    priority: 8,
    fallback: true,
  },
  {
    id: 'tls-certificate-verify-failed',
    title: 'The client could not verify the server\'s certificate (certificate verify failed)',
    cause:
      'OpenSSL (in Python, Perl, PHP, curl, fetchmail) could not build a trusted chain to the server\'s certificate: the CA ' +
      'store is missing or old (Windows builds of Perl or Python without a CA bundle, old ca-certificates), a TLS-inspecting ' +
      'proxy or antivirus replaced the certificate, or the server sends a self-signed or incomplete chain.',
    fix:
      'Point the client at a current CA bundle (SSL_CERT_FILE; imapsync --sslargs1 SSL_ca_file=<bundle>; offlineimap ' +
      'sslcacertfile; Python certifi), add the root CA of an inspecting proxy, and check the chain with openssl s_client ' +
      '-connect <host>:993 -showcerts.',
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.rfc5280, DOCS.nodeTls],
    keys: ['verif'],
    pattern: /\bcertificate verify failed\b|\bCERTIFICATE_VERIFY_FAILED\b/,
    priority: 9,
    fallback: true,
  },
  {
    id: 'tls-server-plaintext-on-tls-port',
    title: 'Server log: a client sent plain text to the TLS port (SSL_accept() failed: wrong version number)',
    cause:
      'A client connected to this implicit-TLS port (993, 995, 465) and spoke plain IMAP, POP or SMTP: a client set to ' +
      'STARTTLS or no encryption but pointed at the TLS port, or a port scanner.',
    fix:
      'Set the client to SSL/TLS on 993, 995 and 465, or STARTTLS on 143, 110 and 587; a single such line from an unknown ' +
      'address is usually a scanner.',
    severity: 'warning',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.rfc8314, DOCS.dovecotSsl],
    keys: ['wrong version'],
    pattern: /SSL_accept\(\) failed: [^\r\n]{0,120}?wrong version number/,
    priority: 25,
    supersedes: ['tls-wrong-version-number'],
  },
  {
    id: 'postfix-ssl-accept-error',
    title: 'Postfix: a client broke off the TLS handshake (SSL_accept error from ...)',
    cause:
      'The client ended the handshake: usually it did not accept the server\'s certificate (self-signed, expired, another ' +
      'name; the client shows why), could not agree on a TLS version or cipher, or it is a scanner.',
    fix:
      'Read the client\'s own error; check the chain with openssl s_client -connect <host>:465 -servername <host> and serve ' +
      'the full chain (smtpd_tls_chain_files).',
    severity: 'warning',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.postfixTls],
    keys: ['ssl_accept'],
    pattern: /SSL_accept error from [^\r\n:]{1,200}: (?:Connection reset by peer|lost connection|Connection timed out|-?\d{1,3})/,
    priority: 20,
  },
];
