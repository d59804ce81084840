// German text for the entries of every other data file (imapPop, smtp, sasl, tls, postfix, providers, clients), by entry id.
import type { EntryText } from './index';

/** The token checks that several Exchange entries repeat (English: M365_CHECK_TOKEN in ../imapPop.ts). */
const M365_TOKEN_CHECK =
  'Decodieren Sie das Token (Mail OAuth: Decode SASL String), und überprüfen Sie: aud ist https://outlook.office.com (oder outlook.office365.com), ' +
  'scp enthält IMAP.AccessAsUser.All / POP.AccessAsUser.All (delegiert) oder roles enthält IMAP.AccessAsApp / POP.AccessAsApp (nur App), ' +
  'exp liegt in der Zukunft, und user= ist das Postfach, das das Token öffnen darf.';

const IMAP_POP: Readonly<Record<string, EntryText>> = {
  'm365-imap-authenticate-failed': {
    title: 'Exchange Online hat die XOAUTH2-Anmeldung abgelehnt (NO AUTHENTICATE failed.)',
    cause:
      'Exchange nennt keinen Grund. Übliche Ursachen: Das Token ist für eine andere Ressource (aud ist Microsoft Graph, nicht Outlook); ihm fehlt der Bereich IMAP.AccessAsUser.All (oder bei reinem App-Zugriff die Rolle IMAP.AccessAsApp); es ist abgelaufen; das Feld user= nennt kein Postfach, das das Token öffnen darf; das Postfach hat keine Exchange Online-Lizenz, oder IMAP ist dafür deaktiviert; oder bei reinen App-Token wurde der Dienstprinzipal nie in Exchange registriert oder erhielt keinen Zugriff auf das Postfach.',
    fix:
      M365_TOKEN_CHECK +
      ' Fordern Sie den Bereich https://outlook.office.com/IMAP.AccessAsUser.All an (zusätzlich offline_access). Aktivieren Sie IMAP für das Postfach: Set-CASMailbox -Identity <Benutzer> -ImapEnabled $true. Führen Sie für reinen App-Zugriff New-ServicePrincipal -AppId <Anwendungs-ID> -ServiceId <Objekt-ID der Unternehmensanwendung> und Add-MailboxPermission -Identity <Postfach> -User <ID des Dienstprinzipals> -AccessRights FullAccess aus.',
  },
  'm365-app-only-not-authorized': {
    title: 'Reines App-Token (Clientanmeldeinformationen) von Exchange Online IMAP/POP abgelehnt',
    cause:
      'Der Client verwendet ein Token aus dem Flow für Clientanmeldeinformationen. Exchange akzeptiert es nur, wenn die Anwendung die Anwendungsberechtigung IMAP.AccessAsApp oder POP.AccessAsApp mit Administratoreinwilligung hat, ihr Dienstprinzipal in Exchange registriert ist und dieser Dienstprinzipal FullAccess für das in user= genannte Postfach hat. Ein häufiger Fehler ist, New-ServicePrincipal die Objekt-ID unter „App-Registrierungen“ statt der Objekt-ID unter „Unternehmensanwendungen“ zu übergeben.',
    fix:
      'Azure-Portal → App-Registrierungen → API-Berechtigungen → Berechtigung hinzufügen → Von meiner Organisation verwendete APIs → Office 365 Exchange Online → Anwendungsberechtigungen → IMAP.AccessAsApp / POP.AccessAsApp, dann Administratoreinwilligung erteilen. In Exchange Online PowerShell: New-ServicePrincipal -AppId <Anwendungs-ID> -ServiceId <Objekt-ID unter Unternehmensanwendungen>; Add-MailboxPermission -Identity <Postfach> -User <ID des Dienstprinzipals> -AccessRights FullAccess. Fordern Sie das Token mit dem Bereich https://outlook.office365.com/.default an, und tragen Sie die Postfachadresse in user= ein.',
  },
  'm365-graph-token-for-mail-protocol': {
    title: 'Ein Microsoft Graph-Token wurde an IMAP/POP/SMTP gesendet',
    cause:
      'Das Protokoll zeigt ein Token, das für Microsoft Graph angefordert wurde (https://graph.microsoft.com/...). Exchange IMAP, POP und SMTP akzeptieren nur Token, deren Zielgruppe Outlook ist (https://outlook.office.com oder https://outlook.office365.com); ein Graph-Token wird abgelehnt, selbst wenn es IMAP.AccessAsUser.All enthält.',
    fix:
      'Fordern Sie das Token mit der Outlook-Ressource im Bereich an: https://outlook.office.com/IMAP.AccessAsUser.All, https://outlook.office.com/POP.AccessAsUser.All oder https://outlook.office.com/SMTP.Send (zusätzlich offline_access); für reinen App-Zugriff verwenden Sie https://outlook.office365.com/.default. Mischen Sie Graph- und Outlook-Bereiche nicht in einer Anforderung.',
  },
  'm365-imap-authenticated-not-connected': {
    title: 'Exchange hat das Token akzeptiert, konnte das Postfach aber nicht öffnen (User is authenticated but not connected.)',
    cause:
      'Die Anmeldung für das Konto im Token war erfolgreich, aber das Postfach in user= ließ sich damit nicht öffnen: Das Token gehört zu einem anderen Konto als user= (z. B. hat sich ein Administrator angemeldet, während user= das Postfach eines anderen ist), der angemeldete Benutzer oder der Dienstprinzipal der reinen App hat keinen FullAccess für dieses (freigegebene) Postfach, oder das Postfach ist nicht bereitgestellt oder lizenziert. Bei Kennwortanmeldungen folgt die Meldung auch auf ein falsches Kennwort.',
    fix:
      'Melden Sie sich interaktiv als Besitzer des Postfachs an, oder behalten Sie das Token des Stellvertreters, und setzen Sie user= auf ein Postfach, das der Stellvertreter öffnen darf. Erteilen Sie den Zugriff mit Add-MailboxPermission -Identity <Postfach> -User <Stellvertreter oder ID des Dienstprinzipals> -AccessRights FullAccess. ' +
      M365_TOKEN_CHECK,
  },
  'm365-imap-login-failed': {
    title: 'Exchange Online / Outlook.com hat eine Kennwortanmeldung abgelehnt (NO LOGIN failed.)',
    cause:
      'Der Client hat IMAP LOGIN (Benutzername und Kennwort) statt AUTHENTICATE XOAUTH2 gesendet. Exchange Online hat die Standardauthentifizierung deaktiviert, und Outlook.com-Konten benötigen ebenfalls OAuth, daher wird das Kennwort auch dann abgelehnt, wenn es richtig ist. Bei Outlook.com erscheint die Meldung außerdem, wenn der IMAP-Zugriff in den Kontoeinstellungen ausgeschaltet ist.',
    fix:
      'Konfigurieren Sie den Client für OAuth 2.0 (AUTHENTICATE XOAUTH2 mit einem Token für https://outlook.office.com/IMAP.AccessAsUser.All). Aktivieren Sie für Outlook.com IMAP unter Einstellungen → E-Mail → Weiterleitung und IMAP. Überprüfen Sie für ein Postfach eines Mandanten Set-CASMailbox -Identity <Benutzer> -ImapEnabled $true.',
  },
  'm365-shared-mailbox-user-field': {
    title: 'Freigegebenes Postfach im Benutzerfeld als delegate\\shared angegeben',
    cause:
      'Die Anmeldung nennt das Postfach als "delegate@domain\\shared", die Syntax der Standardauthentifizierung für freigegebene Postfächer. Mit OAuth muss das Benutzerfeld allein die Adresse des freigegebenen Postfachs enthalten, während das Token das des Stellvertreters ist.',
    fix:
      'Tragen Sie nur die Adresse des freigegebenen Postfachs in user= (XOAUTH2) bzw. als Anmeldenamen ein, und verwenden Sie ein Token eines Benutzers, der FullAccess dafür hat: Add-MailboxPermission -Identity shared@contoso.com -User delegate@contoso.com -AccessRights FullAccess.',
  },
  'm365-imap-session-invalidated': {
    title: 'Exchange hat die Sitzung beendet (* BYE Session invalidated)',
    cause:
      'Eine mit OAuth authentifizierte Sitzung besteht nur so lange wie ihr Zugriffstoken: Wenn das Token abläuft (AccessTokenExpired), sendet Exchange BYE und trennt die Verbindung, selbst mitten in einer Synchronisierung oder bei IDLE.',
    fix:
      'Behandeln Sie BYE als normales Ereignis: Stellen Sie die Verbindung wieder her, authentifizieren Sie sich erneut mit einem neuen Zugriffstoken (erneuern Sie es kurz vor exp statt erst nach Fehlern), und setzen Sie den Vorgang fort.',
  },
  'm365-throttled': {
    title: 'Exchange Online drosselt den Client (Request is throttled)',
    cause: 'Zu viele Anforderungen oder Verbindungen dieses Clients in kurzer Zeit; Exchange bittet um eine Pause.',
    fix:
      'Warten Sie vor einem neuen Versuch mindestens die vorgeschlagene Wartezeit, verringern Sie parallele Verbindungen und die Anforderungsrate (z. B. weniger gleichzeitige IMAP-Sitzungen pro Postfach), und verwenden Sie eine authentifizierte Sitzung weiter.',
  },
  'm365-server-unavailable': {
    title: 'Exchange Online hat mit Server Unavailable geantwortet',
    cause:
      'Das Exchange-Back-End für dieses Postfach ist ausgelastet oder drosselt den Client (oft nach vielen Verbindungen in kurzer Zeit); die Zahl am Ende ist ein interner Ursachencode.',
    fix:
      'Warten Sie, und versuchen Sie es später mit weniger gleichzeitigen Verbindungen erneut; wenn der Fehler bestehen bleibt, prüfen Sie die Dienstintegrität von Microsoft 365.',
  },
  'imap-unavailable': {
    title: 'Der IMAP-Server hat einen vorübergehenden Fehler gemeldet (NO [UNAVAILABLE])',
    cause:
      'RFC 5530 UNAVAILABLE: Ein Teilsystem, das der Server benötigt (Authentifizierungs-Back-End, Token-Introspektion, Postfachspeicher), ist ausgefallen oder überlastet. Die Anmeldung selbst ist möglicherweise in Ordnung.',
    fix:
      'Versuchen Sie es später erneut; Serveradministratoren sollten das Authentifizierungs-Back-End und das Serverprotokoll auf den Grund prüfen.',
  },
  'imap-authenticationfailed': {
    title: 'Der IMAP-Server hat die Anmeldeinformationen abgelehnt (NO [AUTHENTICATIONFAILED])',
    cause:
      'RFC 5530 AUTHENTICATIONFAILED: Das Token oder Kennwort wurde nicht akzeptiert. Bei XOAUTH2/OAUTHBEARER: abgelaufenes oder widerrufenes Token, Token für einen anderen Benutzer oder eine andere Zielgruppe oder fehlender Bereich.',
    fix:
      'Decodieren Sie das Token, und überprüfen Sie exp, aud, scope und ob user= zum Konto passt; rufen Sie ein neues Token ab, und versuchen Sie es erneut.',
  },
  'gmail-imap-invalid-credentials': {
    title: 'Gmail hat das XOAUTH2-Token abgelehnt (Invalid credentials (Failure))',
    cause:
      'Google hat das Zugriffstoken nicht akzeptiert: abgelaufen (es gilt eine Stunde) oder widerrufen, für ein anderes Konto als user= ausgestellt oder ohne den Bereich https://mail.google.com/ ausgestellt (Token für gmail.readonly, gmail.modify oder gmail.send funktionieren für IMAP nicht). Bei einer Kennwortanmeldung bedeutet die Meldung, dass das Kennwort falsch ist oder ein App-Passwort erforderlich ist.',
    fix:
      'Fordern Sie den Bereich https://mail.google.com/ an, erneuern Sie das Zugriffstoken, und setzen Sie user= auf das Google-Konto, das die Einwilligung erteilt hat. Wenn der Server zuerst eine Base64-Abfrage gesendet hat (+ eyJ...), beantworten Sie sie mit einer leeren Zeile, um diese Antwort zu erhalten.',
  },
  'gmail-missing-mail-scope': {
    title: 'Dem Gmail-Token fehlt der Bereich https://mail.google.com/',
    cause:
      'Das Protokoll zeigt ein Token, das mit einem engeren Gmail-API-Bereich angefordert wurde (gmail.send, gmail.modify, gmail.readonly ...). Gmail IMAP, POP und SMTP akzeptieren nur Token, die https://mail.google.com/ enthalten.',
    fix:
      'Fügen Sie https://mail.google.com/ den angeforderten Bereichen hinzu (Google Cloud Console → OAuth consent screen → Data access / Scopes sowie in der Autorisierungsanforderung), und lassen Sie den Benutzer dann erneut einwilligen, um ein neues Aktualisierungstoken zu erhalten.',
  },
  'gmail-imap-app-password-required': {
    title: 'Gmail verlangt ein App-Passwort oder OAuth ([ALERT] Application-specific password required)',
    cause:
      'Der Client hat sich mit dem Kennwort des Google-Kontos angemeldet, und das Konto verwendet die Bestätigung in zwei Schritten, daher lehnt Google einfache Kennwörter ab. Ein OAuth-fähiger Client, der diese Meldung erhält, verwendet XOAUTH2 überhaupt nicht.',
    fix:
      'Stellen Sie den Client auf OAuth 2.0 um (AUTHENTICATE XOAUTH2 mit einem Token für https://mail.google.com/), oder erstellen Sie ein App-Passwort (Google-Konto → Sicherheit → Bestätigung in zwei Schritten → App-Passwörter), und verwenden Sie es statt des Kontokennworts.',
  },
  'gmail-imap-web-login-required': {
    title:
      'Gmail hat die Anmeldung blockiert, bis sich der Benutzer über einen Browser anmeldet ([ALERT] Please log in via your web browser)',
    cause:
      'Google hat die Kennwortanmeldung als riskant eingestuft (neues Gerät oder neuer Standort oder eine Kennwortanmeldung im Stil einer "less secure app") und möchte, dass der Benutzer sie zuerst in einem Browser bestätigt.',
    fix:
      'Verwenden Sie OAuth 2.0 (XOAUTH2) statt des Kennworts. Wenn eine Kennwortanmeldung unvermeidlich ist, melden Sie sich aus demselben Netzwerk in einem Browser bei Gmail an, bestätigen Sie die Sicherheitswarnung, und verwenden Sie ein App-Passwort.',
  },
  'gmail-imap-webalert': {
    title: 'Gmail verlangt eine Webanmeldung ([WEBALERT ...] Web login required)',
    cause:
      'Google hat die IMAP-Anmeldung blockiert und einen Link gesendet (WEBALERT), über den der Benutzer die Anmeldung bestätigen muss; das begleitet Kennwortanmeldungen, die Google als riskant einstuft.',
    fix:
      'Öffnen Sie den WEBALERT-Link in einem Browser, der bei diesem Konto angemeldet ist, und bestätigen Sie ihn; stellen Sie den Client dann auf OAuth 2.0 (XOAUTH2) oder ein App-Passwort um, damit das nicht erneut passiert.',
  },
  'gmail-imap-invalid-sasl-argument': {
    title: 'Gmail konnte die XOAUTH2-Zeichenfolge nicht analysieren (Invalid SASL argument)',
    cause:
      'Das Argument von AUTHENTICATE XOAUTH2 ist keine gültige XOAUTH2-Nachricht: Die Trennzeichen ^A (0x01) fehlen, user= oder auth=Bearer ist falsch geschrieben, die Zeichenfolge wurde nicht Base64-codiert, oder sie wurde zweimal Base64-codiert.',
    fix:
      'Senden Sie base64("user=" + email + "\\x01auth=Bearer " + token + "\\x01\\x01"). Decodieren Sie das vom Client Gesendete mit Mail OAuth: Decode SASL String, um zu sehen, welcher Teil falsch ist.',
  },
  'dovecot-imap-authentication-failed': {
    title: 'Dovecot hat die Anmeldung abgelehnt (NO [AUTHENTICATIONFAILED] Authentication failed.)',
    cause:
      'Die oauth2-passdb von Dovecot hat das Token nicht akzeptiert: Es ist kein JWT, während introspection_mode = local gilt, es ist abgelaufen, sein username_attribute-Anspruch entspricht nicht dem SASL-Benutzer, oder der Introspektionsendpunkt hat es als nicht aktiv gemeldet. Der Grund steht nur im Serverprotokoll (auth: ... oauth2 failed: ...).',
    fix:
      'Lesen Sie die Zeile im Dovecot-Protokoll für diese Sitzung (suchen Sie nach "oauth2 failed"). Überprüfen Sie, ob das Token den durch username_attribute benannten Anspruch mit demselben Wert wie user= enthält, ob es nicht abgelaufen ist und ob introspection_url und introspection_mode zum Identitätsanbieter passen.',
  },
  'dovecot-imap-temporary-failure': {
    title: 'Dovecot konnte das Token gerade nicht prüfen (NO [UNAVAILABLE] Temporary authentication failure.)',
    cause:
      'Die Anmeldung ist nicht am Token gescheitert: Dovecot konnte den Endpunkt für die Token-Introspektion (oder ein anderes passdb-Back-End) nicht erreichen oder seine Antwort nicht verstehen und meldet einen vorübergehenden Fehler.',
    fix:
      'Suchen Sie auf dem Server im Protokoll nach "oauth2 failed: Introspection failed"; überprüfen Sie introspection_url, DNS, die TLS-CA-Datei und ob der Endpunkt mit JSON antwortet. Clients sollten es später erneut versuchen, statt nach einem neuen Kennwort zu fragen.',
  },
  'dovecot-pop3-authentication-failed': {
    title: 'Dovecot POP3 hat die Anmeldung abgelehnt (-ERR [AUTH] Authentication failed.)',
    cause:
      'RFC 3206 [AUTH]: Die Anmeldeinformationen wurden abgelehnt. Bei XOAUTH2/OAUTHBEARER hat das Token die Prüfung nicht bestanden (kein JWT, abgelaufen, falscher Benutzeranspruch oder am Introspektionsendpunkt inaktiv).',
    fix:
      'Lesen Sie die passende Zeile "oauth2 failed" im Dovecot-Protokoll; korrigieren Sie das Token (neu, richtiger Benutzeranspruch) oder die Einstellungen der oauth2-passdb.',
  },
  'dovecot-pop3-temporary-failure': {
    title: 'Dovecot POP3 konnte das Token gerade nicht prüfen (-ERR [SYS/TEMP] Temporary authentication failure.)',
    cause:
      'RFC 3206 [SYS/TEMP]: Das Authentifizierungs-Back-End (z. B. der Endpunkt für die Token-Introspektion) ist ausgefallen; das Token wurde nicht bewertet.',
    fix:
      'Suchen Sie im Dovecot-Protokoll nach "Introspection failed", und prüfen Sie die Erreichbarkeit von introspection_url; versuchen Sie es später erneut.',
  },
  'm365-pop3-authentication-failure': {
    title: 'Exchange Online POP hat die XOAUTH2-Anmeldung abgelehnt (-ERR Authentication failure)',
    cause:
      'Dieselben Ursachen wie bei IMAP AUTHENTICATE failed: Token für die falsche Ressource, fehlendes POP.AccessAsUser.All (oder POP.AccessAsApp bei reinem App-Zugriff), abgelaufenes Token, nicht passendes user=, POP für das Postfach deaktiviert oder ein Dienstprinzipal einer reinen App ohne Postfachberechtigung. Exchange lehnt den Blob außerdem ab, wenn er in der AUTH-Zeile statt nach der Fortsetzung "+" gesendet wird.',
    fix:
      M365_TOKEN_CHECK +
      ' Fordern Sie https://outlook.office.com/POP.AccessAsUser.All an; senden Sie "AUTH XOAUTH2", warten Sie auf "+", und senden Sie dann den Base64-Blob in einer eigenen Zeile. Aktivieren Sie POP: Set-CASMailbox -Identity <Benutzer> -PopEnabled $true.',
  },
  'm365-pop3-logon-failure': {
    title: 'Exchange Online POP hat eine USER/PASS-Anmeldung abgelehnt (-ERR Logon failure)',
    cause:
      'Der Client hat USER/PASS (Standardauthentifizierung) verwendet, das Exchange Online nicht mehr akzeptiert; dieselbe Antwort folgt auf ein falsches Kennwort oder wiederholte Anmeldungen in kurzer Zeit.',
    fix:
      'Verwenden Sie AUTH XOAUTH2 mit einem Token für https://outlook.office.com/POP.AccessAsUser.All; überprüfen Sie, ob POP aktiviert ist (Set-CASMailbox -Identity <Benutzer> -PopEnabled $true).',
  },
  'm365-imap-disabled-for-mailbox': {
    title: 'IMAP ist für dieses Postfach deaktiviert (ImapEnabled : False)',
    cause: 'Get-CASMailbox zeigt ImapEnabled False: Exchange verweigert IMAP für dieses Postfach, egal was im Token steht.',
    fix: 'Set-CASMailbox -Identity <Benutzer> -ImapEnabled $true (es kann bis zu einer Stunde dauern, bis die Änderung wirksam wird).',
  },
  'm365-pop-disabled-for-mailbox': {
    title: 'POP ist für dieses Postfach deaktiviert (PopEnabled : False)',
    cause: 'Get-CASMailbox zeigt PopEnabled False: Exchange verweigert POP für dieses Postfach, egal was im Token steht.',
    fix: 'Set-CASMailbox -Identity <Benutzer> -PopEnabled $true (es kann bis zu einer Stunde dauern, bis die Änderung wirksam wird).',
  },
};

