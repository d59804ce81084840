<?php
// PHPMailer (Debian's libphp-phpmailer) sending one message with XOAUTH2 and its SMTP debug output on
// stdout: php phpmailer-debug.php HOST PORT USER DEBUGLEVEL, the token in MAIL_ACCESS_TOKEN.
// Used by test/servers/captureClientLogFixtures.ts.
require getenv('PHPMAILER_AUTOLOAD') ?: '/usr/share/php/libphp-phpmailer/autoload.php';

use PHPMailer\PHPMailer\PHPMailer;
use PHPMailer\PHPMailer\OAuthTokenProvider;

class EnvToken implements OAuthTokenProvider
{
    private $user;
    public function __construct($user) { $this->user = $user; }
    public function getOauth64()
    {
        return base64_encode('user=' . $this->user . "\001auth=Bearer " . getenv('MAIL_ACCESS_TOKEN') . "\001\001");
    }
}

[$self, $host, $port, $user, $level] = $argv;
$mail = new PHPMailer(true);
$mail->isSMTP();
$mail->SMTPDebug = (int) $level;
$mail->Debugoutput = 'echo';
$mail->Host = $host;
$mail->Port = (int) $port;
$mail->SMTPAuth = true;
$mail->SMTPAutoTLS = false;
$mail->SMTPSecure = '';
$mail->AuthType = 'XOAUTH2';
$mail->setOAuth(new EnvToken($user));
$mail->Timeout = 10;
$mail->setFrom($user);
$mail->addAddress($user);
$mail->Subject = 'test';
$mail->Body = 'test';
try {
    $mail->send();
    echo "Message sent\n";
} catch (Exception $e) {
    echo 'Mailer Error: ' . $mail->ErrorInfo . "\n";
    exit(1);
}
