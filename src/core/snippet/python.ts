// Python: MSAL for Python to sign in, imaplib / poplib / smtplib from the standard library for the mail part.
import { pythonString as s } from './literals';
import { ENV_SECRET, ENV_TOKEN, isMicrosoftAuthority, sessionConstants, SnippetSession, VERIFY_COMMAND } from './session';

export function pythonProgram(x: SnippetSession): string {
  const tls = x.security === 'tls';
  const lines: string[] = [
    `# Logs in to ${x.protocol.toUpperCase()} with ${x.mechanism} and runs ${VERIFY_COMMAND[x.protocol]}, as the verified session did.`,
    '# Made by Mail OAuth Debugger. Needs Python 3.8+; the sign-in needs "pip install msal".',
    `# With ${ENV_TOKEN} set, the program uses that token and does not sign in (msal is then not needed).`,
    ...(x.protocol === 'pop3' ? ['import base64'] : []),
    'import os',
    'import sys',
    x.protocol === 'imap' ? 'import imaplib' : x.protocol === 'pop3' ? 'import poplib' : 'import smtplib',
    ...(x.security !== 'none' ? ['import ssl'] : []),
    '',
    ...sessionConstants(x, { literal: s, list: (items) => `[${items.join(', ')}]`, declare: (name, _type, value) => `${name} = ${value}`, comment: '#' }),
    '',
    '',
    'def get_token():',
    `    token = os.environ.get(${s(ENV_TOKEN)})`,
    '    if token:',
    '        return token.strip()',
    '    import msal  # imported only here: a token from the environment needs no sign-in library',
    '',
  ];
  const validate = isMicrosoftAuthority(x.authority) ? '' : ', validate_authority=False';
  if (x.flow === 'client-credentials') {
    lines.push(
      '    # App-only (client credentials): the secret comes from the environment, never from the code.',
      `    app = msal.ConfidentialClientApplication(CLIENT_ID, authority=AUTHORITY${validate}, client_credential=os.environ[${s(ENV_SECRET)}])`,
      '    result = app.acquire_token_for_client(scopes=SCOPES)',
    );
  } else if (x.flow === 'device-code') {
    lines.push(
      `    app = msal.PublicClientApplication(CLIENT_ID, authority=AUTHORITY${validate})`,
      '    # MSAL adds openid, profile and offline_access itself.',
      '    flow = app.initiate_device_flow(scopes=[x for x in SCOPES if x != "offline_access"])',
      '    if "user_code" not in flow:',
      '        sys.exit("Device code request failed: %s" % flow.get("error_description", flow))',
      '    print(flow["message"], file=sys.stderr)',
      '    result = app.acquire_token_by_device_flow(flow)',
    );
  } else {
    lines.push(
      `    app = msal.PublicClientApplication(CLIENT_ID, authority=AUTHORITY${validate})`,
      '    # Authorization code with PKCE: opens the browser and listens on http://localhost for the redirect',
      '    # (the app registration needs the redirect URI http://localhost under "Mobile and desktop applications").',
      '    result = app.acquire_token_interactive(scopes=[x for x in SCOPES if x != "offline_access"])',
    );
  }
  lines.push('    if "access_token" not in result:', '        sys.exit("Sign-in failed: %s" % result.get("error_description", result.get("error")))', '    return result["access_token"]', '', '');
  if (x.mechanism === 'XOAUTH2') {
    lines.push(
      'def auth_string(token):',
      '    return "user=%s\\x01auth=Bearer %s\\x01\\x01" % (USER, token)',
      '',
      '',
      '# After an error challenge the client answers with an empty response to get the final error reply.',
      'ABORT = ""',
    );
  } else {
    lines.push(
      'def auth_string(token):',
      '    # RFC 7628: "," and "=" in the user name are escaped in the GS2 header.',
      '    gs2_user = USER.replace("=", "=3D").replace(",", "=2C")',
      '    return "n,a=%s,\\x01host=%s\\x01port=%d\\x01auth=Bearer %s\\x01\\x01" % (gs2_user, HOST, PORT, token)',
      '',
      '',
      '# After an error challenge the client answers with a single \\x01 (RFC 7628) to get the final error reply.',
      'ABORT = "\\x01"',
    );
  }
  lines.push(
    '',
    '',
    'def main():',
    '    token = get_token()',
    '    first = [True]',
    '',
    '    def respond(challenge):',
    '        if first[0]:',
    '            first[0] = False',
    '            return auth_string(token)',
    '        return ABORT',
    '',
  );
  const ctx = x.security !== 'none' ? 'ssl.create_default_context()' : '';
  if (x.protocol === 'imap') {
    lines.push(
      tls ? `    imap = imaplib.IMAP4_SSL(HOST, PORT, ssl_context=${ctx})` : '    imap = imaplib.IMAP4(HOST, PORT)',
      ...(x.security === 'starttls' ? [`    imap.starttls(ssl_context=${ctx})`] : []),
      `    imap.authenticate(${s(x.mechanism)}, respond)`,
      '    typ, data = imap.list(\'""\', "INBOX")  # the verifying command: LIST "" "INBOX"',
      '    print(typ, data)',
      '    imap.logout()',
    );
  } else if (x.protocol === 'pop3') {
    lines.push(
      tls ? `    pop = poplib.POP3_SSL(HOST, PORT, context=${ctx})` : '    pop = poplib.POP3(HOST, PORT)',
      ...(x.security === 'starttls' ? [`    pop.stls(context=${ctx})`] : []),
      '    # poplib has no SASL: AUTH is sent as the protocol has it (RFC 5034), the response base64-encoded.',
      `    pop._shortcmd("AUTH ${x.mechanism}")`,
      '    reply = pop._shortcmd(base64.b64encode(respond(None).encode()).decode())',
      '    if not reply.startswith(b"+OK"):',
      '        # An error challenge (base64 JSON saying why): answer it, and poplib raises the final -ERR reply.',
      '        pop._shortcmd(base64.b64encode(respond(reply).encode()).decode())',
      '    print(pop.stat())  # the verifying command: STAT',
      '    pop.quit()',
    );
  } else {
    lines.push(
      tls ? `    smtp = smtplib.SMTP_SSL(HOST, PORT, context=${ctx})` : '    smtp = smtplib.SMTP(HOST, PORT)',
      '    smtp.ehlo()',
      ...(x.security === 'starttls' ? [`    smtp.starttls(context=${ctx})`, '    smtp.ehlo()'] : []),
      '    # smtplib base64-encodes what respond() returns. Not as an initial response on the AUTH line: with a',
      "    # token that line passes SMTP's 512 octets, and RFC 4954 then wants the response on a line of its own.",
      `    smtp.auth(${s(x.mechanism)}, lambda challenge=None: respond(challenge), initial_response_ok=False)`,
      '    print(smtp.noop())  # the verifying command: NOOP',
      '    smtp.quit()',
    );
  }
  lines.push('', '', 'if __name__ == "__main__":', '    main()', '');
  return lines.join('\n');
}