/** How to turn SMTP AUTH on (English: SMTP_AUTH_ENABLE in ../smtp.ts). */
const ENABLE_SMTP_AUTH =
  'Aktivieren Sie SMTP AUTH für das Postfach: Set-CASMailbox -Identity <Benutzer> -SmtpClientAuthenticationDisabled $false ' +
  '(Microsoft 365 Admin Center → Benutzer → Aktive Benutzer → <Benutzer> → E-Mail → E-Mail-Apps verwalten → Authentifiziertes SMTP) ' +
  'und für die Organisation: Set-TransportConfig -SmtpClientAuthenticationDisabled $false (Exchange Admin Center → Einstellungen → ' +
  'Nachrichtenfluss → Häkchen bei "Turn off SMTP AUTH protocol for your organization" (SMTP AUTH-Protokoll für Ihre Organisation ' +
  'deaktivieren) entfernen). Änderungen können bis zu einer Stunde dauern.';

const SMTP: Readonly<Record<string, EntryText>> = {
  'm365-smtp-535-5.7.3': {
    title: 'Exchange Online hat SMTP AUTH abgelehnt (535 5.7.3 Authentication unsuccessful)',
    cause:
      'Das Token (oder Kennwort) wurde nicht akzeptiert: falsche Zielgruppe (ein Graph-Token statt Outlook), kein Bereich SMTP.Send, abgelaufenes Token, user= passt nicht zum Konto des Tokens, ein freigegebenes Postfach als Anmeldeidentität oder SMTP AUTH für das Postfach deaktiviert. Bei einem Kennwort bedeutet die Meldung, dass die Standardauthentifizierung deaktiviert oder das Kennwort falsch ist.',
    fix:
      'Fordern Sie https://outlook.office.com/SMTP.Send (zusätzlich offline_access) für den sendenden Benutzer an, tragen Sie diesen Benutzer in user= ein, und decodieren Sie das Token, um aud, scp und exp zu überprüfen. ' +
      ENABLE_SMTP_AUTH,
  },
  'm365-smtp-auth-disabled-tenant': {
    title: 'SMTP AUTH ist für den Mandanten deaktiviert (535 5.7.139 SmtpClientAuthentication is disabled for the Tenant)',
    cause:
      'Die organisationsweite Einstellung SmtpClientAuthenticationDisabled ist True, und das Postfach überschreibt sie nicht.',
    fix: ENABLE_SMTP_AUTH,
  },
  'm365-smtp-basic-auth-disabled': {
    title: 'Exchange Online akzeptiert für SMTP keine Kennwörter mehr (535 5.7.139 basic authentication is disabled)',
    cause:
      'Der Client hat AUTH LOGIN/PLAIN mit einem Kennwort gesendet; die Standardauthentifizierung für SMTP AUTH ist für diesen Mandanten deaktiviert.',
    fix:
      'Verwenden Sie AUTH XOAUTH2 mit einem Token für https://outlook.office.com/SMTP.Send. Stellen Sie sicher, dass SMTP AUTH selbst für das Postfach aktiviert ist (Set-CASMailbox -Identity <Benutzer> -SmtpClientAuthenticationDisabled $false).',
  },
  'm365-smtp-security-defaults': {
    title: 'Die Sicherheitsstandards blockieren SMTP AUTH für diesen Benutzer (535 5.7.139 user is locked by security defaults)',
    cause:
      'Die Sicherheitsstandards von Microsoft Entra sind aktiviert; sie blockieren die Legacyauthentifizierung, zu der SMTP AUTH mit einem Kennwort gehört.',
    fix:
      'Verwenden Sie OAuth (AUTH XOAUTH2 mit einem SMTP.Send-Token). Wenn ein Kennwort unvermeidlich ist, muss ein Administrator die Sicherheitsstandards deaktivieren (Microsoft Entra Admin Center → Identität → Übersicht → Eigenschaften → Sicherheitsstandards verwalten) und stattdessen bedingten Zugriff verwenden.',
  },
  'm365-smtp-criteria-not-met': {
    title: 'Die Anmeldung hat die Kriterien für SMTP AUTH nicht erfüllt (535 5.7.139 request did not meet the criteria)',
    cause:
      'Exchange hat die Authentifizierung aufgrund einer Richtlinie für das Konto abgelehnt: SMTP AUTH für das Postfach deaktiviert, eine Anforderung von bedingtem Zugriff oder MFA, die eine Kennwortanmeldung nicht erfüllen kann, oder eine blockierte Anmeldung.',
    fix:
      'Verwenden Sie OAuth (SMTP.Send-Token) statt eines Kennworts. ' +
      ENABLE_SMTP_AUTH +
      ' Suchen Sie in den Entra-Anmeldeprotokollen nach der blockierenden Richtlinie.',
  },
  'm365-smtp-535-5.7.139': {
    title: 'Exchange Online hat SMTP AUTH aufgrund einer Richtlinie abgelehnt (535 5.7.139)',
    cause:
      '5.7.139 bedeutet, dass die Authentifizierung von einer Richtlinie des Mandanten oder Kontos abgelehnt wurde und nicht aufgrund der Anmeldeinformationen.',
    fix: 'Lesen Sie den Text nach dem Code und die verlinkte Seite. ' + ENABLE_SMTP_AUTH,
  },
  'm365-smtp-client-not-authenticated': {
    title: 'Der Client hat E-Mail ohne Authentifizierung gesendet (5.7.57 Client not authenticated to send mail)',
    cause:
      'MAIL FROM kam in einer nicht authentifizierten Sitzung an: Der Client hat nie AUTH gesendet (z. B. hat er AUTH übersprungen, weil der Server es vor STARTTLS nicht angeboten hat), oder AUTH ist fehlgeschlagen, und der Client hat einfach weitergemacht. System.Net.Mail meldet das als "The SMTP server requires a secure connection or the client was not authenticated".',
    fix:
      'Verbinden Sie sich mit smtp.office365.com:587, senden Sie STARTTLS, dann erneut EHLO und AUTH XOAUTH2 vor MAIL FROM; suchen Sie im Protokoll nach einer früheren 535-Antwort, und beheben Sie zuerst diese.',
  },
  'm365-smtp-send-as-denied-5.7.60': {
    title: 'Der authentifizierte Benutzer darf nicht mit dieser Absenderadresse (From) senden (550 5.7.60)',
    cause:
      'Die From-Adresse (oder der Umschlagabsender) unterscheidet sich vom authentifizierten Postfach, und dieses Postfach hat dafür keine Berechtigung „Senden als“ (Send As).',
    fix:
      'Senden Sie mit einer From-Adresse, die dem authentifizierten Postfach entspricht, oder erteilen Sie „Senden als“: Add-RecipientPermission -Identity <Absenderadresse> -Trustee <authentifizierter Benutzer> -AccessRights SendAs.',
  },
  'm365-smtp-send-as-denied-5.2.252': {
    title: 'Exchange hat die Übermittlung der Nachricht als anderer Absender abgelehnt (554 5.2.252 SendAsDenied)',
    cause:
      'Das authentifizierte Postfach (oder der Dienstprinzipal der reinen App) darf nicht als die in der Antwort genannte From-Adresse senden.',
    fix:
      'Verwenden Sie das authentifizierte Postfach als From, oder erteilen Sie „Senden als“: Add-RecipientPermission -Identity <Absenderadresse> -Trustee <authentifizierter Benutzer oder Dienstprinzipal> -AccessRights SendAs.',
  },
  'm365-smtp-send-as-denied-storedrv': {
    title: 'Exchange hat die Übermittlung der Nachricht als anderer Absender abgelehnt (SendAsDeniedException)',
    cause:
      'Das authentifizierte Postfach hat keine Berechtigung „Senden als“ für die From-Adresse (554 5.2.0 STOREDRV.Submission.Exception: SendAsDeniedException). Bei SMTP mit reinem App-Zugriff benötigt der Dienstprinzipal selbst die Berechtigung.',
    fix:
      'Senden Sie als das authentifizierte Postfach, oder führen Sie Add-RecipientPermission -Identity <Absenderadresse> -Trustee <Absender> -AccessRights SendAs aus.',
  },
  'm365-smtp-ip-blocked-5.7.708': {
    title: 'Exchange Online blockiert E-Mail von dieser IP-Adresse (550 5.7.708 traffic not accepted from this IP)',
    cause:
      'Die sendende IP-Adresse hat in Exchange Online Protection einen niedrigen Ruf, typischerweise bei neuen Mandanten oder Testlizenzen, die über gemeinsam genutzten Adressraum senden; das ist kein OAuth-Problem.',
    fix:
      'Befolgen Sie die Schritte für 5.7.708 auf der verlinkten Seite (beantragen Sie über den Microsoft-Support eine Ausnahme, oder leiten Sie über einen Connector weiter).',
  },
  'm365-smtp-tenant-blocked-5.7.705': {
    title: 'Der Mandant ist für das Senden gesperrt (550 5.7.705 Tenant has exceeded threshold)',
    cause:
      'Exchange Online hat alle ausgehenden E-Mails des Mandanten nach verdächtigem oder massenhaftem Versand gestoppt (oft ein kompromittiertes Konto) oder weil das Abonnement abgelaufen ist und sich nicht neu synchronisiert hat.',
    fix:
      'Sichern Sie die kompromittierten Konten, und wenden Sie sich dann an den Microsoft-Support, um die Sperre aufzuheben (siehe den Abschnitt zu 5.7.705 auf der verlinkten Seite).',
  },
  'smtp-unrecognized-authentication-type': {
    title: 'Der Server bietet diesen AUTH-Mechanismus nicht an (504 Unrecognized authentication type)',
    cause:
      'Der Client hat einen Mechanismus angefordert, den der Server auf dieser Verbindung nicht anbietet: Exchange Online listet AUTH erst nach STARTTLS auf und lehnt bei deaktivierter Standardauthentifizierung AUTH LOGIN/PLAIN ab; ein Client, der darauf zurückgreift, erhält diese Antwort.',
    fix:
      'Senden Sie vor AUTH STARTTLS und erneut EHLO, lesen Sie die Zeile 250-AUTH, und verwenden Sie AUTH XOAUTH2 mit einem OAuth-Token (https://outlook.office.com/SMTP.Send für Exchange Online).',
  },
  'm365-smtp-tls-1.0-1.1-not-supported': {
    title: 'Der Client hat TLS 1.0/1.1 ausgehandelt, was Exchange Online ablehnt (421 4.7.66)',
    cause:
      'smtp.office365.com akzeptiert für SMTP AUTH nur TLS 1.2 oder höher; der Client (oder seine TLS-Bibliothek) hat TLS 1.0 oder 1.1 verwendet.',
    fix:
      'Aktualisieren Sie den Client oder die Laufzeit, sodass TLS 1.2+ ausgehandelt wird (z. B. .NET: SystemDefaultTlsVersions aktivieren / ServicePointManager.SecurityProtocol = Tls12; Node.js verwendet standardmäßig bereits TLS 1.2).',
  },
  'm365-smtp-server-busy-4.7.500': {
    title: 'Exchange Online hat die Verbindung zurückgestellt (451 4.7.500 Server busy)',
    cause:
      'Eine vorübergehende Antispam-Drosselung der sendenden IP-Adresse (der ASxxx-Code nennt, welche); kein Authentifizierungsproblem.',
    fix:
      'Versuchen Sie es später mit weniger Verbindungen erneut; wenn der Fehler bestehen bleibt, befolgen Sie die verlinkte Seite für den ASxxx-Code.',
  },
  'm365-smtp-auth-disabled-setting': {
    title: 'SMTP AUTH ist durch eine Einstellung deaktiviert (SmtpClientAuthenticationDisabled : True)',
    cause:
      'Get-CASMailbox (pro Postfach) oder Get-TransportConfig (gesamte Organisation) zeigt SmtpClientAuthenticationDisabled True, daher lehnt Exchange SMTP AUTH für diesen Bereich ab, auch mit OAuth.',
    fix: ENABLE_SMTP_AUTH,
  },
  'gmail-smtp-bad-credentials': {
    title: 'Gmail hat SMTP AUTH abgelehnt (535-5.7.8 Username and Password not accepted)',
    cause:
      'Bei XOAUTH2: Das Token ist abgelaufen oder widerrufen, ihm fehlt https://mail.google.com/, oder es gehört zu einem anderen Konto als user=. Bei einem Kennwort: Das Konto benötigt ein App-Passwort (Bestätigung in zwei Schritten), weil einfache Kennwörter abgelehnt werden.',
    fix:
      'Verwenden Sie XOAUTH2 mit einem neuen Token, das https://mail.google.com/ enthält, und setzen Sie user= auf das Konto, das eingewilligt hat; beantworten Sie eine 334-Abfrage mit einer leeren Zeile. Erstellen Sie für Clients mit Kennwort ein App-Passwort.',
  },
  'gmail-smtp-app-password-required': {
    title: 'Gmail verlangt ein App-Passwort oder OAuth (534-5.7.9 Application-specific password required)',
    cause:
      'Eine Kennwortanmeldung bei einem Konto mit Bestätigung in zwei Schritten; Google akzeptiert dort nur App-Passwörter oder OAuth.',
    fix: 'Wechseln Sie zu AUTH XOAUTH2 mit einem Token für https://mail.google.com/, oder erstellen und verwenden Sie ein App-Passwort.',
  },
  'gmail-smtp-web-login-required': {
    title: 'Gmail hat die Anmeldung blockiert, bis sich der Benutzer über einen Browser anmeldet (534-5.7.14 / 5.7.9 web login)',
    cause:
      'Google hat die Kennwortanmeldung als riskant eingestuft (neues Gerät, neuer Standort oder ein Client nur mit Kennwort) und möchte sie in einem Browser bestätigt haben.',
    fix:
      'Verwenden Sie XOAUTH2 statt des Kennworts. Melden Sie sich bei einem Client mit Kennwort aus demselben Netzwerk in einem Browser bei Gmail an, bestätigen Sie die Warnung, und verwenden Sie ein App-Passwort.',
  },
  'gmail-smtp-authentication-required': {
    title: 'Gmail verlangt zuerst eine Authentifizierung (530-5.7.0 Authentication Required)',
    cause:
      'Der Client hat MAIL FROM ohne erfolgreiches AUTH gesendet: Er hat sich gar nicht authentifiziert, AUTH ist vorher fehlgeschlagen, oder der Client hat bei der 334-Abfrage aufgegeben, statt sie zu beantworten.',
    fix:
      'Sorgen Sie dafür, dass sich der Client authentifiziert (AUTH XOAUTH2 nach STARTTLS auf Port 587), und beheben Sie alle früheren 535/334-Fehler im Protokoll.',
  },
  'gmail-smtp-too-many-login-attempts': {
    title: 'Gmail hat die Anmeldungen begrenzt (454 4.7.0 Too many login attempts)',
    cause:
      'Der Client authentifiziert sich zu oft (eine neue Anmeldung pro Nachricht oder viele parallele Verbindungen) oder wiederholt fehlgeschlagene Anmeldungen ständig.',
    fix:
      'Verwenden Sie eine authentifizierte Verbindung für viele Nachrichten (Pooling), wiederholen Sie fehlschlagende Anmeldeinformationen nicht, und warten Sie vor einem neuen Versuch.',
  },
  'gmail-smtp-cannot-decode-response': {
    title: 'Gmail konnte nicht decodieren, was der Client nach 334 gesendet hat (501 5.5.2 Cannot Decode response)',
    cause:
      'Der Client hat die 334-Abfrage mit etwas beantwortet, das kein Base64 ist (z. B. hat er die Fehlerabfrage als endgültig behandelt und QUIT gesendet oder das rohe Token gesendet).',
    fix:
      'Senden Sie nach "334 <base64 JSON>" eine leere Zeile; Gmail gibt dann den eigentlichen Fehler zurück (meist 535-5.7.8). Senden Sie XOAUTH2-Anmeldeinformationen Base64-codiert.',
  },
  'dovecot-smtp-authentication-failed': {
    title: 'Dovecot Submission hat SMTP AUTH abgelehnt (535 5.7.8 Authentication failed.)',
    cause:
      'Die oauth2-passdb hat das Token abgelehnt (kein JWT bei lokaler Prüfung, abgelaufen, falscher Benutzeranspruch oder inaktiv); der Grund steht im Dovecot-Protokoll.',
    fix:
      'Suchen Sie im Dovecot-Protokoll die Zeile "oauth2 failed" für diese Sitzung, und korrigieren Sie das Token oder die Einstellungen der oauth2-passdb.',
  },
  'smtp-535-5.7.8': {
    title: 'Der SMTP-Server hat die Anmeldeinformationen abgelehnt (535 5.7.8)',
    cause:
      'RFC 4954: Die Anmeldeinformationen für die Authentifizierung sind ungültig. Bei OAuth: abgelaufenes oder widerrufenes Token, falscher Benutzer oder fehlender Bereich.',
    fix:
      'Decodieren Sie das Token, und überprüfen Sie exp, aud, scope und den Benutzer; rufen Sie ein neues Token ab, und versuchen Sie es erneut.',
  },
  'dovecot-smtp-temporary-failure': {
    title: 'Dovecot Submission konnte das Token gerade nicht prüfen (454 4.7.0 Temporary authentication failure)',
    cause:
      'Das Authentifizierungs-Back-End (z. B. die Token-Introspektion) ist ausgefallen; das Token selbst wurde nicht bewertet.',
    fix:
      'Suchen Sie auf dem Server im Protokoll nach "oauth2 failed: Introspection failed", und überprüfen Sie introspection_url; versuchen Sie es später erneut.',
  },
  'smtp-auth-aborted-by-client': {
    title: 'Der Client hat SMTP AUTH abgebrochen (501 5.5.2 Authentication aborted by client)',
    cause:
      'Der Client hat eine 334-Abfrage mit "*" beantwortet und damit den Austausch abgebrochen. Nach einer XOAUTH2-Fehlerabfrage (334 <base64 JSON>) sollte der Client stattdessen eine leere Zeile senden, um die eigentliche Fehlerantwort zu erhalten.',
    fix:
      'Decodieren Sie die vorangehende 334-Abfrage, um den Grund zu erfahren; sorgen Sie dafür, dass der Client Fehlerabfragen mit einer leeren Zeile beantwortet.',
  },
};

