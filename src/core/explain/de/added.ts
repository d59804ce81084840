// German text for entries added after the first translation, by entry id.
import type { EntryText } from './index';

export const DE_ADDED: Readonly<Record<string, EntryText>> = {
  'netease-imap-unsafe-login': {
    title: 'NetEase (163/126/yeah.net) verweigert das Postfach: Unsafe Login (der Client hat kein IMAP-ID gesendet)',
    cause:
      'Die Anmeldung selbst war erfolgreich; NetEase Mail verweigert danach SELECT/EXAMINE, solange sich der Client nicht mit dem ' +
      'IMAP-Befehl ID (RFC 2971) ausgewiesen hat. Clients, die ID senden (Thunderbird, Outlook, Apple Mail), werden zugelassen.',
    fix:
      'Nach der Anmeldung und vor der Ordnerauswahl einen ID-Befehl senden, z. B. a1 ID ("name" "myclient" "version" "1.0" ' +
      '"vendor" "myclient"); in Jakarta Mail IMAPStore.id(map), in node-imap/imapflow die Option id, in Python imaplib einen ' +
      'ID-Befehl über xatom. Als Passwort den Autorisierungscode (授权码) aus den Web-Einstellungen verwenden.',
  },
  'icloud-imap-authentication-failed': {
    title: 'iCloud Mail verweigert die Anmeldung (nur ein app-spezifisches Passwort wird angenommen)',
    cause:
      'iCloud Mail (imap.mail.me.com, smtp.mail.me.com) bietet Mailprogrammen von Drittanbietern kein OAuth an und lehnt das ' +
      'Passwort des Apple Accounts ab: Nötig ist ein app-spezifisches Passwort, das die Zwei-Faktor-Authentifizierung am Apple ' +
      'Account voraussetzt. Der Benutzername ist die iCloud-Adresse (oder ihr Teil vor @icloud.com), kein anderer Alias.',
    fix:
      'Auf account.apple.com (Sign-In and Security → App-Specific Passwords, deutsch: Anmeldung und Sicherheit → App-spezifische Passwörter) ein app-spezifisches Passwort erstellen und ' +
      'damit über LOGIN/PLAIN anmelden; XOAUTH2 und OAUTHBEARER bietet iCloud nicht an.',
  },
  'gmx-webde-authentication-failed': {
    title: 'GMX / WEB.DE verweigert die Anmeldung (POP3/IMAP-Zugriff ausgeschaltet oder App-Passwort nötig)',
    cause:
      'GMX und WEB.DE schalten den POP3/IMAP/SMTP-Zugriff für Mailprogramme standardmäßig ab und nach längerer Nichtnutzung ' +
      'wieder aus; mit Zwei-Faktor-Authentifizierung wird das Kontopasswort abgelehnt und ein anwendungsspezifisches Passwort ' +
      'verlangt. Der Server meldet dann nur "authentication failed" (das Konto erhält eine E-Mail mit der Erklärung: "Die für ' +
      'die E-Mail Programme benötigten Protokolle POP3/IMAP/SMTP sind ... deaktiviert").',
    fix:
      'Im Webmailer von GMX / WEB.DE: E-Mail → Einstellungen → POP3/IMAP Abruf: "POP3 und IMAP Zugriff erlauben"; mit ' +
      'Zwei-Faktor-Authentifizierung ein anwendungsspezifisches Passwort erstellen und verwenden. GMX und WEB.DE bieten ' +
      'Drittanbieter-Clients kein OAuth an.',
  },
  'fastmail-app-password': {
    title: 'Fastmail verweigert die Anmeldung (Incorrect username or password): ein App-Passwort ist nötig',
    cause:
      'Fastmail nimmt von Mailprogrammen nur App-Passwörter an (oder sein eigenes OAuth für zugelassene Apps); das Kontopasswort ' +
      'wird mit "Incorrect username or password" abgelehnt, ebenso ein App-Passwort, dessen Zugriff Mail (IMAP/POP/SMTP) nicht umfasst.',
    fix:
      'Fastmail → Einstellungen → Datenschutz & Sicherheit → Integrationen/App-Passwörter: ein neues App-Passwort mit Zugriff ' +
      '"Mail (IMAP/POP/SMTP)" erstellen und mit der vollständigen Fastmail-Adresse und diesem Passwort anmelden.',
  },
  'imap-incorrect-username-or-password': {
    title: 'Der Server lehnt Benutzername oder Passwort ab (Incorrect username or password)',
    cause:
      'Der Server sagt nur, dass die Anmeldedaten falsch waren. Mit Passwort: ein Tippfehler oder ein Anbieter, der statt des ' +
      'Kontopassworts ein App-Passwort verlangt (Fastmail, iCloud, Yahoo). Mit XOAUTH2/OAUTHBEARER: das Token wurde abgelehnt ' +
      'oder das user-Feld nennt ein anderes Konto.',
    fix:
      'Prüfen, welches Konto die Anmeldung nennt; bei Passwort-Anbietern ein App-Passwort erstellen; mit OAuth den Anmelde-Blob ' +
      'dekodieren und Konto und Bereiche des Tokens mit dem user-Feld vergleichen.',
  },
  'tls-dh-key-too-small': {
    title: 'Der Diffie-Hellman-Schlüssel des Servers ist zu klein (dh key too small)',
    cause:
      'Der Server hat eine DHE-Cipher-Suite mit Diffie-Hellman-Parametern von 1024 Bit oder weniger angeboten, die OpenSSL ab ' +
      '1.1.1 (und darauf aufbauend Python, PHP und Node.js) auf der Standard-Sicherheitsstufe ablehnt. Der Client lehnt zu Recht ' +
      'ab: Die TLS-Konfiguration des Servers ist veraltet.',
    fix:
      'Auf dem Server 2048-Bit-Parameter (oder größere) erzeugen (openssl dhparam -out dh.pem 2048) und Dovecots ssl_dh = ' +
      '</path/dh.pem bzw. Postfix’ smtpd_tls_dh1024_param_file darauf zeigen lassen, oder ECDHE-Suites bevorzugen. Wer den Server ' +
      'nicht betreibt, wendet sich an dessen Administrator; die Sicherheitsstufe des Clients zu senken (SECLEVEL=1) ist nur eine Notlösung.',
  },
  'curl-ssl-connect-error': {
    title: 'curl: (35) der TLS-Handshake ist fehlgeschlagen',
    cause:
      'curls Exit-Code 35 (CURLE_SSL_CONNECT_ERROR) sagt nur, dass der TLS-Handshake nicht abgeschlossen wurde; der Text danach ' +
      'nennt den Grund: ein TLS-Alert des Servers, unpassende Protokollversion oder Cipher, eine von Proxy oder Firewall ' +
      'zurückgesetzte Verbindung (SSL_ERROR_SYSCALL) oder Klartext auf einem TLS-Port.',
    fix:
      'Die OpenSSL-Meldung nach "curl: (35)" lesen; Port und Schema prüfen (imaps:// 993, smtps:// 465, smtp:// 587 mit ' +
      '--ssl-reqd für STARTTLS) und mit -v ausführen, um zu sehen, wie weit der Handshake kam.',
  },
  'mbsync-more-steps-after-sasl': {
    title: 'mbsync: "IMAP wants more steps despite successful SASL authentication" (der Server hat das Token abgelehnt)',
    cause:
      'Der Server hat die XOAUTH2-Anmeldung mit einer Fehler-Challenge beantwortet (base64-JSON, sichtbar mit mbsync -Dn) statt ' +
      'mit OK: Das Token wurde abgelehnt (abgelaufen, für ein anderes Konto oder einen anderen Bereich, oder gar kein Token). ' +
      'Das Cyrus-SASL-XOAUTH2-Plugin hält seinen einen Schritt für erledigt und kann die Challenge nicht beantworten, daher ' +
      'bricht mbsync mit dieser Meldung ab. Ein gegen eine andere libsasl2 gebautes Plugin (nach einem Upgrade) scheitert genauso.',
    fix:
      'mbsync -V -Dn ausführen und die Zeile "+ eyJ..." nach AUTHENTICATE dekodieren; PassCmd muss ein frisches Zugriffstoken für ' +
      'den User des Kontos ausgeben (Gmail-Bereich https://mail.google.com/, Microsoft IMAP.AccessAsUser.All). Mit einem ' +
      'App-Passwort AuthMechs LOGIN statt XOAUTH2 verwenden; nach einem System-Upgrade das SASL-Plugin neu bauen.',
  },
  'sasl-plugin-callback-missing': {
    title: 'Cyrus SASL konnte das XOAUTH2-Plugin nicht ausführen (Unable to find a callback: 18948)',
    cause:
      'Das XOAUTH2-Plugin hat libsasl2 über einen Callback (18948) nach dem Token gefragt, den das Programm nicht registriert hat: ' +
      'meist ein mbsync, das gegen die eingebaute SASL-Bibliothek von macOS gelinkt ist, oder ein Plugin für eine andere ' +
      'libsasl2. Beim Server kam keine Anfrage an.',
    fix:
      'Cyrus SASL und das XOAUTH2-Plugin aus derselben Quelle installieren (Homebrew, MacPorts, nix oder die Distribution) und ' +
      'ein gegen diese libsasl2 gebautes isync verwenden; mit "pluginviewer" (saslpluginviewer) prüfen, dass XOAUTH2 aufgeführt ist.',
  },
  'msmtp-authentication-failed': {
    title: 'msmtp: Authentifizierung fehlgeschlagen (die Meldung des Servers folgt)',
    cause:
      'msmtp meldet nur, dass der Server die Anmeldung mit dieser Methode abgelehnt hat; die nächste Zeile ("server message: ...") ' +
      'enthält die Antwort des Servers, die den Grund nennt.',
    fix:
      'Die Zeile "server message" erklären lassen; für XOAUTH2/OAUTHBEARER muss passwordeval ein frisches Zugriffstoken für den ' +
      '"user" des Kontos ausgeben; msmtp --debug zeigt den Austausch.',
  },
  'fetchmail-authorization-failure': {
    title: 'fetchmail: Authorization failure (der Server hat die Anmeldung abgelehnt)',
    cause:
      'fetchmail hat die Anmeldung aufgegeben; die Antwort des Servers in den Zeilen davor ("POP3< -ERR ...", "IMAP< ... NO ...") ' +
      'nennt den Grund: ein falsches Passwort oder Token oder ein Mechanismus, den der Server nicht anbietet.',
    fix:
      'Die Serverantwort vor dieser Zeile lesen (fetchmail -v zeigt sie); mit OAuth "auth oauthbearer" (ab fetchmail 6.5) mit ' +
      'einem frischen Zugriffstoken als Passwort verwenden, sonst die Methode, die der Server anbietet.',
  },
  'dovecot-login-auth-failed': {
    title: 'Dovecot-Anmeldezusammenfassung: der Client hat nach fehlgeschlagener Authentifizierung getrennt',
    cause:
      'imap-login, pop3-login und submission-login protokollieren, wie eine Verbindung endete; "auth failed, N attempts" heißt, ' +
      'dass jede Anmeldung darauf abgelehnt wurde. Der Grund steht in den auth-Zeilen derselben Sitzung kurz davor: ' +
      '"oauth2 failed: ..." (Token abgelaufen, ungültig, kein Benutzername, Introspection fehlgeschlagen).',
    fix: 'Die auth:-Zeilen dieser Sitzung darüber ansehen (auth_verbose = yes und auth_debug = yes zeigen sie) und diese erklären lassen.',
  },
  'dovecot-submission-relay-unreachable': {
    title: 'Dovecot submission erreicht seinen Relay-Server nicht (Failed to connect to relay server)',
    cause:
      'Die Anmeldung hat funktioniert: Dovecots Submission-Dienst hat den Client angenommen, leitet aber jede Nachricht an den ' +
      'SMTP-Server in submission_relay_host/submission_relay_port weiter, und dieser hat die Verbindung abgelehnt oder nicht beantwortet.',
    fix:
      'submission_relay_host und submission_relay_port auf einen laufenden MTA setzen (z. B. Postfix auf 127.0.0.1:25, mit ' +
      'submission_relay_trusted = yes, wo er die Mail zum Weiterleiten annehmen muss) und prüfen, dass er von Dovecot aus erreichbar ist.',
  },
  'jakarta-mail-oauth2-asked-for-more': {
    title: 'Jakarta Mail: der Server hat XOAUTH2 mit einer Challenge beantwortet (OAUTH2 asked for more)',
    cause:
      'Jakarta Mail (JavaMail) sendet AUTH XOAUTH2 mit dem Token und erwartet 235; stattdessen kam eine 334-Fortsetzung, bei ' +
      'XOAUTH2 die Fehler-Challenge des Servers: Das Token wurde abgelehnt (abgelaufen, falscher Scope oder falsche Audience, ' +
      'oder für einen anderen Benutzer ausgestellt als den an connect() übergebenen). Jakarta Mail beantwortet die Challenge ' +
      'nicht und bricht ab, daher erscheint das abschließende 535 des Servers nie.',
    fix:
      'Die 334-Challenge direkt darüber dekodieren (Hover): Sie nennt den Status und den Scope, den der Server verlangt. Ein ' +
      'frisches Zugriffstoken für den richtigen Scope holen (Microsoft: https://outlook.office.com/SMTP.Send; Google: ' +
      'https://mail.google.com/), für denselben Benutzer, der an Transport.connect() geht, und das Token selbst als Passwort übergeben.',
  },
  'phpmailer-could-not-authenticate': {
    title: 'PHPMailer: Anmeldung am SMTP-Server abgelehnt (SMTP Error: Could not authenticate)',
    cause:
      'PHPMailers Zusammenfassung eines abgelehnten SMTP AUTH; die eigentliche Antwort des Servers steht in der Zeile ' +
      'SERVER -> CLIENT davor (SMTPDebug = 2 oder höher zeigt sie). Mit AuthType XOAUTH2 bedeutet eine Antwort "334 eyJ...", ' +
      'dass das Token abgelehnt wurde: PHPMailer wertet die Fehler-Challenge als Fehlschlag und beantwortet sie nicht. Mit ' +
      'einem Passwort ist es ein falsches Passwort, ein fehlendes App-Passwort oder für das Postfach abgeschaltetes SMTP AUTH.',
    fix:
      '$mail->SMTPDebug = 2 setzen und die Antwort des Servers auf AUTH lesen (Hover). Für XOAUTH2 setOAuth() einen Provider ' +
      'geben, dessen Token aktuell ist, den SMTP-Scope hat und zum Benutzer in $mail->Username bzw. zur From-Adresse gehört; ' +
      'bei Passwörtern ein App-Passwort oder die Methode verwenden, die der Server anbietet.',
  },
  'nodemailer-user-failed-to-authenticate': {
    title: 'nodemailer: die Anmeldung des Benutzers ist fehlgeschlagen',
    cause:
      'Die Logger-Zeile von nodemailer, nachdem der Server jeden AUTH-Versuch dieser Verbindung abgelehnt hat; die Antwort des ' +
      'Servers steht in den S:-Zeilen direkt davor. Mit einem Zugriffstoken ohne Refresh-Daten versucht nodemailer es einmal ' +
      'mit demselben Token erneut ("Reusing existing access token (no refresh capability)"), ein abgelaufenes Token scheitert also zweimal.',
    fix:
      'Die Antwort des Servers darüber lesen (Hover). auth {type: "OAuth2", user, clientId, clientSecret, refreshToken} angeben, ' +
      'damit nodemailer ein neues Token holen kann, oder ein frisches accessToken mit seiner Ablaufzeit expires übergeben; der ' +
      'Benutzer muss das Konto des Tokens sein.',
  },
  'sasl-xoauth2-token-refresh-failed': {
    title: 'sasl-xoauth2 konnte das Zugriffstoken nicht erneuern (TokenStore::Refresh)',
    cause:
      'Das Token des Plugins war abgelaufen und seine Refresh-Anfrage an token_endpoint ist gescheitert: "http error" ist ' +
      'die Meldung von curl selbst (das CA-Bundle ist im chroot von Postfix nicht lesbar, DNS oder ein Proxy fehlt dort, der ' +
      'Endpunkt ist nicht erreichbar); "request failed" heißt, der Endpunkt hat mit einem Fehler geantwortet (die Zeile code= ' +
      'davor enthält das JSON: invalid_grant für ein widerrufenes oder abgelaufenes Refresh-Token, invalid_client für falsche ' +
      'client_id/client_secret).',
    fix:
      'Bei "http error" ca_bundle_file in /etc/sasl-xoauth2.conf setzen (oder das CA-Bundle unter demselben Pfad nach ' +
      '/var/spool/postfix kopieren) und DNS und Proxy im chroot prüfen; bei "request failed" client_id/client_secret/token_endpoint ' +
      'korrigieren oder mit sasl-xoauth2-tool get-token ein neues Refresh-Token holen. "log_full_trace_on_failure": "yes" in ' +
      '/etc/sasl-xoauth2.conf setzen, erneut senden und die sasl-xoauth2-Zeilen im Mail-Log lesen; sasl-xoauth2-tool test-config ' +
      'und test-token-refresh <Token-Datei> als Benutzer postfix ausführen.',
  },
};
