// The options several commands share, named once so that --host or --json means the same everywhere, and
// node:util's parseArgs with the CLI's way of reporting a bad option (its first line, as a usage error).
import { parseArgs, ParseArgsConfig } from 'node:util';

const value = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;

/** Options that take a value, by name. */
export function values<K extends string>(...names: K[]): Record<K, typeof value> {
  return Object.fromEntries(names.map((n) => [n, value])) as Record<K, typeof value>;
}

/** Options that are on or off, by name. */
export function flags<K extends string>(...names: K[]): Record<K, typeof flag> {
  return Object.fromEntries(names.map((n) => [n, flag])) as Record<K, typeof flag>;
}

/** The mail server: probe, proxy and snippet. */
export const SERVER_OPTIONS = values('host', 'port', 'security');
/** Trust for the server's certificate: probe and proxy. */
export const TRUST_OPTIONS = { ca: value, insecure: flag } as const;
/** The login: the mailbox, the token and the mechanism. */
export const LOGIN_OPTIONS = values('user', 'token', 'mechanism');
/** How results are printed: one JSON object, and secrets whole. */
export const OUTPUT_OPTIONS = flags('json', 'reveal');

/** parseArgs, with a parse error turned into `usageError` of its first line (never node's multi-line text). */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, usageError: (message: string) => Error) {
  try {
    return parseArgs(config);
  } catch (e) {
    throw usageError((e as Error).message.split('\n')[0]);
  }
}
