// Lenient-but-honest base64: accepts what real logs contain (wrapping, URL-safe alphabet, missing or
// broken padding) and reports each repair, but refuses anything that is not base64 at all.
import * as l10n from '@vscode/l10n';
import { Problem, error, info, warning } from './problems';

export interface Base64Decoded {
  bytes: Uint8Array;
  /** Canonical standard-alphabet, padded form of the input. */
  canonical: string;
  problems: Problem[];
}

export type Base64Result = { ok: true; value: Base64Decoded } | { ok: false; problems: Problem[] };

const STANDARD_OR_URLSAFE = /^[A-Za-z0-9+/_-]*$/;

export function encodeBase64(bytes: Uint8Array | string): string {
  return Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64');
}

/** Decodes base64 that may be wrapped over lines, unpadded, badly padded or URL-safe. */
export function decodeBase64(input: string): Base64Result {
  const problems: Problem[] = [];
  if (/\s/.test(input.trim())) {
    problems.push(info('wrapped', l10n.t('The base64 was wrapped over several lines or contained spaces; they were joined.')));
  }
  const compact = input.replace(/\s+/g, '');
  if (compact.length === 0) {
    return { ok: false, problems: [error('empty', l10n.t('There is nothing to decode: the input is empty.'))] };
  }

  // Counted by hand: /=+$/ restarts at every '=' and is quadratic on a flood of padding (issue 12).
  let padding = 0;
  while (padding < compact.length && compact.charCodeAt(compact.length - 1 - padding) === 0x3d) padding++;
  const body = compact.slice(0, compact.length - padding);

  const badIndex = body.search(/[^A-Za-z0-9+/_-]/);
  if (badIndex >= 0) {
    const ch = body[badIndex];
    const shown = ch === '=' ? "'=' (padding) in the middle" : `'${visualizeChar(ch)}'`;
    return {
      ok: false,
      problems: [
        error(
          'not-base64',
          l10n.t(
            'Not base64: {0} at position {1}. Paste only the base64 string (A-Z, a-z, 0-9, +, /, =), or the whole protocol line (for example "AUTHENTICATE XOAUTH2 <base64>").',
            shown,
            badIndex + 1,
          ),
        ),
      ],
    };
  }
  if (!STANDARD_OR_URLSAFE.test(body)) {
    return { ok: false, problems: [error('not-base64', l10n.t('Not base64.'))] };
  }
  const hasStd = /[+/]/.test(body);
  const hasUrl = /[-_]/.test(body);
  if (hasStd && hasUrl) {
    return {
      ok: false,
      problems: [
        error(
          'mixed-alphabet',
          l10n.t("Not valid base64: it mixes the standard alphabet ('+', '/') with the URL-safe one ('-', '_'). The string was probably altered in transit or pasted from two sources."),
        ),
      ],
    };
  }
  if (hasUrl) {
    problems.push(info('url-safe', l10n.t("The string uses the URL-safe base64 alphabet ('-', '_'); SASL expects the standard one ('+', '/').")));
  }

  const remainder = body.length % 4;
  if (remainder === 1) {
    return {
      ok: false,
      problems: [
        error(
          'truncated',
          l10n.t('Not valid base64: {0} characters cannot be a whole base64 string (one character too many or some missing). The string was probably cut off or copied incompletely.', body.length),
        ),
      ],
    };
  }
  const expectedPadding = remainder === 0 ? 0 : 4 - remainder;
  if (padding !== expectedPadding) {
    if (padding === 0) {
      problems.push(
        warning('padding-missing', l10n.t('The base64 padding is missing (expected {0} at the end); it was added. Some servers reject unpadded SASL strings.', '='.repeat(expectedPadding))),
      );
    } else {
      problems.push(
        warning(
          'padding-broken',
          expectedPadding === 0
            ? l10n.t("The base64 padding is wrong: {0} '=' where none belong; it was repaired. A server would reject the string as sent.", padding)
            : l10n.t("The base64 padding is wrong: {0} '=' where {1} belong; it was repaired. A server would reject the string as sent.", padding, expectedPadding),
        ),
      );
    }
  }

  const canonical = body.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat(expectedPadding);
  const bytes = new Uint8Array(Buffer.from(canonical, 'base64'));
  return { ok: true, value: { bytes, canonical, problems } };
}

function visualizeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `0x${code.toString(16).padStart(2, '0')}`;
  return ch;
}
