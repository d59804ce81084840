// Shapes shared by the failure knowledge base: what a caller gets (Finding) and what a data file
// declares (Entry). Entries are plain data plus a RegExp, so they can be checked by tests.

export type Severity = 'error' | 'warning' | 'info';
export type Source = 'imap' | 'pop3' | 'smtp' | 'identity' | 'tls' | 'sasl' | 'general';
export type Provider = 'microsoft' | 'gmail' | 'dovecot' | 'keycloak' | 'stalwart' | 'generic';

export interface DocLink {
  title: string;
  url: string;
}

/** The words of an entry, the part a translation replaces. */
export interface EntryText {
  /** One line. */
  title: string;
  /** Likely cause(s), plain sentences. */
  cause: string;
  /** What to change, concretely. */
  fix: string;
}

/** What an entry says and what a finding reports of it. */
interface Explanation extends EntryText {
  /** Stable identifier, e.g. 'm365-imap-authenticate-failed', 'aadsts50011'. */
  id: string;
  severity: Severity;
  source: Source;
  provider?: Provider;
}

export interface Finding extends Explanation {
  /** Official documentation only. */
  docs: DocLink[];
  /** The exact text that matched. */
  match: string;
  /** Offset of the match in the input. */
  index: number;
}

export interface Entry extends Explanation {
  docs: readonly DocLink[];
  /**
   * Lower-case literal fragments; any text the pattern can match contains at least one of them
   * (compared case-insensitively). They feed the one-regex prefilter that lets explainLine skip
   * ordinary lines, so keep them short, shared between entries and rare in ordinary logs.
   */
  keys: readonly string[];
  /** Must not use the g or y flags: the matcher keeps no regex state between calls. */
  pattern: RegExp;
  /**
   * Ranks overlapping findings; higher is more specific. Context-specialised entries use 30,
   * exact provider replies 20, identity codes 15, protocol-generic replies 10, OAuth words 5.
   */
  priority?: number;
  /** A catch-all: dropped when a non-fallback finding covers the same text. */
  fallback?: boolean;
  /** Ids of broader entries this one replaces when both match the same text. */
  supersedes?: readonly string[];
  /**
   * Each must match somewhere in the whole input, not just the matched line: lets a transcript
   * combine a generic failure with the setting that explains it (e.g. a client-credentials token).
   */
  context?: readonly RegExp[];
  /** Rejects a regex match that is not really this failure (e.g. base64 that is not an error). */
  accept?: (match: string) => boolean;
  /** Extra sentence computed from the match, appended to the cause (through l10n.t: it is not in the tables). */
  detail?: (match: string) => string | undefined;
}
