// Protocol console front end: the form, the streamed transcript (virtualised, transcript.ts), the
// verdict, raw commands and quick actions. It never holds a token in its saved state; the host keeps the
// session. Messages both ways are the types of src/console/messages.ts, checked on arrival (validate.ts).
import type { ConsoleForm, FromWebview, ToWebview, TranscriptLine, VerdictView } from '../../console/messages';
import { format, readStrings } from './strings';
import { SAVED_LINES } from '../../console/limits';
import { TranscriptView } from './transcript';
import { validateToWebview } from './validate';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What survives the panel being hidden or reloaded: never the token. */
interface SavedState {
  form: ConsoleForm;
  lines: TranscriptLine[];
  verdict: VerdictView | null;
}

const vscode = acquireVsCodeApi();
const strings = readStrings(document);

function byId<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`#${id}`);
  return el;
}
const form = byId('form', HTMLFormElement);
const transcriptEl = byId('transcript', HTMLElement);
const verdictEl = byId('verdict', HTMLElement);
const statusEl = byId('status', HTMLElement);
const commandEl = byId('command', HTMLInputElement);
const tokenEl = byId('token', HTMLInputElement);
const actionsEl = byId('actions', HTMLElement);
const connectEl = byId('connect', HTMLButtonElement);
const transcript = new TranscriptView(transcriptEl, byId('trimmed', HTMLElement), strings, (m) => vscode.postMessage(m));

type SelectName = 'preset' | 'protocol' | 'security' | 'tokenSource' | 'account' | 'mechanism';
type InputName = 'host' | 'port' | 'user';
const SELECTS: readonly SelectName[] = ['preset', 'protocol', 'security', 'tokenSource', 'account', 'mechanism'];
const INPUTS: readonly InputName[] = ['host', 'port', 'user'];

function select(name: SelectName): HTMLSelectElement {
  const el = form.elements.namedItem(name);
  if (!(el instanceof HTMLSelectElement)) throw new Error(`select[name=${name}]`);
  return el;
}
function input(name: InputName | 'verifyCertificate'): HTMLInputElement {
  const el = form.elements.namedItem(name);
  if (!(el instanceof HTMLInputElement)) throw new Error(`input[name=${name}]`);
  return el;
}

/** Sets a <select> to a value it offers; any other value (a stale saved state, a bad message) is ignored. */
function choose(el: HTMLSelectElement, value: string | undefined): void {
  if (value !== undefined && Array.from(el.options).some((o) => o.value === value)) el.value = value;
}

function readForm(): ConsoleForm {
  return {
    preset: select('preset').value,
    protocol: select('protocol').value as ConsoleForm['protocol'],
    host: input('host').value.trim(),
    port: Number(input('port').value) || 0,
    security: select('security').value as ConsoleForm['security'],
    tokenSource: select('tokenSource').value as ConsoleForm['tokenSource'],
    account: select('account').value,
    user: input('user').value.trim(),
    mechanism: select('mechanism').value as ConsoleForm['mechanism'],
    verifyCertificate: input('verifyCertificate').checked,
  };
}

function writeForm(f: Partial<ConsoleForm>): void {
  for (const name of SELECTS) choose(select(name), f[name]);
  for (const name of INPUTS) if (f[name] !== undefined) input(name).value = String(f[name]);
  input('verifyCertificate').checked = f.verifyCertificate !== false;
  updateTokenSource();
}

let recentLines: TranscriptLine[] = [];
/** The saved lines go back to the host once, on this page's first "init" (later ones come with a session). */
let restoreOffered = false;
let lastVerdict: VerdictView | null = null;

function persist(): void {
  vscode.setState({ form: readForm(), lines: recentLines, verdict: lastVerdict });
}

// Saving the state (setState) serialises the last lines: during a flood, at most a few times a second.
let persistTimer = 0;
function persistSoon(): void {
  if (persistTimer) return;
  persistTimer = window.setTimeout(() => {
    persistTimer = 0;
    persist();
  }, 250);
}