const SASL: Readonly<Record<string, EntryText>> = {
  'gmail-error-challenge': {
    title:
      'Gmail hat das Token abgelehnt und eine Fehlerabfrage gesendet ({"status":"400",...,"scope":"https://mail.google.com/"})',
    cause:
      'Google beantwortet ein ungültiges XOAUTH2-Token mit einer Base64-JSON-Abfrage statt mit einem endgültigen NO/535: Das Token ist abgelaufen oder widerrufen, gehört zu einem anderen Konto als user=, oder ihm fehlt der in der Abfrage genannte Bereich https://mail.google.com/.',
    fix:
      'Beantworten Sie die Abfrage mit einer leeren Zeile, um den endgültigen Fehler zu erhalten (ein Client, der stattdessen wartet, hängt). Fordern Sie dann https://mail.google.com/ an, erneuern Sie das Zugriffstoken, und setzen Sie user= auf das Konto, das die Einwilligung erteilt hat.',
  },
  'dovecot-error-challenge': {
    title:
      'Dovecot hat das Token abgelehnt und eine Fehlerabfrage gesendet ({"status":"401","schemes":"bearer","scope":"mail"})',
    cause:
      'Die oauth2-passdb von Dovecot hat das Token abgelehnt (kein JWT, abgelaufen, falscher Benutzeranspruch, bei der Introspektion inaktiv) und, wie XOAUTH2/OAUTHBEARER es verlangen, vor dem endgültigen Fehler eine JSON-Fehlerabfrage gesendet.',
    fix:
      'Antworten Sie mit einer leeren Zeile (XOAUTH2) oder AQ== (OAUTHBEARER), um NO [AUTHENTICATIONFAILED] zu erhalten; der Grund steht in der Serverprotokollzeile "oauth2 failed: ...".',
  },
  'oauthbearer-error-challenge': {
    title: 'OAUTHBEARER-Fehlerabfrage (RFC 7628, status invalid_token / insufficient_scope / invalid_request)',
    cause:
      'Der Server hat das Bearertoken abgelehnt und das JSON-Fehlerobjekt nach RFC 7628 gesendet: invalid_token (abgelaufen, widerrufen, fehlerhaft oder für eine andere Zielgruppe), insufficient_scope (siehe "scope") oder invalid_request (fehlerhafter GS2-Header oder Benutzer).',
    fix:
      'Senden Sie das einzelne Byte 0x01 (Base64 AQ==), um den Austausch zu beenden und die Fehlerantwort zu erhalten; korrigieren Sie dann das Token entsprechend dem Status (das Element openid-configuration gibt, sofern vorhanden, an, wo ein neues zu erhalten ist).',
  },
  'sasl-error-challenge': {
    title: 'Der Server hat das Token abgelehnt und eine Base64-JSON-Fehlerabfrage gesendet',
    cause:
      'Ein XOAUTH2/OAUTHBEARER-Server sendet {"status":...,"schemes":...,"scope":...}, bevor er fehlschlägt: 400/401 bedeuten, dass das Token abgelehnt wurde (abgelaufen, widerrufen, falscher Benutzer oder falsche Zielgruppe), 403, dass ihm der in "scope" genannte Bereich fehlt.',
    fix:
      'Antworten Sie mit einer leeren Zeile (XOAUTH2) oder AQ== (OAUTHBEARER); der Server sendet dann seinen endgültigen Fehler. Ein Client, der nicht antwortet, hängt an dieser Stelle. Korrigieren Sie dann das Token entsprechend dem Status.',
  },
  'sasl-unsupported-mechanism': {
    title: 'Der Server bietet diesen SASL-Mechanismus nicht an (Unsupported authentication mechanism)',
    cause:
      'Der Client hat einen Mechanismus angefordert, den der Server nicht aktiviert hat (z. B. fehlt XOAUTH2 oder OAUTHBEARER auf dem Server, oder die Clientbibliothek unterstützt die vom Server aufgeführten Mechanismen nicht).',
    fix:
      'Vergleichen Sie die Liste CAPABILITY AUTH=... (IMAP), CAPA SASL (POP3) oder 250-AUTH (SMTP) mit dem Mechanismus, den der Client verwendet. Fügen Sie ihn bei Dovecot hinzu: auth_mechanisms = $auth_mechanisms xoauth2 oauthbearer, und führen Sie ihn in den mechanisms der oauth2-passdb auf.',
  },
  'imap-cannot': {
    title: 'Der IMAP-Server kann das nicht ausführen (NO [CANNOT])',
    cause:
      'RFC 5530 CANNOT: Der Vorgang kann in dieser Konfiguration nie erfolgreich sein, z. B. ein SASL-Mechanismus, der deaktiviert oder auf dieser Verbindung nicht zulässig ist.',
    fix:
      'Lesen Sie den Text nach [CANNOT]; verwenden Sie einen Mechanismus, den der Server in CAPABILITY aufführt, oder ändern Sie die Serverkonfiguration.',
  },
  'sasl-client-did-not-answer-challenge': {
    title: "Der Client hat den SASL-Austausch nicht abgeschlossen (client didn't finish SASL auth)",
    cause:
      'Der Server hat eine Fortsetzung gesendet (oft die Base64-JSON-Fehlerabfrage nach einem abgelehnten Token), und der Client hat nie geantwortet, daher haben beide Seiten gewartet, bis der Server aufgegeben hat. Clients, die die Abfrage als endgültig behandeln, hängen an dieser Stelle.',
    fix:
      'Beantworten Sie eine Abfrage "+ eyJ..." / "334 eyJ..." mit einer leeren Zeile (XOAUTH2) oder AQ== (OAUTHBEARER); korrigieren Sie dann das Token, das die Abfrage bemängelt hat.',
  },
  'sasl-challenge-not-answered-timeout': {
    title: 'Beim Client ist nach einer nie beantworteten Fehlerabfrage ein Timeout aufgetreten',
    cause:
      'Das Protokoll enthält eine Base64-JSON-Fehlerabfrage ({"status":...}) und danach ein Timeout: Der Client hat auf ein endgültiges NO/535 gewartet, das der Server erst sendet, nachdem der Client die Abfrage beantwortet hat, daher haben beide Seiten gewartet.',
    fix:
      'Sorgen Sie dafür, dass der Client die Abfrage mit einer leeren Zeile (XOAUTH2) oder AQ== (OAUTHBEARER) beantwortet, um den eigentlichen Fehler zu erhalten; korrigieren Sie dann das Token, das die Abfrage bemängelt hat (decodieren Sie es mit Mail OAuth: Decode SASL String).',
  },
  'dovecot-log-not-a-jwt': {
    title: 'Dovecot: Das Token ist kein JWT (Local validation failed: Not a JWT token)',
    cause:
      'Die oauth2-passdb verwendet introspection_mode = local, womit sich nur JWTs prüfen lassen, aber der Client hat ein opakes Token (z. B. ein Google-Token ya29.* oder ein Microsoft-Token für Privatkonten) oder ein beschädigtes gesendet.',
    fix:
      'Senden Sie entweder ein JWT-Zugriffstoken, das mit einem Schlüssel aus local_validation_key_dict signiert ist, oder stellen Sie Dovecot auf introspection_mode = post/get mit der introspection_url des Anbieters um.',
  },
  'dovecot-log-token-expired': {
    title: 'Dovecot: Das Token ist abgelaufen (Local validation failed: Token has expired)',
    cause: 'Der JWT-Anspruch exp liegt in der Vergangenheit (oder die Serveruhr geht vor).',
    fix: 'Erneuern Sie das Zugriffstoken vor dem Verbinden; überprüfen Sie die Serveruhr (NTP).',
  },
  'dovecot-log-username-mismatch': {
    title: 'Dovecot: Der Benutzeranspruch des Tokens passt nicht zum SASL-Benutzer',
    cause:
      'Der durch username_attribute benannte Anspruch (z. B. email, sub, preferred_username) unterscheidet sich vom Benutzer in der SASL-Nachricht (user= bei XOAUTH2, a= bei OAUTHBEARER).',
    fix:
      'Melden Sie sich mit dem Benutzer an, für den das Token ausgestellt wurde, oder setzen Sie username_attribute auf den Anspruch, der die E-Mail-Adresse enthält.',
  },
  'dovecot-log-no-username': {
    title: 'Dovecot: Die Introspektionsantwort enthält keinen Benutzernamen (No username returned)',
    cause:
      'Das von introspection_url zurückgegebene JSON hat kein Element mit dem durch username_attribute benannten Namen: Der Endpunkt (oft ein Userinfo- oder Introspektionsendpunkt von Keycloak, Authentik oder Authelia) lässt es weg, z. B. weil dem Token der Bereich email/profile fehlt oder weil der Endpunkt eine Clientauthentifizierung benötigt und mit einem leeren Ergebnis geantwortet hat.',
    fix:
      'Fordern Sie die Bereiche an, die den Anspruch in die Antwort bringen (openid email profile), setzen Sie username_attribute auf ein Element, das der Endpunkt zurückgibt (email, preferred_username, sub), und verwenden Sie für einen Endpunkt nach RFC 7662 introspection_mode = post mit Clientanmeldeinformationen in introspection_url.',
  },
  'dovecot-log-introspection-unreachable': {
    title: 'Dovecot konnte den Endpunkt für die Token-Introspektion nicht erreichen',
    cause:
      'Die HTTP-Anforderung an introspection_url ist fehlgeschlagen (Verbindung abgelehnt, DNS, TLS), daher schlägt jede OAuth-Anmeldung vorübergehend fehl.',
    fix:
      'Überprüfen Sie introspection_url, ob der Endpunkt läuft und vom Dovecot-Host aus erreichbar ist, sowie die TLS-CA-Einstellungen dafür.',
  },
  'dovecot-log-token-not-valid': {
    title: 'Dovecot: Laut Introspektionsendpunkt ist das Token nicht gültig',
    cause:
      'Der Identitätsanbieter hat die Introspektionsanforderung mit einem inaktiven Token beantwortet (active_attribute hatte nicht den Wert active_value): abgelaufen, widerrufen, von einem anderen Anbieter ausgestellt, oder der Endpunkt benötigt eine Clientauthentifizierung, die Dovecot nicht gesendet hat.',
    fix:
      'Rufen Sie ein neues Token bei dem Anbieter ab, gegen den Dovecot die Introspektion ausführt; überprüfen Sie active_attribute/active_value und das Protokoll des Endpunkts selbst.',
  },
  'dovecot-log-oauth2-failed': {
    title: 'Die oauth2-passdb von Dovecot hat die Anmeldung abgelehnt (oauth2 failed)',
    cause: 'Dovecot hat nach "oauth2 failed:" protokolliert, warum das Token abgelehnt wurde.',
    fix:
      'Lesen Sie den Grund; vergleichen Sie die Ansprüche des Tokens mit username_attribute, active_attribute und den Introspektionseinstellungen.',
  },
};

