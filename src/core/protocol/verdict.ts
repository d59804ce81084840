// The verdict of a session: which step failed, the likely cause and what to change, from the
// knowledge base (the server's reply, the decoded error challenge) and the token checks.
import * as l10n from '@vscode/l10n';
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

/** The step's name, as a verdict shows it beside its title ("Step: Greeting"). */
const STEP_NAME: Readonly<Record<Step, () => string>> = {
  connect: () => l10n.t({ message: 'Connecting', comment: 'A session step, shown as "Step: Connecting".' }),
  greeting: () => l10n.t({ message: 'Greeting', comment: "A session step: the server's first line." }),
  capabilities: () => l10n.t({ message: 'Capabilities', comment: 'A session step: asking the server what it supports.' }),
  starttls: () => 'STARTTLS',
  authenticate: () => l10n.t({ message: 'Authentication', comment: 'A session step.' }),
  verify: () => l10n.t({ message: 'Command after login', comment: 'A session step: the command that verifies the login.' }),
  logout: () => l10n.t({ message: 'Logout', comment: 'A session step.' }),
};

/** The name of a session step in the current language (looked up when used: the language may change). */
export function stepName(step: Step): string {
  return STEP_NAME[step]();
}

/**
 * A failed session's title: one whole sentence for each way it can end and each step it ended in, so
 * that every language words them as it must (no step name spliced into a sentence).
 */
type FailureKind = 'after-login' | 'cancelled' | 'connection' | 'refused';
const FAILURE_TITLE: Readonly<Record<FailureKind, Readonly<Record<Step, () => string>>>> = {
  'after-login': {
    connect: () => l10n.t('Logged in, but connecting failed: the session cannot work.'),
    greeting: () => l10n.t('Logged in, but the greeting failed: the session cannot work.'),
    capabilities: () => l10n.t('Logged in, but asking for capabilities failed: the session cannot work.'),
    starttls: () => l10n.t('Logged in, but STARTTLS failed: the session cannot work.'),
    authenticate: () => l10n.t('Logged in, but authentication failed: the session cannot work.'),
    verify: () => l10n.t('Logged in, but the command after login failed: the session cannot work.'),
    logout: () => l10n.t('Logged in, but logout failed: the session cannot work.'),
  },
  cancelled: {
    connect: () => l10n.t('Cancelled during connecting.'),
    greeting: () => l10n.t('Cancelled during the greeting.'),
    capabilities: () => l10n.t('Cancelled during asking for capabilities.'),
    starttls: () => l10n.t('Cancelled during STARTTLS.'),
    authenticate: () => l10n.t('Cancelled during authentication.'),
    verify: () => l10n.t('Cancelled during the command after login.'),
    logout: () => l10n.t('Cancelled during logout.'),
  },
  connection: {
    connect: () => l10n.t('The connection failed during connecting.'),
    greeting: () => l10n.t('The connection failed during the greeting.'),
    capabilities: () => l10n.t('The connection failed during asking for capabilities.'),
    starttls: () => l10n.t('The connection failed during STARTTLS.'),
    authenticate: () => l10n.t('The connection failed during authentication.'),
    verify: () => l10n.t('The connection failed during the command after login.'),
    logout: () => l10n.t('The connection failed during logout.'),
  },
  refused: {
    connect: () => l10n.t('Connecting failed.'),
    greeting: () => l10n.t('The greeting failed.'),
    capabilities: () => l10n.t('Asking for capabilities failed.'),
    starttls: () => l10n.t('STARTTLS failed.'),
    authenticate: () => l10n.t('Authentication failed.'),
    verify: () => l10n.t('The command after login failed.'),
    logout: () => l10n.t('Logout failed.'),
  },
};

/** What to do when the knowledge base has nothing more specific for a refusal at this step. */
function stepFix(step: Step): string | undefined {
  if (step === 'greeting')
    return l10n.t('The server refused the session before any command (its greeting says why): it may be overloaded or block this address. Try again later, or check host and port.');
  if (step === 'starttls')
    return l10n.t(
      'The server refused to switch to TLS, and the client does not send a token in clear text. Use the implicit-TLS port instead (IMAP 993, POP3 995, SMTP 465), or have STARTTLS enabled on the server.',
    );
  if (step === 'capabilities') return l10n.t('The server refused the capability request: check host and port, and that this port serves the chosen protocol.');
  return undefined;
}

