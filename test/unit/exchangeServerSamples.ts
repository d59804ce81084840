// Real failure strings for the entries of src/core/explain/data/exchangeServer.json (an on-premises Exchange
// Server's SMTP Receive protocol log and its transport events), each with where it was published.
// explain.test.ts checks that each one's first finding is its entry; explainExchangeServer.test.ts the rest.

export const EXCHANGE_SERVER_SAMPLES: Record<string, string[]> = {
  'exchange-server-inbound-auth-failed': [
    // m365internals, "Hunting in on-premises Exchange Server logs" (2022-10-07), quoted by a public threat-hunting guide:
    // an SMTP Receive protocol log line of the Default Frontend connector
    '2023-01-11T16:00:10.644Z,SERVER-HOSTNAME\\Default Frontend SERVER-HOSTNAME,123453EC62278461,15,10.10.10.10:25,95.10.20.33:56026,*,,Inbound AUTH LOGIN failed because of LogonDenied',
    // MSExchangeFrontEndTransport event 1035, as administrators post it (technet "Event ID 1035 MSExchangeFrontEndTransport")
    'Inbound authentication failed with error LogonDenied for Receive connector Client Frontend EXCH01. The authentication mechanism is Login. The source IP address of the client who tried to authenticate to Microsoft Exchange is [10.0.0.77].',
    // the same log with the reason a malformed answer gets (IPBan and Exchange hunting scripts filter on this context)
    '*,,Inbound AUTH LOGIN failed because of IllegalMessage',
  ],
  'exchange-server-smtp-535-protocol-log': [
    // the 535 that follows the LogonDenied line in Exchange 2016/2019 protocol logs (DigitalRuby/IPBan#269 shows the format)
    '2023-01-11T16:00:10.645Z,SERVER-HOSTNAME\\Default Frontend SERVER-HOSTNAME,123453EC62278461,16,10.10.10.10:25,95.10.20.33:56026,>,535 5.7.3 Authentication unsuccessful,',
  ],
  'exchange-server-no-xoauth2': [
    // Exchange Server's reply to an AUTH mechanism its connector does not list, in its protocol log's format
    '2026-11-30T09:14:02.183Z,EXCH01\\Client Frontend EXCH01,08DE2F1B3C4D5E6F,12,10.0.0.25:587,10.0.0.77:51514,>,504 5.7.4 Unrecognized authentication type,',
  ],
  'exchange-server-not-authorized-submit': [
    // MSExchangeTransport event 1020 (SmtpReceiveAuthorizationRejected), message text as Microsoft documents it
    "The account 'CONTOSO\\scanner' provided valid credentials, but is not authorized to use the server; failing authentication.",
  ],
  'exchange-server-max-logon-failures': [
    // MSExchangeTransport event 1012 (SmtpReceiveAuthenticationFailedTooManyErrors), technet ff984713
    'Receive connector Client Frontend EXCH01: Authentication failures have exceeded the maximum of 3 for the connection from 10.0.0.77. Disconnecting.',
  ],
};