/** The warning against switching verification off (English: TRUST in ../tls.ts). */
const KEEP_VERIFYING =
  'Schalten Sie die Prüfung in der Produktion nicht aus (rejectUnauthorized: false): Dann wird auch das Zertifikat eines Angreifers akzeptiert.';

/** The ports and their TLS modes (English: PORTS in ../tls.ts). */
const PORTS =
  'Ports mit implizitem TLS sind 993 (IMAP), 995 (POP3) und 465 (SMTP-Übermittlung); Ports für STARTTLS bzw. Klartext sind 143, 110 und 587. ' +
  'Exchange Online: outlook.office365.com 993/995 und smtp.office365.com 587 (STARTTLS); Gmail: imap.gmail.com 993, smtp.gmail.com 465 (TLS) oder 587 (STARTTLS).';

const TLS: Readonly<Record<string, EntryText>> = {
  'tls-certificate-expired': {
    title: 'Das Zertifikat des Servers ist abgelaufen (certificate has expired)',
    cause:
      'Der Server (oder ein abfangender Proxy) legt ein Zertifikat vor, dessen notAfter-Datum überschritten ist, oder die Uhr des Clients geht stark falsch.',
    fix:
      'Überprüfen Sie die Uhr des Clients; Serveradministratoren erneuern das Zertifikat (und starten den Dienst neu, damit er es lädt). ' +
      KEEP_VERIFYING,
  },
  'tls-self-signed-certificate': {
    title: 'Der Server verwendet ein selbstsigniertes Zertifikat (self-signed certificate)',
    cause:
      'Der Server legt ein Zertifikat vor, das sich selbst signiert (Testserver, Appliances) und für das keine System-Zertifizierungsstelle bürgt.',
    fix:
      "Statten Sie den Server mit einem Zertifikat einer öffentlichen Zertifizierungsstelle aus, oder vertrauen Sie diesem Zertifikat ausdrücklich nur in diesem Client (Node.js: TLS-Option ca: [fs.readFileSync('server.pem')]; NODE_EXTRA_CA_CERTS=server.pem). " +
      KEEP_VERIFYING,
  },
  'tls-self-signed-in-chain': {
    title: 'Einer selbstsignierten Stammzertifizierungsstelle in der Kette wird nicht vertraut (self-signed certificate in certificate chain)',
    cause:
      'Die Kette endet bei einer Stammzertifizierungsstelle, der dieser Client nicht vertraut: typischerweise ein Proxy für TLS-Überprüfung im Unternehmen oder ein Virenschutz, der den Datenverkehr neu signiert, oder eine private Zertifizierungsstelle.',
    fix:
      'Fügen Sie diese Stammzertifizierungsstelle dem vom Client verwendeten Vertrauensspeicher hinzu (Node.js: NODE_EXTRA_CA_CERTS=/path/to/corporate-root.pem oder die Option ca), oder nehmen Sie die Mailhosts von der TLS-Überprüfung aus. ' +
      KEEP_VERIFYING,
  },
  'tls-unable-to-verify-first-certificate': {
    title: 'Der Server hat sein Zwischenzertifikat nicht gesendet (unable to verify the first certificate)',
    cause:
      'Der Server sendet nur sein eigenes Zertifikat ohne die Zwischenzertifizierungsstelle, daher kann der Client keine Kette zu einem vertrauenswürdigen Stamm bilden.',
    fix:
      'Serveradministratoren konfigurieren die vollständige Kette (Endzertifikat + Zwischenzertifikate, z. B. fullchain.pem). Clients können die Zwischenzertifizierungsstelle übergangsweise über NODE_EXTRA_CA_CERTS hinzufügen. ' +
      KEEP_VERIFYING,
  },
  'tls-unable-to-get-local-issuer': {
    title: 'Die ausstellende Zertifizierungsstelle ist nicht im Vertrauensspeicher des Clients (unable to get local issuer certificate)',
    cause:
      'Die Kette führt zu einer Zertifizierungsstelle, die der Client nicht kennt: eine private oder Unternehmenszertifizierungsstelle, ein Überprüfungsproxy oder ein veraltetes CA-Bundle in der Laufzeit bzw. im Container.',
    fix:
      'Installieren Sie die Zertifizierungsstelle in den Vertrauensspeicher der Laufzeit (ca-certificates aktualisieren; Node.js: NODE_EXTRA_CA_CERTS; Python: certifi/SSL_CERT_FILE). ' +
      KEEP_VERIFYING,
  },
  'tls-hostname-mismatch': {
    title: "Das Zertifikat gilt für einen anderen Hostnamen (Hostname/IP does not match certificate's altnames)",
    cause:
      'Der Client hat sich über einen Namen oder eine IP-Adresse verbunden, die das Zertifikat nicht aufführt: ein Alias (z. B. mail.contoso.com als CNAME auf outlook.office365.com), eine reine IP-Adresse oder ein Proxy, der mit seinem eigenen Zertifikat antwortet.',
    fix:
      'Verbinden Sie sich über einen im Zertifikat aufgeführten Hostnamen (z. B. outlook.office365.com, smtp.office365.com, imap.gmail.com), oder setzen Sie beim Verbinden über einen Tunnel den TLS-servername darauf. ' +
      KEEP_VERIFYING,
  },
  'tls-java-pkix-path': {
    title: 'Java vertraut dem Serverzertifikat nicht (PKIX path building failed)',
    cause:
      'Der Vertrauensspeicher der JVM (cacerts) enthält keine Zertifizierungsstelle, die das Zertifikat des Servers ausgestellt hat: eine selbstsignierte oder private Zertifizierungsstelle, ein Proxy mit TLS-Überprüfung oder ein Virenschutz oder ein veralteter Vertrauensspeicher des JDK.',
    fix:
      'Importieren Sie das CA-Zertifikat in den Vertrauensspeicher, den die Anwendung verwendet (keytool -importcert -keystore <cacerts oder eigener Truststore> -file ca.pem), oder aktualisieren Sie das JDK; setzen Sie für einen privaten Server mail.imap.ssl.trust / mail.smtp.ssl.trust nur auf diesen Host. ' +
      KEEP_VERIFYING,
  },
  'tls-dotnet-remote-certificate-invalid': {
    title: '.NET hat das Serverzertifikat abgelehnt (The remote certificate is invalid according to the validation procedure)',
    cause:
      'SslStream hat ein Problem mit dem Zertifikat gefunden (SslPolicyErrors): nicht vertrauenswürdige oder selbstsignierte Zertifizierungsstelle, ein nicht passender Name (Verbindung über IP-Adresse oder Alias) oder ein Virenschutz bzw. Proxy, der das Zertifikat ersetzt.',
    fix:
      'Verbinden Sie sich mit dem Hostnamen aus dem Zertifikat, installieren Sie die ausstellende Zertifizierungsstelle im Vertrauensspeicher des Computers oder Benutzers, oder prüfen Sie die konkreten SslPolicyErrors in einem ServerCertificateValidationCallback. ' +
      KEEP_VERIFYING,
  },
  'tls-revocation-check-failed': {
    title: 'Die Sperrprüfung des Zertifikats konnte nicht abgeschlossen werden',
    cause:
      'Der Client konnte die Zertifikatsperrliste (CRL) nicht herunterladen oder den OCSP-Responder des Zertifikats nicht erreichen (ausgehendes HTTP zur Zertifizierungsstelle durch Firewall oder Proxy blockiert oder kein Internetzugang), daher lehnt er das Zertifikat ab.',
    fix:
      'Lassen Sie ausgehendes HTTP zu den im Zertifikat aufgeführten CRL/OCSP-URLs zu (oder konfigurieren Sie den Proxy für das Dienstkonto). MailKit: CheckCertificateRevocation = false nur, wenn das Netzwerk sie nicht erreichen kann.',
  },
  'tls-mailkit-ssl-handshake': {
    title: 'MailKit konnte kein TLS aufbauen (An error occurred while attempting to establish an SSL or TLS connection)',
    cause:
      'MailKit verpackt jeden Handshakefehler in diese Meldung: Das Zertifikat konnte nicht überprüft werden (die Gründe stehen unter der Meldung), der Port erwartet den anderen TLS-Modus (SslOnConnect oder StartTls), oder es gibt keine gemeinsame TLS-Version.',
    fix:
      'Lesen Sie die Gründe, die MailKit nach der Meldung aufführt; verwenden Sie SecureSocketOptions.SslOnConnect auf 993/995/465 und StartTls auf 143/110/587. ' +
      PORTS,
  },
  'tls-wrong-version-number': {
    title: 'TLS-Handshake gegen einen Klartextport (wrong version number)',
    cause:
      'Der Client hat sofort mit TLS begonnen, aber der Server hat im Klartext geantwortet (eine SMTP-Begrüßung "220" oder IMAP-Begrüßung "* OK"): Implizites TLS (secure: true / SslOnConnect) wurde auf einem STARTTLS-Port wie 587, 143 oder 110 verwendet.',
    fix:
      'Verwenden Sie STARTTLS auf 587/143/110 (nodemailer: secure: false, requireTLS: true) oder implizites TLS auf 465/993/995. ' +
      PORTS,
  },
  'tls-unsupported-protocol': {
    title: 'Client und Server haben keine gemeinsame TLS-Version (unsupported protocol)',
    cause:
      'Eine Seite spricht nur TLS 1.0/1.1 (alte Server oder Clients), während die andere TLS 1.2+ verlangt (Node.js 12+, OpenSSL MinProtocol = TLSv1.2, Exchange Online).',
    fix:
      'Aktualisieren Sie die alte Seite auf TLS 1.2 oder höher. Das Minimum des Clients zu senken (Node.js --tls-min-v1.0, OpenSSL MinProtocol) ist nur eine vorübergehende Umgehung für Server, die Sie nicht kontrollieren.',
  },
  'tls-alert-protocol-version': {
    title: 'Die Gegenseite hat die TLS-Version abgelehnt (tlsv1 alert protocol version)',
    cause:
      'Die andere Seite hat die angebotene TLS-Version zurückgewiesen: Ein Ende ist auf TLS 1.0/1.1 beschränkt, während das andere 1.2+ verlangt.',
    fix: 'Aktivieren Sie TLS 1.2+ auf der alten Seite (Laufzeit des Clients oder Serverkonfiguration aktualisieren).',
  },
  'tls-handshake-failure': {
    title: 'Der TLS-Handshake wurde abgelehnt (sslv3 alert handshake failure)',
    cause:
      'Der Server hat im Angebot des Clients keine akzeptable Verschlüsselungssammlung, Kurve oder Protokollversion gefunden (alte Clientbibliothek, eingeschränkte Verschlüsselungsliste oder ein Server, der ein Clientzertifikat oder SNI verlangt).',
    fix:
      'Verwenden Sie eine aktuelle TLS-Bibliothek mit den Standardeinstellungen für Verschlüsselungen, stellen Sie sicher, dass SNI (servername) gesendet wird, und entfernen Sie benutzerdefinierte "ciphers"-Einstellungen wie SSLv3.',
  },
  'tls-peer-rejected-certificate': {
    title:
      'Die andere Seite hat das Zertifikat abgelehnt (TLS alert: bad certificate, certificate expired, certificate unknown, unknown ca)',
    cause:
      'Eine von der Gegenseite empfangene Warnung: Im Protokoll eines Servers (Dovecot imap-login, Postfix smtpd, SSL_accept) bedeutet sie, dass der Mailclient das Zertifikat des Servers abgelehnt hat: abgelaufen (Alert 45), von einer Zertifizierungsstelle ausgestellt, der der Client nicht vertraut, oder ohne seine Zwischenzertifikate gesendet (46, 48), oder nicht gültig für den Hostnamen, den der Client verwendet hat (42, 46). Im Protokoll eines Clients bedeutet sie, dass der Server das Clientzertifikat abgelehnt hat.',
    fix:
      "Liefern Sie die vollständige Kette aus (Let's Encrypt: fullchain.pem, nicht cert.pem; Dovecot ssl_cert = <fullchain.pem), erneuern Sie ein abgelaufenes Zertifikat und laden Sie den Dienst neu, und sorgen Sie dafür, dass das Zertifikat den Namen abdeckt, mit dem sich Clients verbinden; prüfen Sie mit openssl s_client -connect host:993 -showcerts. Clients, die mehrere Namen ausprobieren, verursachen einige dieser Meldungen harmlos.",
  },
  'tls-java-no-appropriate-protocol': {
    title: 'Java: No appropriate protocol (Protokoll deaktiviert oder Verschlüsselungssammlungen ungeeignet)',
    cause:
      'Die JVM hat keine TLS-Version angeboten, die die Verbindung verwenden darf: JavaMail/Jakarta Mail vor 1.6 fordert TLSv1 oder TLSv1.1 an, die aktuelle JDKs deaktivieren (jdk.tls.disabledAlgorithms), oder mail.*.ssl.protocols nennt nur deaktivierte Versionen.',
    fix:
      'Aktualisieren Sie Jakarta Mail (oder JavaMail auf 1.6.2+), und setzen Sie mail.smtp.ssl.protocols=TLSv1.2 (mail.imap.ssl.protocols für IMAP); aktivieren Sie TLSv1 in java.security nicht wieder.',
  },
  'tls-unknown-protocol': {
    title: 'Der TLS-Handshake hat eine Klartextantwort erhalten (SSL23_GET_SERVER_HELLO: unknown protocol)',
    cause:
      'Die Formulierung älterer OpenSSL-Versionen für einen Server, der nicht mit TLS geantwortet hat: Implizites TLS wurde auf einem STARTTLS- oder Klartextport wie 143, 110, 587 oder 25 gestartet (oder ein Proxy hat im Klartext geantwortet).',
    fix: 'Verwenden Sie STARTTLS auf 143/110/587 oder implizites TLS auf 993/995/465: Port und TLS-Modus gehören zusammen.',
  },
  'dovecot-ssl-dh-parameters': {
    title: 'Dovecot kann seine Diffie-Hellman-Parameter nicht analysieren (ssl_dh)',
    cause:
      'Die durch ssl_dh benannte Datei fehlt, ist leer oder kein PEM-Block "DH PARAMETERS" (Dovecot 2.3 erzeugt sie nicht mehr), daher können imap-login/pop3-login kein TLS starten, und jede TLS-Verbindung schlägt fehl.',
    fix:
      'Erstellen Sie sie (openssl dhparam -out /etc/dovecot/dh.pem 4096), setzen Sie ssl_dh = </etc/dovecot/dh.pem, und laden Sie Dovecot neu.',
  },
  'javamail-could-not-convert-socket': {
    title: 'Jakarta Mail / JavaMail: Could not convert socket to TLS (STARTTLS fehlgeschlagen)',
    cause:
      'Der Server hat STARTTLS akzeptiert, aber der TLS-Handshake ist danach fehlgeschlagen; die verschachtelte Ausnahme nennt den Grund: keine gemeinsame TLS-Version (altes JavaMail fordert TLSv1 an) oder ein Zertifikat, dem die JVM nicht vertraut (PKIX path building failed).',
    fix:
      'Lesen Sie die Zeile "nested exception is"; setzen Sie mail.smtp.ssl.protocols=TLSv1.2 mit einem aktuellen Jakarta Mail, und importieren Sie eine private Zertifizierungsstelle in den Vertrauensspeicher, statt jedem Host zu vertrauen.',
  },
  'tls-socket-disconnected-before-handshake': {
    title: 'Die Verbindung wurde geschlossen, bevor der TLS-Handshake abgeschlossen war',
    cause:
      'Der Server (oder eine Firewall bzw. ein Proxy) hat die Verbindung während des Handshakes geschlossen: oft implizites TLS an einen Klartextport, das dann in ein Timeout läuft, eine filternde Firewall oder ein Virenschutz oder ein Server, der die TLS-Version ablehnt.',
    fix:
      'Überprüfen Sie Host sowie die Zuordnung von Port und TLS-Modus, und versuchen Sie es aus einem anderen Netzwerk, um eine filternde Zwischenstation auszuschließen. ' +
      PORTS,
  },
  'net-econnreset': {
    title: 'Die Verbindung wurde zurückgesetzt (ECONNRESET)',
    cause:
      'Die Gegenseite oder eine Zwischenstation hat die TCP-Verbindung abgebrochen: eine Firewall oder ein Virenschutz, der Server, der eine inaktive oder gedrosselte Sitzung beendet, oder eine Verwechslung von TLS und Klartext beim Handshake.',
    fix:
      'Versuchen Sie es erneut; tritt der Fehler beim Verbinden auf, überprüfen Sie Host, Port und TLS-Modus; tritt er während einer Sitzung auf, verbinden Sie sich erneut, und verringern Sie die Leerlaufzeit oder die Zahl paralleler Sitzungen.',
  },
  'net-eproto': {
    title: 'TLS-Protokollfehler am Socket (EPROTO)',
    cause:
      'Die TLS-Schicht ist fehlgeschlagen; der folgende OpenSSL-Text nennt den Grund (wrong version number: TLS an einen STARTTLS-Port; unsupported protocol oder alert protocol version: nicht passende TLS-Versionen).',
    fix: 'Lesen Sie den OpenSSL-Grund nach EPROTO. ' + PORTS,
  },
  'net-etimedout': {
    title: 'Zeitüberschreitung bei der Verbindung (ETIMEDOUT)',
    cause:
      'Auf diesem Host und Port hat nichts geantwortet: Ausgehende SMTP-Ports (25, 465, 587) werden oft von Hostinganbietern, Cloudplattformen oder Unternehmensfirewalls blockiert; oder Host bzw. Port sind falsch.',
    fix:
      'Testen Sie die Erreichbarkeit vom selben Computer aus (z. B. openssl s_client -connect host:port oder Test-NetConnection host -Port port). Verwenden Sie den Übermittlungsport des Anbieters, und bitten Sie den Netzwerk- oder Hostinganbieter, ihn zu öffnen. ' +
      PORTS,
  },
  'net-econnrefused': {
    title: 'Die Verbindung wurde abgelehnt (ECONNREFUSED)',
    cause:
      'Der Host hat geantwortet, aber an diesem Port lauscht nichts: falscher Port, der Dienst ist nicht aktiv, oder ein lokaler Proxy bzw. Tunnel läuft nicht.',
    fix:
      'Überprüfen Sie Host und Port in den Clienteinstellungen und ob der Server bzw. Proxy läuft. ' + PORTS,
  },
  'net-dns-lookup-failed': {
    title: 'Der Servername konnte nicht aufgelöst werden (ENOTFOUND / EAI_AGAIN)',
    cause:
      'DNS hat keinen Eintrag für den Hostnamen (Tippfehler, z. B. outlook.office365.con), oder DNS ist nicht erreichbar (EAI_AGAIN: vorübergehender Fehler, offline, Netzwerk nur mit Proxy).',
    fix:
      'Überprüfen Sie die Schreibweise des Hostnamens (outlook.office365.com, smtp.office365.com, imap.gmail.com, smtp.gmail.com) und die DNS- bzw. Proxyeinstellungen des Computers.',
  },
};

