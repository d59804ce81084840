// Node: @azure/msal-node to sign in; imapflow for IMAP, and a few lines over node:net/node:tls for POP3 (no
// maintained library speaks XOAUTH2 or OAUTHBEARER there) and SMTP (see rawNode for why not nodemailer).
import { javascriptString as s } from './literals';
import { authorityHost, constDeclarations, ENV_SECRET, ENV_TOKEN, isMicrosoftAuthority, SnippetSession, VERIFY_COMMAND } from './session';

export function nodeProgram(x: SnippetSession): string {
  const raw = x.protocol !== 'imap';
  const needs = ['@azure/msal-node', ...(raw ? [] : ['imapflow'])];
  const out: string[] = [
    `// Logs in to ${x.protocol.toUpperCase()} with ${x.mechanism} and runs ${VERIFY_COMMAND[x.protocol]}, as the verified session did.`,
    `// Made by Mail OAuth Debugger. Node 18+; npm install ${needs.join(' ')} (@azure/msal-node for the sign-in only).`,
    `// With ${ENV_TOKEN} set, the program uses that token and does not sign in (@azure/msal-node is then not needed).`,
    "'use strict';",
    '',
    ...constDeclarations(x, s),
    '',
    'async function getToken() {',
    `  const fromEnv = process.env[${s(ENV_TOKEN)}];`,
    '  if (fromEnv) return fromEnv.trim();',
    "  const msal = require('@azure/msal-node'); // required only here: a token from the environment needs no sign-in library",
  ];
  const known = isMicrosoftAuthority(x.authority) ? '' : ` knownAuthorities: [${s(authorityHost(x.authority))}],`;
  if (!known) out.push('  const auth = { clientId: CLIENT_ID, authority: AUTHORITY };');
  else out.push('  // A private identity provider: MSAL trusts it only when it is named as a known authority.', `  const auth = { clientId: CLIENT_ID, authority: AUTHORITY,${known} };`);
  if (x.flow === 'client-credentials') {
    out.push(
      `  const clientSecret = process.env[${s(ENV_SECRET)}];`,
      `  if (!clientSecret) throw new Error(${s(`Set ${ENV_SECRET} to the app registration's client secret, or ${ENV_TOKEN} to a token.`)});`,
      '  // App-only (client credentials): the secret comes from the environment, never from the code.',
      '  const app = new msal.ConfidentialClientApplication({ auth: { ...auth, clientSecret } });',
      '  const result = await app.acquireTokenByClientCredential({ scopes: SCOPES });',
    );
  } else if (x.flow === 'device-code') {
    out.push(
      '  const app = new msal.PublicClientApplication({ auth });',
      '  const result = await app.acquireTokenByDeviceCode({ scopes: SCOPES, deviceCodeCallback: (info) => console.error(info.message) });',
    );
  } else {
    out.push(
      '  const app = new msal.PublicClientApplication({ auth });',
      '  // Authorization code with PKCE; MSAL listens on http://localhost for the redirect (the app registration needs',
      '  // that redirect URI under "Mobile and desktop applications"). Open the address in a browser to sign in.',
      "  const result = await app.acquireTokenInteractive({ scopes: SCOPES, openBrowser: async (url) => console.error('Sign in at: ' + url) });",
    );
  }
  out.push("  if (!result || !result.accessToken) throw new Error('The sign-in returned no access token.');", '  return result.accessToken;', '}', '');
  if (!raw) {
    // imapflow builds the SASL response itself.
  } else if (x.mechanism === 'XOAUTH2') {
    out.push(
      'function authString(token) {',
      "  return 'user=' + USER + '\\x01auth=Bearer ' + token + '\\x01\\x01';",
      '}',
      '// After an error challenge the client answers with an empty response to get the final error reply.',
      "const ABORT = '';",
    );
  } else {
    out.push(
      'function authString(token) {',
      "  // RFC 7628: ',' and '=' in the user name are escaped in the GS2 header.",
      "  const gs2User = USER.replace(/=/g, '=3D').replace(/,/g, '=2C');",
      "  return 'n,a=' + gs2User + ',\\x01host=' + HOST + '\\x01port=' + PORT + '\\x01auth=Bearer ' + token + '\\x01\\x01';",
      '}',
      '// After an error challenge the client answers with a single \\x01 (RFC 7628) to get the final error reply.',
      "const ABORT = '\\x01';",
    );
  }
  if (raw) out.push("const b64 = (text) => Buffer.from(text, 'utf8').toString('base64');");
  out.push('');
  if (x.protocol === 'imap') {
    out.push(
      'async function main() {',
      '  const token = await getToken();',
      "  const { ImapFlow } = require('imapflow');",
      '  // imapflow chooses the mechanism itself: OAUTHBEARER when the server offers it, XOAUTH2 otherwise',
      '  // (Microsoft 365 offers XOAUTH2 only).',
      '  const client = new ImapFlow({',
      '    host: HOST,',
      '    port: PORT,',
      `    secure: ${x.security === 'tls'},`,
      `    doSTARTTLS: ${x.security === 'starttls'},`,
      '    auth: { user: USER, accessToken: token },',
      '    logger: false,',
      '  });',
      '  try {',
      '    await client.connect();',
      '    // The verifying command: imapflow lists the folders (LIST); the session sent LIST "" "INBOX".',
      '    const folders = await client.list();',
      "    console.log('Logged in; folders:', folders.map((f) => f.path).join(', '));",
      '    await client.logout();',
      '  } finally {',
      '    client.close(); // a refused login leaves the connection open, which would keep Node running',
      '  }',
      '}',
    );
  } else {
    out.push(...rawNode(x));
  }
  out.push(
    '',
    'main().catch((err) => {',
    '  console.error(err && err.message ? err.message : err);',
    '  process.exit(1); // not exitCode: after a refused login a library may keep its connection, and Node, running',
    '});',
    '',
  );
  return out.join('\n');
}

