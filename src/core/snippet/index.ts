// Client code that reproduces a verified session: one generator per language, all from one SnippetSession.
import * as l10n from '@vscode/l10n';
import { csharpProgram } from './csharp';
import { javaProgram } from './java';
import { nodeProgram } from './node';
import { phpProgram } from './php';
import { pythonProgram } from './python';
import { checkSession, SnippetLanguage, SnippetProblem, SnippetSession } from './session';

export * from './session';

export type SnippetResult = { ok: true; code: string; fileName: string; languageId: string } | { ok: false; problem: SnippetProblem };

const FILES: Record<SnippetLanguage, { fileName: string; languageId: string }> = {
  python: { fileName: 'mail_login.py', languageId: 'python' },
  node: { fileName: 'mail-login.js', languageId: 'javascript' },
  csharp: { fileName: 'Program.cs', languageId: 'csharp' },
  java: { fileName: 'MailLogin.java', languageId: 'java' },
  php: { fileName: 'mail-login.php', languageId: 'php' },
};

export function generateSnippet(language: SnippetLanguage, session: SnippetSession): SnippetResult {
  const problem = checkSession(session);
  if (problem) return { ok: false, problem };
  if (language === 'java' && session.mechanism === 'OAUTHBEARER') {
    return { ok: false, problem: { code: 'unsupported', message: l10n.t('Jakarta Mail speaks XOAUTH2, not OAUTHBEARER: choose XOAUTH2 (the same token works with both) or another language.') } };
  }
  const make = { python: pythonProgram, node: nodeProgram, csharp: csharpProgram, java: javaProgram, php: phpProgram }[language];
  return { ok: true, code: make(session), ...FILES[language] };
}
