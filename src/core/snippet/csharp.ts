// C#: MSAL.NET (Microsoft.Identity.Client) to sign in, MailKit for IMAP, POP3 and SMTP. No .NET toolchain runs
// here: the program is checked by golden files reviewed against the documented APIs (test/unit/snippet.test.ts).
import { csharpString as s } from './literals';
import { ConstantName, ConstantType, ENV_SECRET, ENV_TOKEN, isMicrosoftAuthority, sessionConstants, SnippetSession, VERIFY_COMMAND } from './session';

const CSHARP_NAME: Record<ConstantName, string> = { HOST: 'Host', PORT: 'Port', USER: 'User', AUTHORITY: 'Authority', CLIENT_ID: 'ClientId', SCOPES: 'Scopes' };

/** C# has no const arrays: the scopes are a static readonly field. */
function csharpConstant(name: ConstantName, type: ConstantType, value: string): string {
  return type === 'string[]' ? `    public static readonly string[] ${CSHARP_NAME[name]} = ${value};` : `    public const ${type} ${CSHARP_NAME[name]} = ${value};`;
}

export function csharpProgram(x: SnippetSession): string {
  const ns = { imap: 'Imap', pop3: 'Pop3', smtp: 'Smtp' }[x.protocol];
  const socket = { tls: 'SslOnConnect', starttls: 'StartTls', none: 'None' }[x.security];
  const mechanism = x.mechanism === 'XOAUTH2' ? 'SaslMechanismOAuth2' : 'SaslMechanismOAuthBearer';
  const authority = isMicrosoftAuthority(x.authority) ? '.WithAuthority(Config.Authority)' : '.WithAuthority(Config.Authority, validateAuthority: false)';
  const out: string[] = [
    `// Logs in to ${x.protocol.toUpperCase()} with ${x.mechanism} and runs ${VERIFY_COMMAND[x.protocol]}, as the verified session did.`,
    '// Made by Mail OAuth Debugger. .NET 6+: dotnet new console, then dotnet add package MailKit and',
    '// dotnet add package Microsoft.Identity.Client, and put this in Program.cs.',
    `// With ${ENV_TOKEN} set, the program uses that token and does not sign in: the Microsoft.Identity.Client`,
    '// assembly is loaded only when SignIn runs, so it need not even be deployed then.',
    'using System;',
    'using System.Threading.Tasks;',
    ...(x.protocol === 'imap' ? ['using MailKit;'] : []),
    `using MailKit.Net.${ns};`,
    'using MailKit.Security;',
    '',
    `var token = Environment.GetEnvironmentVariable(${s(ENV_TOKEN)});`,
    'if (string.IsNullOrWhiteSpace(token)) token = await SignIn.GetTokenAsync();',
    'token = token.Trim();',
    '',
    `using var client = new ${ns}Client();`,
    `await client.ConnectAsync(Config.Host, Config.Port, SecureSocketOptions.${socket});`,
    `await client.AuthenticateAsync(new ${mechanism}(Config.User, token));`,
  ];
  if (x.protocol === 'imap') {
    out.push(
      '// The verifying step: look the INBOX up and open it read-only (MailKit lists INBOX itself after login).',
      'await client.Inbox.OpenAsync(FolderAccess.ReadOnly);',
      'Console.WriteLine($"Logged in; INBOX has {client.Inbox.Count} messages.");',
    );
  } else if (x.protocol === 'pop3') {
    out.push('var count = await client.GetMessageCountAsync(); // the verifying command: STAT', 'Console.WriteLine($"Logged in; {count} messages.");');
  } else {
    out.push('await client.NoOpAsync(); // the verifying command: NOOP', 'Console.WriteLine("Logged in: the server takes commands.");');
  }
  out.push(
    'await client.DisconnectAsync(true);',
    '',
    'static class Config',
    '{',
    ...sessionConstants(x, { literal: s, list: (items) => `{ ${items.join(', ')} }`, declare: csharpConstant, comment: '    //' }),
    '}',
    '',
    'static class SignIn',
    '{',
    '    public static async Task<string> GetTokenAsync()',
    '    {',
  );
  if (x.flow === 'client-credentials') {
    out.push(
      '        // App-only (client credentials): the secret comes from the environment, never from the code.',
      `        var secret = Environment.GetEnvironmentVariable(${s(ENV_SECRET)})`,
      `            ?? throw new InvalidOperationException(${s(`Set ${ENV_SECRET} to the app registration's client secret, or ${ENV_TOKEN} to a token.`)});`,
      '        var app = Microsoft.Identity.Client.ConfidentialClientApplicationBuilder.Create(Config.ClientId)',
      `            ${authority}`,
      '            .WithClientSecret(secret)',
      '            .Build();',
      '        var result = await app.AcquireTokenForClient(Config.Scopes).ExecuteAsync();',
    );
  } else if (x.flow === 'device-code') {
    out.push(
      `        var app = Microsoft.Identity.Client.PublicClientApplicationBuilder.Create(Config.ClientId)${authority}.Build();`,
      '        var result = await app.AcquireTokenWithDeviceCode(Config.Scopes, code =>',
      '        {',
      '            Console.Error.WriteLine(code.Message);',
      '            return Task.CompletedTask;',
      '        }).ExecuteAsync();',
    );
  } else {
    out.push(
      '        // Authorization code with PKCE in the system browser; the app registration needs the redirect URI',
      '        // http://localhost under "Mobile and desktop applications".',
      '        var app = Microsoft.Identity.Client.PublicClientApplicationBuilder.Create(Config.ClientId)',
      `            ${authority}`,
      '            .WithRedirectUri("http://localhost")',
      '            .Build();',
      '        var result = await app.AcquireTokenInteractive(Config.Scopes).WithUseEmbeddedWebView(false).ExecuteAsync();',
    );
  }
  out.push('        return result.AccessToken;', '    }', '}', '');
  return out.join('\n');
}