/** The saved state keeps the last lines the view has (when it has the end: scrolled up, the earlier ones stay). */
function keepRecentLines(): void {
  const tail = transcript.tailLines(SAVED_LINES);
  if (!tail.length) return;
  recentLines = tail;
  persistSoon();
}

function updateTokenSource(): void {
  const pasted = select('tokenSource').value === 'pasted';
  byId('accountLabel', HTMLElement).classList.toggle('hidden', pasted);
  byId('tokenLabel', HTMLElement).classList.toggle('hidden', !pasted);
}

/** A new connection: the earlier session's rows and verdict go (Save Transcript saves the new one only). */
function clearSession(): void {
  transcript.clear();
  recentLines = [];
  lastVerdict = null;
  verdictEl.classList.add('hidden');
  verdictEl.replaceChildren();
  persist();
}

function showVerdict(v: VerdictView): void {
  lastVerdict = v;
  verdictEl.classList.remove('hidden');
  verdictEl.classList.toggle('fail', !v.ok);
  const h = document.createElement('h2');
  h.textContent = `${v.ok ? '✔' : '✖'} ${v.title}`;
  const parts: HTMLElement[] = [h];
  const para = (label: string, text: string | undefined) => {
    if (!text) return;
    const p = document.createElement('p');
    const b = document.createElement('strong');
    b.textContent = format(strings.labelled, label);
    p.append(b, document.createTextNode(text));
    parts.push(p);
  };
  para(strings.warning, v.warning);
  para(strings.step, v.step);
  para(strings.cause, v.cause);
  para(strings.fix, v.fix);
  for (const t of v.tokenProblems) para(t.severity === 'error' ? strings.token : strings.note, t.message);
  if (v.docs.length) {
    const p = document.createElement('p');
    for (const d of v.docs) {
      const a = document.createElement('a');
      a.href = '#';
      a.textContent = d.title;
      a.addEventListener('click', (e) => {
        e.preventDefault();
        vscode.postMessage({ type: 'openLink', url: d.url });
      });
      if (p.childNodes.length) p.append(document.createTextNode(' · '));
      p.append(a);
    }
    parts.push(p);
  }
  verdictEl.replaceChildren(...parts);
  persist();
}

/** The command line's hint names the protocol it talks to (only IMAP commands get a tag). */
function updateCommandHint(protocol: string | undefined): void {
  const name = (protocol || 'imap').toUpperCase();
  commandEl.placeholder = format(protocol === 'imap' || !protocol ? strings.commandHintImap : strings.commandHint, name);
}

function setState(s: { connected: boolean; busy: boolean; protocol?: string }): void {
  connectEl.disabled = s.busy || s.connected;
  // The form stays what the session uses: locked while connected or connecting, with a hint why.
  const locked = s.busy || s.connected;
  for (const el of Array.from(form.elements)) {
    if ((el instanceof HTMLInputElement || el instanceof HTMLSelectElement) && el !== commandEl) el.disabled = locked;
  }
  byId('formHint', HTMLElement).classList.toggle('hidden', !locked);
  updateCommandHint(s.connected && s.protocol ? s.protocol : select('protocol').value);
  // While busy it cancels: a server that keeps the session waiting never holds the console.
  byId('disconnect', HTMLButtonElement).disabled = !s.connected && !s.busy;
  byId('send', HTMLButtonElement).disabled = !s.connected || s.busy;
  commandEl.disabled = !s.connected;
  for (const b of Array.from(actionsEl.querySelectorAll('button'))) b.disabled = !s.connected || s.busy;
  statusEl.textContent = s.busy ? strings.working : s.connected ? format(strings.connected, (s.protocol || '').toUpperCase()) : strings.notConnected;
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const f = readForm();
  vscode.postMessage({ type: 'connect', form: f, token: f.tokenSource === 'pasted' ? tokenEl.value : undefined });
  persist();
});
byId('disconnect', HTMLButtonElement).addEventListener('click', () => vscode.postMessage({ type: 'disconnect' }));
byId('save', HTMLButtonElement).addEventListener('click', () => vscode.postMessage({ type: 'saveTranscript' }));
select('tokenSource').addEventListener('change', () => {
  updateTokenSource();
  persist();
});
for (const name of ['preset', 'protocol'] as const) {
  select(name).addEventListener('change', () => {
    const protocol = select('protocol').value as ConsoleForm['protocol'];
    updateCommandHint(protocol);
    vscode.postMessage({ type: 'presetChanged', preset: select('preset').value, protocol });
  });
}
for (const el of [input('host'), input('port'), input('user'), input('verifyCertificate'), select('security'), select('account'), select('mechanism')]) el.addEventListener('change', persist);

