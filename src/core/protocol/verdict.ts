// The verdict of a session: which step failed, the likely cause and what to change, from the
// knowledge base (the server's reply, the decoded error challenge) and the token checks.
import { explain, Finding } from '../explain';
import { AppOnlyChecklist, appOnlyChecklist } from '../exchange/checklist';
import { decodeSasl } from '../sasl/decode';
import { Problem } from '../sasl/problems';
import { checkToken, MailProtocol } from '../token/checks';
import { inspectToken } from '../token/inspect';
import { redactLine } from './transcript';
import { LoginInput, SessionOutcome, Step } from './session';

export interface Verdict {
  ok: boolean;
  /** One line: what happened. */
  title: string;
  step?: Step;
  cause?: string;
  fix?: string;
  findings: Finding[];
  tokenProblems: Problem[];
  /** The token went to an unverified server or in plain text (the login may still have worked). */
  warning?: string;
  /** An app-only token refused at login: Exchange's setup steps checked against the token's values. */
  checklist?: AppOnlyChecklist;
}

const STEP_LABEL: Record<Step, string> = {
  connect: 'connecting',
  greeting: 'the greeting',
  capabilities: 'asking for capabilities',
  starttls: 'STARTTLS',
  authenticate: 'authentication',
  verify: 'the command after login',
  logout: 'logout',
};

/** What to do when the knowledge base has nothing more specific for a refusal at this step. */
const STEP_FIX: Partial<Record<Step, string>> = {
  greeting: 'The server refused the session before any command (its greeting says why): it may be overloaded or block this address. Try again later, or check host and port.',
  starttls:
    'The server refused to switch to TLS, and the client does not send a token in clear text. Use the implicit-TLS port instead (IMAP 993, POP3 995, SMTP 465), or have STARTTLS enabled on the server.',
  capabilities: 'The server refused the capability request: check host and port, and that this port serves the chosen protocol.',
};

/** What the command after login showed, per protocol (SMTP has no mailbox to look at). */
const VERIFIED: Record<MailProtocol, string> = {
  imap: 'the mailbox answers (LIST INBOX)',
  pop3: 'the mailbox answers (STAT)',
  smtp: 'the server takes commands after login (NOOP), so it may send mail as this account',
};

/** The documentation links of the findings, each once, at most `max`. */
export function docsOf(findings: Finding[], max = 4): { title: string; url: string }[] {
  const seen = new Set<string>();
  return findings.flatMap((f) => f.docs).filter((d) => !seen.has(d.url) && seen.add(d.url)).slice(0, max);
}

export function verdictFor(outcome: SessionOutcome, protocol: MailProtocol, login: LoginInput, now = new Date()): Verdict {
  const token = inspectToken(login.token, now);
  const tokenProblems = checkToken(token, { now, protocol, user: login.user }).filter((p) => p.severity !== 'info');
  if (outcome.authenticated && outcome.verified) {
    return { ok: true, title: `Authenticated with ${login.mechanism} and verified: ${VERIFIED[protocol]}.`, findings: [], tokenProblems };
  }
  // A server may echo the client's SASL response (or the token) in its reply: never show it.
  const failure = outcome.failure && { ...outcome.failure, reply: redactLine(outcome.failure.reply, [login.token]) };
  const step = failure?.step ?? 'authenticate';
  // The decoded error challenge says most specifically why the token was refused; the final reply's entry
  // gives the fix (the challenge entries advise answering the challenge, which the engine already did).
  const replyFindings = explain(failure?.reply ?? '');
  let challengeFindings: Finding[] = [];
  if (outcome.errorChallenge) {
    const d = decodeSasl(outcome.errorChallenge);
    challengeFindings = explain(`+ ${outcome.errorChallenge}\n${d.decodedText ? `challenge ${d.decodedText}` : ''}`);
  }
  const findings = [...challengeFindings, ...replyFindings.filter((f) => !challengeFindings.some((c) => c.id === f.id))];
  const tokenErrors = tokenProblems.filter((p) => p.severity === 'error');

  let title: string;
  if (outcome.authenticated) title = `Logged in, but ${STEP_LABEL[step]} failed: the session cannot work.`;
  else if (failure?.transportError?.code === 'cancelled') title = `Cancelled during ${STEP_LABEL[step]}.`;
  else if (failure?.transportError) title = `The connection failed during ${STEP_LABEL[step]}.`;
  else title = `${STEP_LABEL[step][0].toUpperCase()}${STEP_LABEL[step].slice(1)} failed.`;

  // The client's own account comes first where no server line explains more: a connection that broke
  // after connecting (closed, timed out, flooded, garbage) or an exchange the client had to cancel. The
  // knowledge base's TLS and port advice fits only failures while connecting.
  const ownWords = failure?.byClient || (failure?.transportError !== undefined && step !== 'connect');
  // The token's own problems are the most specific cause when the server refused the login; so is a user
  // field naming another mailbox than the token's account (a warning only, since a shared mailbox is legitimate).
  const mismatch = !ownWords && step === 'authenticate' && !tokenErrors.length ? tokenProblems.find((p) => p.code === 'user-mismatch') : undefined;
  // An app-only token names no mailbox: a valid one is refused when the app's service principal has no access to
  // the mailbox in the user field, which no server reply says.
  const oid = typeof token.claims?.oid === 'string' ? token.claims.oid : undefined;
  const ungranted = !ownWords && step === 'authenticate' && !tokenErrors.length && token.roles.length > 0 && !token.account;
  const checklist = !ownWords && step === 'authenticate' && !outcome.authenticated ? appOnlyChecklist(token, protocol, login.user) : undefined;
  const cause = ownWords
    ? failure!.reply
    : step === 'authenticate' && tokenErrors.length
      ? tokenErrors.map((p) => p.message).join(' ')
      : ungranted
        ? `This app-only token names no mailbox: the server opens the mailbox in the user field (${login.user}) only if the app's service principal${oid ? ` (object ID ${oid})` : ''} was granted access to it, and it was refused.`
        : mismatch?.message ?? findings[0]?.cause ?? failure?.reply ?? 'The server gave no reason.';
  const fix = ownWords
    ? undefined
    : ungranted
      ? `Check the user field names the mailbox the app should open; grant the app access to ${login.user} (Exchange Online: New-ServicePrincipal -AppId ${token.appId ?? '<application id>'} -ObjectId ${oid ?? '<enterprise application object id>'}, then Add-MailboxPermission -Identity ${login.user} -User ${oid ?? '<service principal id>'} -AccessRights FullAccess; it can take up to 30 minutes to apply).${checklist ? ` ${checklist.summary}` : ''}`
    : mismatch
      ? `Put the token's account (${token.account}) in the user field, or sign in as ${login.user}; for a shared mailbox, give ${token.account} Full Access to it (Exchange: Add-MailboxPermission).`
      : replyFindings[0]?.fix ??
        challengeFindings[0]?.fix ??
        (tokenErrors.length ? 'Fix the token problems above, then connect again.' : failure && !failure.transportError ? STEP_FIX[step] : undefined);
  return { ok: false, title, step, cause, fix, findings, tokenProblems, ...(checklist ? { checklist } : {}) };
}
