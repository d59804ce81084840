// Java: MSAL4J to sign in, Jakarta Mail for IMAP, POP3 and SMTP (XOAUTH2: Jakarta Mail has no OAUTHBEARER).
import { javaString as s } from './literals';
import { ConstantType, ENV_SECRET, ENV_TOKEN, isMicrosoftAuthority, sessionConstants, SnippetSession, VERIFY_COMMAND } from './session';

export const JAVA_CLASS = 'MailLogin';

const JAVA_TYPE: Record<ConstantType, string> = { string: 'String', int: 'int', 'string[]': 'String[]' };

export function javaProgram(x: SnippetSession): string {
  const p = x.protocol;
  const validate = isMicrosoftAuthority(x.authority) ? '' : '.validateAuthority(false)';
  const out: string[] = [
    `// Logs in to ${p.toUpperCase()} with ${x.mechanism} and runs ${VERIFY_COMMAND[p]}, as the verified session did.`,
    `// Made by Mail OAuth Debugger. Java 11+ with Jakarta Mail 2 (jakarta.mail) and, for the sign-in, MSAL4J`,
    '// (com.microsoft.azure:msal4j). Save as MailLogin.java.',
    `// With ${ENV_TOKEN} set, the program uses that token and does not sign in: the SignIn class, the only one`,
    '// that uses MSAL4J, is then never loaded, so MSAL4J need not be on the class path at run time.',
    'import jakarta.mail.Folder;',
    'import jakarta.mail.Session;',
    p === 'smtp' ? 'import jakarta.mail.Transport;' : 'import jakarta.mail.Store;',
    'import java.util.Properties;',
    '',
    `public class ${JAVA_CLASS} {`,
    ...sessionConstants(x, { literal: s, list: (items) => `{ ${items.join(', ')} }`, declare: (name, type, value) => `    static final ${JAVA_TYPE[type]} ${name} = ${value};`, comment: '    //' }),
    '',
    '    public static void main(String[] args) throws Exception {',
    `        String token = System.getenv(${s(ENV_TOKEN)});`,
    '        token = token == null || token.isBlank() ? SignIn.getToken() : token.trim();',
    '',
    '        Properties props = new Properties();',
    `        props.put("mail.${p}.auth.mechanisms", "XOAUTH2"); // the token is passed as the password`,
    ...(p === 'smtp' ? ['        props.put("mail.smtp.auth", "true");'] : []),
    ...(x.security === 'tls' ? [`        props.put("mail.${p}.ssl.enable", "true");`] : []),
    ...(x.security === 'starttls' ? [`        props.put("mail.${p}.starttls.enable", "true");`, `        props.put("mail.${p}.starttls.required", "true");`] : []),
    ...(x.security !== 'none' ? [`        props.put("mail.${p}.ssl.checkserveridentity", "true");`] : []),
    '        Session session = Session.getInstance(props);',
  ];
  if (p === 'smtp') {
    out.push(
      '        Transport transport = session.getTransport("smtp");',
      '        transport.connect(HOST, PORT, USER, token);',
      '        // The verifying command: isConnected() sends NOOP.',
      '        System.out.println(transport.isConnected() ? "Logged in: the server takes commands." : "The server closed the session.");',
      '        transport.close();',
    );
  } else {
    out.push(`        Store store = session.getStore("${p}");`, '        store.connect(HOST, PORT, USER, token);', '        Folder inbox = store.getFolder("INBOX");');
    if (p === 'imap') out.push('        // The verifying command: exists() sends LIST "" "INBOX".', '        System.out.println("Logged in; INBOX " + (inbox.exists() ? "exists." : "is missing."));');
    else
      out.push(
        '        inbox.open(Folder.READ_ONLY);',
        '        // The verifying command: the message count comes from STAT.',
        '        System.out.println("Logged in; " + inbox.getMessageCount() + " messages.");',
        '        inbox.close(false);',
      );
    out.push('        store.close();');
  }
  out.push(
    '    }',
    '',
    '    static final class SignIn {',
    '        static String getToken() throws Exception {',
    '            java.util.Set<String> scopes = new java.util.HashSet<>(java.util.Arrays.asList(SCOPES));',
  );
  if (x.flow === 'client-credentials') {
    out.push(
      '            // App-only (client credentials): the secret comes from the environment, never from the code.',
      `            String secret = System.getenv(${s(ENV_SECRET)});`,
      `            if (secret == null) throw new IllegalStateException(${s(`Set ${ENV_SECRET} to the app registration's client secret, or ${ENV_TOKEN} to a token.`)});`,
      '            com.microsoft.aad.msal4j.ConfidentialClientApplication app = com.microsoft.aad.msal4j.ConfidentialClientApplication',
      '                .builder(CLIENT_ID, com.microsoft.aad.msal4j.ClientCredentialFactory.createFromSecret(secret))',
      `                .authority(AUTHORITY)${validate}`,
      '                .build();',
      '            return app.acquireToken(com.microsoft.aad.msal4j.ClientCredentialParameters.builder(scopes).build()).get().accessToken();',
    );
  } else {
    out.push(
      '            com.microsoft.aad.msal4j.PublicClientApplication app = com.microsoft.aad.msal4j.PublicClientApplication',
      `                .builder(CLIENT_ID).authority(AUTHORITY)${validate}.build();`,
    );
    if (x.flow === 'device-code') {
      out.push(
        '            return app.acquireToken(com.microsoft.aad.msal4j.DeviceCodeFlowParameters',
        '                .builder(scopes, code -> System.err.println(code.message())).build()).get().accessToken();',
      );
    } else {
      out.push(
        '            // Authorization code with PKCE in the system browser; the app registration needs the redirect URI',
        '            // http://localhost under "Mobile and desktop applications".',
        '            return app.acquireToken(com.microsoft.aad.msal4j.InteractiveRequestParameters',
        '                .builder(new java.net.URI("http://localhost")).scopes(scopes).build()).get().accessToken();',
      );
    }
  }
  out.push('        }', '    }', '}', '');
  return out.join('\n');
}
