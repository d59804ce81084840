// German text for entries added after the first translation, by entry id.
import type { EntryText } from './index';

export const DE_ADDED: Readonly<Record<string, EntryText>> = {
  'm365-imap-authenticate-failed': {
    title: 'Exchange Online hat die XOAUTH2-Anmeldung abgelehnt (NO AUTHENTICATE failed.)',
    cause:
      'Exchange nennt keinen Grund. Übliche Ursachen: Das Token gilt für eine andere Ressource (aud ist Microsoft Graph, nicht Outlook); ' +
      'ihm fehlt der Bereich IMAP.AccessAsUser.All (bzw. die Rolle IMAP.AccessAsApp für reinen App-Zugriff); es ist abgelaufen; das Feld user= ' +
      'nennt kein Postfach, das das Token öffnen darf; das Postfach hat keine Exchange Online-Lizenz oder IMAP ist dafür deaktiviert; ' +
      'oder, bei reinen App-Token, der Dienstprinzipal wurde nie in Exchange registriert oder hat keinen Zugriff auf das Postfach.',
    fix:
      'Das Token decodieren (Mail OAuth: Decode SASL String) und prüfen: aud ist https://outlook.office.com (oder outlook.office365.com), ' +
      'scp enthält IMAP.AccessAsUser.All / POP.AccessAsUser.All (delegiert) oder roles enthält IMAP.AccessAsApp / POP.AccessAsApp (reiner App-Zugriff), ' +
      'exp liegt in der Zukunft, und user= ist das Postfach, das das Token öffnen darf. Den Bereich https://outlook.office.com/IMAP.AccessAsUser.All ' +
      '(plus offline_access) anfordern. IMAP für das Postfach aktivieren: Set-CASMailbox -Identity <user> -ImapEnabled $true. Für reinen App-Zugriff ' +
      'New-ServicePrincipal -AppId <application id> -ServiceId <enterprise application object id> und ' +
      'Add-MailboxPermission -Identity <mailbox> -User <service principal id> -AccessRights FullAccess ausführen.',
  },
  aadsts50011: {
    title: 'AADSTS50011: Der Umleitungs-URI stimmt nicht mit der App-Registrierung überein',
    cause:
      'Der redirect_uri der Anforderung ist für die Anwendung nicht registriert (Unterschiede in Schema, Host, Port, Pfad oder ein ' +
      'abschließender Schrägstrich zählen), oder er ist unter der falschen Plattform registriert.',
    fix:
      'Azure-Portal → App-Registrierungen → <App> → Authentifizierung → Plattform hinzufügen (Mobile Anwendungen und Desktopanwendungen für ' +
      'Loopback-Umleitungen über http://localhost, Web für vertrauliche Clients) und genau den Umleitungs-URI hinzufügen, den der Client sendet.',
  },
};
