// Protocol console front end: the form, the streamed transcript (folded and trimmed so that huge
// responses keep the view responsive), the verdict, raw commands and quick actions. It never holds a
// token in its saved state; the host keeps the session.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const MAX_ROWS = 2000; // rows kept in the DOM; older ones are trimmed (the host keeps all for saving)
  const FOLD_CHARS = 2000;

  const form = /** @type {HTMLFormElement} */ ($('form'));
  const fields = ['preset', 'protocol', 'host', 'port', 'security', 'tokenSource', 'account', 'user', 'mechanism'];
  const el = (name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
  const transcript = $('transcript');
  let savedLines = [];
  let trimmed = 0;
  let pending = [];
  let scheduled = false;
  const history = [];
  let historyIndex = 0;

  function readForm() {
    return {
      preset: el('preset').value,
      protocol: el('protocol').value,
      host: el('host').value.trim(),
      port: Number(el('port').value) || 0,
      security: el('security').value,
      tokenSource: el('tokenSource').value,
      account: el('account').value,
      user: el('user').value.trim(),
      mechanism: el('mechanism').value,
      verifyCertificate: el('verifyCertificate').checked,
    };
  }

  function writeForm(f) {
    for (const name of fields) if (f[name] !== undefined) el(name).value = String(f[name]);
    el('verifyCertificate').checked = f.verifyCertificate !== false;
    updateTokenSource();
  }

  function persist() {
    vscode.setState({ form: readForm(), lines: savedLines.slice(-500), verdict: lastVerdict });
  }

  function updateTokenSource() {
    const pasted = el('tokenSource').value === 'pasted';
    $('accountLabel').classList.toggle('hidden', pasted);
    $('tokenLabel').classList.toggle('hidden', !pasted);
  }

  function row(line) {
    const div = document.createElement('div');
    div.className = `row ${line.k}`;
    // Rows out of sight skip layout and paint (a grid per row, 2000 rows: the cost of each frame otherwise).
    div.style.contentVisibility = 'auto';
    div.style.containIntrinsicSize = 'auto 1.4em';
    const time = document.createElement('span');
    time.className = 'time';
    time.textContent = line.t.slice(11, 23);
    const dir = document.createElement('span');
    dir.className = 'dir';
    dir.textContent = line.k === 'C' ? 'C:' : line.k === 'S' ? 'S:' : line.k === 'tls' ? 'TLS' : line.k === 'error' ? '!!' : '--';
    const text = document.createElement('span');
    if (line.x.length > FOLD_CHARS) {
      text.textContent = line.x.slice(0, FOLD_CHARS);
      const more = document.createElement('span');
      more.className = 'folded';
      more.textContent = ` … ${(line.x.length - FOLD_CHARS).toLocaleString()} more characters (folded; Save Transcript keeps them)`;
      text.appendChild(more);
    } else {
      text.textContent = line.x;
    }
    div.append(time, dir, text);
    if (line.d) {
      const d = document.createElement('span');
      d.className = 'decoded';
      d.textContent = `↳ ${line.d}`;
      div.appendChild(d);
    }
    return div;
  }

  /**
   * Appends queued lines once per animation frame, within a time budget, so that a flood of lines (a
   * FETCH of a whole mailbox) never blocks the view for long. Lines that the row limit would trim at once
   * are never turned into DOM at all: only the newest MAX_ROWS of the queue are rendered.
   */
  const FRAME_BUDGET_MS = 8;
  let rowCount = 0;
  function flush() {
    scheduled = false;
    if (!pending.length) return;
    const started = performance.now();
    if (pending.length > MAX_ROWS) {
      const skip = pending.length - MAX_ROWS;
      pending = pending.slice(skip);
      trimmed += skip;
    }
    const atBottom = transcript.scrollTop + transcript.clientHeight >= transcript.scrollHeight - 20;
    const frag = document.createDocumentFragment();
    let taken = 0;
    while (taken < pending.length && (taken < 50 || performance.now() - started < FRAME_BUDGET_MS)) frag.appendChild(row(pending[taken++]));
    pending = pending.slice(taken);
    transcript.appendChild(frag);
    rowCount += taken;
    let note = transcript.querySelector('.trimmed');
    if (rowCount > MAX_ROWS) {
      // Remove the oldest rows in one operation.
      const remove = rowCount - MAX_ROWS;
      const first = transcript.querySelector('.row');
      let last = first;
      for (let i = 1; i < remove && last; i++) last = last.nextElementSibling;
      if (first && last) {
        const range = document.createRange();
        range.setStartBefore(first);
        range.setEndAfter(last);
        range.deleteContents();
      }
      rowCount -= remove;
      trimmed += remove;
    }
    if (trimmed) {
      if (!note) {
        note = document.createElement('div');
        note.className = 'trimmed';
        transcript.prepend(note);
      }
      note.textContent = `${trimmed.toLocaleString()} earlier lines hidden here; Save Transcript keeps them all.`;
    }
    if (atBottom) transcript.scrollTop = transcript.scrollHeight;
    if (pending.length) schedule();
  }

  function schedule() {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(flush);
    }
  }

  // Saving the state (setState) serialises the last lines: during a flood, at most a few times a second.
  let persistTimer = 0;
  function persistSoon() {
    if (!persistTimer) {
      persistTimer = setTimeout(() => {
        persistTimer = 0;
        persist();
      }, 250);
    }
  }

  function addLines(lines) {
    savedLines = savedLines.length + lines.length > 2000 ? savedLines.concat(lines).slice(-2000) : savedLines.concat(lines);
    for (const line of lines) pending.push(line);
    schedule();
    persistSoon();
  }

  /** A new connection: the earlier session's rows and verdict go (Save Transcript saves the new one only). */
  function clearSession() {
    pending = [];
    savedLines = [];
    rowCount = 0;
    trimmed = 0;
    transcript.replaceChildren();
    lastVerdict = null;
    $('verdict').classList.add('hidden');
    $('verdict').replaceChildren();
    persist();
  }

  let lastVerdict = null;
  function showVerdict(v) {
    lastVerdict = v;
    const box = $('verdict');
    box.classList.remove('hidden');
    box.classList.toggle('fail', !v.ok);
    box.replaceChildren();
    const h = document.createElement('h2');
    h.textContent = `${v.ok ? '✔' : '✖'} ${v.title}`;
    box.appendChild(h);
    const para = (label, text) => {
      if (!text) return;
      const p = document.createElement('p');
      const b = document.createElement('strong');
      b.textContent = `${label}: `;
      p.append(b, document.createTextNode(text));
      box.appendChild(p);
    };
    para('Warning', v.warning);
    para('Step', v.step);
    para('Cause', v.cause);
    para('Fix', v.fix);
    for (const t of v.tokenProblems) para(t.severity === 'error' ? 'Token' : 'Note', t.message);
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
      box.appendChild(p);
    }
    persist();
  }

  /** The command line's hint names the protocol it talks to (only IMAP commands get a tag). */
  function updateCommandHint(protocol) {
    const name = (protocol || 'imap').toUpperCase();
    command.placeholder = protocol === 'imap' || !protocol ? `Raw ${name} command (the tag is added); Enter sends, ↑/↓ history` : `Raw ${name} command; Enter sends, ↑/↓ history`;
  }

  function setState(s) {
    $('connect').toggleAttribute('disabled', s.busy || s.connected);
    // The form stays what the session uses: locked while connected or connecting, with a hint why.
    const locked = !!(s.busy || s.connected);
    for (const name of fields.concat(['verifyCertificate', 'token'])) {
      const f = form.elements.namedItem(name);
      if (f && 'disabled' in f) f.disabled = locked;
    }
    $('formHint').classList.toggle('hidden', !locked);
    updateCommandHint(s.connected && s.protocol ? s.protocol : el('protocol').value);
    // While busy it cancels: a server that keeps the session waiting never holds the console.
    $('disconnect').toggleAttribute('disabled', !s.connected && !s.busy);
    $('send').toggleAttribute('disabled', !s.connected || s.busy);
    $('command').toggleAttribute('disabled', !s.connected);
    for (const b of $('actions').querySelectorAll('button')) b.toggleAttribute('disabled', !s.connected || s.busy);
    $('status').textContent = s.busy ? 'Working…' : s.connected ? `Connected (${(s.protocol || '').toUpperCase()})` : 'Not connected';
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = readForm();
    const token = /** @type {HTMLInputElement} */ ($('token')).value;
    vscode.postMessage({ type: 'connect', form: f, token: f.tokenSource === 'pasted' ? token : undefined });
    persist();
  });
  $('disconnect').addEventListener('click', () => vscode.postMessage({ type: 'disconnect' }));
  $('save').addEventListener('click', () => vscode.postMessage({ type: 'saveTranscript' }));
  el('tokenSource').addEventListener('change', () => {
    updateTokenSource();
    persist();
  });
  for (const name of ['preset', 'protocol']) {
    el(name).addEventListener('change', () => {
      updateCommandHint(el('protocol').value);
      vscode.postMessage({ type: 'presetChanged', preset: el('preset').value, protocol: el('protocol').value });
    });
  }
  for (const name of ['host', 'port', 'security', 'account', 'user', 'mechanism', 'verifyCertificate']) el(name).addEventListener('change', persist);

  const command = /** @type {HTMLInputElement} */ ($('command'));
  function sendCommand() {
    const line = command.value;
    if (!line.trim()) return;
    history.push(line);
    historyIndex = history.length;
    command.value = '';
    vscode.postMessage({ type: 'command', line });
  }
  $('send').addEventListener('click', sendCommand);
  command.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      sendCommand();
    } else if (e.key === 'ArrowUp' && historyIndex > 0) {
      command.value = history[--historyIndex];
      e.preventDefault();
    } else if (e.key === 'ArrowDown' && historyIndex < history.length) {
      historyIndex++;
      command.value = history[historyIndex] ?? '';
      e.preventDefault();
    }
  });

  window.addEventListener('message', (event) => {
    const msg = event.data;
    switch (msg && msg.type) {
      case 'init': {
        const presets = /** @type {HTMLSelectElement} */ (el('preset'));
        presets.replaceChildren(...msg.presets.map((p) => new Option(p.label, p.id)));
        const accounts = /** @type {HTMLSelectElement} */ (el('account'));
        // With accounts, one of them is chosen (the first unless the form names one); without, connecting signs in.
        accounts.replaceChildren(...(msg.accounts.length ? [] : [new Option('None yet: Connect signs in', '')]), ...msg.accounts.map((a) => new Option(a, a)));
        const state = vscode.getState();
        writeForm(state && state.form ? state.form : msg.form);
        if (accounts.selectedIndex < 0) accounts.selectedIndex = 0;
        updateCommandHint(el('protocol').value);
        if (state && state.lines && !transcript.querySelector('.row')) {
          savedLines = [];
          addLines(state.lines);
        }
        if (state && state.verdict) showVerdict(state.verdict);
        break;
      }
      case 'fill':
        el('host').value = msg.host;
        el('port').value = String(msg.port);
        el('security').value = msg.security;
        // A custom preset (settings) also sets its protocol, and the user and mechanism it names.
        if (msg.protocol) el('protocol').value = msg.protocol;
        if (msg.user) el('user').value = msg.user;
        if (msg.mechanism) el('mechanism').value = msg.mechanism;
        persist();
        break;
      case 'newSession':
        clearSession();
        break;
      case 'transcript':
        addLines(msg.lines);
        break;
      case 'state':
        setState(msg);
        break;
      case 'verdict':
        showVerdict(msg.verdict);
        break;
      case 'quickActions': {
        const box = $('actions');
        box.replaceChildren(
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
      }
      case 'error':
        $('status').textContent = msg.message;
        break;
    }
  });

  setState({ connected: false, busy: false });
  vscode.postMessage({ type: 'ready' });
})();
