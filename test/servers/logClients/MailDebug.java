import jakarta.mail.*;
import jakarta.mail.internet.*;
import java.util.Properties;

public class MailDebug {
  public static void main(String[] a) throws Exception {
    String proto = a[0], host = a[1], port = a[2], user = a[3];
    boolean authTrace = a.length > 4 && a[4].equals("auth");
    String token = System.getenv("MAIL_ACCESS_TOKEN");
    Properties p = new Properties();
    p.put("mail.debug", "true");
    if (authTrace) p.put("mail.debug.auth", "true");
    p.put("mail." + proto + ".host", host);
    p.put("mail." + proto + ".port", port);
    p.put("mail." + proto + ".auth.mechanisms", "XOAUTH2");
    p.put("mail." + proto + ".connectiontimeout", "10000");
    p.put("mail." + proto + ".timeout", "10000");
    if (proto.equals("smtp")) p.put("mail.smtp.auth", "true");
    Session s = Session.getInstance(p);
    try {
      if (proto.equals("imap")) {
        Store st = s.getStore("imap");
        st.connect(host, Integer.parseInt(port), user, token);
        Folder f = st.getFolder("INBOX");
        f.open(Folder.READ_ONLY);
        System.out.println("INBOX messages: " + f.getMessageCount());
        f.close(false);
        st.close();
      } else {
        MimeMessage m = new MimeMessage(s);
        m.setFrom(new InternetAddress(user));
        m.setRecipients(Message.RecipientType.TO, user);
        m.setSubject("test");
        m.setText("test");
        Transport t = s.getTransport("smtp");
        t.connect(host, Integer.parseInt(port), user, token);
        t.sendMessage(m, m.getAllRecipients());
        t.close();
      }
    } catch (MessagingException e) {
      System.out.println(e);
      System.exit(1);
    }
  }
}