function rawNode(x: SnippetSession): string[] {
  const pop = x.protocol === 'pop3';
  const lib = pop
    ? 'no maintained POP3 library speaks XOAUTH2 or OAUTHBEARER'
    : "nodemailer has no OAUTHBEARER and no NOOP, and puts the XOAUTH2 response on the AUTH line, which with a token passes SMTP's 512 octets; to send mail, nodemailer's { type: 'OAuth2', user, accessToken } works with servers that take long lines, such as Exchange Online";
  return [
    `// A few lines of the protocol itself (${lib}).`,
    "const net = require('node:net');",
    "const tls = require('node:tls');",
    '',
    'function open(socket) {',
    "  let buffer = '';",
    '  const lines = [];',
    '  const waiting = [];',
    '  let failure;',
    "  socket.setEncoding('utf8');",
    "  socket.on('data', (data) => {",
    '    buffer += data;',
    '    let i;',
    "    while ((i = buffer.indexOf('\\n')) >= 0) {",
    "      lines.push(buffer.slice(0, i).replace(/\\r$/, ''));",
    '      buffer = buffer.slice(i + 1);',
    '    }',
    '    while (lines.length && waiting.length) waiting.shift().resolve(lines.shift());',
    '  });',
    "  const fail = (err) => { failure = err || new Error('The server closed the connection.'); while (waiting.length) waiting.shift().reject(failure); };",
    "  socket.on('error', fail);",
    "  socket.on('close', () => fail());",
    '  const read = () => (lines.length ? Promise.resolve(lines.shift()) : failure ? Promise.reject(failure) : new Promise((resolve, reject) => waiting.push({ resolve, reject })));',
    "  const write = (line) => socket.write(line + '\\r\\n');",
    '  return { socket, read, write };',
    '}',
    '',
    'function connect() {',
    '  return new Promise((resolve, reject) => {',
    x.security === 'tls'
      ? '    const socket = tls.connect({ host: HOST, port: PORT, servername: net.isIP(HOST) ? undefined : HOST }, () => resolve(open(socket)));'
      : '    const socket = net.connect({ host: HOST, port: PORT }, () => resolve(open(socket)));',
    "    socket.once('error', reject);",
    '  });',
    '}',
    '',
    'function upgrade(conn) {',
    '  return new Promise((resolve, reject) => {',
    "    conn.socket.removeAllListeners('data');",
    '    const socket = tls.connect({ socket: conn.socket, servername: net.isIP(HOST) ? undefined : HOST }, () => resolve(open(socket)));',
    "    socket.once('error', reject);",
    '  });',
    '}',
    '',
    ...(pop
      ? [
          'async function expectOk(conn, what) {',
          '  const line = await conn.read();',
          "  if (!line.startsWith('+OK')) throw new Error(what + ' failed: ' + line);",
          '  return line;',
          '}',
          '',
          'async function main() {',
          '  const token = await getToken();',
          '  let conn = await connect();',
          "  await expectOk(conn, 'The greeting');",
          ...(x.security === 'starttls' ? ["  conn.write('STLS');", "  await expectOk(conn, 'STLS');", '  conn = await upgrade(conn);'] : []),
          `  conn.write('AUTH ${x.mechanism}');`,
          '  let line = await conn.read();',
          "  if (!line.startsWith('+')) throw new Error('AUTH failed: ' + line);",
          '  conn.write(b64(authString(token)));',
          '  line = await conn.read();',
          "  if (!line.startsWith('+OK')) {",
          '    // An error challenge (base64 JSON saying why): answer it to get the final -ERR reply.',
          "    if (line.startsWith('+')) { conn.write(b64(ABORT)); line = await conn.read(); }",
          "    throw new Error('Login refused: ' + line);",
          '  }',
          "  conn.write('STAT'); // the verifying command",
          "  console.log('Logged in;', await expectOk(conn, 'STAT'));",
          "  conn.write('QUIT');",
          '  await conn.read().catch(() => undefined);',
          '  conn.socket.end();',
          '}',
        ]
      : [
          '// One SMTP reply (the last line of a multi-line one carries a space after the code).',
          'async function reply(conn) {',
          '  const lines = [];',
          '  for (;;) {',
          '    const line = await conn.read();',
          '    lines.push(line);',
          "    if (line.length < 4 || line[3] !== '-') return { code: Number(line.slice(0, 3)), text: lines.join('\\n') };",
          '  }',
          '}',
          '',
          'async function expect(conn, code, what) {',
          '  const r = await reply(conn);',
          "  if (r.code !== code) throw new Error(what + ' failed: ' + r.text);",
          '  return r;',
          '}',
          '',
          'async function main() {',
          '  const token = await getToken();',
          '  let conn = await connect();',
          "  await expect(conn, 220, 'The greeting');",
          "  conn.write('EHLO localhost');",
          "  await expect(conn, 250, 'EHLO');",
          ...(x.security === 'starttls'
            ? ["  conn.write('STARTTLS');", "  await expect(conn, 220, 'STARTTLS');", '  conn = await upgrade(conn);', "  conn.write('EHLO localhost');", "  await expect(conn, 250, 'EHLO');"]
            : []),
          '  // RFC 4954: the response on a line of its own, since the AUTH line with a token would pass 512 octets.',
          `  conn.write('AUTH ${x.mechanism}');`,
          "  await expect(conn, 334, 'AUTH');",
          '  conn.write(b64(authString(token)));',
          '  let r = await reply(conn);',
          '  if (r.code === 334) {',
          '    // An error challenge (base64 JSON saying why): answer it to get the final error reply.',
          '    conn.write(b64(ABORT));',
          '    r = await reply(conn);',
          '  }',
          "  if (r.code !== 235) throw new Error('Login refused: ' + r.text);",
          "  conn.write('NOOP'); // the verifying command",
          "  console.log('Logged in;', (await expect(conn, 250, 'NOOP')).text);",
          "  conn.write('QUIT');",
          '  await reply(conn).catch(() => undefined);',
          '  conn.socket.end();',
          '}',
        ]),
  ];
}