const history: string[] = [];
let historyIndex = 0;
function sendCommand(): void {
  const line = commandEl.value;
  if (!line.trim()) return;
  history.push(line);
  historyIndex = history.length;
  commandEl.value = '';
  vscode.postMessage({ type: 'command', line });
}
byId('send', HTMLButtonElement).addEventListener('click', sendCommand);
commandEl.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    sendCommand();
  } else if (e.key === 'ArrowUp' && historyIndex > 0) {
    commandEl.value = history[--historyIndex] ?? '';
    e.preventDefault();
  } else if (e.key === 'ArrowDown' && historyIndex < history.length) {
    historyIndex++;
    commandEl.value = history[historyIndex] ?? '';
    e.preventDefault();
  }
});

function savedState(): Partial<SavedState> {
  const s = vscode.getState();
  return typeof s === 'object' && s !== null ? (s as Partial<SavedState>) : {};
}

function receive(msg: ToWebview): void {
  switch (msg.type) {
    case 'init': {
      select('preset').replaceChildren(...msg.presets.map((p) => new Option(p.label, p.id)));
      const accounts = select('account');
      // With accounts, one of them is chosen (the first unless the form names one); without, connecting signs in.
      accounts.replaceChildren(...(msg.accounts.length ? [] : [new Option(strings.noAccounts, '')]), ...msg.accounts.map((a) => new Option(a, a)));
      const state = savedState();
      writeForm(state.form ?? msg.form);
      if (accounts.selectedIndex < 0) accounts.selectedIndex = 0;
      updateCommandHint(select('protocol').value);
      // After a reload the host may have no rows (a revived panel): it shows these again if so.
      if (!restoreOffered && Array.isArray(state.lines) && state.lines.length) vscode.postMessage({ type: 'restoreLines', lines: state.lines.slice(-SAVED_LINES) });
      restoreOffered = true;
      if (state.verdict) showVerdict(state.verdict);
      break;
    }
    case 'fill':
      input('host').value = msg.host;
      input('port').value = String(msg.port);
      choose(select('security'), msg.security);
      // A custom preset (settings) also sets its protocol, and the user and mechanism it names.
      choose(select('protocol'), msg.protocol);
      if (msg.user) input('user').value = msg.user;
      choose(select('mechanism'), msg.mechanism);
      persist();
      break;
    case 'newSession':
      clearSession();
      break;
    case 'transcript':
      // Rendered in the next frame, which then answers the host (flow control: one message in flight).
      transcript.receive(msg);
      keepRecentLines();
      break;
    case 'state':
      setState(msg);
      break;
    case 'verdict':
      showVerdict(msg.verdict);
      break;
    case 'quickActions':
      actionsEl.replaceChildren(
        ...msg.actions.map((a) => {
          const b = document.createElement('button');
          b.className = 'secondary';
          b.type = 'button';
          b.textContent = a.label;
          b.dataset.action = a.id;
          b.addEventListener('click', () => vscode.postMessage({ type: 'quickAction', action: a.id }));
          return b;
        }),
      );
      break;
    case 'error':
      statusEl.textContent = msg.message;
      break;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = validateToWebview(event.data);
  if (msg) receive(msg);
});

setState({ connected: false, busy: false });
vscode.postMessage({ type: 'ready' });
