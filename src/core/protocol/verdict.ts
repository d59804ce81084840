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
  const evidence = [failure?.reply ?? ''];
  if (outcome.errorChallenge) {
    const d = decodeSasl(outcome.errorChallenge);
    if (d.decodedText) evidence.push(`challenge ${d.decodedText}`);
    evidence.push(`+ ${outcome.errorChallenge}`);
  }
  const findings = explain(evidence.join('\n'));
  const tokenErrors = tokenProblems.filter((p) => p.severity === 'error');
  const first = findings[0];

  let title: string;
  if (outcome.authenticated) title = `Logged in, but ${STEP_LABEL[step]} failed: the session cannot work.`;
  else if (failure?.transportError) title = `The connection failed during ${STEP_LABEL[step]}.`;
  else title = `${STEP_LABEL[step][0].toUpperCase()}${STEP_LABEL[step].slice(1)} failed.`;

  // The token's own problems are the most specific cause when the server refused the login.
  const cause =
    step === 'authenticate' && tokenErrors.length
      ? tokenErrors.map((p) => p.message).join(' ')
      : first?.cause ?? failure?.reply ?? 'The server gave no reason.';
  const fix = first?.fix ?? (tokenErrors.length ? 'Fix the token problems above, then connect again.' : undefined);
  return { ok: false, title, step, cause, fix, findings, tokenProblems };
}
