// Verdicts, step names, preset labels and connection failures in German: whole sentences from the bundle,
// made when they are read (a failure raised in English reads German once the language is German).
import * as assert from 'assert';
import { presetById } from '../../src/core/presets/presets';
import { SessionOutcome, Step } from '../../src/core/protocol/session';
import { TransportError } from '../../src/core/protocol/transport';
import { stepName, verdictFor } from '../../src/core/protocol/verdict';
import { inGerman } from './german';

const STEPS: Step[] = ['connect', 'greeting', 'capabilities', 'starttls', 'authenticate', 'verify', 'logout'];
const login = { user: 'adele@contoso.com', token: 'not-a-jwt', mechanism: 'XOAUTH2' as const };

const failedAt = (step: Step, transportError?: TransportError, authenticated = false): SessionOutcome => ({
  authenticated,
  verified: false,
  capabilities: [],
  failure: { step, reply: 'x', ...(transportError ? { transportError } : {}) },
});

describe('verdicts and connection failures in German', () => {
  it('titles a failure with one German sentence per step and ending, never an English step name inside', () => {
    const titles = new Set<string>();
    for (const step of STEPS) {
      const cases = [
        failedAt(step),
        failedAt(step, new TransportError('closed', { id: 'closed-by-server' })),
        failedAt(step, new TransportError('cancelled', { id: 'cancelled' })),
        failedAt(step, undefined, true),
      ];
      for (const outcome of cases) {
        const english = verdictFor(outcome, 'imap', login).title;
        const german = inGerman(() => verdictFor(outcome, 'imap', login).title);
        assert.notStrictEqual(german, english, `${step}: ${english}`);
        assert.doesNotMatch(german, /connecting|greeting|capabilities|authentication|logout|command after login|während:|^Fehlgeschlagen:|aber fehlgeschlagen/i, german);
        titles.add(german);
      }
    }
    assert.strictEqual(titles.size, STEPS.length * 4, 'each step and ending has its own sentence');
    assert.strictEqual(
      inGerman(() => verdictFor(failedAt('greeting', new TransportError('closed', { id: 'closed-by-server' })), 'imap', login).title),
      'Die Verbindung ist während der Begrüßung fehlgeschlagen.',
    );
  });

  it('keeps the English titles the tests and users know', () => {
    assert.strictEqual(verdictFor(failedAt('greeting', new TransportError('closed', { id: 'closed-by-server' })), 'imap', login).title, 'The connection failed during the greeting.');
    assert.strictEqual(verdictFor(failedAt('connect', new TransportError('cancelled', { id: 'cancelled' })), 'imap', login).title, 'Cancelled during connecting.');
    assert.strictEqual(verdictFor(failedAt('starttls'), 'imap', login).title, 'STARTTLS failed.');
  });

  it('names steps through the table, not by their ids', () => {
    assert.deepStrictEqual(STEPS.map(stepName), ['Connecting', 'Greeting', 'Capabilities', 'STARTTLS', 'Authentication', 'Command after login', 'Logout']);
    assert.deepStrictEqual(
      inGerman(() => STEPS.map(stepName)),
      ['Verbindungsaufbau', 'Begrüßung', 'Fähigkeiten', 'STARTTLS', 'Authentifizierung', 'Befehl nach der Anmeldung', 'Abmeldung'],
    );
  });

  it('labels the presets in the language of the moment', () => {
    assert.strictEqual(presetById('custom')!.label, 'Custom server');
    assert.strictEqual(
      inGerman(() => presetById('custom')!.label),
      'Eigener Server',
    );
    assert.strictEqual(
      inGerman(() => presetById('gmail')!.label),
      'Gmail / Google Workspace',
    );
  });

  it('keeps a connection failure as a code and values, its message made when read', () => {
    const e = new TransportError('dns', { id: 'dns', host: 'imap.example.invalid' });
    assert.strictEqual(e.code, 'dns');
    assert.deepStrictEqual(e.reason, { id: 'dns', host: 'imap.example.invalid' });
    assert.match(e.message, /^The host name imap\.example\.invalid could not be resolved\./);
    assert.match(
      inGerman(() => e.message),
      /imap\.example\.invalid/,
    );
    assert.notStrictEqual(
      inGerman(() => e.message),
      e.message,
    );
    const waited = new TransportError('closed', { id: 'closed-while-waiting', what: 'the greeting' });
    assert.match(waited.message, /^The server closed the connection while the client waited for the greeting\. /);
  });
});
