// Problems found while decoding or encoding: values with a message that says what is wrong and what to do.

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  /** Stable identifier, used by tests, JSON output and the knowledge base. */
  code: string;
  severity: Severity;
  message: string;
}

export function error(code: string, message: string): Problem {
  return { code, severity: 'error', message };
}

export function warning(code: string, message: string): Problem {
  return { code, severity: 'warning', message };
}

export function info(code: string, message: string): Problem {
  return { code, severity: 'info', message };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** The message to show for a list of problems: the first error's, else the first problem's. */
export function leadingMessage(problems: readonly Problem[]): string | undefined {
  return (problems.find((p) => p.severity === 'error') ?? problems[0])?.message;
}

/** Shows control characters the way the seed documents write them (^A for 0x01, ^@ for NUL). */
export function visualizeControls(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, (c) => {
    if (c === '\r') return '\\r';
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    // Unicode's control pictures (␁ for 0x01, ␀ for 0x00): a typed "^A" stays "^A", so the two differ.
    if (c === '\x7f') return '\u2421';
    return String.fromCharCode(0x2400 + c.charCodeAt(0));
  });
}
