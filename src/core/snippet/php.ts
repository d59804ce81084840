// PHP: PHPMailer with its OAuthTokenProvider for SMTP with XOAUTH2; IMAP, POP3 and SMTP with OAUTHBEARER
// over a stream socket (PHP has no maintained library for them). The sign-in is plain HTTP to Microsoft's
// token endpoint (there is no MSAL for PHP); it needs PHP's openssl extension.
import { phpString as s } from './literals';
import { constDeclarations, ENV_SECRET, ENV_TOKEN, SnippetSession, VERIFY_COMMAND } from './session';

export function phpProgram(x: SnippetSession): string {
  const mailer = x.protocol === 'smtp' && x.mechanism === 'XOAUTH2';
  const out: string[] = [
    '<?php',
    `// Logs in to ${x.protocol.toUpperCase()} with ${x.mechanism} and runs ${VERIFY_COMMAND[x.protocol]}, as the verified session did.`,
    `// Made by Mail OAuth Debugger. PHP 8.0+ with the openssl extension${mailer ? '; composer require phpmailer/phpmailer' : ''}.`,
    `// With ${ENV_TOKEN} set, the program uses that token and does not sign in.`,
    'declare(strict_types=1);',
    '',
  ];
  if (mailer) {
    out.push(
      "// Composer's autoloader; Debian's php-phpmailer package has one at /usr/share/php/libphp-phpmailer/autoload.php.",
      "require getenv('PHPMAILER_AUTOLOAD') ?: __DIR__ . '/vendor/autoload.php';",
      '',
      'use PHPMailer\\PHPMailer\\OAuthTokenProvider;',
      'use PHPMailer\\PHPMailer\\PHPMailer;',
      'use PHPMailer\\PHPMailer\\SMTP;',
      '',
    );
  }
  out.push(
    ...constDeclarations(x, s),
    '',
    'function post(string $url, array $form): array',
    '{',
    "    $context = stream_context_create(['http' => [",
    "        'method' => 'POST',",
    '        \'header\' => "Content-Type: application/x-www-form-urlencoded\\r\\n",',
    "        'content' => http_build_query($form),",
    "        'ignore_errors' => true, // the error body says why",
    '    ]]);',
    '    $body = file_get_contents($url, false, $context);',
    '    $json = is_string($body) ? json_decode($body, true) : null;',
    "    if (!is_array($json)) throw new RuntimeException('No answer from ' . $url);",
    '    return $json;',
    '}',
    '',
    'function getToken(): string',
    '{',
    `    $fromEnv = getenv(${s(ENV_TOKEN)});`,
    "    if (is_string($fromEnv) && trim($fromEnv) !== '') return trim($fromEnv);",
    "    $tokenUrl = AUTHORITY . '/oauth2/v2.0/token';",
  );
  if (x.flow === 'client-credentials') {
    out.push(
      '    // App-only (client credentials): the secret comes from the environment, never from the code.',
      `    $secret = getenv(${s(ENV_SECRET)});`,
      `    if (!is_string($secret) || $secret === '') throw new RuntimeException(${s(`Set ${ENV_SECRET} to the app registration's client secret, or ${ENV_TOKEN} to a token.`)});`,
      "    $result = post($tokenUrl, ['grant_type' => 'client_credentials', 'client_id' => CLIENT_ID, 'client_secret' => $secret, 'scope' => implode(' ', SCOPES)]);",
    );
  } else if (x.flow === 'device-code') {
    out.push(
      "    $code = post(AUTHORITY . '/oauth2/v2.0/devicecode', ['client_id' => CLIENT_ID, 'scope' => implode(' ', SCOPES)]);",
      "    if (!isset($code['device_code'])) throw new RuntimeException('Device code request failed: ' . ($code['error_description'] ?? ''));",
      "    fwrite(STDERR, $code['message'] . PHP_EOL);",
      "    $interval = (int) ($code['interval'] ?? 5);",
      '    do {',
      '        sleep($interval);',
      "        $result = post($tokenUrl, ['grant_type' => 'urn:ietf:params:oauth:grant-type:device_code', 'client_id' => CLIENT_ID, 'device_code' => $code['device_code']]);",
      "        if (($result['error'] ?? '') === 'slow_down') $interval += 5;",
      "    } while (in_array($result['error'] ?? '', ['authorization_pending', 'slow_down'], true));",
    );
  } else {
    out.push(
      '    // Authorization code with PKCE and a loopback redirect (the app registration needs the redirect URI',
      '    // http://localhost under "Mobile and desktop applications"; any port is allowed there).',
      "    $server = stream_socket_server('tcp://127.0.0.1:0');",
      "    $redirect = 'http://localhost:' . parse_url('tcp://' . stream_socket_get_name($server, false), PHP_URL_PORT);",
      "    $verifier = rtrim(strtr(base64_encode(random_bytes(32)), '+/', '-_'), '=');",
      '    $state = bin2hex(random_bytes(16));',
      "    fwrite(STDERR, 'Sign in at: ' . AUTHORITY . '/oauth2/v2.0/authorize?' . http_build_query([",
      "        'client_id' => CLIENT_ID, 'response_type' => 'code', 'redirect_uri' => $redirect, 'scope' => implode(' ', SCOPES),",
      "        'state' => $state, 'code_challenge_method' => 'S256',",
      "        'code_challenge' => rtrim(strtr(base64_encode(hash('sha256', $verifier, true)), '+/', '-_'), '='),",
      '    ]) . PHP_EOL);',
      '    $conn = stream_socket_accept($server, 300);',
      "    if ($conn === false) throw new RuntimeException('No sign-in within 5 minutes.');",
      '    $request = (string) fgets($conn, 8192);',
      "    parse_str((string) parse_url(explode(' ', $request)[1] ?? '', PHP_URL_QUERY), $query);",
      '    fwrite($conn, "HTTP/1.1 200 OK\\r\\nContent-Type: text/plain\\r\\nConnection: close\\r\\n\\r\\nSigned in: you can close this window.");',
      '    fclose($conn);',
      "    if (($query['state'] ?? '') !== $state || !isset($query['code'])) throw new RuntimeException('Sign-in failed: ' . ($query['error_description'] ?? 'no code'));",
      "    $result = post($tokenUrl, ['grant_type' => 'authorization_code', 'client_id' => CLIENT_ID, 'code' => $query['code'], 'redirect_uri' => $redirect, 'code_verifier' => $verifier, 'scope' => implode(' ', SCOPES)]);",
    );
  }
  out.push(
    "    if (!isset($result['access_token'])) throw new RuntimeException('Sign-in failed: ' . ($result['error_description'] ?? $result['error'] ?? ''));",
    "    return $result['access_token'];",
    '}',
    '',
  );
  if (mailer) {
    out.push(
      '/** PHPMailer asks this for the XOAUTH2 initial response. */',
      'final class TokenProvider implements OAuthTokenProvider',
      '{',
      '    public function __construct(private string $token)',
      '    {',
      '    }',
      '',
      '    public function getOauth64(): string',
      '    {',
      '        return base64_encode("user=" . USER . "\\x01auth=Bearer " . $this->token . "\\x01\\x01");',
      '    }',
      '}',
      '',
      '/**',
      " * PHPMailer sends the XOAUTH2 response on the AUTH line; with a token that line passes SMTP's 512 octets, which",
      ' * servers that keep the limit refuse ("500 5.5.2 Line too long"). RFC 4954 then wants it on a line of its own.',
      ' */',
      'final class Rfc4954Smtp extends SMTP',
      '{',
      '    public function authenticate($username, $password, $authtype = null, $OAuth = null)',
      '    {',
      "        if ($authtype !== 'XOAUTH2' || $OAuth === null) return parent::authenticate($username, $password, $authtype, $OAuth);",
      "        return $this->sendCommand('AUTH', 'AUTH XOAUTH2', 334) && $this->sendCommand('XOAUTH2', $OAuth->getOauth64(), 235);",
      '    }',
      '}',
      '',
      '$mail = new PHPMailer(true);',
      '$mail->setSMTPInstance(new Rfc4954Smtp());',
      '$mail->isSMTP();',
      '$mail->Host = HOST;',
      '$mail->Port = PORT;',
      x.security === 'tls' ? '$mail->SMTPSecure = PHPMailer::ENCRYPTION_SMTPS;' : x.security === 'starttls' ? '$mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;' : "$mail->SMTPSecure = '';",
      ...(x.security === 'none' ? ['$mail->SMTPAutoTLS = false;'] : []),
      '$mail->SMTPAuth = true;',
      "$mail->AuthType = 'XOAUTH2';",
      '$mail->setOAuth(new TokenProvider(getToken()));',
      '$mail->smtpConnect(); // EHLO and AUTH XOAUTH2; throws when the login is refused',
      '$smtp = $mail->getSMTPInstance();',
      "if (!$smtp->noop()) throw new RuntimeException('NOOP failed: ' . $smtp->getLastReply()); // the verifying command",
      "echo 'Logged in: ', trim($smtp->getLastReply()), PHP_EOL;",
      '$mail->smtpClose();',
      '',
    );
    return out.join('\n');
  }
  out.push(...rawPhp(x));
  return out.join('\n');
}

