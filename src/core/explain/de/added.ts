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
      'Auf account.apple.com (Anmeldung und Sicherheit → App-spezifische Passwörter) ein app-spezifisches Passwort erstellen und ' +
      'damit über LOGIN/PLAIN anmelden; XOAUTH2 und OAUTHBEARER bietet iCloud nicht an.',
  },
  'gmx-webde-authentication-failed': {
    title: 'GMX / WEB.DE verweigert die Anmeldung (POP3/IMAP-Zugriff ausgeschaltet oder App-Passwort nötig)',
    cause:
      'GMX und WEB.DE schalten den POP3/IMAP/SMTP-Zugriff für Mailprogramme standardmäßig ab und nach längerer Nichtnutzung ' +
      'wieder aus; mit Zwei-Faktor-Authentifizierung wird das Kontopasswort abgelehnt und ein anwendungsspezifisches Passwort ' +
      'verlangt. Der Server meldet dann nur „authentication failed“ (das Konto erhält eine E-Mail mit der Erklärung: „Die für ' +
      'die E-Mail Programme benötigten Protokolle POP3/IMAP/SMTP sind ... deaktiviert“).',
    fix:
      'Im Webmailer von GMX / WEB.DE: E-Mail → Einstellungen → POP3/IMAP Abruf: „POP3 und IMAP Zugriff erlauben“; mit ' +
      'Zwei-Faktor-Authentifizierung ein anwendungsspezifisches Passwort erstellen und verwenden. GMX und WEB.DE bieten ' +
      'Drittanbieter-Clients kein OAuth an.',
  },
  'fastmail-app-password': {
    title: 'Fastmail verweigert die Anmeldung (Incorrect username or password): ein App-Passwort ist nötig',
    cause:
      'Fastmail nimmt von Mailprogrammen nur App-Passwörter an (oder sein eigenes OAuth für zugelassene Apps); das Kontopasswort ' +
      'wird mit „Incorrect username or password“ abgelehnt, ebenso ein App-Passwort, dessen Zugriff Mail (IMAP/POP/SMTP) nicht umfasst.',
    fix:
      'Fastmail → Einstellungen → Datenschutz & Sicherheit → Integrationen/App-Passwörter: ein neues App-Passwort mit Zugriff ' +
      '„Mail (IMAP/POP/SMTP)“ erstellen und mit der vollständigen Fastmail-Adresse und diesem Passwort anmelden.',
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
      '</pfad/dh.pem bzw. Postfix’ smtpd_tls_dh1024_param_file darauf zeigen lassen, oder ECDHE-Suites bevorzugen. Wer den Server ' +
      'nicht betreibt, wendet sich an dessen Administrator; die Sicherheitsstufe des Clients zu senken (SECLEVEL=1) ist nur eine Notlösung.',
  },
  'curl-ssl-connect-error': {
    title: 'curl: (35) der TLS-Handshake ist fehlgeschlagen',
    cause:
      'curls Exit-Code 35 (CURLE_SSL_CONNECT_ERROR) sagt nur, dass der TLS-Handshake nicht abgeschlossen wurde; der Text danach ' +
      'nennt den Grund: ein TLS-Alert des Servers, unpassende Protokollversion oder Cipher, eine von Proxy oder Firewall ' +
      'zurückgesetzte Verbindung (SSL_ERROR_SYSCALL) oder Klartext auf einem TLS-Port.',
    fix:
      'Die OpenSSL-Meldung nach „curl: (35)“ lesen; Port und Schema prüfen (imaps:// 993, smtps:// 465, smtp:// 587 mit ' +
      '--ssl-reqd für STARTTLS) und mit -v ausführen, um zu sehen, wie weit der Handshake kam.',
  },
};
