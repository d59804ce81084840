// nodemailer sending one message with XOAUTH2 (an access token, no refresh) and its own logger on
// (`logger: true, debug: true`, printed to stdout): node nodemailerDebug.js HOST PORT USER, the token in
// MAIL_ACCESS_TOKEN. Used by test/servers/captureClientLogFixtures.ts.
import * as nodemailer from 'nodemailer';

async function main(): Promise<void> {
  const [host, port, user] = process.argv.slice(2);
  const transport = nodemailer.createTransport({
    host,
    port: Number(port),
    secure: false,
    ignoreTLS: true,
    logger: true,
    debug: true,
    connectionTimeout: 10_000,
    auth: { type: 'OAuth2', user, accessToken: process.env.MAIL_ACCESS_TOKEN },
  });
  const info = await transport.sendMail({ from: user, to: user, subject: 'test', text: 'test' });
  console.log(`Message sent: ${info.response}`);
}

main().catch((e: unknown) => {
  console.log(`Error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