/** IMAP's and POP3's start of the SASL exchange: the command, its "+" continuation, the response, and the reply in $reply. */
function saslStart(command: string, verb: string): string[] {
  return [`say($conn, '${command}');`, `if (!str_starts_with(line($conn), '+')) throw new RuntimeException('${verb} refused');`, 'say($conn, $auth);', '$reply = line($conn);'];
}

function rawPhp(x: SnippetSession): string[] {
  const out: string[] = [];
  if (x.mechanism === 'XOAUTH2') {
    out.push(
      '$auth = base64_encode("user=" . USER . "\\x01auth=Bearer " . getToken() . "\\x01\\x01");',
      '// After an error challenge the client answers with an empty response to get the final error reply.',
      "$abort = '';",
    );
  } else {
    out.push(
      "// RFC 7628: ',' and '=' in the user name are escaped in the GS2 header.",
      "$gs2User = str_replace(['=', ','], ['=3D', '=2C'], USER); // '=' first, so the '=' of =2C stays",
      '$auth = base64_encode("n,a=" . $gs2User . ",\\x01host=" . HOST . "\\x01port=" . PORT . "\\x01auth=Bearer " . getToken() . "\\x01\\x01");',
      '// After an error challenge the client answers with a single \\x01 (RFC 7628) to get the final error reply.',
      '$abort = base64_encode("\\x01");',
    );
  }
  out.push(
    '',
    `$conn = stream_socket_client(${x.security === 'tls' ? "'tls://'" : "'tcp://'"} . HOST . ':' . PORT, $errno, $error, 30);`,
    "if ($conn === false) throw new RuntimeException('Cannot connect: ' . $error);",
    'function say($conn, string $line): void { fwrite($conn, $line . "\\r\\n"); }',
    'function line($conn): string { $l = fgets($conn, 65536); if ($l === false) throw new RuntimeException(\'The server closed the connection.\'); return rtrim($l, "\\r\\n"); }',
    "function starttls($conn): void { if (!stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_CLIENT)) throw new RuntimeException('TLS failed'); }",
    '',
  );
  if (x.protocol === 'imap') {
    out.push(
      '/** Reads up to the tagged reply; returns it, the untagged lines in $untagged. */',
      'function tagged($conn, string $tag, ?array &$untagged = null): string',
      '{',
      '    $untagged = [];',
      "    while (!str_starts_with($l = line($conn), $tag . ' ')) $untagged[] = $l;",
      '    return $l;',
      '}',
      'line($conn); // greeting',
      ...(x.security === 'starttls' ? ["say($conn, 'S STARTTLS');", "if (!str_starts_with(tagged($conn, 'S'), 'S OK')) throw new RuntimeException('STARTTLS refused');", 'starttls($conn);'] : []),
      ...saslStart(`A AUTHENTICATE ${x.mechanism}`, 'AUTHENTICATE'),
      "if (str_starts_with($reply, '+')) { say($conn, $abort); $reply = tagged($conn, 'A'); } // an error challenge: answer it",
      "elseif (!str_starts_with($reply, 'A ')) $reply = tagged($conn, 'A');",
      "if (!str_starts_with($reply, 'A OK')) throw new RuntimeException('Login refused: ' . $reply);",
      'say($conn, \'B LIST "" "INBOX"\'); // the verifying command',
      "$reply = tagged($conn, 'B', $untagged);",
      "echo 'Logged in; ', implode(' ', $untagged), ' ', $reply, PHP_EOL;",
      "say($conn, 'C LOGOUT');",
    );
  } else if (x.protocol === 'pop3') {
    out.push(
      "function ok($conn, string $what): string { $l = line($conn); if (!str_starts_with($l, '+OK')) throw new RuntimeException($what . ' failed: ' . $l); return $l; }",
      "ok($conn, 'The greeting');",
      ...(x.security === 'starttls' ? ["say($conn, 'STLS');", "ok($conn, 'STLS');", 'starttls($conn);'] : []),
      ...saslStart(`AUTH ${x.mechanism}`, 'AUTH'),
      "if (!str_starts_with($reply, '+OK') && str_starts_with($reply, '+')) { say($conn, $abort); $reply = line($conn); } // an error challenge: answer it",
      "if (!str_starts_with($reply, '+OK')) throw new RuntimeException('Login refused: ' . $reply);",
      "say($conn, 'STAT'); // the verifying command",
      "echo 'Logged in; ', ok($conn, 'STAT'), PHP_EOL;",
      "say($conn, 'QUIT');",
    );
  } else {
    out.push(
      '/** One SMTP reply (the last line of a multi-line one has a space after the code). */',
      "function reply($conn): string { do { $l = line($conn); } while (strlen($l) > 3 && $l[3] === '-'); return $l; }",
      "function expect($conn, string $code, string $what): string { $r = reply($conn); if (!str_starts_with($r, $code)) throw new RuntimeException($what . ' failed: ' . $r); return $r; }",
      "expect($conn, '220', 'The greeting');",
      "say($conn, 'EHLO localhost');",
      "expect($conn, '250', 'EHLO');",
      ...(x.security === 'starttls' ? ["say($conn, 'STARTTLS');", "expect($conn, '220', 'STARTTLS');", 'starttls($conn);', "say($conn, 'EHLO localhost');", "expect($conn, '250', 'EHLO');"] : []),
      '// RFC 4954: the response on a line of its own, since the AUTH line with a token would pass 512 octets.',
      `say($conn, 'AUTH ${x.mechanism}');`,
      "expect($conn, '334', 'AUTH');",
      'say($conn, $auth);',
      '$r = reply($conn);',
      "if (str_starts_with($r, '334')) { say($conn, $abort); $r = reply($conn); } // an error challenge: answer it",
      "if (!str_starts_with($r, '235')) throw new RuntimeException('Login refused: ' . $r);",
      "say($conn, 'NOOP'); // the verifying command",
      "echo 'Logged in; ', expect($conn, '250', 'NOOP'), PHP_EOL;",
      "say($conn, 'QUIT');",
    );
  }
  out.push('fclose($conn);', '');
  return out;
}