/** How to see why sasl-xoauth2 failed (English: TRACE in ../postfix.ts). */
const SASL_XOAUTH2_TRACE =
  'Setzen Sie "log_full_trace_on_failure": "yes" in /etc/sasl-xoauth2.conf, senden Sie erneut, und lesen Sie die sasl-xoauth2-Zeilen im Mailprotokoll; ' +
  'führen Sie sasl-xoauth2-tool test-config und test-token-refresh <Tokendatei> als Benutzer postfix aus.';

const POSTFIX: Readonly<Record<string, EntryText>> = {
  'postfix-sasl-plugin-failed': {
    title: 'Postfix: Das SASL-Plug-In ist fehlgeschlagen, bevor der Server geantwortet hat (generic failure / bad protocol / transient failure)',
    cause:
      'Diese Wörter stammen von Cyrus SASL, nicht vom Server: Das XOAUTH2-Plug-In (sasl-xoauth2) hat auf der Clientseite aufgegeben. Meist konnte es die Tokendatei nicht lesen oder schreiben (Pfad in sasl_passwd, Berechtigungen, die chroot-Umgebung unter /var/spool/postfix), das Token nicht aktualisieren (falsche client_id/client_secret oder falscher token_endpoint, abgelaufenes Aktualisierungstoken) oder das TLS-Zertifikat des Tokenendpunkts innerhalb der chroot-Umgebung nicht überprüfen (dort kein CA-Bundle).',
    fix:
      SASL_XOAUTH2_TRACE +
      ' Kopieren Sie die Tokendatei und das CA-Bundle in die chroot-Umgebung, wenn smtp in chroot läuft (master.cf), und machen Sie die Tokendatei für postfix beschreibbar.',
  },
  'postfix-sasl-no-mechanism': {
    title: 'Postfix: Kein SASL-Mechanismus verfügbar (No worthy mechs found / no mechanism available)',
    cause:
      'Cyrus SASL hat keinen Mechanismus gefunden, den der Server anbietet und der Client verwenden darf: Das XOAUTH2-Plug-In (libsasl-xoauth2.so) ist nicht in dem Verzeichnis installiert, aus dem Cyrus SASL Plug-Ins lädt, konnte nicht geladen werden (seine Konfigurationsdatei lässt sich nicht analysieren), oder smtp_sasl_mechanism_filter / smtp_sasl_security_options schließen jeden angebotenen Mechanismus aus.',
    fix:
      'Führen Sie pluginviewer -c (oder saslpluginviewer) aus, und prüfen Sie, ob XOAUTH2 aufgeführt ist; installieren Sie das Plug-In im Cyrus SASL-Plug-In-Verzeichnis Ihrer Distribution; setzen Sie smtp_sasl_mechanism_filter = xoauth2 und smtp_sasl_security_options = (leer). ' +
      SASL_XOAUTH2_TRACE,
  },
  'postfix-sasl-plugin-init-failed': {
    title: 'Cyrus SASL konnte das Plug-In sasl-xoauth2 nicht laden',
    cause:
      'Die Initialisierung des Plug-Ins ist fehlgeschlagen, daher fehlt XOAUTH2: Meist ist /etc/sasl-xoauth2.conf kein gültiges JSON (ein fehlendes Komma oder Anführungszeichen; die Meldung nennt Zeile und Spalte) oder kann nicht gelesen werden.',
    fix:
      'Korrigieren Sie das JSON in /etc/sasl-xoauth2.conf (client_id, client_secret und für Microsoft token_endpoint), und führen Sie dann sasl-xoauth2-tool test-config aus.',
  },
  'postfix-smtpd-no-xoauth2': {
    title: "Postfix smtpd bietet XOAUTH2 nicht an (Couldn't find mech XOAUTH2)",
    cause:
      'Ein Client hat AUTH XOAUTH2 bei diesem Postfix versucht, aber sein SASL-Back-End (Dovecot SASL oder Cyrus) hat keinen XOAUTH2-Mechanismus aktiviert, daher antwortet Postfix mit "no mechanism available".',
    fix:
      'Aktivieren Sie mit smtpd_sasl_type = dovecot den Mechanismus in Dovecot (auth_mechanisms = plain login xoauth2 oauthbearer, dazu eine oauth2-passdb), und laden Sie Dovecot neu; installieren Sie bei Cyrus ein XOAUTH2-Server-Plug-In. Der Client muss die Mechanismen verwenden, die die EHLO-Antwort aufführt.',
  },
  'postfix-sasl-passwd-lookup': {
    title: 'Postfix hat keine Anmeldeinformationen für den Relayhost gefunden (smtp_sasl_passwd_lookup: no auth info found)',
    cause:
      'smtp_sasl_password_maps hat keinen Eintrag, dessen Schlüssel genau so zum Relay passt, wie relayhost es nennt ([host]:port mit denselben Klammern und demselben Port), oder die Tabelle wurde nach dem Bearbeiten nicht neu erstellt, daher authentifiziert sich Postfix überhaupt nicht.',
    fix:
      'Machen Sie den Schlüssel in sasl_passwd identisch mit relayhost (z. B. [smtp.office365.com]:587), und führen Sie postmap /etc/postfix/sasl_passwd und postfix reload aus.',
  },
};

