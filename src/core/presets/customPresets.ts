// Console presets from the mailOAuth.console.customPresets setting (a test server, a company's own mail
// host, the npm start sandbox): each names one protocol's endpoint and may fill in the user and mechanism.
import { MAIL_PROTOCOLS, MailProtocol } from '../token/checks';
import { Mechanism, MECHANISMS } from '../protocol/session';
import { Security, SECURITIES } from '../protocol/transport';
import { Endpoint, PRESETS } from './presets';

export interface CustomPreset {
  /** `setting:<index>`, stable while the setting does not change. */
  id: string;
  label: string;
  protocol: MailProtocol;
  endpoint: Endpoint;
  user?: string;
  mechanism?: Mechanism;
  /** Scopes to request for the token; default: Microsoft 365's scope for the protocol. */
  scopes: string[];
}

export interface CustomPresetsResult {
  presets: CustomPreset[];
  /** One message per entry that was skipped, saying what is wrong with it. */
  problems: string[];
}

/** Validates the setting's value; bad entries are skipped and named, never thrown. */
export function parseCustomPresets(raw: unknown): CustomPresetsResult {
  const presets: CustomPreset[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { presets, problems };
  if (!Array.isArray(raw)) return { presets, problems: ['mailOAuth.console.customPresets must be a list of presets ([{ "label", "protocol", "host", "port", "security" }]).'] };
  raw.forEach((entry: unknown, index) => {
    const where = `mailOAuth.console.customPresets[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${where} is not an object: skipped.`);
      return;
    }
    const e = entry as Record<string, unknown>;
    const wrong: string[] = [];
    const label = typeof e.label === 'string' && e.label.trim() ? e.label.trim().slice(0, 120) : '';
    if (!label) wrong.push('"label" (text) is missing');
    if (typeof e.protocol !== 'string' || !(MAIL_PROTOCOLS as readonly string[]).includes(e.protocol)) wrong.push('"protocol" must be "imap", "pop3" or "smtp"');
    if (typeof e.host !== 'string' || !e.host.trim() || e.host.length > 255) wrong.push('"host" (text) is missing');
    if (typeof e.port !== 'number' || !Number.isInteger(e.port) || e.port < 1 || e.port > 65535) wrong.push('"port" must be a number from 1 to 65535');
    if (e.security !== undefined && (typeof e.security !== 'string' || !(SECURITIES as readonly string[]).includes(e.security))) wrong.push('"security" must be "tls", "starttls" or "none"');
    if (e.user !== undefined && (typeof e.user !== 'string' || e.user.length > 320)) wrong.push('"user" must be text');
    if (e.mechanism !== undefined && (typeof e.mechanism !== 'string' || !(MECHANISMS as readonly string[]).includes(e.mechanism))) wrong.push('"mechanism" must be "XOAUTH2" or "OAUTHBEARER"');
    if (e.scopes !== undefined && (!Array.isArray(e.scopes) || !e.scopes.every((s) => typeof s === 'string' && s.length > 0))) wrong.push('"scopes" must be a list of scope strings');
    if (wrong.length) {
      problems.push(`${where}${label ? ` ("${label}")` : ''} skipped: ${wrong.join('; ')}.`);
      return;
    }
    const protocol = e.protocol as MailProtocol;
    const preset: CustomPreset = {
      id: `setting:${index}`,
      label,
      protocol,
      endpoint: { host: (e.host as string).trim(), port: e.port as number, security: (e.security as Security | undefined) ?? 'tls' },
      scopes: (e.scopes as string[] | undefined) ?? PRESETS[0].scopes[protocol]!,
    };
    if (typeof e.user === 'string' && e.user) preset.user = e.user;
    if (e.mechanism) preset.mechanism = e.mechanism as Mechanism;
    presets.push(preset);
  });
  return { presets, problems };
}
