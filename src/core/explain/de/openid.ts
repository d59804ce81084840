// German text for the OpenID provider entries (src/core/explain/openid.ts), by entry id. Keycloak's and
// Google's UI labels stay in English where their German UI is not what users paste.
import type { EntryText } from './index';

export const DE_OPENID: Readonly<Record<string, EntryText>> = {
  'google-invalid-grant-jwt-clock': {
    title: 'Google lehnt das JWT eines Dienstkontos ab: Invalid JWT (die Uhr geht falsch)',
    cause:
      'Ein Dienstkonto signiert ein JWT mit seinem Schlüssel und tauscht es bei https://oauth2.googleapis.com/token ein; Google lehnt es ab, ' +
      'wenn iat und exp nicht innerhalb einer Stunde um Googles Zeit liegen. Fast immer geht die Uhr des Rechners falsch, der es signiert hat ' +
      '(eine VM oder ein Container ohne Zeitsynchronisation, ein Laptop nach dem Ruhezustand).',
    fix: 'Die Uhr synchronisieren (timedatectl set-ntp true, w32tm /resync, die Zeitsynchronisation des Container-Hosts neu starten) und ein neues JWT signieren.',
  },
  'google-invalid-grant-malformed-code': {
    title: 'Google lehnt den Autorisierungscode ab (invalid_grant: Malformed auth code.)',
    cause:
      'Der an den Token-Endpunkt gesendete Code ist nicht der, den Google zurückgegeben hat: abgeschnitten, doppelt URL-kodiert (4%2F0A… statt ' +
      '4/0A…), mit zusätzlichen Zeichen kopiert, oder gar kein Autorisierungscode (ein Aktualisierungstoken oder ein Testwert).',
    fix: 'Den code-Parameter der Weiterleitung genau einmal URL-dekodiert senden (er beginnt mit 4/0A), innerhalb von Minuten, mit derselben redirect_uri und demselben PKCE-Verifier.',
  },
  'google-service-account-unauthorized-client': {
    title: 'Google: Das Dienstkonto darf für diesen Bereich keine Benutzer vertreten (unauthorized_client)',
    cause:
      'Ein Dienstkonto hat ein Token für einen Benutzer angefordert (sub / subject der domainweiten Delegierung) mit einem Bereich wie ' +
      'https://mail.google.com/, den der Workspace-Administrator seiner Client-ID nicht gewährt hat; oder die Delegierung ist für eine ' +
      'andere Client-ID eingerichtet (die numerische OAuth2-Client-ID des Dienstkontos, nicht seine E-Mail-Adresse).',
    fix:
      'Google Admin-Konsole → Security → Access and data control → API controls → Manage Domain Wide Delegation: die numerische Client-ID ' +
      'des Dienstkontos mit genau den angeforderten Bereichen eintragen (https://mail.google.com/ für IMAP, POP und SMTP); Änderungen können eine Weile dauern.',
  },
  'gmail-service-account-without-delegation': {
    title: 'Gmail lehnt ein Dienstkonto-Token ab: kein Benutzer vertreten (domainweite Delegierung)',
    cause:
      'Das Protokoll verwendet ein Dienstkonto (…iam.gserviceaccount.com). Sein eigenes Token öffnet kein Postfach: Gmail nimmt ein ' +
      'Dienstkonto nur mit domainweiter Delegierung an, für ein Token, das mit dem Benutzer als Subjekt (sub) und dem Bereich ' +
      'https://mail.google.com/ angefordert wurde, und nur für Google-Workspace-Benutzer (nie für @gmail.com-Konten).',
    fix:
      'Domainweite Delegierung für die Client-ID des Dienstkontos mit https://mail.google.com/ einrichten (Admin-Konsole → Security → ' +
      'API controls), das Token mit dem Postfach als Subjekt anfordern (subject=/with_subject/createDelegated) und diese Adresse in user= senden.',
  },
  'gmail-lookup-failed': {
    title: 'Gmail findet kein Postfach zum Token (NO Lookup failed)',
    cause:
      'Gmail hat das Token selbst angenommen, konnte es aber keinem Postfach zuordnen: Das Token wurde ohne den Bereich ' +
      'https://mail.google.com/ ausgestellt (gmail.readonly und andere Bereiche der Gmail-API öffnen kein IMAP), das user=-Feld nennt ein ' +
      'anderes Konto als das angemeldete, oder es ist ein Dienstkonto-Token ohne vertretenen Benutzer.',
    fix: 'https://mail.google.com/ anfordern und neu anmelden; die Adresse des angemeldeten Kontos in user= eintragen; für ein Dienstkonto domainweite Delegierung mit dem Benutzer als Subjekt verwenden.',
  },
  'google-device-flow-mail-scope': {
    title: 'Google verweigert den Gmail-Bereich im Geräte-Code-Flow (invalid_scope: Invalid device flow scope)',
    cause:
      'Googles Geräteautorisierung (für Fernseher und Geräte mit eingeschränkter Eingabe) erlaubt nur eine kurze Liste von Bereichen; ' +
      'https://mail.google.com/ und die anderen Gmail-Bereiche gehören nicht dazu, daher scheitert die Anfrage vor jeder Anmeldung, mit jedem Client.',
    fix: 'Für Gmail den Autorisierungscode-Flow mit Loopback-Weiterleitung verwenden (ein Desktop app-Client; über SSH den Loopback-Port weiterleiten), nicht den Geräte-Code-Flow.',
  },
  'google-app-blocked-sensitive-scope': {
    title: 'Google hat die App blockiert: Sie fordert einen sensiblen oder eingeschränkten Bereich an ("This app is blocked")',
    cause:
      'Der OAuth-Client fordert einen eingeschränkten Bereich an (https://mail.google.com/ ist einer), ohne Googles Überprüfung dafür bestanden ' +
      'zu haben, und das Konto darf solche nicht überprüften Apps nicht verwenden; Google blockiert die Anmeldung für jeden Benutzer ohne Ausnahme. ' +
      'Workspace-Konten sehen das auch, wenn der Administrator den Zugriff nicht überprüfter Drittanbieter-Apps sperrt.',
    fix:
      'Ein eigenes Google-Cloud-Projekt und einen eigenen OAuth-Client verwenden, mit dem eigenen Konto als Testnutzer (oder in Produktion, mit der ' +
      'Warnung "Google hasn\'t verified this app"); in einem Workspace markiert der Administrator die App als Trusted (API controls → Manage third-party app access).',
  },
  'google-unverified-app-warning': {
    title: 'Google warnt, dass es die App nicht überprüft hat (eine Warnung, keine Ablehnung)',
    cause:
      'Der OAuth-Zustimmungsbildschirm ist in Produktion, aber die App hat die Überprüfung für ihre sensiblen oder eingeschränkten Bereiche nicht ' +
      'abgeschlossen (https://mail.google.com/ ist eingeschränkt). Google zeigt diese Warnung jedem Benutzer; eine eigene App für eigene Konten darf weiter.',
    fix:
      'Für den eigenen Client: Advanced → Go to <app> (unsafe) wählen und fortfahren. Nicht überprüfte Apps sind auf 100 neue Benutzer begrenzt; ' +
      'die Veröffentlichung für andere verlangt die Überprüfung (und für eingeschränkte Bereiche eine Sicherheitsbewertung).',
  },
  'google-oob-flow-blocked': {
    title: 'Google hat den Out-of-Band-Flow (OOB) gesperrt (urn:ietf:wg:oauth:2.0:oob)',
    cause:
      'Das Werkzeug bittet Google, den Code zum Kopieren anzuzeigen (redirect_uri=urn:ietf:wg:oauth:2.0:oob). Google hat diesen Flow für alle ' +
      'Clients gesperrt; für Desktop-Werkzeuge funktioniert nur eine Loopback-Weiterleitung (http://127.0.0.1:<port>/ oder http://localhost).',
    fix:
      'Das Werkzeug auf eine Version mit Loopback-Weiterleitung aktualisieren und eine Desktop app-Client-ID verwenden (sie nimmt jeden Loopback-Port an); ' +
      'auf einem Rechner ohne Bildschirm den Loopback-Port über SSH weiterleiten, oder die Loopback-Weiterleitung scheitern lassen und die URL aus der Adressleiste einfügen, wo das Werkzeug das annimmt.',
  },
  'google-tokeninfo-invalid-value': {
    title: 'Googles tokeninfo sagt, das Token ist nicht gültig (invalid_token: Invalid Value)',
    cause:
      'https://oauth2.googleapis.com/tokeninfo kennt kein gültiges Zugriffstoken dieses Werts: abgelaufen (Googles Zugriffstoken gelten eine ' +
      'Stunde), widerrufen, unterwegs beschädigt (abgeschnitten, in Anführungszeichen, doppelt URL-kodiert), oder kein Zugriffstoken (ein Aktualisierungstoken 1//…, ein ID-Token).',
    fix: 'Ein frisches Zugriffstoken holen (mit dem Aktualisierungstoken erneuern) und unverändert senden; es vor der IMAP/SMTP-Anmeldung erneut mit tokeninfo prüfen.',
  },
  'keycloak-invalid-client-credentials': {
    title: 'Keycloak lehnt den Client ab (Invalid client or Invalid client credentials)',
    cause:
      'Die Client-ID gibt es in diesem Realm nicht (oft in master statt im Realm der URL angelegt), das Client-Geheimnis ist falsch oder wurde neu ' +
      'erzeugt, der Client ist deaktiviert, oder Client-ID oder Geheimnis enthalten Zeichen, die die Bibliothek im Basic-Header nicht URL-kodiert hat. ' +
      'Keycloak protokolliert das als CODE_TO_TOKEN_ERROR / error=invalid_client_credentials.',
    fix:
      'Den Realm in der Token-URL (https://HOST/realms/REALM/protocol/openid-connect/token) und die Client ID prüfen; das aktuelle Geheimnis aus ' +
      'Clients → <client> → Credentials kopieren (Client authentication an); ein öffentlicher Client (PKCE) sendet gar kein Geheimnis.',
  },
  'keycloak-client-secret-missing': {
    title: 'Keycloak verlangt ein Client-Geheimnis (Client secret not provided in request)',
    cause:
      'Beim Client ist Client authentication eingeschaltet (ein vertraulicher Client), aber die Anfrage enthielt kein Geheimnis: Ein Desktop-Werkzeug, ' +
      'eine Single-Page-App oder eine Geräte-Code-Anmeldung, die kein Geheimnis aufbewahren kann, verwendet einen vertraulichen Client.',
    fix:
      'Für ein Werkzeug ohne sicheren Ort für ein Geheimnis Client authentication ausschalten (ein öffentlicher Client mit PKCE S256); sonst das ' +
      'Geheimnis eingeben (in dieser Erweiterung: "Set Client Secret for OpenID Provider…").',
  },
  'keycloak-direct-grants-disabled': {
    title: 'Keycloak: Der Client darf den Passwort-Grant nicht verwenden (Client not allowed for direct access grants)',
    cause:
      'Das Werkzeug sendet Benutzername und Passwort an den Token-Endpunkt (grant_type=password, der Resource-Owner-Password-Credentials-Grant), ' +
      'und beim Client ist Direct access grants ausgeschaltet, wie Keycloak es für neue Clients tut.',
    fix:
      'Besser: im Browser anmelden (Autorisierungscode mit PKCE) oder mit dem Geräte-Code. Wenn der Passwort-Grant wirklich nötig ist: ' +
      'Clients → <client> → Settings → Capability config → Direct access grants an.',
  },
  'keycloak-invalid-user-credentials': {
    title: 'Keycloak lehnt Benutzername oder Passwort ab (Invalid user credentials)',
    cause:
      'Beim Passwort-Grant ist Benutzername oder Passwort falsch, der Benutzer existiert in einem anderen Realm, oder die Brute-Force-Erkennung ' +
      'hat das Konto vorübergehend gesperrt (dann erhält auch das richtige Passwort diese Antwort).',
    fix: 'Den Benutzer in diesem Realm prüfen (Users), das Passwort zurücksetzen oder den Benutzer entsperren (Brute-Force-Sperre), und eine Browser-Anmeldung dem Passwort-Grant vorziehen.',
  },
  'keycloak-account-not-set-up': {
    title: 'Keycloak: Das Konto ist nicht vollständig eingerichtet (ausstehende erforderliche Aktionen)',
    cause:
      'Für den Benutzer stehen erforderliche Aktionen aus (Passwort ändern, E-Mail bestätigen, OTP einrichten, Bedingungen annehmen). Ein nicht ' +
      'interaktiver Grant (Passwort-Grant) kann sie nicht abschließen, daher lehnt Keycloak ihn ab.',
    fix: 'Sich einmal im Browser anmelden, um die Aktionen abzuschließen, oder sie unter Users → <user> → Required user actions entfernen.',
  },
  'keycloak-code-not-valid': {
    title: 'Keycloak lehnt den Autorisierungscode ab (Code not valid)',
    cause:
      'Der Code wurde schon eingelöst (der Callback lief zweimal, z. B. nach einem Neuladen der Seite oder in einem Framework, das doppelt rendert), er ist ' +
      'abgelaufen (Keycloak-Codes leben etwa eine Minute), oder ihn hat ein anderer Keycloak-Knoten oder Realm ausgestellt als der, bei dem er eingelöst wird. ' +
      'Keycloak protokolliert CODE_TO_TOKEN_ERROR / error=invalid_code, und bei einer zweiten Einlösung "already used for userSession".',
    fix: 'Jeden Code genau einmal einlösen, direkt nach der Weiterleitung; prüfen, dass die Token-URL denselben Host und Realm nennt wie die Autorisierungs-URL; neu anmelden.',
  },
  'keycloak-incorrect-redirect-uri': {
    title: 'Keycloak: Die redirect_uri der Token-Anfrage unterscheidet sich von der der Anmeldung (Incorrect redirect_uri)',
    cause: 'Die mit dem Code an den Token-Endpunkt gesendete redirect_uri ist nicht genau die der Autorisierungsanfrage (Port, Pfad, Schrägstrich am Ende).',
    fix: 'In beiden Anfragen dieselbe redirect_uri senden (bei einem Loopback-Client: derselbe Port und Pfad).',
  },
  'keycloak-invalid-redirect-uri-parameter': {
    title: 'Keycloak lehnt die Anmeldung ab: Die Weiterleitungs-URI ist nicht registriert (Invalid parameter: redirect_uri)',
    cause:
      'Die redirect_uri der Autorisierungsanfrage passt zu keiner der Valid redirect URIs des Clients (Schema http/https, Host, Port und Pfad ' +
      'zählen; 127.0.0.1 und localhost sind verschieden), oder die client_id selbst ist in diesem Realm unbekannt.',
    fix:
      'Clients → <client> → Settings → Valid redirect URIs: die genaue URI eintragen (für einen Loopback-Desktop-Client http://127.0.0.1/* oder ' +
      'http://localhost/*); Client-ID und Realm in der URL prüfen.',
  },
  'keycloak-pkce-required': {
    title: 'Keycloak verlangt PKCE für diesen Client (Missing parameter: code_challenge_method)',
    cause:
      'Die erweiterten Einstellungen des Clients verlangen PKCE (Proof Key for Code Exchange Code Challenge Method = S256), und die Anfrage enthielt ' +
      'kein code_challenge / code_challenge_method: eine App ohne PKCE, oder eine Geräte-Code-Anfrage einer Bibliothek, die keins hinzufügt.',
    fix: 'Die App PKCE mit S256 senden lassen (die meisten Bibliotheken haben eine Option pkce/S256), oder die PKCE-Methode unter Clients → <client> → Advanced leeren.',
  },
  'keycloak-device-grant-disabled': {
    title: 'Keycloak: Der Geräte-Code-Flow ist für diesen Client aus',
    cause: 'Beim Client ist OAuth 2.0 Device Authorization Grant nicht eingeschaltet, daher werden seine Geräteautorisierungs- (und Geräte-Code-Token-)Anfragen abgelehnt.',
    fix: 'Clients → <client> → Settings → Capability config → OAuth 2.0 Device Authorization Grant an (ein öffentlicher Client braucht dafür kein Geheimnis).',
  },
  'keycloak-session-not-active': {
    title: 'Keycloak: Die Sitzung des Aktualisierungstokens ist beendet (Session not active)',
    cause:
      'Die Benutzersitzung, zu der das Aktualisierungstoken gehört, gibt es nicht mehr: SSO Session Idle oder SSO Session Max ist abgelaufen, der ' +
      'Benutzer oder ein Administrator hat die Sitzung abgemeldet, oder Keycloak wurde neu gestartet, ohne Sitzungen zu behalten. Aktualisierungstoken überleben ihre Sitzung nicht.',
    fix:
      'Neu anmelden. Für ein Mailprogramm, das angemeldet bleiben muss, offline_access anfordern (ein Offline-Token, das den Offline-Session-Einstellungen ' +
      'folgt), oder SSO Session Idle/Max unter Realm settings → Sessions erhöhen.',
  },
  'keycloak-token-not-active': {
    title: 'Keycloak: Das Aktualisierungstoken ist nicht mehr gültig (Token is not active)',
    cause:
      'Das Aktualisierungstoken ist abgelaufen (seine Lebensdauer ist die SSO-Session-Idle-Zeit, oft 30 Minuten), oder die Uhren von Client und ' +
      'Keycloak weichen ab. Hinter einem Load Balancer führen auch Knoten mit abweichenden Uhren oder ohne gemeinsamen Sitzungs-Cache dazu.',
    fix: 'Neu anmelden; vor dem Idle-Timeout erneuern, für lange Zugriffe offline_access anfordern und die Uhr jedes Keycloak-Knotens synchron halten.',
  },
  'keycloak-session-missing-client': {
    title: "Keycloak: Die Sitzung kennt diesen Client nicht (Session doesn't have required client)",
    cause:
      'Das Aktualisierungs- oder Offline-Token gehört zu einer Sitzung, in der dieser Client keine Client-Sitzung mehr hat: nach einem Neustart oder ' +
      'Upgrade von Keycloak, das die zwischengespeicherten Client-Sitzungen verloren hat, oder wenn ein anderer Client das Token einlöst als der, dem es ausgestellt wurde.',
    fix: 'Neu anmelden, um ein neues Aktualisierungstoken zu erhalten; das Token nur mit der Client-ID verwenden, die es bekommen hat.',
  },
  'keycloak-service-account-disabled': {
    title: 'Keycloak: Der Client hat kein Dienstkonto (Client Credentials abgelehnt)',
    cause:
      'grant_type=client_credentials braucht einen vertraulichen Client mit eingeschaltetem Service accounts roles; bei diesem Client ist es aus, ' +
      'oder es ist ein öffentlicher Client, der Client Credentials überhaupt nicht verwenden kann.',
    fix: 'Clients → <client> → Settings → Capability config: Client authentication an und Service accounts roles an; dann dem Dienstkonto seine Rollen zuweisen.',
  },
  'keycloak-introspection-client-refused': {
    title: 'Keycloak lehnt den Client der Introspection-Anfrage ab (Authentication failed.)',
    cause:
      'Der Token-Introspection-Endpunkt (…/protocol/openid-connect/token/introspect) verlangt Client-Authentifizierung: Der Mailserver ' +
      '(Dovecots introspection_url, Stalwart) hat keine Anmeldedaten gesendet, ein falsches Geheimnis, oder die eines öffentlichen Clients.',
    fix:
      'Einen vertraulichen Client für den Mailserver anlegen (Client authentication an, keine Flows nötig) und seine ID und sein Geheimnis in die ' +
      'Introspection-Einstellungen des Servers eintragen, z. B. Dovecot introspection_url = https://ID:SECRET@HOST/realms/REALM/protocol/openid-connect/token/introspect.',
  },
  'keycloak-token-verification-failed': {
    title: 'Keycloak hat das Zugriffstoken nicht angenommen (invalid_token: Token verification failed)',
    cause:
      'Der userinfo-Endpunkt von Keycloak (den manche Mailserver statt der Introspection aufrufen) konnte das Token nicht prüfen: abgelaufen ' +
      '(standardmäßig nach 5 Minuten), seine Sitzung beendet, aus einem anderen Realm, oder sein iss nennt einen anderen Hostnamen als den, unter dem ' +
      'der Server Keycloak erreicht (eine Frontend-URL oder ein Proxy, der den Host ändert).',
    fix:
      'Ein frisches Zugriffstoken senden; den Mailserver Keycloak unter demselben Hostnamen aufrufen lassen, der das Token ausgestellt hat (die ' +
      'hostname-Einstellung von Keycloak), oder den Introspection-Endpunkt mit einem vertraulichen Client verwenden.',
  },
  'dovecot-log-missing-sub': {
    title: "Dovecot: Das Token hat keinen sub-Claim (Local validation failed: Missing 'sub' field)",
    cause:
      'Die lokale JWT-Prüfung von Dovecot verlangt einen sub-Claim, und dieses Token hat keinen. Keycloak 25 und neuer schreibt sub nur über den ' +
      'Client-Scope "basic" in Zugriffstoken, der Clients fehlen kann, die aus älteren Versionen übernommen wurden (oder mit schlanken Zugriffstoken).',
    fix:
      'In Keycloak dem Client den Client-Scope "basic" als Standard-Scope zuweisen (Clients → <client> → Client scopes) oder einen Mapper für sub ' +
      'hinzufügen; bei einem anderen Anbieter Token mit Subjekt ausstellen.',
  },
  'stalwart-auth-failed-trace': {
    title: 'Stalwart lehnt die Anmeldung ab (Authentication failed)',
    cause:
      'Der Trace von Stalwart sagt, dass die Anmeldedaten abgelehnt wurden. Mit XOAUTH2 oder OAUTHBEARER und einem OpenID-Connect-Verzeichnis sendet ' +
      'Stalwart das Token an den userinfo-Endpunkt des Anbieters: ein abgelaufenes oder fremdes Token, eine userinfo-Antwort ohne den als Benutzername ' +
      'oder E-Mail konfigurierten Claim, oder ein user-Feld, das ein anderes Konto nennt, enden alle hier.',
    fix:
      'Das Token prüfen (mailoauth inspect), prüfen, dass userinfo-URL und Claim-Einstellungen des Verzeichnisses zum Anbieter passen, und die ' +
      'Trace-Zeilen direkt davor lesen; mit dem internen Verzeichnis werden OAuth-Token eines externen Anbieters nicht angenommen.',
  },
};