/** The same reply after an XOAUTH2 login (English: OAUTH_TOO in ../providers.ts). */
const TOKEN_REFUSED =
  'Bei XOAUTH2 bedeutet dieselbe Antwort, dass das Token abgelehnt wurde: Rufen Sie ein neues Token für dieses Konto und diesen Bereich ab.';

const PROVIDERS: Readonly<Record<string, EntryText>> = {
  'yahoo-imap-invalid-credentials': {
    title: 'Der IMAP-Server hat die Anmeldung abgelehnt (LOGIN/AUTHENTICATE Invalid credentials; Formulierung von Yahoo und AOL)',
    cause:
      'Yahoo und AOL antworten so, wenn das Kennwort falsch ist, und meistens, wenn eine Drittanbieter-App das normale Kontokennwort verwendet: Von E-Mail-Clients akzeptieren sie nur ein App-Passwort (oder OAuth).',
    fix:
      'Erstellen Sie in den Sicherheitseinstellungen des Kontos ein App-Passwort (Yahoo: Kontosicherheit → App-Passwort generieren), und verwenden Sie es statt des Kontokennworts. ' +
      TOKEN_REFUSED,
  },
  'yandex-imap-invalid-credentials-or-disabled': {
    title: 'Yandex hat die Anmeldung abgelehnt (Invalid credentials or IMAP is disabled)',
    cause:
      'Yandex Mail lehnt E-Mail-Clients ab, solange der IMAP-Zugriff in den Einstellungen nicht eingeschaltet ist und der Client kein App-Passwort (oder OAuth) verwendet; das Kontokennwort selbst wird abgelehnt.',
    fix:
      'Yandex Mail → Einstellungen → E-Mail-Programme: Zugriff über IMAP zulassen (App-Passwörter und OAuth-Token), ein App-Passwort für E-Mail erstellen und sich damit anmelden. ' +
      TOKEN_REFUSED,
  },
  'zoho-imap-invalid-credentials': {
    title: 'Zoho hat die Anmeldung abgelehnt (Invalid credentials(Failure))',
    cause:
      'Zoho Mail lehnt das Kennwort ab: Der IMAP-Zugriff ist für das Konto ausgeschaltet, oder die Zwei-Faktor-Authentifizierung ist aktiviert, und der Client muss ein anwendungsspezifisches Kennwort verwenden; auch Organisationsadministratoren können IMAP deaktivieren.',
    fix:
      'Zoho Mail → Einstellungen → E-Mail-Konten → IMAP: IMAP-Zugriff aktivieren; erstellen Sie bei 2FA ein anwendungsspezifisches Kennwort, und verwenden Sie es. ' +
      TOKEN_REFUSED,
  },
  'qq-smtp-authorization-code': {
    title: 'QQ Mail verlangt einen Autorisierungscode, nicht das QQ-Kennwort (535 Login Fail)',
    cause:
      'QQ Mail (und Foxmail-Konten) lehnen das QQ-Kennwort über IMAP/POP/SMTP ab; Clients benötigen den separaten Autorisierungscode.',
    fix:
      'QQ Mail im Web → Einstellungen → Konto → den Dienst POP3/IMAP/SMTP aktivieren und einen Autorisierungscode (授权码) erzeugen; verwenden Sie ihn als Kennwort.',
  },
};

