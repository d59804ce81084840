// A few realistic messages for the sandbox's demo mailboxes, so the console's quick actions (IMAP FETCH 1 ENVELOPE,
// POP3 TOP 1 0) have something to show. Dates are fixed: the mailbox looks the same on every start.

function message(headers: Record<string, string>, body: string): string {
  return `${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n\n${body}\n`;
}

/** The INBOX of a demo user (their UPN), oldest first. */
export function demoMessages(upn: string, name: string): string[] {
  const to = `${name} <${upn}>`;
  const common = { 'MIME-Version': '1.0', 'Content-Type': 'text/plain; charset=utf-8', 'Content-Transfer-Encoding': '8bit' };
  return [
    message(
      {
        'Return-Path': '<it-helpdesk@contoso.test>',
        From: 'Contoso IT Helpdesk <it-helpdesk@contoso.test>',
        To: to,
        Subject: 'Welcome to your Contoso mailbox',
        Date: 'Mon, 02 Nov 2026 08:15:00 +0000',
        'Message-ID': `<welcome.${upn}@contoso.test>`,
        ...common,
      },
      `Hello ${name.split(' ')[0]},\n\nYour mailbox is ready. Mail clients sign in with modern authentication (OAuth 2.0);\nbasic authentication with a password is turned off for IMAP, POP and SMTP.\n\nContoso IT Helpdesk`,
    ),
    message(
      {
        From: 'Megan Bowen <megan@contoso.test>',
        To: to,
        Subject: 'Agenda for Thursday: mail server migration',
        Date: 'Tue, 03 Nov 2026 14:02:31 +0000',
        'Message-ID': `<agenda-20261105.${upn}@contoso.test>`,
        ...common,
      },
      'Hi,\n\nFor Thursday:\n1. Which daemons still use app passwords\n2. Moving the ticket importer to an app-only token\n3. Timeline for turning off SMTP AUTH with passwords\n\nMegan',
    ),
    message(
      {
        From: 'Contoso Ticket Importer <tickets@contoso.test>',
        To: to,
        Subject: 'Re: [#4711] Importer cannot log in (AUTHENTICATE failed)',
        Date: 'Wed, 04 Nov 2026 09:47:12 +0000',
        'Message-ID': `<ticket-4711.${upn}@contoso.test>`,
        'In-Reply-To': '<ticket-4711@contoso.test>',
        ...common,
      },
      'The importer logs in again since its service principal was granted FullAccess to the mailbox.\n\n-- \nContoso Ticket Importer',
    ),
  ];
}
