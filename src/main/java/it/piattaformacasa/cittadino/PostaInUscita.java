package it.piattaformacasa.cittadino;

import java.time.Clock;
import java.util.Date;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The SMTP client of the citizens' side: Spring's {@link JavaMailSender}, towards the server configured with
 * {@code spring.mail.host} or, on the embedded default, the platform's own (see PostaConfiguration). With neither, no
 * mail leaves: the notices wait in the outbox and every attempt records why.
 */
@Component
public class PostaInUscita {

    private final ObjectProvider<JavaMailSender> mittenti;
    private final String mittente;
    private final Clock clock;

    PostaInUscita(ObjectProvider<JavaMailSender> mittenti, Clock clock,
                  @Value("${piattaforma.cittadini.mittente:Piattaforma Casa <noreply@piattaformacasa.local>}") String mittente) {
        this.mittenti = mittenti;
        this.mittente = mittente;
        this.clock = clock;
    }

    /** Sends one plain-text message; throws (MailException) if the server refuses it or cannot be reached. */
    public void invia(String a, String oggetto, String testo) {
        JavaMailSender sender = mittenti.getIfAvailable();
        if (sender == null) {
            throw new MailSendException("nessun server di posta configurato (spring.mail.host)");
        }
        invia(sender, a, oggetto, testo);
    }

    void invia(JavaMailSender sender, String a, String oggetto, String testo) {
        sender.send(messaggio(a, oggetto, testo));
    }

    /** One message to send in a batch. */
    public record Messaggio(String a, String oggetto, String testo) {
    }

    /**
     * Sends several messages over one connection (a new SMTP session per message costs more than the message); returns
     * what failed, by position, with the reason. A server that cannot be reached fails them all.
     */
    public java.util.Map<Integer, Exception> inviaTutti(JavaMailSender via, java.util.List<Messaggio> messaggi) {
        JavaMailSender sender = via != null ? via : mittenti.getIfAvailable();
        java.util.Map<Integer, Exception> falliti = new java.util.LinkedHashMap<>();
        if (messaggi.isEmpty()) {
            return falliti;
        }
        if (sender == null) {
            MailSendException e = new MailSendException("nessun server di posta configurato (spring.mail.host)");
            for (int i = 0; i < messaggi.size(); i++) {
                falliti.put(i, e);
            }
            return falliti;
        }
        SimpleMailMessage[] pronti = messaggi.stream().map(m -> messaggio(m.a(), m.oggetto(), m.testo()))
                .toArray(SimpleMailMessage[]::new);
        try {
            sender.send(pronti);
        } catch (MailSendException e) {
            java.util.Map<Object, Exception> perMessaggio = e.getFailedMessages();
            for (int i = 0; i < pronti.length; i++) {
                Exception errore = perMessaggio.get(pronti[i]);
                if (errore != null) {
                    falliti.put(i, errore);
                }
            }
            if (falliti.isEmpty()) {
                // no detail per message (the connection itself failed): none of them left
                for (int i = 0; i < pronti.length; i++) {
                    falliti.put(i, e);
                }
            }
        } catch (RuntimeException e) {
            for (int i = 0; i < pronti.length; i++) {
                falliti.put(i, e);
            }
        }
        return falliti;
    }

    private SimpleMailMessage messaggio(String a, String oggetto, String testo) {
        SimpleMailMessage messaggio = new SimpleMailMessage();
        messaggio.setFrom(mittente);
        messaggio.setTo(a);
        messaggio.setSubject(oggetto);
        messaggio.setText(testo);
        // the platform's time, as every date in the message (the demo clock may be ahead)
        messaggio.setSentDate(Date.from(clock.instant()));
        return messaggio;
    }
}
