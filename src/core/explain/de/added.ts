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
  'sasl-xoauth2-reader-error': {
    title: 'sasl-xoauth2 kann seine Konfiguration oder Token-Datei nicht lesen (reader error)',
    cause:
      'Der JSON-Leser von sasl-xoauth2 bricht ab: /etc/sasl-xoauth2.conf oder die in sasl_passwd genannte Token-Datei ist ' +
      'kein gültiges JSON (ein fehlendes Komma zwischen Einträgen, ein Komma am Ende, ein fehlendes Anführungszeichen). ' +
      '"Line N, Column M" zeigt in diese Datei; solange das scheitert, stellt Postfix die Mail zurück ("relayhost configuration problem").',
    fix:
      'Beide Dateien mit python3 -m json.tool <file> prüfen; eine Token-Datei sieht so aus: {"access_token": "...", ' +
      '"refresh_token": "...", "expiry": "0"}. Danach sasl-xoauth2-tool test-config und test-token-refresh <token file> ausführen.',
  },
  'postfix-smtp-malformed-response': {
    title: 'Postfix: der smtp-Zustellprozess endete ohne Antwort (private/smtp socket: malformed response)',
    cause:
      'Der smtp(8)-Prozess, der an den Relay zustellen sollte, ist abgestürzt oder wurde beendet, bevor er Rückmeldung gab; ' +
      'der Queue-Manager bekam keine Antwort. Bei einem XOAUTH2-Relay ist das meist ein Absturz im SASL-Plugin während der ' +
      'Anmeldung (ein Plugin für eine andere libsasl2 oder eines, das seine Dateien im Chroot nicht lesen kann).',
    fix:
      'Direkt vor dieser Zeile nach "killed by signal" und den sasl-xoauth2-Zeilen desselben Prozesses suchen; das Plugin aus ' +
      'derselben Quelle wie libsasl2 neu installieren, debug_peer_list auf den Relay-Host setzen und erneut senden.',
  },
  aadsts500116: {
    title: 'AADSTS500116: Die Antwort-URI ist keine gültige URL',
    cause:
      'Die gesendete redirect_uri ist keine absolute URL, die die Plattform annimmt: ohne Schema, ein relativer Pfad, ein ' +
      'doppelt codierter Wert oder einer, der aus einer leeren Einstellung gebaut wurde (eine Website-URL, die je nach ' +
      'Sprache oder Host wechselt).',
    fix:
      'Genau eine der für die App registrierten Umleitungs-URIs senden, absolut (https://... oder http://localhost:<port>/...) ' +
      'und einmal URL-codiert; jeden Hostnamen registrieren, unter dem die Website erreichbar ist.',
  },
  'google-oauth-client-not-found': {
    title: 'Google kennt diese Client-ID nicht (invalid_client: The OAuth client was not found)',
    cause:
      'Der Token-Endpunkt von Google hat keinen OAuth-Client mit dieser client_id: ein Platzhalter oder Tippfehler, ein ' +
      'gelöschter Client oder die Client-ID eines anderen Anbieters. sasl-xoauth2 schickt jede Erneuerung an ' +
      'https://accounts.google.com/o/oauth2/token, wenn /etc/sasl-xoauth2.conf keinen token_endpoint enthält; so landen ' +
      'Client-ID und Aktualisierungstoken von Microsoft dort.',
    fix:
      'Die Client-ID aus Google Cloud Console → APIs & Services → Credentials übernehmen; für Microsoft 365 "token_endpoint": ' +
      '"https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token" in /etc/sasl-xoauth2.conf eintragen.',
  },
  'entra-scope-more-than-one-resource': {
    title: 'Microsoft Entra: die Bereiche nennen mehr als eine Ressource (AADSTS70011/AADSTS28000 ohne Code)',
    cause:
      'Ein Token gilt immer für genau eine Ressource, und die Anforderung mischt zwei: meist Berechtigungen von Microsoft ' +
      'Graph (User.Read, Mail.Read) mit denen von Outlook für die Mailprotokolle (https://outlook.office.com/IMAP.AccessAsUser.All, SMTP.Send).',
    fix:
      'Nur die Mail-Bereiche anfordern, z. B. https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send ' +
      'offline_access (openid, profile und email dürfen dazu); ein Graph-Token mit einer zweiten Anforderung holen, wenn die App auch Graph aufruft.',
  },
  'entra-invalid-audience': {
    title: 'Die API lehnt das Token ab: es wurde für eine andere Ressource ausgestellt (Access token validation failure. Invalid audience.)',
    cause:
      'Microsoft Graph (oder eine andere API) prüft den aud-Anspruch des Tokens: ein Token für die Mailprotokolle (aud ' +
      'https://outlook.office.com) kann Graphs /me nicht aufrufen, und ein Graph-Token kann sich nicht bei IMAP, POP oder SMTP anmelden.',
    fix:
      'Ein Token je Ressource holen: Outlook-Bereiche für die Mailprotokolle, https://graph.microsoft.com/User.Read (oder ' +
      'andere Graph-Bereiche) für Graph; die Adresse des Benutzers aus preferred_username im id_token lesen statt /me aufzurufen.',
  },
  'entra-client-secret-required': {
    title: 'Microsoft Entra verlangt einen geheimen Clientschlüssel, der der Anforderung fehlt (AADSTS7000218 ohne Code)',
    cause:
      'Die App-Registrierung ist ein vertraulicher Client (Plattform Web, "Allow public client flows" aus), daher erwartet ' +
      'der Token-Endpunkt einen geheimen Clientschlüssel oder ein Zertifikat; Desktop-Werkzeuge und der Gerätecodefluss senden keins.',
    fix:
      'Azure-Portal → App-Registrierungen → <app> → Authentifizierung → Allow public client flows: Ja (Gerätecode, ' +
      'Desktop-Werkzeuge wie mutt_oauth2.py oder sasl-xoauth2-tool), oder den Wert (Value) des geheimen Clientschlüssels mitsenden.',
  },
  'oauth-token-endpoint-unauthorized': {
    title: 'Der Token-Endpunkt antwortet mit HTTP 401 Unauthorized (Client-Authentifizierung fehlgeschlagen)',
    cause:
      'Ein 401 vom Token-Endpunkt bedeutet invalid_client: ein falscher oder abgelaufener geheimer Clientschlüssel, dessen ' +
      'ID statt seines Werts (Value), eine vertrauliche App-Registrierung ohne Schlüssel oder ein Schlüssel für einen ' +
      'öffentlichen Client. Der Antworttext (error_description mit einem AADSTS-Code) nennt den Fall.',
    fix:
      'Den Antworttext ausgeben; client_id prüfen und einen neuen geheimen Clientschlüssel anlegen (seinen Wert kopieren); ' +
      'für Gerätecode und Desktop-Werkzeuge "Allow public client flows" einschalten und keinen Schlüssel senden.',
  },
  'email-oauth2-proxy-token-request-failed': {
    title: 'email-oauth2-proxy: die Token-Anforderung ist fehlgeschlagen (HTTPError 400 / 401)',
    cause:
      'Die Anforderung des Proxys an token_url wurde abgelehnt. 400 heißt meist Bereiche, die nicht zusammen angefordert ' +
      'werden können (ein /.default-Bereich gemischt mit benannten Bereichen, oder Bereiche zweier Ressourcen), ein ' +
      'abgelaufenes oder widerrufenes Aktualisierungstoken, oder eine redirect_uri bzw. ein Mandant, der nicht zur App ' +
      'passt; 401 heißt Client-ID oder geheimer Schlüssel sind falsch.',
    fix:
      'Den Proxy mit --debug starten, um die error_description zu sehen; für den Fluss mit Clientanmeldeinformationen ' +
      'oauth2_scope = https://outlook.office365.com/.default allein mit der token_url des Mandanten verwenden, sonst die ' +
      'delegierten Bereiche ohne /.default.',
  },
  'msal-identity-web-ui-required': {
    title: 'Microsoft.Identity.Web: kein Konto des angemeldeten Benutzers im Cache (IDW10502, MsalUiRequiredException user_null)',
    cause:
      'Die Web-App hat MSAL still nach einem Token gefragt, aber ihr Token-Cache enthält kein Konto des Benutzers: die App ' +
      'wurde mit einem Cache im Arbeitsspeicher neu gestartet, während das Anmelde-Cookie weiterlebte, oder die Zustimmung ' +
      'für die angeforderten Bereiche fehlt.',
    fix:
      'Microsoft.Identity.Web den Benutzer erneut anmelden lassen ([AuthorizeForScopes] am Controller oder an der Seite, ' +
      'oder MicrosoftIdentityConsentAndConditionalAccessHandler in Blazor) und einen verteilten Token-Cache verwenden ' +
      '(AddDistributedTokenCaches), damit Tokens Neustarts überdauern.',
  },
  'msal4j-jackson-conflict': {
    title: 'MSAL4J kann eine Antwort nicht lesen: ein Jackson-Versionskonflikt (MsalClientException: com.fasterxml.jackson...)',
    cause:
      'MSAL4J liest die Discovery- und Token-Antworten der Autorität mit Jackson; eine andere Abhängigkeit hat ein älteres ' +
      'jackson-databind in den Klassenpfad gebracht, daher lassen sich die von MSAL4J erwarteten Klassen nicht bauen. Keine ' +
      'Anforderung hat den Token-Endpunkt erreicht.',
    fix:
      'mvn dependency:tree (oder gradle dependencies) ausführen und jackson-databind, jackson-core und jackson-annotations ' +
      'auf die von MSAL4J angegebene Version oder neuer angleichen, z. B. mit dependencyManagement.',
  },
  'thunderbird-oauth-not-supported-for-provider': {
    title: 'Thunderbird: OAuth 2.0 ist für diesen Server nicht verfügbar (not supported / not configured for this provider)',
    cause:
      'Thunderbird, Thunderbird for Android und K-9 Mail bieten OAuth 2.0 nur für Server aus ihrer eingebauten Anbieterliste ' +
      'an, erkannt am Hostnamen. Der eingegebene Host (ein Alias wie mail.messagingengine.com oder eine eigene Domain) steht ' +
      'nicht in der Liste, oder der Anbieter bietet Drittanbieter-Clients kein OAuth an.',
    fix:
      'Die vom Anbieter dokumentierten Hostnamen verwenden: Fastmail imap.fastmail.com und smtp.fastmail.com, Microsoft ' +
      'outlook.office365.com und smtp.office365.com, Gmail imap.gmail.com und smtp.gmail.com. Bei einem Anbieter ohne OAuth ' +
      'ein App-Passwort mit "Normal password" verwenden.',
  },
  'thunderbird-android-no-oauth-token-provider': {
    title: 'Thunderbird for Android: keine OAuth-Anmeldung für diesen Server in diesem Konto (No OAuth2TokenProvider available)',
    cause:
      'Ein Server dieses Kontos steht auf OAuth 2.0, aber die App hat in diesem Konto keine OAuth-Anmeldung dafür: meist ' +
      'gehört der Postausgangsserver zu einem anderen Konto (ein Konto, das über Gmails SMTP sendet), und OAuth-Tokens ' +
      'werden je Konto gespeichert.',
    fix:
      'Die Einstellungen des Postausgangs- (oder Posteingangs-)servers des Kontos öffnen, OAuth 2.0 wählen und sich dort ' +
      'anmelden, oder über den SMTP-Server des eigenen Anbieters des Kontos senden (oder mit einem App-Passwort).',
  },
  'imap-client-aborted-authenticate': {
    title: 'Der Client hat den XOAUTH2-Austausch nach einer Fehler-Challenge abgebrochen (Client aborted AUTHENTICATE command)',
    cause:
      'Die Antwort von Gmail, wenn der Client seine Fehler-Challenge (+ eyJ...) mit "*" statt mit einer leeren Zeile ' +
      'beantwortet: das Token wurde abgelehnt oder fehlte. offlineimap tut das, wenn auth_mechanisms XOAUTH2 enthält (seine ' +
      'Voreinstellung) und keine oauth2-Einstellungen da sind, und weicht dann auf den nächsten Mechanismus aus.',
    fix:
      'Für ein Passwort oder App-Passwort auth_mechanisms = LOGIN (oder PLAIN) im Repository setzen; für OAuth ' +
      'oauth2_client_id, oauth2_client_secret, oauth2_refresh_token und oauth2_request_url setzen. Mit -d imap lässt sich ' +
      'die Challenge decodieren, um zu sehen, warum das Token abgelehnt wurde.',
  },
  'offlineimap-oauth2-settings-missing': {
    title: 'offlineimap: XOAUTH2 ist eingeschaltet, aber seine oauth2-Einstellungen fehlen',
    cause:
      'Das Repository verwendet XOAUTH2 (auth_mechanisms nennt es, oder seine Voreinstellung), aber ihm fehlen die ' +
      'Einstellungen, die offlineimap für ein Token braucht; die Synchronisation endet vor der Anmeldung.',
    fix:
      'oauth2_request_url (https://accounts.google.com/o/oauth2/token für Gmail, ' +
      'https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token für Microsoft), oauth2_client_id, oauth2_client_secret ' +
      'und oauth2_refresh_token ergänzen, oder XOAUTH2 aus auth_mechanisms entfernen.',
  },
  'cyrus-sasl-no-worthy-mechs': {
    title: 'Cyrus SASL hat kein Plugin für den Mechanismus (SASL: No worthy mechs found / xoauth2 unavailable)',
    cause:
      'Das Programm hat den Mechanismus an Cyrus SASL (libsasl2) übergeben, und dort fehlt ein Plugin dafür. mutt und ' +
      'NeoMutt erledigen OAUTHBEARER und XOAUTH2 nur selbst, wenn imap_oauth_refresh_command (bzw. smtp_ / pop_) gesetzt ' +
      'ist; sonst fragen sie Cyrus SASL, das meist kein XOAUTH2-Plugin hat.',
    fix:
      'imap_authenticators="oauthbearer:xoauth2" und imap_oauth_refresh_command="mutt_oauth2.py <token file>" setzen (und ' +
      'die smtp_- und pop_-Einstellungen), oder ein XOAUTH2-Plugin für Cyrus installieren und prüfen, dass pluginviewer es auflistet.',
  },
  'mutt-oauth-refresh-command-empty': {
    title: 'NeoMutt: der OAuth-Erneuerungsbefehl hat kein Token ausgegeben (Command returned empty string)',
    cause:
      'NeoMutt hat imap_oauth_refresh_command (bzw. smtp_ / pop_) ausgeführt und nichts zurückbekommen, also wurde kein ' +
      'Token gesendet: das Skript ist gescheitert (abgelaufenes Aktualisierungstoken, fehlende Token-Datei, falscher Pfad) ' +
      'oder hat auf eine Eingabe gewartet.',
    fix:
      'Den Befehl von Hand ausführen: er darf nur das Zugriffstoken ausgeben. Ist das Aktualisierungstoken abgelaufen, die ' +
      'Token-Datei neu autorisieren (mutt_oauth2.py <token file> --authorize).',
  },
  'imap-clientbug-invalid-tag': {
    title: 'Gmail kann eine Zeile nicht als Befehl lesen ([CLIENTBUG] Invalid tag)',
    cause:
      'Der Client hat eine Zeile außerhalb eines Befehls gesendet, etwa das \\x01 oder die leere Zeile, die nur eine ' +
      'Fehler-Challenge beantwortet, nachdem der Server die Anmeldung schon abgeschlossen hatte (NeoMutt tat das bis 2019 ' +
      'nach einer erfolgreichen OAUTHBEARER-Anmeldung).',
    fix: 'Den Client aktualisieren; im eigenen Client das \\x01 oder die leere Antwort nur auf eine "+ "-Challenge senden.',
  },
  'jakarta-mail-no-password': {
    title: 'Jakarta Mail hat keine Anmeldung versucht: kein Passwort (oder Token) angegeben (failed to connect, no password specified?)',
    cause:
      'connect() bekam ein leeres Passwort (oder null), daher hat Jakarta Mail vor der Anmeldung aufgegeben. Bei OAuth wird ' +
      'das Zugriffstoken als Passwort übergeben, das Token wurde also nicht geholt oder nicht weitergereicht.',
    fix:
      'mail.imap.auth.mechanisms (oder mail.smtp.auth.mechanisms) auf XOAUTH2 setzen und connect(host, user, accessToken) ' +
      'mit einem nicht leeren Token für denselben Benutzer aufrufen; für SMTP zusätzlich mail.smtp.auth auf true setzen.',
  },
  'jakarta-mail-pop3-no-reply': {
    title: 'Angus Mail (Jakarta Mail) bekam keine Antwort vom POP3-Server (Cannot read field "ok" because "this.resp" is null)',
    cause:
      'Der POP3-Client bekam keine Antwort auf seinen Befehl: die Verbindung wurde geschlossen, oder die Lese- bzw. ' +
      'Schreibzeitüberschreitung (mail.pop3s.timeout, mail.pop3s.writetimeout) lief vorher ab. Die Bibliothek meldet das ' +
      'als AuthenticationFailedException mit diesem NullPointerException-Text; der Server hat keinen Grund genannt.',
    fix:
      'mail.debug einschalten, um zu sehen, welcher Befehl keine Antwort bekam; die Zeitüberschreitungen erhöhen, Proxys und ' +
      'Firewalls prüfen und erneut versuchen; wiederholte Abbrüche direkt nach AUTH deuten auf eine Drosselung des Kontos durch den Server.',
  },
  'mailkit-authentication-failed': {
    title: 'MailKit: der Server hat die Anmeldung abgelehnt (MailKit.Security.AuthenticationException)',
    cause:
      'Die Ausnahme sagt nur, dass der Server die Anmeldung abgelehnt hat; die Worte stammen von MailKit, nicht vom Server. ' +
      'Bei Exchange Online sind die üblichen Gründe ein Token für die falsche Ressource (Graph-Bereiche statt ' +
      'https://outlook.office.com/IMAP.AccessAsUser.All), eine fehlende IMAP- oder SMTP-Berechtigung oder, bei reinen ' +
      'App-Tokens, ein Dienstprinzipal ohne Berechtigung für das Postfach.',
    fix:
      'Den Client mit einem ProtocolLogger erzeugen (new ImapClient(new ProtocolLogger("imap.log"))) und die Antwort des ' +
      'Servers in diesem Protokoll erklären lassen; das Zugriffstoken decodieren und aud, scp bzw. roles und den Benutzernamen mit dem Postfach vergleichen.',
  },
  'logic-apps-office365-personal-account': {
    title: 'Office 365 Outlook-Connector mit einem persönlichen Konto (O365 discovery endpoint returned status code 401)',
    cause:
      'Der Office 365 Outlook-Connector von Logic Apps und Power Automate funktioniert nur mit Geschäfts- oder Schulkonten ' +
      'von Microsoft 365; ein persönliches Outlook.com- oder Hotmail-Konto hat keinen Office 365-Discovery-Endpunkt, daher ' +
      'scheitert die Anmeldung.',
    fix:
      'Für ein persönliches Konto den Outlook.com-Connector verwenden, oder die Office 365 Outlook-Verbindung mit einem ' +
      'Microsoft 365-Geschäftskonto anmelden.',
  },
  'fetchmail-upgrade-to-tls-failed': {
    title: 'fetchmail: der Server lehnt STARTTLS ab (upgrade to TLS failed)',
    cause:
      'fetchmail hat STLS oder STARTTLS versucht, was es standardmäßig tut, wenn der Server es anzubieten scheint, und der ' +
      'Server hat abgelehnt: der unverschlüsselte Port eines lokalen Proxys (etwa email-oauth2-proxy) oder ein Port, der ' +
      'schon TLS spricht. Angemeldet hat es sich nicht.',
    fix:
      'Für einen unverschlüsselten lokalen Proxy sslproto \'\' in diesem poll-Eintrag setzen; für Port 995 oder 993 ' +
      'stattdessen ssl verwenden; sonst auf dem Server STARTTLS anbieten.',
  },
  'imapfilter-login-timeout': {
    title: 'imapfilter: die Anmeldung bekam vor der Zeitüberschreitung keine Antwort (meist ein falscher OAuth2-String)',
    cause:
      'imapfilter hat seine Anmeldung gesendet, und der Server hat innerhalb von options.timeout nicht geantwortet. Mit ' +
      'oauth2 = ... wartet Gmail dann auf die Antwort des Clients auf eine Fehler-Challenge: der OAuth2-String oder sein Token ist falsch.',
    fix:
      'Den String als base64("user=<address>^Aauth=Bearer <access token>^A^A") mit einem frischen Token bauen (mit Mail ' +
      'OAuth: Decode SASL String prüfen) und ihn als oauth2-Wert des Kontos angeben.',
  },
  'm365-basic-auth-disabled': {
    title: 'Exchange Online / Outlook.com: Anmeldungen mit Passwort sind abgeschaltet (Basic authentication is disabled.)',
    cause:
      'Der Server hat die Passwortanmeldung abgelehnt, ohne sie zu prüfen: die Standardauthentifizierung (LOGIN oder ' +
      'AUTHENTICATE PLAIN mit dem Passwort) ist für IMAP und POP abgeschaltet, für persönliche Outlook.com-, Hotmail- und ' +
      'Live-Konten wie für Microsoft 365-Mandanten. Ein richtiges Passwort oder ein App-Passwort hilft nicht.',
    fix:
      'OAuth 2.0 verwenden: AUTHENTICATE XOAUTH2 mit einem Token für https://outlook.office.com/IMAP.AccessAsUser.All (die ' +
      'Autorität /consumers oder /common für persönliche Konten); einem Client ohne OAuth einen lokalen OAuth-Proxy wie ' +
      'email-oauth2-proxy vorschalten.',
  },
  'm365-imap-password-via-authenticate-plain': {
    title: 'Exchange Online / Outlook.com lehnt ein mit AUTHENTICATE PLAIN gesendetes Passwort ab (AUTHENTICATE failed.)',
    cause:
      'Der Client hat sich mit AUTHENTICATE PLAIN angemeldet, also mit Benutzername und Passwort, was Exchange Online und ' +
      'Outlook.com seit dem Abschalten der Standardauthentifizierung ablehnen, App-Passwörter eingeschlossen; die Antwort ' +
      'ist dieselbe wie für ein abgelehntes Token.',
    fix:
      'Den Client auf OAuth 2.0 einstellen (AUTHENTICATE XOAUTH2 mit einem Token für https://outlook.office.com/IMAP.AccessAsUser.All), ' +
      'oder einem Client ohne OAuth einen lokalen OAuth-Proxy wie email-oauth2-proxy vorschalten.',
  },
  'imap-empty-username-or-password': {
    title: 'Der Client hat einen leeren Benutzernamen oder ein leeres Passwort gesendet (NO Empty username or password)',
    cause:
      'Der Client hat LOGIN mit leerem Benutzernamen oder Passwort gesendet, daher hat der Server ohne Prüfung abgelehnt: ' +
      'für dieses Konto ist nichts gespeichert (ein Add-on oder Skript nutzt ein Konto, das sich per OAuth2 anmeldet und ' +
      'kein Passwort hat), oder eine Variable war leer.',
    fix:
      'Mit AUTHENTICATE XOAUTH2 und dem Token des Kontos anmelden oder ein App-Passwort für LOGIN hinterlegen; die Werte ' +
      'prüfen, die das Werkzeug übergibt.',
  },
  'smtp-530-5.5.1-authentication-required': {
    title: 'Der SMTP-Server verlangt AUTH vor MAIL FROM (530 5.5.1 Authentication Required)',
    cause:
      'Der Client hat die Nachricht ohne erfolgreiches AUTH gesendet: keine Anmeldedaten eingerichtet, die Bibliothek hat ' +
      'AUTH übersprungen (nodemailer 6.4.0 tat das bei manchen Servern, behoben in 6.4.1), oder AUTH ist vorher ' +
      'gescheitert und der Fehler wurde ignoriert.',
    fix:
      'Die Anmeldung einrichten (Benutzer und Passwort, App-Passwort oder OAuth2), die Bibliothek aktualisieren und prüfen, ' +
      'dass AUTH vor MAIL FROM eine 235-Antwort bekam.',
  },
  'smtp-auth-command-unrecognized': {
    title: 'Der SMTP-Server nimmt den AUTH-Befehl hier nicht an (502 5.5.2 Syntax error, command unrecognized)',
    cause:
      'Der Server bietet auf dieser Verbindung kein AUTH an, oder nicht diesen Mechanismus: AUTH vor STARTTLS bei einem ' +
      'Server, der AUTH nur auf verschlüsselten Verbindungen anbietet, oder auf einem MX-Port 25, der keine Anmeldungen annimmt.',
    fix:
      'Port 465 mit TLS verwenden oder STARTTLS auf 587 vor AUTH, und einen Mechanismus aus der 250-AUTH-Zeile der ' +
      'EHLO-Antwort nach TLS.',
  },
  'smtp-error-authentication-failed': {
    title: 'Der SMTP-Server hat die Anmeldung abgelehnt (535 Error: authentication failed)',
    cause:
      'Der Wortlaut von Postfix, den auch gleich aufgebaute Anbieter verwenden (QQ Mail, NetEase 163/126, Yandex), wenn das ' +
      'SASL-Backend die Anmeldedaten abgelehnt hat: ein falscher Benutzername oder ein falsches Passwort, oder ein Anbieter, ' +
      'der von Mailprogrammen nur einen Autorisierungscode oder ein App-Passwort annimmt; bei XOAUTH2 wurde das Token ' +
      'abgelehnt. Der Text nach dem Doppelpunkt ist der Grund des Backends.',
    fix:
      'Mit der vollständigen Adresse anmelden. QQ Mail und NetEase: SMTP in den Web-Einstellungen einschalten und den ' +
      'Autorisierungscode als Passwort verwenden; Yandex: ein App-Passwort. Beim eigenen Postfix das Dovecot- oder ' +
      'Cyrus-Protokoll derselben Minute lesen.',
  },
  'smtp-535-credentials-refused': {
    title: 'Der SMTP-Server hat Benutzername und Passwort abgelehnt (535 Authentication failed / credentials invalid)',
    cause:
      'Das "authentication credentials invalid" von RFC 4954: die Anmeldung wurde abgelehnt. Übliche Gründe: der Anbieter ' +
      'nimmt von Mailprogrammen nur ein App-Passwort an (Zoho mit Zwei-Faktor-Authentifizierung, GMX und WEB.DE, Yahoo, ' +
      'iCloud), der SMTP-Zugriff ist im Konto ausgeschaltet, die Anmeldung ist nicht die vollständige Adresse, oder ein ' +
      'Relay-Dienst (Brevo und ähnliche) verlangt seinen SMTP-Schlüssel statt des Kontopassworts.',
    fix:
      'Mit der vollständigen Adresse und einem App-Passwort oder SMTP-Schlüssel anmelden; den SMTP/IMAP-Zugriff in den ' +
      'Web-Einstellungen einschalten; den Host der Region des Kontos verwenden (smtp.zoho.eu statt smtp.zoho.com für ein EU-Konto).',
  },
  'exim-535-incorrect-authentication-data': {
    title: 'Exim hat die SMTP-Anmeldung abgelehnt (535 Incorrect authentication data)',
    cause:
      'Die Antwort von Exim (cPanel und viele Hoster, mail.ru), wenn die Anmeldung scheitert: ein falsches Passwort, ein ' +
      'Benutzername, der nicht die vollständige Adresse ist, oder ein Anbieter, der ein App-Passwort verlangt; nach vielen ' +
      'Fehlversuchen kann die IP-Adresse eine Zeit lang gesperrt sein.',
    fix:
      'Mit der vollständigen Adresse und dem aktuellen Passwort des Postfachs oder dem App-Passwort des Anbieters anmelden ' +
      '(mail.ru: ein Passwort für externe Anwendungen); prüfen, dass das Postfach auf diesem Host existiert und dasselbe ' +
      'Konto im Webmailer funktioniert.',
  },
  'yandex-smtp-tls-required': {
    title: 'Yandex lehnt AUTH auf einer unverschlüsselten Verbindung ab (530 5.7.7 Email sending without SSL/TLS encryption is not allowed)',
    cause: 'Der Client wollte sich über eine Verbindung ohne TLS anmelden und senden; Yandex nimmt vor der Verschlüsselung beides nicht an.',
    fix:
      'Port 465 mit SSL/TLS verwenden oder STARTTLS auf 587 vor AUTH (PHPMailer: SMTPSecure = \'ssl\' oder \'tls\'; ' +
      'nodemailer: secure: true auf 465).',
  },
  'yandex-smtp-looks-like-spam': {
    title: 'Yandex hat das Senden aus Mailprogrammen für dieses Konto gesperrt (Your message looks like spam)',
    cause:
      'Der Spamschutz von Yandex hat SMTP für dieses Konto gestoppt (ein neues Konto, ungewöhnlich viele Nachrichten oder ' +
      'eine verdächtige Anmeldung), bis der Inhaber beweist, dass er ein Mensch ist; die Anmeldedaten selbst wurden angenommen.',
    fix:
      'Im Browser bei Yandex Mail anmelden, dem Link in der Antwort folgen (Captcha, Bestätigung per Telefon) und eine ' +
      'Nachricht aus der Weboberfläche senden, dann aus dem Client erneut versuchen.',
  },
  'zoho-smtp-authentication-failed': {
    title: 'Zoho Mail hat die SMTP-Anmeldung abgelehnt (535 Authentication Failed)',
    cause:
      'Zoho lehnt das Kontopasswort ab, wenn die Zwei-Faktor-Authentifizierung eingeschaltet ist (dann ist ein ' +
      'anwendungsspezifisches Passwort nötig), eine Anmeldung, die nicht die vollständige Adresse ist, und einen Host ' +
      'eines anderen Rechenzentrums als dem des Kontos.',
    fix:
      'Ein anwendungsspezifisches Passwort anlegen (Zoho Accounts → Security → App Passwords) und mit der vollständigen ' +
      'Adresse verwenden; den Host des eigenen Rechenzentrums verwenden (smtp.zoho.com, smtp.zoho.eu, smtp.zoho.in; ' +
      'smtppro.zoho.com für Organisationskonten).',
  },
  'qq-smtp-invalid-input': {
    title: 'QQ Mail hat den Absender nach der Anmeldung abgelehnt (Invalid input from ... qq.com)',
    cause:
      'QQ Mail nimmt als MAIL FROM nur die angemeldete Adresse an; hier wurde eine andere Adresse oder ein Anzeigename ' +
      'statt einer Adresse als Umschlagabsender gesendet.',
    fix:
      'MAIL FROM (und den From-Header) mit der angemeldeten QQ-Adresse senden; ein Anzeigename gehört in den Header als ' +
      '"Name <address>".',
  },
  'xoauth2-error-status': {
    title: 'Der Server hat XOAUTH2 mit einer Fehler-Challenge beantwortet (XOAUTH2 authentication error (Status))',
    cause:
      'Die Client-Bibliothek hat die Fehler-Challenge des Servers decodiert und zeigt deren Status. Gmail sendet 400 für ' +
      'ein abgelehntes Token (abgelaufen, widerrufen, für ein anderes Konto) und für ein Token ohne den Bereich ' +
      'https://mail.google.com/; 401 heißt, das Token ist ungültig.',
    fix:
      'https://mail.google.com/ anfordern (gmail.readonly und ähnliche Bereiche reichen für IMAP nicht), das ' +
      'Zugriffstoken erneuern und als Benutzernamen das Konto angeben, das zugestimmt hat.',
  },
  'yandex-imap-authenticate-syntax-error': {
    title: 'Yandex bietet diesen Mechanismus nicht an (BAD AUTHENTICATE Command syntax error)',
    cause:
      'Yandex beantwortet AUTHENTICATE mit einem Mechanismus, den es nicht anbietet, etwa OAUTHBEARER, als Syntaxfehler; ' +
      'seine CAPABILITY nennt nur AUTH=PLAIN und AUTH=XOAUTH2.',
    fix:
      'AUTHENTICATE XOAUTH2 mit einem OAuth-Token von Yandex verwenden oder PLAIN/LOGIN mit einem App-Passwort; nur die ' +
      'Mechanismen aus der AUTH=-Liste funktionieren.',
  },
  'sasl-mechanism-not-offered': {
    title: 'Der Server bietet den vom Client gewählten Mechanismus nicht an (Unknown mechanism / mechanism not supported)',
    cause:
      'Der Client hat einen Mechanismus verlangt, der nicht in der Liste des Servers steht: AUTH PLAIN bei einem Server, ' +
      'der nur LOGIN anbietet, oder OAuth 2.0 (XOAUTH2, OAUTHBEARER) im Client gewählt für einen Server, der nur Passwörter anbietet.',
    fix:
      'Einen Mechanismus aus der Liste des Servers wählen (SMTP: die 250-AUTH-Zeile nach STARTTLS; IMAP: AUTH= in ' +
      'CAPABILITY); in Thunderbird die Authentifizierungsmethode auf einen davon stellen, z. B. "Normal password".',
  },
  'sasl-invalid-base64-response': {
    title: 'Der Server kann die SASL-Daten des Clients nicht base64-decodieren (Invalid base64 data)',
    cause:
      'AUTHENTICATE braucht die Nachricht des Mechanismus in base64; der Client hat Klartext gesendet (einen Benutzernamen, ' +
      'ein Passwort oder Token in Anführungszeichen), einen Platzhalter wie (nil) oder kaputtes base64.',
    fix:
      'Die ganze Nachricht base64-codiert als ein Argument ohne Anführungszeichen senden (XOAUTH2: ' +
      'base64("user=<address>^Aauth=Bearer <token>^A^A")); Mail OAuth: Encode XOAUTH2 baut sie.',
  },
  'cyrus-sasl-authentication-failure': {
    title: 'Cyrus SASL hat die Anmeldung abgelehnt (SASL(-13): authentication failure)',
    cause:
      'Die SASL-Schicht von Cyrus IMAP (saslauthd oder auxprop) hat die Anmeldedaten abgelehnt: ein falsches Passwort, ein ' +
      'Benutzername ohne den Realm bzw. die Domain, die die Passwortdatenbank erwartet (loginrealms, virtdomains), oder das ' +
      'Backend von saslauthd (PAM, LDAP) lehnt ab; mit einem OAuth-Plugin hat das Token die Prüfung nicht bestanden.',
    fix:
      'Mit testsaslauthd -u <user> -r <realm> -s imap und mit imtest -a <user> testen; die saslauthd-Zeilen in auth.log ' +
      'lesen; sasl_pwcheck_method, loginrealms und virtdomains in imapd.conf prüfen.',
  },
  'tls-certificate-verify-failed': {
    title: 'Der Client konnte das Zertifikat des Servers nicht prüfen (certificate verify failed)',
    cause:
      'OpenSSL (in Python, Perl, PHP, curl, fetchmail) konnte keine vertrauenswürdige Kette zum Zertifikat des Servers ' +
      'bilden: der CA-Speicher fehlt oder ist veraltet (Windows-Builds von Perl oder Python ohne CA-Bündel, alte ' +
      'ca-certificates), ein TLS-prüfender Proxy oder Virenscanner hat das Zertifikat ersetzt, oder der Server sendet ein ' +
      'selbstsigniertes Zertifikat oder eine unvollständige Kette.',
    fix:
      'Dem Client ein aktuelles CA-Bündel geben (SSL_CERT_FILE; imapsync --sslargs1 SSL_ca_file=<bundle>; offlineimap ' +
      'sslcacertfile; Python certifi), die Stamm-CA eines prüfenden Proxys hinzufügen und die Kette mit openssl s_client ' +
      '-connect <host>:993 -showcerts prüfen.',
  },
  'tls-server-plaintext-on-tls-port': {
    title: 'Serverprotokoll: ein Client hat Klartext an den TLS-Port gesendet (SSL_accept() failed: wrong version number)',
    cause:
      'Ein Client hat sich mit diesem Port für implizites TLS (993, 995, 465) verbunden und Klartext-IMAP, -POP oder -SMTP ' +
      'gesprochen: ein Client, der auf STARTTLS oder keine Verschlüsselung eingestellt ist, aber auf den TLS-Port zeigt, oder ein Portscanner.',
    fix:
      'Den Client auf SSL/TLS für 993, 995 und 465 oder auf STARTTLS für 143, 110 und 587 einstellen; eine einzelne solche ' +
      'Zeile von einer unbekannten Adresse ist meist ein Scanner.',
  },
  'postfix-ssl-accept-error': {
    title: 'Postfix: ein Client hat den TLS-Handshake abgebrochen (SSL_accept error from ...)',
    cause:
      'Der Client hat den Handshake beendet: meist hat er das Zertifikat des Servers nicht angenommen (selbstsigniert, ' +
      'abgelaufen, ein anderer Name; der Client zeigt den Grund), konnte sich nicht auf eine TLS-Version oder ein ' +
      'Verschlüsselungsverfahren einigen, oder es ist ein Scanner.',
    fix:
      'Die Fehlermeldung des Clients lesen; die Kette mit openssl s_client -connect <host>:465 -servername <host> prüfen und ' +
      'die vollständige Kette ausliefern (smtpd_tls_chain_files).',
  },
  'm365-smtp-invalid-xoauth2-auth-data': {
    title: 'Exchange Online kann die XOAUTH2-Nachricht nicht verwenden (501 5.5.124 Invalid XOAUTH2 auth data)',
    cause:
      'Die XOAUTH2-Nachricht hat Exchange erreicht, aber ihr Inhalt ist nicht verwendbar, meist das Feld user=: "User ' +
      'address provided is not valid" heißt, es ist leer, keine E-Mail-Adresse oder nicht das Postfach, als das das Token ' +
      'senden darf (bei sasl-xoauth2 kommt der Benutzer aus sasl_passwd, und eine mit leerem Benutzer erneuerte Token-Datei behält ihn leer).',
    fix:
      'Den Blob nach AUTH XOAUTH2 decodieren und prüfen, dass er user=<mailbox address>^Aauth=Bearer <token>^A^A lautet, mit ' +
      'der Adresse des Postfachs, für das das Token ausgestellt wurde (bei High Volume Email die Adresse des HVE-Kontos).',
  },
  'sasl-error-challenge-decoded': {
    title: 'Eine SASL-Fehler-Challenge, bereits decodiert ({"status": ..., "scope": ...})',
    cause:
      'Das JSON, das der Server statt OK sendet, wenn er eine XOAUTH2- oder OAUTHBEARER-Anmeldung ablehnt, hier vom Werkzeug ' +
      'decodiert gezeigt. Status 400 oder 401 (Gmail, Dovecot) und invalid_token heißen, das Token wurde abgelehnt: ' +
      'abgelaufen, widerrufen, für ein anderes Konto oder ohne den in "scope" genannten Bereich; invalid_request heißt, die ' +
      'Nachricht selbst war fehlerhaft (z. B. ein XOAUTH2-String als OAUTHBEARER gesendet); insufficient_scope heißt, dem Token fehlt dieser Bereich.',
    fix:
      'Die Challenge mit einer leeren Zeile (XOAUTH2) oder AQ== (OAUTHBEARER) beantworten, um die endgültige Antwort zu ' +
      'erhalten; dann ein frisches Token mit dem in der Challenge genannten Bereich für das Konto im Benutzerfeld holen oder das Format der Nachricht korrigieren.',
  },
};
