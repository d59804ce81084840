// The verdict of a session: which step failed, the likely cause and what to change, from the
// knowledge base (the server's reply, the decoded error challenge) and the token checks.
import { explain, Finding } from '../explain';
import { decodeSasl } from '../sasl/decode';
import { Problem } from '../sasl/problems';
import { checkToken, MailProtocol } from '../token/checks';
import { inspectToken } from '../token/inspect';
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

export function verdictFor(outcome: SessionOutcome, protocol: MailProtocol, login: LoginInput, now = new Date()): Verdict {
  const token = inspectToken(login.token, now);
  const tokenProblems = checkToken(token, { now, protocol, user: login.user }).filter((p) => p.severity !== 'info');
  if (outcome.authenticated && outcome.verified) {
    return { ok: true, title: `Authenticated with ${login.mechanism} and verified: the mailbox answers.`, findings: [], tokenProblems };
  }
  const failure = outcome.failure;
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
  else if (failure?.transportError) title = `The connection failed during ${STEP_LABEL[step]}.`;
  else title = `${STEP_LABEL[step][0].toUpperCase()}${STEP_LABEL[step].slice(1)} failed.`;

  // The token's own problems are the most specific cause when the server refused the login; so is a user
  // field naming another mailbox than the token's account (a warning only, since a shared mailbox is legitimate).
  const mismatch = step === 'authenticate' && !tokenErrors.length ? tokenProblems.find((p) => p.code === 'user-mismatch') : undefined;
  const cause =
    step === 'authenticate' && tokenErrors.length
      ? tokenErrors.map((p) => p.message).join(' ')
      : mismatch?.message ?? findings[0]?.cause ?? failure?.reply ?? 'The server gave no reason.';
  const fix = mismatch
    ? `Put the token's account (${token.account}) in the user field, or sign in as ${login.user}; for a shared mailbox, give ${token.account} Full Access to it (Exchange: Add-MailboxPermission).`
    : replyFindings[0]?.fix ?? challengeFindings[0]?.fix ?? (tokenErrors.length ? 'Fix the token problems above, then connect again.' : undefined);
  return { ok: false, title, step, cause, fix, findings, tokenProblems };
}
