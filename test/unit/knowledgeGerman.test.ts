import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EntryText, KNOWLEDGE_BASE, KNOWLEDGE_BASE_TRANSLATIONS } from '../../src/core/explain';

const DE_ENTRIES = KNOWLEDGE_BASE_TRANSLATIONS.de;
const DATA = path.join(__dirname, '..', '..', '..', 'src', 'core', 'explain', 'data');

/**
 * What a translation must carry over verbatim, in the order they are tried. Each pattern names a
 * kind of code-like text of the English knowledge base: protocol text, codes, commands, settings.
 */
const VERBATIM: readonly { kind: string; re: RegExp }[] = [
  { kind: 'url', re: /\bhttps?:\/\/[^\s"'<>)\]]+/g },
  { kind: 'double-quoted', re: /"[^"\n]{1,300}"/g },
  { kind: 'backticked', re: /`[^`\n]{1,300}`/g },
  // 'client_secret', 'server.pem'; not the apostrophe of user's or don't.
  { kind: 'single-quoted', re: /(?<![A-Za-z])'[^'\s][^'\n]{0,80}?'(?![A-Za-z])/g },
  { kind: 'aadsts', re: /\bAADSTS\d*\b/g },
  { kind: 'enhanced status code', re: /\b[245]\.\d{1,3}\.\d{1,3}\b/g },
  { kind: 'number', re: /\b\d{2,}\b/g },
  { kind: 'cmdlet', re: /\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b/g },
  { kind: 'option', re: /(?<=^|[\s(])-{1,2}[A-Za-z][\w-]*/g },
  { kind: 'powershell value', re: /\$\w+/g },
  // IMAP.AccessAsUser.All, SMTP.Send, User.Read, login.microsoftonline.com, Node.js, 5.7.139, v2.0
  { kind: 'dotted', re: /\b[\w-]+(?:\.[\w-]+)+\b/g },
  // offline_access, redirect_uri, invalid_grant
  { kind: 'snake_case', re: /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g },
  // acquireTokenSilent, rejectUnauthorized
  { kind: 'camelCase', re: /\b[a-z]+[A-Z][A-Za-z0-9]*\b/g },
  // XOAUTH2, STARTTLS, AUTHENTICATIONFAILED, NODE_EXTRA_CA_CERTS
  { kind: 'upper-case word', re: /\b[A-Z][A-Z0-9_]{2,}\b/g },
  // /common, /consumers, /.default, /oauth2/v2.0/token (not the slash of mobile/desktop)
  { kind: 'path', re: /(?<![\w/.:>-])\/[\w.-]+(?:\/[\w.-]+)*/g },
];

/** Ordinary abbreviations that a translation rightly replaces (z. B., d. h.). */
const NOT_CODE = new Set(['e.g', 'i.e']);

/** The code-like tokens of a text, each once, in order of first appearance. */
function verbatimTokens(text: string): string[] {
  const found = new Set<string>();
  for (const { re } of VERBATIM) {
    for (const m of text.matchAll(re)) {
      const token = m[0].replace(/[.,;:]+$/, '');
      if (token !== '' && !NOT_CODE.has(token.toLowerCase())) found.add(token);
    }
  }
  return [...found];
}

const WORD = /[\p{L}\p{N}_]/u;

/** Whether text contains token as a whole (Add-RecipientPermission is not in Add-RecipientPermissions). */
function hasToken(text: string, token: string): boolean {
  const openEnd = WORD.test(token[0]);
  const closeEnd = WORD.test(token[token.length - 1]);
  for (let i = text.indexOf(token); i !== -1; i = text.indexOf(token, i + 1)) {
    const before = i > 0 ? text[i - 1] : '';
    const after = text[i + token.length] ?? '';
    if ((!openEnd || !WORD.test(before)) && (!closeEnd || !WORD.test(after))) return true;
  }
  return false;
}

/** Tokens of the English text that the German one lacks. */
function missingTokens(english: string, german: string): string[] {
  return verbatimTokens(english).filter((t) => !hasToken(german, t));
}

/** Codes and URLs of the German text that the English one does not have (a mistyped code). */
function inventedCodes(english: string, german: string): string[] {
  const strict = /\bhttps?:\/\/[^\s"'<>)\]]+|\bAADSTS\d+\b|\b[245]\.\d{1,3}\.\d{1,3}\b|\b\d{3,}\b/g;
  const tokens = new Set([...german.matchAll(strict)].map((m) => m[0].replace(/[.,;:]+$/, '')));
  return [...tokens].filter((t) => !english.includes(t));
}

const FIELDS = ['title', 'cause', 'fix'] as const;

describe('knowledge base in German', () => {
  const ids = KNOWLEDGE_BASE.map((e) => e.id);

  it('the token check finds a changed code, a dropped URL and a translated command', () => {
    const en =
      'AADSTS50011: run Set-CASMailbox -Identity user -ImapEnabled $true, request ' +
      'https://outlook.office.com/IMAP.AccessAsUser.All with offline_access; "535 5.7.139 Authentication unsuccessful" on /common.';
    const de =
      'AADSTS50011: Führen Sie Set-CASMailbox -Identity user -ImapEnabled $true aus, fordern Sie ' +
      'https://outlook.office.com/IMAP.AccessAsUser.All mit offline_access an; "535 5.7.139 Authentication unsuccessful" bei /common.';
    assert.deepStrictEqual(missingTokens(en, de), []);
    assert.deepStrictEqual(missingTokens(en, de.replace('AADSTS50011', 'AADSTS50012')), ['AADSTS50011']);
    assert.deepStrictEqual(missingTokens(en, de.replace('5.7.139', '5.7.193')), ['"535 5.7.139 Authentication unsuccessful"', '5.7.139', '139']);
    assert.ok(missingTokens(en, de.replace(' https://outlook.office.com/IMAP.AccessAsUser.All', '')).includes('https://outlook.office.com/IMAP.AccessAsUser.All'));
    assert.deepStrictEqual(missingTokens(en, de.replace('Set-CASMailbox', 'Setze-CASMailbox')), ['Set-CASMailbox']);
    assert.deepStrictEqual(missingTokens(en, de.replace('Set-CASMailbox', 'Set-CASMailboxes')), ['Set-CASMailbox']);
    assert.deepStrictEqual(missingTokens(en, de.replace('AADSTS50011', 'AADSTS500111')), ['AADSTS50011']);
    assert.deepStrictEqual(missingTokens('port 587', 'Port 587-Verbindung'), []);
    assert.deepStrictEqual(missingTokens(en, de.replace('"535 5.7.139 Authentication unsuccessful"', '„535 5.7.139 Authentifizierung fehlgeschlagen“')), ['"535 5.7.139 Authentication unsuccessful"']);
    assert.deepStrictEqual(missingTokens(en, de.replace('offline_access', 'Offlinezugriff')), ['offline_access']);
    assert.deepStrictEqual(missingTokens(en, de.replace('/common', 'gemeinsam')), ['/common']);
    assert.deepStrictEqual(missingTokens('e.g. a 4.7.0 reply', 'z. B. eine 4.7.0-Antwort'), []);
    assert.deepStrictEqual(inventedCodes(en, de.replace('5.7.139', '5.7.193')), ['5.7.193']);
  });

  it('has a German title, cause and fix for every entry', () => {
    const missing = ids.filter((id) => !Object.prototype.hasOwnProperty.call(DE_ENTRIES, id));
    assert.deepStrictEqual(missing, [], `entries without German text: ${missing.join(', ')}`);
    for (const id of ids) {
      const de: EntryText = DE_ENTRIES[id];
      for (const f of FIELDS) {
        assert.strictEqual(typeof de[f], 'string', `${id}.${f}`);
        assert.ok(de[f].trim().length > 0, `${id}.${f} is empty`);
        assert.ok(!/[\u0000-\u001f\u007f]/.test(de[f]), `${id}.${f} contains a control character`);
      }
    }
  });

  it('has no German text for an id that is not an entry', () => {
    const known = new Set(ids);
    const stale = Object.keys(DE_ENTRIES).filter((id) => !known.has(id));
    assert.deepStrictEqual(stale, [], `German text without an entry: ${stale.join(', ')}`);
  });

  it('keeps the German of each data file in the file of the same name under de/ (data/X.json → data/de/X.json)', () => {
    const files = fs.readdirSync(DATA).filter((f) => f.endsWith('.json') && f !== 'docs.json');
    assert.ok(files.length >= 9, files.join(', '));
    assert.deepStrictEqual(fs.readdirSync(path.join(DATA, 'de')).sort(), files.sort(), 'one German file per data file');
    for (const f of files) {
      const english = (JSON.parse(fs.readFileSync(path.join(DATA, f), 'utf8')) as { id: string }[]).map((e) => e.id);
      const german = Object.keys(JSON.parse(fs.readFileSync(path.join(DATA, 'de', f), 'utf8')) as Record<string, unknown>);
      assert.deepStrictEqual(german, english, `de/${f} translates the entries of ${f}, in its order`);
    }
  });

  it('keeps codes, URLs, quoted text, commands and scopes of the English text', () => {
    const problems: string[] = [];
    for (const e of KNOWLEDGE_BASE) {
      const de = DE_ENTRIES[e.id];
      if (!de) continue; // reported by the completeness test
      for (const f of FIELDS) {
        const lost = missingTokens(e[f], de[f]);
        if (lost.length > 0) problems.push(`${e.id}.${f} lacks ${lost.map((t) => JSON.stringify(t)).join(', ')}`);
        const invented = inventedCodes(e[f], de[f]);
        if (invented.length > 0) problems.push(`${e.id}.${f} adds ${invented.map((t) => JSON.stringify(t)).join(', ')}`);
      }
    }
    assert.deepStrictEqual(problems, []);
  });

  it('translates rather than copies, and writes AADSTS titles with their code first', () => {
    const copied: string[] = [];
    for (const e of KNOWLEDGE_BASE) {
      const de = DE_ENTRIES[e.id];
      if (!de) continue;
      for (const f of FIELDS) if (de[f] === e[f]) copied.push(`${e.id}.${f}`);
      const code = /^AADSTS\d+: /.exec(e.title);
      if (code) assert.ok(de.title.startsWith(code[0]), `${e.id}: German title must start with ${code[0]}`);
    }
    assert.deepStrictEqual(copied, [], 'German text identical to the English');
  });
});
