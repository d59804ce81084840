// SASL LOGIN (draft-murchison-sasl-login): the server prompts "Username:" and "Password:" in base64,
// and the client answers each with one base64 line. Which answer a bare blob is depends on context.
import { Problem } from './problems';

export type LoginStep = 'username-prompt' | 'password-prompt' | 'username' | 'password';

export interface LoginMessage {
  mechanism: 'LOGIN';
  step: LoginStep;
  /** The user name, for the username step. */
  user?: string;
  /** The password, for the password step: a secret. */
  password?: string;
}

/** Recognises the server's prompts; some servers send "User Name" and a NUL. */
export function loginPrompt(text: string): LoginStep | undefined {
  const t = text.replace(/\x00$/, '').trim().toLowerCase();
  if (t === 'username:' || t === 'user name' || t === 'username' || t === 'user name:') return 'username-prompt';
  if (t === 'password:' || t === 'password') return 'password-prompt';
  return undefined;
}

export function parseLogin(text: string, step: 'username' | 'password'): { message: LoginMessage; problems: Problem[] } {
  const message: LoginMessage = { mechanism: 'LOGIN', step };
  if (step === 'username') message.user = text;
  else message.password = text;
  return { message, problems: [] };
}