/** How the token could have been read on its way: in plain text, or by a server whose certificate was not checked. */
export type Exposure = 'plain-text' | 'unverified-certificate';

/**
 * The verdict of a verified login, per protocol (SMTP has no mailbox to look at); with an exposure,
 * "verified" must not read as the certificate, so the title says what went wrong instead.
 */
export function verifiedTitle(protocol: MailProtocol, mechanism: string, exposure?: Exposure): string {
  const command = protocol === 'imap' ? 'LIST INBOX' : 'STAT';
  if (exposure === 'plain-text') {
    return protocol === 'smtp'
      ? l10n.t('Authenticated with {0}: the server takes commands after login (NOOP), so it may send mail as this account, but the token went in plain text.', mechanism)
      : l10n.t('Authenticated with {0}: the mailbox answers ({1}), but the token went in plain text.', mechanism, command);
  }
  if (exposure === 'unverified-certificate') {
    return protocol === 'smtp'
      ? l10n.t("Authenticated with {0}: the server takes commands after login (NOOP), so it may send mail as this account, but the server's certificate was NOT verified.", mechanism)
      : l10n.t("Authenticated with {0}: the mailbox answers ({1}), but the server's certificate was NOT verified.", mechanism, command);
  }
  if (protocol === 'smtp') return l10n.t('Authenticated with {0} and verified: the server takes commands after login (NOOP), so it may send mail as this account.', mechanism);
  return l10n.t('Authenticated with {0} and verified: the mailbox answers ({1}).', mechanism, command);
}

/** The documentation links of the findings, each once, at most `max`. */
export function docsOf(findings: Finding[], max = 4): { title: string; url: string }[] {
  const seen = new Set<string>();
  return findings
    .flatMap((f) => f.docs)
    .filter((d) => !seen.has(d.url) && seen.add(d.url))
    .slice(0, max);
}

export function verdictFor(outcome: SessionOutcome, protocol: MailProtocol, login: LoginInput, now = new Date()): Verdict {
  const token = inspectToken(login.token, now);
  const tokenProblems = checkToken(token, { now, protocol, user: login.user }).filter((p) => p.severity !== 'info');
  if (outcome.authenticated && outcome.verified) {
    return { ok: true, title: verifiedTitle(protocol, login.mechanism), findings: [], tokenProblems };
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

  const kind: FailureKind = outcome.authenticated ? 'after-login' : failure?.transportError?.code === 'cancelled' ? 'cancelled' : failure?.transportError ? 'connection' : 'refused';
  const title = FAILURE_TITLE[kind][step]();

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
        ? oid
          ? l10n.t(
              "This app-only token names no mailbox: the server opens the mailbox in the user field ({0}) only if the app's service principal (object ID {1}) was granted access to it, and it was refused.",
              login.user,
              oid,
            )
          : l10n.t(
              "This app-only token names no mailbox: the server opens the mailbox in the user field ({0}) only if the app's service principal was granted access to it, and it was refused.",
              login.user,
            )
        : (mismatch?.message ?? findings[0]?.cause ?? failure?.reply ?? l10n.t('The server gave no reason.'));
  const fix = ownWords
    ? undefined
    : ungranted
      ? l10n.t(
          'Check the user field names the mailbox the app should open; grant the app access to {0} (Exchange Online: New-ServicePrincipal -AppId {1} -ObjectId {2}, then Add-MailboxPermission -Identity {0} -User {3} -AccessRights FullAccess; it can take up to 30 minutes to apply).',
          login.user,
          token.appId ?? '<application id>',
          oid ?? '<enterprise application object id>',
          oid ?? '<service principal id>',
        ) + (checklist ? ` ${checklist.summary}` : '')
      : mismatch
        ? l10n.t(
            "Put the token's account ({0}) in the user field, or sign in as {1}; for a shared mailbox, give {0} Full Access to it (Exchange: Add-MailboxPermission).",
            String(token.account),
            login.user,
          )
        : (replyFindings[0]?.fix ??
          challengeFindings[0]?.fix ??
          (tokenErrors.length ? l10n.t('Fix the token problems above, then connect again.') : failure && !failure.transportError ? stepFix(step) : undefined));
  return { ok: false, title, step, cause, fix, findings, tokenProblems, ...(checklist ? { checklist } : {}) };
}
