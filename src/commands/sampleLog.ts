// "Open a Sample Log" (the walkthrough's last step): an untitled log with two IMAP logins, one whose
// token was issued for Microsoft Graph instead of Outlook and was refused, one that worked, so that the
// hovers and the Problems panel have something to explain. The tokens are made up: unsigned, for no tenant.
import * as vscode from 'vscode';

const USER = 'adele@contoso.com';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APP = '9f3c1e2a-4b5d-4c6e-8f70-81a2b3c46b7d';

export function registerSampleLogCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('mailOAuth.openSampleLog', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'log', content: sampleLog(new Date()) });
    return vscode.window.showTextDocument(doc, { preview: false });
  });
}

/** The sample's text, its times and token lifetimes relative to `now` (so the working token is valid). */
export function sampleLog(now: Date): string {
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
  const epoch = (minutes: number) => Math.floor(now.getTime() / 1000) + minutes * 60;
  const graph = fakeJwt({ aud: 'https://graph.microsoft.com', scp: 'Mail.Read User.Read', iat: epoch(-10), nbf: epoch(-10), exp: epoch(50) });
  const outlook = fakeJwt({ aud: 'https://outlook.office.com', scp: 'IMAP.AccessAsUser.All', iat: epoch(-5), nbf: epoch(-5), exp: epoch(55) });
  return [
    `# ${vscode.l10n.t('Sample IMAP log from Mail OAuth Debugger. The tokens are made up and open no mailbox.')}`,
    `# ${vscode.l10n.t('Hover over the base64 strings after AUTHENTICATE XOAUTH2, and over the NO reply.')}`,
    `${at(4)} S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2 AUTH=OAUTHBEARER] IMAP server ready`,
    `${at(4)} C: A1 AUTHENTICATE XOAUTH2 ${xoauth2(graph)}`,
    `${at(4)} S: A1 NO AUTHENTICATE failed.`,
    `${at(1)} C: A2 AUTHENTICATE XOAUTH2 ${xoauth2(outlook)}`,
    `${at(1)} S: A2 OK AUTHENTICATE completed.`,
    '',
  ].join('\n');
}

/** The XOAUTH2 initial response, spelled out here: the sample shows the format, whatever the encoder's API. */
function xoauth2(token: string): string {
  return Buffer.from(`user=${USER}\x01auth=Bearer ${token}\x01\x01`, 'utf8').toString('base64');
}

function fakeJwt(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const payload = { ...claims, iss: `https://sts.windows.net/${TENANT}/`, tid: TENANT, appid: APP, upn: USER, name: 'Adele Vance' };
  return `${part({ typ: 'JWT', alg: 'RS256' })}.${part(payload)}.${Buffer.from('sample signature, not valid').toString('base64url')}`;
}
