import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The fault suite's SMTP server (reliability/run): GreenMail's SMTP server in a process of its own
 * on 127.0.0.1, with a small HTTP control port so the suite can read what arrived and cut SMTP off
 * and on again without losing the mails already received (an outage, not a lost mailbox).
 *
 * <pre>java -cp greenmail.jar:jakarta.mail.jar:... reliability/MailServer.java SMTP_PORT CONTROL_PORT</pre>
 *
 * GET /message-ids: the Message-ID of every mail received, one a line; POST /smtp/stop, /smtp/start.
 */
public class MailServer {

  private static volatile SmtpServer smtp;

  public static void main(String[] args) throws Exception {
    int smtpPort = Integer.parseInt(args[0]);
    int controlPort = Integer.parseInt(args[1]);
    Managers managers = new Managers();
    ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    smtp = start(setup, managers);
    HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", controlPort), 0);
    control.createContext("/message-ids", exchange -> {
      StringBuilder ids = new StringBuilder();
      for (StoredMessage message : managers.getImapHostManager().getAllMessages()) {
        try {
          ids.append(message.getMimeMessage().getMessageID()).append('\n');
        } catch (Exception e) {
          ids.append("unreadable\n");
        }
      }
      reply(exchange, ids.toString());
    });
    control.createContext("/smtp/stop", exchange -> {
      smtp.stopService();
      reply(exchange, "stopped\n");
    });
    control.createContext("/smtp/start", exchange -> {
      try {
        if (!smtp.isRunning()) {
          smtp = start(setup, managers);
        }
        reply(exchange, "started\n");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    control.start();
    System.out.println("[mail] SMTP on 127.0.0.1:" + smtpPort + ", control on 127.0.0.1:" + controlPort);
  }

  private static SmtpServer start(ServerSetup setup, Managers managers) throws InterruptedException {
    SmtpServer server = new SmtpServer(setup, managers);
    server.startService();
    if (!server.waitTillRunning(10_000)) {
      throw new IllegalStateException("SMTP did not start on " + setup.getPort());
    }
    return server;
  }

  private static void reply(com.sun.net.httpserver.HttpExchange exchange, String text) throws java.io.IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
