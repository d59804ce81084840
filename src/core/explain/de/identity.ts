// German text for the entries of ../identity.ts, by entry id.
import type { EntryText } from './index';

const SIGN_IN_AGAIN =
  'Verwerfen Sie das zwischengespeicherte Aktualisierungstoken, und melden Sie sich erneut interaktiv an (Autorisierungscode-Flow oder Geräte-Code-Flow).';
const OUTLOOK_SCOPES =
  'https://outlook.office.com/IMAP.AccessAsUser.All, https://outlook.office.com/POP.AccessAsUser.All oder ' +
  'https://outlook.office.com/SMTP.Send (zusätzlich offline_access)';

export const DE_IDENTITY: Readonly<Record<string, EntryText>> = {
  aadsts16000: {
    title: 'AADSTS16000: Das Konto ist im Mandanten nicht vorhanden',
    cause:
      'Das angemeldete Konto (oft ein persönliches Microsoft-Konto oder ein Benutzer einer anderen Organisation) ist weder Mitglied noch Gast des Mandanten, der in der Autoritäts-URL angegeben ist.',
    fix:
      'Melden Sie sich mit einem Konto dieses Mandanten an, laden Sie den Benutzer als Gast ein, oder verwenden Sie für persönliche Outlook.com-Konten die Autorität /common oder /consumers mit einer App, deren unterstützte Kontotypen persönliche Microsoft-Konten einschließen.',
  },
  aadsts50011: {
    title: 'AADSTS50011: Der Umleitungs-URI stimmt nicht mit der App-Registrierung überein',
    cause:
      'Der redirect_uri in der Anforderung ist für die Anwendung nicht registriert (Abweichungen bei Schema, Host, Port, Pfad oder einem abschließenden Schrägstrich zählen), oder er ist unter der falschen Plattform registriert.',
    fix:
      'Azure-Portal → App-Registrierungen → <App> → Authentifizierung → Plattform hinzufügen („Mobile Anwendungen und Desktopanwendungen“ für Loopback-Umleitungen an http://localhost, „Web“ für vertrauliche Clients), und fügen Sie genau den Umleitungs-URI hinzu, den der Client sendet.',
  },
  aadsts50020: {
    title: 'AADSTS50020: Der Benutzer stammt von einem Identitätsanbieter, der im Mandanten nicht vorhanden ist',
    cause:
      'Das angemeldete Konto gehört nicht zu dem Mandanten, an den die Anforderung gesendet wurde (persönliches Konto oder andere Organisation).',
    fix:
      'Verwenden Sie ein Konto dieses Mandanten, laden Sie den Benutzer als B2B-Gast ein, oder registrieren Sie die App als mehrinstanzenfähig, und verwenden Sie die Autorität /organizations oder /common.',
  },
  aadsts50034: {
    title: 'AADSTS50034: Das Benutzerkonto ist im Verzeichnis nicht vorhanden',
    cause:
      'Der Benutzername wurde falsch eingegeben, oder die Anforderung ging an einen Mandanten, in dem der Benutzer nicht vorhanden ist.',
    fix: 'Überprüfen Sie den Benutzernamen und den Mandanten in der Autoritäts-URL (login.microsoftonline.com/<Mandant>).',
  },
  aadsts50053: {
    title: 'AADSTS50053: Das Konto ist gesperrt, oder die Anmeldung kam von einer blockierten IP-Adresse',
    cause:
      'Zu viele Anmeldungen mit falschem Kennwort haben das Konto gesperrt (Smart Lockout), oder die Anmeldung kam von einer IP-Adresse mit schädlichen Aktivitäten.',
    fix:
      'Warten Sie, bis die Sperre abläuft, oder lassen Sie den Benutzer von einem Administrator entsperren; Microsoft Entra Admin Center → Überwachung und Integrität → Anmeldeprotokolle → nach Fehlercode 50053 filtern und die Fehlerursache lesen. Verhindern Sie, dass Clients es wiederholt mit einem falschen Kennwort versuchen.',
  },
  aadsts50055: {
    title: 'AADSTS50055: Das Kennwort ist abgelaufen',
    cause: 'Das Kennwort des Benutzers ist abgelaufen.',
    fix: 'Lassen Sie den Benutzer das Kennwort ändern (oder einen Administrator es zurücksetzen), und melden Sie sich dann erneut an.',
  },
  aadsts50057: {
    title: 'AADSTS50057: Das Benutzerkonto ist deaktiviert',
    cause: 'Das Benutzerobjekt ist deaktiviert (Anmeldung blockiert).',
    fix:
      'Ein Administrator aktiviert das Konto wieder: Microsoft Entra Admin Center → Benutzer → <Benutzer> → Eigenschaften bearbeiten → Einstellungen → Konto aktiviert.',
  },
  aadsts50058: {
    title: 'AADSTS50058: Keine angemeldete Sitzung für die automatische Anmeldung',
    cause:
      'Eine automatische (stille) Anforderung (prompt=none oder ein SSO-Versuch mit zwischengespeicherter Sitzung) hat keine verwendbare Sitzung gefunden.',
    fix: 'Greifen Sie auf eine interaktive Anmeldung zurück.',
  },
  aadsts50059: {
    title: 'AADSTS50059: Keine Mandanteninformationen in der Anforderung',
    cause:
      'Die Autorität (/common) und die Anmeldeinformationen bestimmen keinen Mandanten, was reine App-Flows und Kennwort-Flows benötigen.',
    fix:
      'Verwenden Sie eine mandantenspezifische Autorität: https://login.microsoftonline.com/<Mandanten-ID oder Domäne>/oauth2/v2.0/token.',
  },
  aadsts50076: {
    title: 'AADSTS50076: Mehrstufige Authentifizierung ist erforderlich',
    cause:
      'Bedingter Zugriff, MFA pro Benutzer oder die Sicherheitsstandards verlangen MFA, die ein nicht interaktiver Flow (Kennwort/ROPC, ein zwischengespeichertes Aktualisierungstoken aus der Zeit vor der Richtlinie) nicht erfüllen kann.',
    fix:
      'Melden Sie sich interaktiv mit dem Autorisierungscode-Flow oder dem Geräte-Code-Flow an, damit der Benutzer die MFA abschließen kann; verwenden Sie nicht die Kennwortgewährung.',
  },
  aadsts50079: {
    title: 'AADSTS50079: Der Benutzer muss sich für die mehrstufige Authentifizierung registrieren',
    cause: 'MFA ist erforderlich, und der Benutzer hat noch keine Sicherheitsinformationen registriert.',
    fix:
      'Lassen Sie den Benutzer sich interaktiv in einem Browser anmelden und Sicherheitsinformationen registrieren, und versuchen Sie es dann mit einem interaktiven Flow erneut.',
  },
  aadsts50078: {
    title: 'AADSTS50078: Die vorgelegte mehrstufige Authentifizierung ist abgelaufen',
    cause: 'Der MFA-Anspruch in der Sitzung oder im Aktualisierungstoken ist älter, als die Richtlinie zulässt.',
    fix: SIGN_IN_AGAIN,
  },
  aadsts50089: {
    title: 'AADSTS50089: Das Token des Authentifizierungsflows ist abgelaufen',
    cause: 'Die Anmeldung hat zu lange gedauert (das Flowtoken ist abgelaufen) oder wurde abgebrochen und später fortgesetzt.',
    fix: 'Starten Sie die Anmeldung erneut, und schließen Sie sie zügig ab.',
  },
  aadsts50105: {
    title: 'AADSTS50105: Der angemeldete Benutzer ist der Anwendung nicht zugewiesen',
    cause:
      'Bei der Unternehmensanwendung ist "Assignment required?" (Zuweisung erforderlich?) auf „Ja“ festgelegt, und dieser Benutzer (oder seine Gruppe) ist nicht zugewiesen.',
    fix:
      'Microsoft Entra Admin Center → Unternehmensanwendungen → <App> → Benutzer und Gruppen → Benutzer/Gruppe hinzufügen, oder legen Sie unter „Eigenschaften“ die Option „Zuweisung erforderlich?“ auf „Nein“ fest.',
  },
  aadsts50126: {
    title: 'AADSTS50126: Ungültiger Benutzername oder ungültiges Kennwort',
    cause:
      'Die Kennwortgewährung (ROPC) wurde mit falschen Anmeldeinformationen verwendet oder mit einem Konto, das hier keine Kennwörter verwenden kann (Verbund, kennwortlos oder durch MFA geschützt).',
    fix:
      'Verwenden Sie für E-Mail-Clients bevorzugt den Autorisierungscode-Flow oder den Geräte-Code-Flow; wenn ROPC unvermeidlich ist, überprüfen Sie Benutzername und Kennwort.',
  },
  aadsts50133: {
    title: 'AADSTS50133: Die Sitzung ist nach einer Kennwortänderung ungültig',
    cause:
      'Das Kennwort ist abgelaufen oder wurde kürzlich geändert, wodurch die Sitzung und die Aktualisierungstoken ungültig wurden.',
    fix: SIGN_IN_AGAIN,
  },
  aadsts50158: {
    title: 'AADSTS50158: Eine externe Sicherheitsabfrage wurde nicht erfüllt',
    cause:
      'Eine MFA eines Drittanbieters oder ein externes Steuerelement (z. B. ein benutzerdefiniertes Steuerelement für bedingten Zugriff) muss interaktiv abgeschlossen werden.',
    fix: 'Melden Sie sich interaktiv in einem Browser an, und schließen Sie die externe Abfrage ab.',
  },
  aadsts50173: {
    title: 'AADSTS50173: Die Gewährung wurde widerrufen; eine neue Anmeldung ist erforderlich',
    cause:
      'Ein Administrator oder der Benutzer hat die Sitzungen bzw. Aktualisierungstoken widerrufen (z. B. „Sitzungen widerrufen“, Kennwortzurücksetzung), daher funktioniert das gespeicherte Aktualisierungstoken nicht mehr.',
    fix: SIGN_IN_AGAIN,
  },
  aadsts50194: {
    title: 'AADSTS50194: Die Anwendung ist nicht mehrinstanzenfähig, daher kann /common nicht verwendet werden',
    cause: 'Die App-Registrierung gilt nur für einen Mandanten, aber die Anforderung hat die Autorität /common verwendet.',
    fix:
      'Verwenden Sie https://login.microsoftonline.com/<Mandanten-ID>/ als Autorität, oder machen Sie die App mehrinstanzenfähig (App-Registrierungen → <App> → Authentifizierung → Unterstützte Kontotypen).',
  },
  aadsts50196: {
    title: 'AADSTS50196: Eine Clientschleife wurde erkannt',
    cause:
      'Der Client fordert in kurzer Zeit immer wieder dasselbe Token an, meist weil er keine Token zwischenspeichert.',
    fix: 'Speichern Sie Zugriffs- und Aktualisierungstoken zwischen (MSAL erledigt das), und verwenden Sie sie bis zu ihrem Ablauf wieder.',
  },
  aadsts53000: {
    title: 'AADSTS53000: Das Gerät ist nicht konform',
    cause: 'Eine Richtlinie für bedingten Zugriff verlangt ein konformes Gerät (z. B. von Intune verwaltet).',
    fix: 'Registrieren Sie das Gerät in der geforderten Geräteverwaltung, oder lassen Sie einen Administrator die Richtlinie für diese App anpassen.',
  },
  aadsts53003: {
    title: 'AADSTS53003: Der Zugriff wurde durch bedingten Zugriff blockiert',
    cause:
      'Eine Richtlinie für bedingten Zugriff verhindert die Tokenausstellung für diesen Benutzer, diese App, diesen Standort, diese Plattform oder diesen Clienttyp.',
    fix:
      'Microsoft Entra Admin Center → Anmeldeprotokolle → die fehlgeschlagene Anmeldung → Registerkarte „Bedingter Zugriff“ zeigt die Richtlinie; ein Administrator muss sie ändern oder diese App bzw. dieses Szenario ausschließen.',
  },
  aadsts530035: {
    title: 'AADSTS530035: Der Zugriff wurde durch die Sicherheitsstandards blockiert',
    cause:
      'Die Sicherheitsstandards blockieren die Anforderung, weil sie eine Legacyauthentifizierung verwendet oder als unsicher eingestuft wird.',
    fix:
      'Verwenden Sie einen modernen OAuth-Flow mit MFA (Autorisierungscode oder Geräte-Code); Administratoren: Einstellungen der Sicherheitsstandards oder des bedingten Zugriffs prüfen.',
  },
  aadsts54005: {
    title: 'AADSTS54005: Der Autorisierungscode wurde bereits eingelöst',
    cause: 'Der Client hat denselben Autorisierungscode zweimal eingelöst (Codes sind nur einmal verwendbar).',
    fix: 'Lösen Sie jeden Code nur einmal ein, und verwenden Sie danach das Aktualisierungstoken.',
  },
  aadsts65001: {
    title: 'AADSTS65001: Die Einwilligung wurde nicht erteilt',
    cause:
      'Weder der Benutzer noch ein Administrator hat in die Berechtigungen eingewilligt, die die App anfordert (z. B. IMAP.AccessAsUser.All).',
    fix:
      'Senden Sie eine interaktive Autorisierungsanforderung, damit der Benutzer einwilligt, oder lassen Sie einen Administrator die Einwilligung erteilen: App-Registrierungen → <App> → API-Berechtigungen → Administratoreinwilligung für <Mandant> erteilen.',
  },
  aadsts65002: {
    title: 'AADSTS65002: Eine Client-ID eines Microsoft-Erstanbieterclients kann für diese Ressource nicht verwendet werden',
    cause:
      'Die Anforderung verwendet eine Anwendungs-ID, die Microsoft gehört (aus einem anderen Produkt übernommen), für eine API, die diese Anwendung nicht vorab autorisiert hat.',
    fix: 'Registrieren Sie eine eigene Anwendung, und verwenden Sie deren Client-ID.',
  },
  aadsts65004: {
    title: 'AADSTS65004: Der Benutzer hat die Einwilligung abgelehnt',
    cause: 'Der Benutzer hat in der Einwilligungsaufforderung auf „Abbrechen“ bzw. „Ablehnen“ geklickt.',
    fix: 'Versuchen Sie es erneut, und akzeptieren Sie die Aufforderung, oder lassen Sie einen Administrator die Einwilligung für die Organisation erteilen.',
  },
  aadsts650052: {
    title: 'AADSTS650052: Die Organisation hat kein Abonnement für den angeforderten Dienst',
    cause:
      'Die App fordert eine Ressource an (für E-Mail: Office 365 Exchange Online), die der Mandant nicht abonniert oder deaktiviert hat.',
    fix:
      'Überprüfen Sie, ob der Mandant über Exchange Online-Lizenzen verfügt, oder entfernen Sie Berechtigungen für Dienste, die der Mandant nicht nutzt.',
  },
  aadsts650057: {
    title: 'AADSTS650057: Die Ressource ist nicht in den angeforderten Berechtigungen der App enthalten',
    cause:
      'Der Bereich nennt eine Ressource (z. B. https://outlook.office.com), für die die App-Registrierung keine Berechtigung enthält.',
    fix:
      'Azure-Portal → App-Registrierungen → <App> → API-Berechtigungen → Berechtigung hinzufügen, und fügen Sie die delegierte Berechtigung hinzu, die der Bereich benötigt (IMAP.AccessAsUser.All, POP.AccessAsUser.All, SMTP.Send); fordern Sie dann ' +
      OUTLOOK_SCOPES +
      ' an.',
  },
  aadsts70000: {
    title: 'AADSTS70000: Die Gewährung ist ungültig',
    cause:
      'Das Aktualisierungstoken oder der Autorisierungscode ist nicht gültig (abgelaufen, widerrufen, für einen anderen Client oder nicht passende Tokenbindung).',
    fix: SIGN_IN_AGAIN,
  },
  aadsts70002: {
    title: 'AADSTS70002: Der geheime Clientschlüssel stimmt nicht überein',
    cause: 'Der gesendete client_secret ist kein aktueller geheimer Clientschlüssel dieser Anwendung.',
    fix:
      'Azure-Portal → App-Registrierungen → <App> → Zertifikate & Geheimnisse → Neuer geheimer Clientschlüssel, und verwenden Sie dessen Wert (nicht die Geheimnis-ID).',
  },
  aadsts70008: {
    title: 'AADSTS70008: Das Aktualisierungstoken ist wegen Inaktivität abgelaufen',
    cause:
      'Das Aktualisierungstoken wurde länger als seine Inaktivitätsdauer nicht verwendet oder wurde widerrufen.',
    fix: SIGN_IN_AGAIN,
  },
  aadsts700082: {
    title: 'AADSTS700082: Das Aktualisierungstoken ist wegen Inaktivität abgelaufen',
    cause:
      'Das Aktualisierungstoken wurde länger als zulässig nicht verwendet (ein erwarteter Teil des Tokenlebenszyklus).',
    fix: SIGN_IN_AGAIN,
  },
  aadsts70011: {
    title: 'AADSTS70011: Der Bereich ist ungültig',
    cause:
      'Der Parameter scope ist fehlerhaft oder nicht zulässig: Bereiche durch Kommas statt Leerzeichen getrennt, ein bloßer Berechtigungsname, wo ein vollständiger URI nötig ist, /.default zusammen mit anderen Bereichen oder ein Bereich, den der Flow nicht anfordern kann.',
    fix:
      'Senden Sie vollständige, durch Leerzeichen getrennte Bereiche, z. B. ' +
      OUTLOOK_SCOPES +
      '; für Clientanmeldeinformationen verwenden Sie https://outlook.office365.com/.default allein.',
  },
  aadsts70016: {
    title: 'AADSTS70016: Autorisierung ausstehend (Geräte-Code-Flow)',
    cause:
      'Der Benutzer hat die Anmeldung auf der Geräteanmeldeseite noch nicht abgeschlossen; das ist während des Abfragens zu erwarten.',
    fix:
      'Fragen Sie weiter in dem Intervall ab, das die Antwort auf die Geräte-Code-Anforderung angegeben hat, bis der Benutzer fertig ist oder der Code abläuft.',
  },
  aadsts70018: {
    title: 'AADSTS70018: Der Bestätigungscode des Geräte-Code-Flows ist falsch',
    cause: 'Der Benutzer hat auf der Geräteanmeldeseite einen falschen Code eingegeben.',
    fix: 'Lassen Sie den Benutzer den vom Client angezeigten Code exakt eingeben, oder starten Sie den Geräte-Code-Flow neu.',
  },
  aadsts70019: {
    title: 'AADSTS70019: Der Gerätecode ist abgelaufen',
    cause: 'Der Benutzer hat die Anmeldung mit dem Gerätecode nicht rechtzeitig abgeschlossen.',
    fix: 'Starten Sie einen neuen Geräte-Code-Flow, und schließen Sie die Anmeldung innerhalb der Ablaufzeit ab.',
  },
  aadsts70020: {
    title: 'AADSTS70020: Der Gerätecode ist abgelaufen, bevor die Anmeldung abgeschlossen wurde',
    cause:
      'Niemand hat den Code innerhalb seiner Gültigkeitsdauer (bei Microsoft 15 Minuten) auf der Bestätigungsseite eingegeben und bestätigt, daher endet das Abfragen damit; ein bereits eingelöster Code wird auf dieselbe Weise abgelehnt.',
    fix:
      'Starten Sie die Anmeldung mit Gerätecode erneut, und geben Sie den neuen Code vor seinem Ablauf auf der Bestätigungsseite ein.',
  },
  aadsts70043: {
    title: 'AADSTS70043: Das Aktualisierungstoken ist aufgrund einer Richtlinie zur Anmeldehäufigkeit abgelaufen',
    cause:
      'Die Anmeldehäufigkeit des bedingten Zugriffs begrenzt, wie lange ein Aktualisierungstoken verwendet werden darf; dieses ist älter als zulässig.',
    fix:
      SIGN_IN_AGAIN +
      ' Administratoren können die Einstellung zur Anmeldehäufigkeit in der Richtlinie für bedingten Zugriff überprüfen.',
  },
  aadsts700005: {
    title: 'AADSTS700005: Der Autorisierungscode gehört zu einem anderen Mandanten',
    cause:
      'Der Code wurde bei einer Autorität (/common oder einem Mandanten) abgerufen und bei einer anderen eingelöst.',
    fix: 'Lösen Sie den Autorisierungscode bei derselben Autorität (/common oder /<Mandanten-ID>) ein, bei der er angefordert wurde.',
  },
  aadsts700016: {
    title: 'AADSTS700016: Die Anwendung wurde im Mandanten nicht gefunden',
    cause:
      'Die client_id ist falsch (eine Objekt-ID, ein geheimer Schlüssel oder eine E-Mail-Adresse statt der Anwendungs-ID (Client)), die App befindet sich in einem anderen Mandanten als die Autorität, oder für eine mehrinstanzenfähige App wurde in diesem Mandanten nie eine Einwilligung erteilt.',
    fix:
      'Kopieren Sie die Anwendungs-ID (Client) unter App-Registrierungen → <App> → Übersicht, und verwenden Sie diesen Mandanten (oder /organizations für mehrinstanzenfähige Apps).',
  },
  aadsts700022: {
    title: 'AADSTS700022: Der Bereich enthält mehr als eine Ressource',
    cause:
      'Eine Tokenanforderung hat Bereiche verschiedener Ressourcen gemischt (z. B. Microsoft Graph und Outlook); ein Token hat genau eine Zielgruppe.',
    fix:
      'Fordern Sie eine Ressource pro Token an: ' + OUTLOOK_SCOPES + ' in einer Anforderung, Graph-Bereiche in einer anderen.',
  },
  aadsts700024: {
    title: 'AADSTS700024: Die Clientassertion liegt außerhalb ihres gültigen Zeitraums',
    cause:
      'Die signierte Clientassertion (Zertifikat-JWT oder Verbundanmeldeinformationen, z. B. ein GitHub-OIDC-Token) ist abgelaufen oder noch nicht gültig, oft wegen einer Uhrabweichung oder eines Verbundtokens, das nur wenige Minuten gültig ist.',
    fix: 'Synchronisieren Sie die Uhr (NTP), und erstellen Sie unmittelbar vor jeder Tokenanforderung eine neue Assertion.',
  },
  aadsts700025: {
    title: 'AADSTS700025: Ein öffentlicher Client darf keinen geheimen Schlüssel senden',
    cause:
      'Die App ist als öffentlicher Client konfiguriert (Mobilgerät/Desktop, Gerätecode), aber die Anforderung enthielt client_secret oder client_assertion.',
    fix:
      'Entfernen Sie den geheimen Schlüssel aus Flows öffentlicher Clients, oder verwenden Sie für Flows, die einen benötigen, die Registrierung eines vertraulichen Clients.',
  },
  aadsts700027: {
    title: 'AADSTS700027: Die Signatur der Clientassertion ist ungültig',
    cause:
      'Die mit einem Zertifikat signierte Assertion lässt sich nicht überprüfen: Das Zertifikat wurde nicht in die App hochgeladen, der kid/x5t-Header passt nicht dazu, oder sie wurde mit einem anderen privaten Schlüssel signiert.',
    fix:
      'Laden Sie das Zertifikat (öffentlicher Schlüssel als .cer/.pem) unter App-Registrierungen → <App> → Zertifikate & Geheimnisse hoch, und signieren Sie mit dem passenden privaten Schlüssel.',
  },
  aadsts7000112: {
    title: 'AADSTS7000112: Die Anwendung ist deaktiviert',
    cause:
      'Für die Unternehmensanwendung (Dienstprinzipal) ist die Anmeldung deaktiviert: von einem Administrator des Mandanten ' +
      'oder, bei einer Drittanbieter-App wie einer alten Client-ID von Thunderbird, von ihrem Herausgeber oder von Microsoft.',
    fix:
      'Eigene App: Microsoft Entra Admin Center → Unternehmensanwendungen → <App> → Eigenschaften → Aktiviert für die ' +
      'Benutzeranmeldung? → Ja. Drittanbieter-App: den Client aktualisieren oder die Client-ID eintragen, die ihr Herausgeber jetzt angibt.',
  },
  aadsts7000215: {
    title: 'AADSTS7000215: Es wurde ein ungültiger geheimer Clientschlüssel angegeben',
    cause:
      'Der client_secret ist falsch: Oft wurde die Geheimnis-ID statt des Werts des geheimen Schlüssels kopiert, oder der Wert wurde abgeschnitten.',
    fix:
      'Erstellen Sie unter „Zertifikate & Geheimnisse“ einen neuen geheimen Clientschlüssel, und kopieren Sie sofort seinen Wert (er wird nur einmal angezeigt).',
  },
  aadsts7000218: {
    title: "AADSTS7000218: Die Anforderung benötigt 'client_assertion' oder 'client_secret' (die App ist kein öffentlicher Client)",
    cause:
      'Ein Flow für öffentliche Clients (Gerätecode, Kennwort oder ein Autorisierungscode-Flow für Desktop/Loopback ohne geheimen Schlüssel) wurde mit einer App verwendet, die nicht als öffentlicher Client auftreten darf.',
    fix:
      'Azure-Portal → App-Registrierungen → <App> → Authentifizierung → Erweiterte Einstellungen → Öffentliche Clientflows zulassen → Ja (und registrieren Sie http://localhost unter „Mobile Anwendungen und Desktopanwendungen“). Oder senden Sie einen geheimen Clientschlüssel bzw. ein Zertifikat, wenn die App vertraulich ist.',
  },
  aadsts7000222: {
    title: 'AADSTS7000222: Der geheime Clientschlüssel ist abgelaufen',
    cause: 'Der verwendete geheime Clientschlüssel hat sein Ablaufdatum überschritten.',
    fix:
      'Zertifikate & Geheimnisse → Neuer geheimer Clientschlüssel, aktualisieren Sie die Clientkonfiguration, und entfernen Sie den abgelaufenen Schlüssel (oder wechseln Sie zu einem Zertifikat).',
  },
  aadsts90002: {
    title: 'AADSTS90002: Der Mandant wurde nicht gefunden',
    cause:
      'Die Mandanten-ID oder Domäne in der Autorität ist falsch oder gehört zu einer anderen Cloud (z. B. einer nationalen Cloud).',
    fix:
      'Verwenden Sie die Verzeichnis-ID (Mandant) unter App-Registrierungen → <App> → Übersicht oder die verifizierte Domäne des Mandanten.',
  },
  aadsts90008: {
    title: 'AADSTS90008: Die App benötigt die Berechtigung zum Anmelden und Lesen des Benutzerprofils',
    cause: 'Die Anforderung setzt voraus, dass für die App mindestens Microsoft Graph User.Read eingewilligt wurde.',
    fix: 'Fügen Sie unter „API-Berechtigungen“ Microsoft Graph → Delegiert → User.Read hinzu, und erteilen Sie die Einwilligung.',
  },
  aadsts90014: {
    title: 'AADSTS90014: Ein erforderliches Feld fehlt',
    cause:
      'Der Tokenanforderung fehlt ein Feld, das die Gewährung benötigt (z. B. code, refresh_token, username, client_id).',
    fix:
      'Vergleichen Sie den Anforderungstext mit der Dokumentation des Flows; senden Sie ihn als POST mit application/x-www-form-urlencoded.',
  },
  aadsts900144: {
    title: 'AADSTS900144: Im Anforderungstext fehlt ein erforderlicher Parameter',
    cause:
      'Ein erforderlicher Parameter (in der Meldung genannt, z. B. client_id, grant_type oder scope) fehlt im POST-Text.',
    fix: 'Fügen Sie den in der Meldung genannten Parameter dem formularcodierten Text der Tokenanforderung hinzu.',
  },
  aadsts9001023: {
    title: 'AADSTS9001023: Dieser Gewährungstyp wird für /common oder /consumers nicht unterstützt',
    cause: 'Der Flow (z. B. Clientanmeldeinformationen oder Kennwortgewährung) benötigt einen konkreten Mandanten.',
    fix:
      'Verwenden Sie https://login.microsoftonline.com/<Mandanten-ID>/oauth2/v2.0/token (oder /organizations, wo zulässig).',
  },
  aadsts90094: {
    title: 'AADSTS90094: Die Administratoreinwilligung ist erforderlich',
    cause:
      'Die angeforderten Berechtigungen (Anwendungsberechtigungen wie IMAP.AccessAsApp oder delegierte Berechtigungen, die der Mandant einschränkt) erfordern die Einwilligung eines Administrators.',
    fix:
      'Ein Administrator erteilt sie: App-Registrierungen → <App> → API-Berechtigungen → Administratoreinwilligung für <Mandant> erteilen, oder über den Workflow für die Administratoreinwilligung.',
  },
  aadsts9002313: {
    title: 'AADSTS9002313: Die Anforderung ist fehlerhaft',
    cause: 'Etwas in der Anforderung an den Endpunkt ist ungültig (falscher Endpunkt, falsche Parameter oder Codierung).',
    fix: 'Zeichnen Sie die Anforderung auf (z. B. mit der Protokollierung der Bibliothek), und vergleichen Sie sie mit der Dokumentation des Flows.',
  },
  aadsts90055: {
    title: 'AADSTS90055: Der Mandant wird gedrosselt',
    cause: 'Zu viele Anforderungen von diesem Mandanten oder Client in kurzer Zeit.',
    fix: 'Warten Sie mit neuen Versuchen, und speichern Sie Token zwischen, statt für jede Verbindung neue anzufordern.',
  },
  aadsts135011: {
    title: 'AADSTS135011: Das für die Authentifizierung verwendete Gerät ist deaktiviert',
    cause: 'Das Geräteobjekt in Microsoft Entra ID ist deaktiviert.',
    fix:
      'Ein Administrator aktiviert das Gerät wieder: Microsoft Entra Admin Center → Geräte → Alle Geräte → <Gerät> → Aktivieren.',
  },
  aadsts28000: {
    title: 'AADSTS28000: Der Bereich enthält mehr als eine Ressource',
    cause:
      'Bereiche verschiedener Ressourcen wurden zusammen angefordert, typischerweise Microsoft Graph-Bereiche gemischt mit Outlook-Bereichen (IMAP/POP/SMTP); ein Token hat genau eine Zielgruppe.',
    fix:
      'Fordern Sie ' +
      OUTLOOK_SCOPES +
      ' in einer eigenen Tokenanforderung an und Graph-Bereiche in einer anderen (MSAL: acquireTokenSilent pro Ressource).',
  },
  aadsts28002: {
    title: 'AADSTS28002: Der Bereich ist für diese Zugriffstokenanforderung nicht gültig',
    cause:
      'Der beim Einlösen eines Codes oder Aktualisierungstokens angeforderte Bereich ist nicht gültig (keine Einwilligung erteilt oder fehlerhaft).',
    fix: 'Fordern Sie gültige Bereiche an, für die eine Einwilligung vorliegt, z. B. ' + OUTLOOK_SCOPES + '.',
  },
  aadsts28003: {
    title: 'AADSTS28003: Der Bereich ist beim Einlösen des Autorisierungscodes leer',
    cause: 'Die Anforderung zum Einlösen des Codes enthielt keinen Bereich.',
    fix: 'Senden Sie beim Einlösen des Autorisierungscodes denselben Bereich wie in der Autorisierungsanforderung.',
  },
  aadsts500011: {
    title: 'AADSTS500011: Der Ressourcenprinzipal wurde im Mandanten nicht gefunden',
    cause:
      'Die Ressource im Bereich ist in diesem Mandanten nicht vorhanden: ein Tippfehler in der Ressourcen-URL (z. B. outlook.office.com falsch geschrieben), ein Mandant ohne Exchange Online, eine API, für die nie eine Einwilligung erteilt wurde, oder die Anforderung ging an den falschen Mandanten.',
    fix:
      'Überprüfen Sie die Schreibweise des Bereichs (' +
      OUTLOOK_SCOPES +
      '), ob der Mandant über Exchange Online verfügt, und den Mandanten in der Autorität.',
  },
  aadsts501051: {
    title: 'AADSTS501051: Die Anwendung ist keiner Rolle der API zugewiesen',
    cause: 'Die Ressourcenanwendung verlangt die Zuweisung einer App-Rolle, und die Clientanwendung hat keine.',
    fix:
      'Weisen Sie dem Dienstprinzipal des Clients eine App-Rolle der API zu (Administratoreinwilligung für Anwendungsberechtigungen), oder legen Sie für die Unternehmensanwendung der Ressource „Zuweisung erforderlich?“ (Assignment required?) auf „Nein“ fest.',
  },
  aadsts50000: {
    title: 'AADSTS50000: Beim Anmeldedienst ist ein interner Fehler aufgetreten',
    cause:
      'Ein Fehler in Microsoft Entra ID beim Ausstellen des Tokens (ein vorübergehender Fehler oder ein Ausfall); wenn er bei einer App bestehen bleibt, lehnt sie möglicherweise eine Mandantenrichtlinie ab (z. B. Berechtigungen, die unter einer Einwilligungsrichtlinie eine Administratoreinwilligung erfordern).',
    fix:
      'Versuchen Sie es nach einer Minute erneut (beachten Sie Retry-After); wenn der Fehler bestehen bleibt, prüfen Sie die Dienstintegrität von Microsoft 365 / Azure, lassen Sie einen Administrator die Einwilligung für die App erteilen, oder öffnen Sie eine Supportanfrage mit der Ablaufverfolgungs-ID (Trace ID) und der Korrelations-ID (Correlation ID). Zwischengespeicherte Token bleiben bis zu ihrem Ablauf gültig.',
  },
  aadsts50001: {
    title: 'AADSTS50001: Die Ressource ist deaktiviert oder nicht vorhanden',
    cause: 'Die Ressourcen-URL in der Anforderung ist falsch oder deaktiviert.',
    fix: 'Verwenden Sie genau die Ressource, z. B. ' + OUTLOOK_SCOPES + '.',
  },
  aadsts7000012: {
    title: 'AADSTS7000012: Die Gewährung wurde für einen anderen Mandanten abgerufen',
    cause:
      'Das Aktualisierungstoken oder der Autorisierungscode wurde von einem Mandanten ausgestellt und am Tokenendpunkt eines anderen eingelöst: Das Token wurde mit /common oder /organizations (oder einer anderen Mandanten-ID) abgerufen und wird jetzt mit einem anderen Mandanten in der URL aktualisiert (sasl-xoauth2: token_endpoint; MSAL: authority).',
    fix:
      'Aktualisieren Sie bei derselben Autorität, die das Token ausgestellt hat, normalerweise https://login.microsoftonline.com/<Mandanten-ID>/oauth2/v2.0/token für Anmeldung und Aktualisierung, oder melden Sie sich erneut mit der Autorität an, die Sie künftig beibehalten.',
  },
  aadsts700007: {
    title: 'AADSTS700007: Die Gewährung wurde für eine andere Client-ID ausgestellt',
    cause:
      'Das Aktualisierungstoken oder der Code gehört zu einer anderen Anwendung (Client-ID) als der, die es einlöst: Die Client-ID wurde geändert, oder ein Token eines Tools wird mit der App-Registrierung eines anderen Tools verwendet.',
    fix: 'Lösen Sie Token mit der Client-ID ein, mit der sie abgerufen wurden, oder melden Sie sich mit der aktuellen Client-ID erneut an.',
  },
  aadsts500113: {
    title: 'AADSTS500113: Für die Anwendung ist keine Antwortadresse registriert',
    cause:
      'Die App-Registrierung hat auf der von der Anmeldung verwendeten Plattform überhaupt keinen Umleitungs-URI, daher kann Entra den Code nirgendwohin senden.',
    fix:
      'Azure-Portal → App-Registrierungen → <App> → Authentifizierung → Plattform hinzufügen: „Mobile Anwendungen und Desktopanwendungen“ mit http://localhost (oder https://login.microsoftonline.com/common/oauth2/nativeclient) für Desktoptools, „Web“ mit der exakten Rückruf-URL für Web-Apps.',
  },
  aadsts900971: {
    title: 'AADSTS900971: Keine Antwortadresse angegeben',
    cause:
      'Die Autorisierungsanforderung hat keinen Parameter redirect_uri, und die Registrierung lässt Entra keinen auswählen.',
    fix: 'Senden Sie redirect_uri mit genau dem Wert, der unter App-Registrierungen → <App> → Authentifizierung registriert ist.',
  },
  aadsts650053: {
    title: 'AADSTS650053: Die Anwendung hat einen Bereich angefordert, der für die Ressource nicht vorhanden ist',
    cause:
      'Der in der Meldung genannte Bereich ist für diese Ressource nicht vorhanden: ein Tippfehler (z. B. mailread statt Mail.Read), ein versehentlicher Zeilenumbruch oder ein Komma in der Bereichszeichenfolge oder ein Bereich einer API, der als Bereich einer anderen gelesen wird: Ein bloßes IMAP.AccessAsUser.All, POP.AccessAsUser.All oder SMTP.Send wird als Microsoft Graph (00000003-0000-0000-c000-000000000000) interpretiert.',
    fix:
      'Senden Sie durch Leerzeichen getrennte Bereiche, genau so geschrieben, wie die API sie definiert; stellen Sie ihnen für E-Mail-Protokolle die Ressource voran: ' +
      OUTLOOK_SCOPES +
      '.',
  },
  aadsts9002326: {
    title:
      "AADSTS9002326: Die ursprungsübergreifende Tokeneinlösung ist nur für den Clienttyp 'Single-Page Application' (Single-Page-Anwendung) zulässig",
    cause:
      'Die Tokenanforderung kam aus einem Browser (sie hatte einen Origin-Header), aber der Umleitungs-URI ist als „Web“ oder „Mobile Anwendungen und Desktopanwendungen“ registriert.',
    fix:
      'Registrieren Sie den Umleitungs-URI unter der Plattform „Single-Page-Anwendung“, oder lösen Sie den Code von einem Back-End oder Desktopclient ohne Origin-Header ein.',
  },
  aadsts700084: {
    title: 'AADSTS700084: Das Aktualisierungstoken wurde für eine Single-Page-App ausgestellt, und seine feste Gültigkeitsdauer ist abgelaufen',
    cause:
      'Aktualisierungstoken, die für die Plattform „Single-Page-Anwendung“ ausgestellt werden, laufen unabhängig von ihrer Verwendung nach 24 Stunden ab.',
    fix:
      'Melden Sie sich erneut an; registrieren Sie für einen lange laufenden E-Mail-Client statt SPA einen Umleitungs-URI unter „Mobile Anwendungen und Desktopanwendungen“ (öffentlicher Client).',
  },
  aadsts90072: {
    title: 'AADSTS90072: Das externe Konto ist im Mandanten nicht vorhanden',
    cause:
      'Das Konto (oft ein persönliches Microsoft-Konto oder ein Benutzer einer anderen Organisation) ist kein Gast des in der Autorität genannten Mandanten.',
    fix:
      'Laden Sie den Benutzer als Gast in den Mandanten ein, oder verwenden Sie /common oder /consumers mit einer App, die persönliche oder mehrinstanzenfähige Konten zulässt.',
  },
  aadsts700054: {
    title: "AADSTS700054: response_type 'id_token' ist für die Anwendung nicht aktiviert",
    cause:
      'Die App hat am Autorisierungsendpunkt ein ID-Token angefordert, ohne dass implizite ID-Token aktiviert sind.',
    fix:
      'App-Registrierungen → <App> → Authentifizierung → Implizite Genehmigung und hybride Flows → ID-Token, oder verwenden Sie den Autorisierungscode-Flow.',
  },
  'google-token-expired-or-revoked': {
    title: 'Google-Aktualisierungstoken abgelaufen oder widerrufen (invalid_grant: Token has been expired or revoked)',
    cause:
      'Das Aktualisierungstoken funktioniert nicht mehr: Der OAuth-Zustimmungsbildschirm der App hat den Veröffentlichungsstatus "Testing" mit externen Nutzern (Aktualisierungstoken laufen dann nach 7 Tagen ab), der Benutzer hat den Zugriff widerrufen oder das Kennwort geändert, das Token wurde sechs Monate lang nicht verwendet, oder das Limit an Aktualisierungstoken pro Konto für diesen Client wurde überschritten.',
    fix:
      'Google Cloud Console → APIs & Services → OAuth consent screen (Google Auth Platform → Audience) → Publish app / In production, und melden Sie sich dann erneut an, um ein neues Aktualisierungstoken zu erhalten (Token, die im Status „Testing“ ausgestellt wurden, behalten ihr 7-Tage-Limit).',
  },
  'google-invalid-grant-bad-request': {
    title: 'Google hat das Aktualisierungstoken abgelehnt (invalid_grant: Bad Request)',
    cause:
      'Google nennt keine Details: Meist ist das Aktualisierungstoken abgelaufen oder widerrufen (7-Tage-Limit im Status „Testing“, widerrufene Einwilligung, Kennwortänderung), oder ein Autorisierungscode wurde erneut verwendet oder mit einem anderen redirect_uri eingelöst.',
    fix:
      'Melden Sie sich erneut an, um ein neues Aktualisierungstoken zu erhalten; veröffentlichen Sie den OAuth-Zustimmungsbildschirm (In production), damit Token nicht mehr nach 7 Tagen ablaufen.',
  },
  'google-unauthorized-client-or-scope': {
    title: 'Google: Unauthorized client or scope in request (nicht autorisierter Client oder Bereich)',
    cause:
      'Ein Dienstkonto mit domainweiter Delegierung hat einen Bereich angefordert, den der Workspace-Administrator für seine Client-ID nicht autorisiert hat (oder die Client-ID ist falsch).',
    fix:
      'Google Admin Console → Security → Access and data control → API controls → Manage Domain Wide Delegation → fügen Sie die Client-ID des Dienstkontos mit https://mail.google.com/ hinzu.',
  },
  'google-invalid-scope': {
    title: 'Google: Some requested scopes were invalid (einige angeforderte Bereiche sind ungültig)',
    cause:
      'Ein Bereich ist unbekannt oder fehlerhaft; eine Liste wie {invalid=[a, c, e, ...]} bedeutet, dass eine einzelne Bereichszeichenfolge in Zeichen zerlegt wurde, weil eine Zeichenfolge übergeben wurde, wo eine Liste von Bereichen erwartet wurde.',
    fix: 'Übergeben Sie die Bereiche als Liste vollständiger URLs, z. B. ["https://mail.google.com/"].',
  },
  'google-admin-policy-enforced': {
    title: 'Eine Administratorrichtlinie von Google Workspace blockiert diese App (admin_policy_enforced)',
    cause:
      'Der Workspace-Administrator schränkt ein, welche Drittanbieter-Apps auf Google-Daten zugreifen dürfen (API controls), und diese OAuth-Client-ID ist nicht vertrauenswürdig, oder der angeforderte Bereich (z. B. https://mail.google.com/) ist eingeschränkt.',
    fix:
      'Ein Workspace-Administrator: Admin Console → Security → Access and data control → API controls → Manage third-party app access → die App anhand ihrer Client-ID hinzufügen und auf „Trusted“ (vertrauenswürdig) setzen (oder den Gmail-Dienst zulassen).',
  },
  'google-policy-enforced': {
    title: 'Google hat die Anmeldung aufgrund einer Sicherheitsrichtlinie abgelehnt (policy_enforced)',
    cause:
      'Das Konto nimmt am Advanced Protection Program teil (oder unterliegt einer vergleichbaren Richtlinie), das nur Google-Apps und verifizierten Apps die Verwendung sensibler Bereiche wie Gmail erlaubt; Aktualisierungstoken anderer Apps werden abgelehnt.',
    fix:
      'Verwenden Sie mit diesem Konto eine Google-App oder einen verifizierten Client, verlassen Sie den erweiterten Schutz (Advanced Protection), oder verwenden Sie ein anderes Konto für das Tool.',
  },
  'google-oob-blocked': {
    title: "Google hat die Anmeldung blockiert: Die Anforderung entspricht nicht der OAuth 2.0-Richtlinie von Google",
    cause:
      'Google lehnt die Autorisierungsanforderung selbst ab. Meist verwendet sie die Out-of-Band-Umleitung urn:ietf:wg:oauth:2.0:oob (Code kopieren und einfügen), die Google blockiert hat; dieselbe Seite erscheint auch bei einem Umleitungs-URI, der für den Client nicht registriert ist (dann steht dort redirect_uri_mismatch), und bei Anmeldungen aus eingebetteten Webansichten.',
    fix:
      'Lesen Sie auf der Seite "Request details". redirect_uri=urn:ietf:wg:oauth:2.0:oob: Verwenden Sie eine Loopback-Umleitung (http://127.0.0.1:<Port>/ oder http://localhost) mit der Client-ID einer Desktop-App, oder aktualisieren Sie das Tool auf eine Version ohne OOB. Jeder andere redirect_uri: Registrieren Sie genau diesen URI für den Client. Melden Sie sich im Systembrowser an, nicht in einer Webansicht.',
  },
  'google-app-not-verified-testing': {
    title: 'Google hat die Anmeldung blockiert: Die App ist im Test, und dieses Konto ist kein Testnutzer',
    cause:
      'Der OAuth-Zustimmungsbildschirm hat den Veröffentlichungsstatus "Testing", und das Konto steht nicht auf seiner Liste der Testnutzer, daher antwortet Google mit access_denied ("has not completed the Google verification process").',
    fix:
      'Google Cloud Console → Google Auth Platform → Audience (OAuth consent screen) → Test users → das Konto hinzufügen, oder die App veröffentlichen (In production). Aktualisierungstoken von Apps im Status „Testing“ laufen außerdem nach 7 Tagen ab.',
  },
  'google-redirect-uri-mismatch': {
    title: 'Google: Der Umleitungs-URI ist für diesen Client nicht registriert (redirect_uri_mismatch)',
    cause:
      'Der redirect_uri in der Anforderung gehört nicht zu den autorisierten Umleitungs-URIs des Clients (Schema, Host, Port und Pfad zählen), oder ein Webclient wird von einem Desktoptool verwendet, das an http://localhost:<zufälliger Port> umleitet.',
    fix:
      'Google Cloud Console → Credentials → <OAuth-Client> → Authorised redirect URIs: Fügen Sie den exakten URI hinzu, oder erstellen Sie einen Client vom Typ „Desktop app“, der jeden Loopback-Port akzeptiert.',
  },
  'entra-resource-principal-not-found': {
    title: 'Microsoft Entra: Der Ressourcenprinzipal wurde im Mandanten nicht gefunden (AADSTS500011 ohne seinen Code)',
    cause:
      'Die Ressource (die URL vor dem Bereichsnamen oder der Parameter resource) ist in dem Mandanten, an den die Anforderung ging, nicht vorhanden: ein Tippfehler oder ein Bereich einer API unter der URL einer anderen API, ein Mandant ohne Exchange Online für https://outlook.office.com oder der falsche Mandant in der Autorität.',
    fix:
      'Überprüfen Sie den Mandanten der Autorität und die Ressource des Bereichs: ' +
      OUTLOOK_SCOPES +
      ' für E-Mail-Protokolle, https://graph.microsoft.com/... nur für Graph.',
  },
  'msal-authority-uri-insecure': {
    title: 'MSAL hat die Autorität abgelehnt: Sie muss https verwenden (authority_uri_insecure)',
    cause: 'Die Autoritäts-URL beginnt mit http:// (oder wurde ohne Schema zusammengesetzt).',
    fix: 'Verwenden Sie https://login.microsoftonline.com/<Mandanten-ID | organizations | common | consumers> als Autorität.',
  },
  'msal-endpoints-resolution-error': {
    title: 'MSAL konnte die Endpunkte der Autorität nicht ermitteln (endpoints_resolution_error)',
    cause:
      'MSAL ruft vor der ersten Tokenanforderung <authority>/v2.0/.well-known/openid-configuration ab; das ist fehlgeschlagen: kein Netzwerk oder fehlende Proxyeinstellungen, ein DNS-Fehler, ein Tippfehler im Host oder Mandanten der Autorität oder TLS-Abfangen.',
    fix:
      'Überprüfen Sie die Autorität (https://login.microsoftonline.com/<Mandant>), ob der Computer sie erreichen kann (Proxy, Firewall) und ob der Mandant vorhanden ist; aktivieren Sie die MSAL-Protokollierung, um die fehlschlagende Anforderung zu sehen.',
  },
  'msal-invalid-authority': {
    title: 'MSAL hat die Autorität zurückgewiesen (invalid_authority / untrusted_authority)',
    cause: 'Die Autoritäts-URL ist fehlerhaft, verweist auf einen unbekannten Host oder ist nicht in knownAuthorities enthalten.',
    fix:
      'Verwenden Sie https://login.microsoftonline.com/<Mandant> (oder den Host der nationalen Cloud), und führen Sie andere Hosts in knownAuthorities auf.',
  },
  'msal-url-parse-error': {
    title: 'MSAL konnte eine URL nicht analysieren (url_parse_error)',
    cause:
      'Die Autorität oder der Umleitungs-URI ist keine absolute URL (fehlendes Schema, überzählige Leerzeichen, nicht ersetzte Platzhalter).',
    fix:
      'Legen Sie die Autorität auf https://login.microsoftonline.com/<Mandant> und den Umleitungs-URI auf eine absolute URL wie http://localhost fest.',
  },
  'msal-no-tokens-found': {
    title: 'MSAL hat für eine automatische Anforderung kein zwischengespeichertes Token gefunden (no_tokens_found)',
    cause:
      'acquireTokenSilent hat im Cache kein passendes Konto oder Aktualisierungstoken gefunden (neuer Computer, geleerter Cache, andere Bereiche).',
    fix:
      'Fangen Sie den Fehler ab, und greifen Sie auf eine interaktive Anmeldung oder eine Anmeldung mit Gerätecode zurück; speichern Sie den MSAL-Tokencache dauerhaft zwischen den Ausführungen.',
  },
  'oauth-invalid-grant': {
    title: 'Der Tokenendpunkt hat die Gewährung abgelehnt (invalid_grant)',
    cause:
      'Das Aktualisierungstoken oder der Autorisierungscode ist abgelaufen, widerrufen, bereits verwendet, für einen anderen Client ausgestellt oder wurde mit einem anderen redirect_uri oder PKCE-Verifizierer eingelöst. Bei Google laufen Aktualisierungstoken von Apps im Status "Testing" nach 7 Tagen ab.',
    fix:
      'Melden Sie sich erneut an, um ein neues Aktualisierungstoken zu erhalten; speichern Sie jedes Mal das neueste Aktualisierungstoken, wenn der Endpunkt eines zurückgibt.',
  },
  'oauth-invalid-client': {
    title: 'Die Clientauthentifizierung ist fehlgeschlagen (invalid_client)',
    cause:
      'Client-ID, geheimer Clientschlüssel oder Zertifikat ist falsch oder abgelaufen, oder ein öffentlicher Client hat einen geheimen Schlüssel gesendet (bzw. ein vertraulicher Client hat ihn weggelassen).',
    fix:
      'Überprüfen Sie client_id und den aktuellen Wert des geheimen Schlüssels bzw. das Zertifikat; aktivieren Sie für Geräte-Code- und Desktop-Flows öffentliche Clientflows, statt einen geheimen Schlüssel zu senden.',
  },
  'oauth-unauthorized-client': {
    title: 'Der Client darf diese Gewährung nicht verwenden (unauthorized_client)',
    cause:
      'Die Anwendung ist für diesen Gewährungstyp oder Mandanten nicht registriert; bei Google wurde das Aktualisierungstoken für einen anderen OAuth-Client ausgestellt als die jetzt verwendete Client-ID bzw. der geheime Schlüssel, oder einem Dienstkonto fehlt die domainweite Delegierung für den Bereich.',
    fix:
      'Verwenden Sie dieselbe Client-ID und denselben geheimen Schlüssel, mit denen das Aktualisierungstoken abgerufen wurde; prüfen Sie, ob die App-Registrierung den Flow unterstützt (öffentliche Clientflows, unterstützte Kontotypen); fügen Sie für Dienstkonten von Google Workspace die Client-ID und https://mail.google.com/ unter Admin Console → Security → Access and data control → API controls → Domain-wide delegation hinzu.',
  },
  'oauth-invalid-scope': {
    title: 'Der angeforderte Bereich ist ungültig (invalid_scope)',
    cause:
      'Ein Bereich ist unbekannt, fehlerhaft (durch Kommas getrennt, in Zeichen zerlegt) oder mischt Ressourcen.',
    fix:
      'Senden Sie vollständige, durch Leerzeichen getrennte Bereiche: für Microsoft https://outlook.office.com/IMAP.AccessAsUser.All offline_access (eine Ressource pro Anforderung); für Google https://mail.google.com/.',
  },
  'oauth-invalid-request': {
    title: 'Die Tokenanforderung ist fehlerhaft (invalid_request)',
    cause: 'Ein erforderlicher Parameter fehlt oder ist doppelt vorhanden, oder der Text ist nicht formularcodiert.',
    fix: 'Vergleichen Sie die Anforderung mit der Dokumentation des Flows; die error_description nennt den Parameter.',
  },
  'oauth-unsupported-grant-type': {
    title: 'Der Server unterstützt diesen Gewährungstyp nicht (unsupported_grant_type)',
    cause: 'grant_type ist falsch geschrieben oder für diesen Endpunkt bzw. diese App nicht aktiviert.',
    fix:
      'Verwenden Sie authorization_code, refresh_token, client_credentials oder urn:ietf:params:oauth:grant-type:device_code, je nachdem, was der Flow erfordert.',
  },
  'oauth-consent-required': {
    title: 'Eine Einwilligung ist erforderlich (consent_required)',
    cause:
      'Eine automatische oder nicht interaktive Anforderung setzt voraus, dass der Benutzer (oder ein Administrator) zuerst in die angeforderten Berechtigungen einwilligt.',
    fix:
      'Führen Sie eine interaktive Anmeldung aus (bei Bedarf mit prompt=consent), oder lassen Sie einen Administrator die Einwilligung für die Organisation erteilen.',
  },
  'oauth-interaction-required': {
    title: 'Eine Benutzerinteraktion ist erforderlich (interaction_required)',
    cause:
      'Der automatische Tokenabruf kann nicht fortgesetzt werden: MFA, bedingter Zugriff, eine Einwilligung oder eine neue Anmeldung ist erforderlich.',
    fix: 'Greifen Sie auf einen interaktiven Flow zurück (Autorisierungscode in einem Browser oder Gerätecode).',
  },
  'oauth-login-required': {
    title: 'Eine Anmeldung ist erforderlich (login_required)',
    cause: 'Eine automatische Anforderung (prompt=none) hat keine angemeldete Sitzung gefunden.',
    fix: 'Greifen Sie auf eine interaktive Anmeldung zurück.',
  },
  'oauth-authorization-pending': {
    title: 'Geräte-Code-Flow: Der Benutzer hat die Anmeldung noch nicht abgeschlossen (authorization_pending)',
    cause: 'Erwartet, während der Tokenendpunkt bei der Gewährung per Geräteautorisierung abgefragt wird.',
    fix: 'Fragen Sie im angegebenen Intervall weiter ab, bis der Benutzer die Anmeldung abschließt oder der Code abläuft.',
  },
  'oauth-slow-down': {
    title: 'Geräte-Code-Flow: zu häufige Abfragen (slow_down)',
    cause: 'Der Client fragt den Tokenendpunkt häufiger ab, als das Intervall erlaubt.',
    fix: 'Erhöhen Sie das Abfrageintervall um 5 Sekunden, wie RFC 8628 es verlangt, und fragen Sie weiter ab.',
  },
  'oauth-expired-token': {
    title: 'Geräte-Code-Flow: Der Gerätecode ist abgelaufen (expired_token)',
    cause: 'Der Benutzer hat die Anmeldung nicht abgeschlossen, bevor der Gerätecode abgelaufen ist.',
    fix: 'Starten Sie eine neue Geräteautorisierungsanforderung, und schließen Sie sie rechtzeitig ab.',
  },
  'oauth-access-denied': {
    title: 'Der Benutzer oder der Server hat die Autorisierung verweigert (access_denied)',
    cause: 'Der Benutzer hat die Einwilligung abgelehnt oder die Anmeldung abgebrochen, oder eine Richtlinie hat sie abgelehnt.',
    fix:
      'Versuchen Sie es erneut, und akzeptieren Sie den Einwilligungsbildschirm, oder bitten Sie einen Administrator, die Einwilligung zu erteilen bzw. die App zuzulassen.',
  },
  'oauth-temporarily-unavailable': {
    title: 'Der Autorisierungsserver ist vorübergehend nicht verfügbar (temporarily_unavailable)',
    cause: 'Der Identitätsanbieter ist überlastet oder wird gewartet.',
    fix: 'Versuchen Sie es später mit zunehmenden Wartezeiten erneut.',
  },
  'aadsts-other': {
    title: 'Anmeldefehler von Microsoft Entra (AADSTS-Code)',
    cause: 'Die Microsoft Identity Platform hat die Anforderung abgelehnt; der Code nennt den Grund.',
    fix: 'Schlagen Sie den Code unter https://login.microsoftonline.com/error?code=<Nummer> und in der Referenz der Fehlercodes nach.',
  },
};
