package it.piattaformacasa.config;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import it.piattaformacasa.cittadino.CasellaDellaDemo;
import it.piattaformacasa.config.database.ModalitaDatabase;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The e-mail to citizens (issue 16). With {@code spring.mail.host} set, Spring Boot's JavaMailSender talks to that
 * server ({@code spring.mail.port}, {@code .username}, {@code .password}, {@code .properties.*}) and nothing here
 * applies. Without it, on the embedded default (embedded database) the platform starts its own SMTP server, GreenMail,
 * on {@code piattaforma.posta.porta} (2525; 0 = any free port) of 127.0.0.1, sends to it, and the administrators see
 * what it received at «Posta della demo». With an external database and no server configured, no mail leaves: the
 * notices wait in the outbox.
 */
@Configuration(proxyBeanMethods = false)
class PostaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PostaConfiguration.class);

    /** Embedded database and no SMTP server configured. */
    static class PostaIncorporata implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String host = context.getEnvironment().getProperty("spring.mail.host");
            return (host == null || host.isBlank())
                    && ModalitaDatabase.from(context.getEnvironment()) == ModalitaDatabase.EMBEDDED;
        }
    }

    @Bean(destroyMethod = "stop")
    @Conditional(PostaIncorporata.class)
    GreenMail serverDiPostaIncorporato(@Value("${piattaforma.posta.porta:2525}") int porta) {
        ServerSetup setup = new ServerSetup(porta, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(porta == 0 ? setup.dynamicPort() : setup);
        server.start();
        LOG.info("Server di posta della demo in ascolto su 127.0.0.1:{} (i messaggi sono nella pagina «Posta della demo»)",
                server.getSmtp().getPort());
        return server;
    }

    @Bean
    @Conditional(PostaIncorporata.class)
    JavaMailSenderImpl mailSender(GreenMail server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        // the name the client gives in EHLO: without it JavaMail looks the host's name up, at every connection
        sender.getJavaMailProperties().put("mail.smtp.localhost", "localhost");
        return sender;
    }

    @Bean
    @Conditional(PostaIncorporata.class)
    CasellaDellaDemo casellaDellaDemo(GreenMail server) {
        return new CasellaDellaDemo() {
            @Override
            public List<Messaggio> messaggi() {
                List<Messaggio> messaggi = new ArrayList<>();
                for (MimeMessage m : server.getReceivedMessages()) {
                    messaggi.add(letto(m));
                }
                messaggi.sort(Comparator.comparing(Messaggio::ricevutoIl, Comparator.nullsLast(Comparator.reverseOrder())));
                return messaggi;
            }

            @Override
            public String indirizzo() {
                return "127.0.0.1:" + server.getSmtp().getPort();
            }
        };
    }

    private static CasellaDellaDemo.Messaggio letto(MimeMessage m) {
        try {
            Address[] a = m.getAllRecipients();
            String destinatari = a == null ? "" : String.join(", ", Arrays.stream(a).map(Address::toString).toList());
            Object contenuto = m.getContent();
            Instant data = m.getSentDate() != null ? m.getSentDate().toInstant()
                    : m.getReceivedDate() != null ? m.getReceivedDate().toInstant() : null;
            return new CasellaDellaDemo.Messaggio(destinatari, m.getSubject(), data,
                    contenuto instanceof String s ? s : String.valueOf(contenuto));
        } catch (MessagingException | IOException e) {
            return new CasellaDellaDemo.Messaggio("?", "messaggio illeggibile: " + e.getMessage(), null, "");
        }
    }
}