const CLIENTS: Readonly<Record<string, EntryText>> = {
  'msal-net-ui-required-no-account': {
    title: 'MSAL: Kein Konto im Tokencache für eine automatische Anforderung (MsalUiRequiredException)',
    cause:
      'AcquireTokenSilent wurde ohne Konto oder Anmeldehinweis aufgerufen oder mit einem, das der Cache nicht enthält: Der Cache wird zwischen den Ausführungen nicht gespeichert, das Konto hat sich mit anderen Bereichen oder einer anderen Autorität angemeldet, oder eine Web-App hat ihre Sitzung verloren.',
    fix:
      'Fangen Sie MsalUiRequiredException ab, und greifen Sie auf AcquireTokenInteractive oder den Geräte-Code-Flow zurück; speichern Sie den Tokencache dauerhaft, und übergeben Sie den IAccount aus GetAccountsAsync() derselben Clientanwendung.',
  },
  'nodemailer-cannot-create-access-token': {
    title: "nodemailer konnte kein Zugriffstoken abrufen (Can't create new access token for user)",
    cause:
      'nodemailer hat kein gültiges accessToken und kann keines aktualisieren: Dem Transport fehlen refreshToken, clientId oder clientSecret (oder sie stehen außerhalb von auth: {type: "OAuth2", ...}), oder der Tokenendpunkt hat die Aktualisierung abgelehnt (der Fehler davor, z. B. invalid_grant, nennt den Grund).',
    fix:
      'Geben Sie auth {type: "OAuth2", user, clientId, clientSecret, refreshToken} an (oder ein neues accessToken mit expires), mit der Client-ID, die das Aktualisierungstoken ausgestellt hat; hören Sie auf das Ereignis "token", um neue Token zu speichern.',
  },
  'client-no-compatible-mechanism': {
    title: 'Der Client hat keinen Authentifizierungsmechanismus gefunden, den er mit dem Server gemeinsam hat',
    cause:
      'Die Liste der Fähigkeiten des Servers (AUTH=... bei IMAP, 250-AUTH bei SMTP) enthält keinen Mechanismus, den der Client verwenden darf: XOAUTH2/OAUTHBEARER wurde entfernt oder nicht angefordert, der Server bietet vor STARTTLS keinen an, oder er bietet überhaupt kein AUTH an.',
    fix:
      'Sehen Sie sich die Liste der Fähigkeiten an, die der Server nach TLS gesendet hat; authentifizieren Sie sich mit einem ausdrücklich angegebenen OAuth-Mechanismus (MailKit: Authenticate(new SaslMechanismOAuth2(user, token)); curl: --login-options AUTH=XOAUTH2 mit --oauth2-bearer), und verwenden Sie zuerst STARTTLS oder implizites TLS.',
  },
  'curl-login-denied': {
    title: 'curl: (67) Login denied (Anmeldung verweigert)',
    cause:
      'Der Exitcode 67 von curl (CURLE_LOGIN_DENIED) sagt nur, dass der Server die Anmeldung abgelehnt hat; die Antwort des Servers direkt davor (mit -v) nennt den Grund: ein abgelehntes Token oder Kennwort oder eine OAUTHBEARER-Nachricht, die der Server nicht verwenden kann.',
    fix:
      'Führen Sie den Befehl erneut mit -v aus, und lassen Sie die letzte Antwort des Servers erklären; verwenden Sie für Gmail und Microsoft --login-options AUTH=XOAUTH2 mit --oauth2-bearer <Token> und --user <Adresse>.',
  },
};

export const DE_REPLIES: Readonly<Record<string, EntryText>> = {
  ...IMAP_POP,
  ...SMTP,
  ...SASL,
  ...TLS,
  ...POSTFIX,
  ...PROVIDERS,
  ...CLIENTS,
};
