package it.piattaformacasa.cittadino;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's sender (issue 16): every {@code piattaforma.notifiche.intervallo} it claims the notices that are due
 * with {@code FOR UPDATE SKIP LOCKED} (two nodes on one database never take the same row), sends them in one SMTP
 * session, each to the richiedente's confirmed address, and marks them sent in the same transaction. A refused or
 * unreachable server leaves a row to a later attempt, 1, 2, 4 … minutes on (at most 6 hours). A crash after the send
 * and before the commit sends that claim's messages again: at least once, never lost.
 */
@Component
public class InvioNotifiche {

    private static final Logger LOG = LoggerFactory.getLogger(InvioNotifiche.class);
    static final Duration ATTESA_MASSIMA = Duration.ofHours(6);
    private static final int PER_VOLTA = 50;

    private record DaInviare(long id, String oggetto, String testo, int tentativi, String email) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PostaInUscita posta;
    private final boolean attivo;

    InvioNotifiche(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, PostaInUscita posta,
                   @Value("${piattaforma.notifiche.invio-automatico:true}") boolean attivo) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.posta = posta;
        this.attivo = attivo;
    }

    @Scheduled(fixedDelayString = "${piattaforma.notifiche.intervallo:PT15S}", initialDelayString = "${piattaforma.notifiche.intervallo:PT15S}")
    void programmato() {
        if (attivo) {
            try {
                inviaDovute();
            } catch (RuntimeException e) {
                LOG.warn("Invio delle notifiche ai cittadini non riuscito: {}", e.toString());
            }
        }
    }

    /** Sends what is due now; returns how many messages left. */
    public int inviaDovute() {
        return inviaDovute(null);
    }

    /** With {@code via} the messages go through that sender (a test's unreachable server), else the platform's. */
    int inviaDovute(JavaMailSender via) {
        Integer inviate = tx.execute(stato -> {
            Instant adesso = Instant.now(clock);
            List<DaInviare> dovute = jdbc.query("""
                    select n.id, n.oggetto, n.testo, n.tentativi, c.email
                      from notifica n left join cittadino c on c.codice_fiscale = n.codice_fiscale
                     where n.stato = 'DA_INVIARE' and n.prossimo_tentativo_il <= ?
                     order by n.prossimo_tentativo_il, n.id limit ?
                       for update of n skip locked""", (rs, n) -> new DaInviare(rs.getLong(1), rs.getString(2),
                    rs.getString(3), rs.getInt(4), rs.getString(5)), Timestamp.from(adesso), PER_VOLTA);
            List<DaInviare> conIndirizzo = new java.util.ArrayList<>();
            for (DaInviare d : dovute) {
                if (d.email() == null) {
                    // only to a confirmed address: the citizen removed it after the notice was written
                    jdbc.update("update notifica set stato = 'ANNULLATA', ultimo_errore = ? where id = ?",
                            "nessun indirizzo confermato", d.id());
                } else {
                    conIndirizzo.add(d);
                }
            }
            // one SMTP session for the whole claim
            java.util.Map<Integer, Exception> falliti = posta.inviaTutti(via, conIndirizzo.stream()
                    .map(d -> new PostaInUscita.Messaggio(d.email(), d.oggetto(), d.testo())).toList());
            int partite = 0;
            Timestamp inviataIl = Timestamp.from(Instant.now(clock));
            for (int i = 0; i < conIndirizzo.size(); i++) {
                DaInviare d = conIndirizzo.get(i);
                Exception e = falliti.get(i);
                if (e == null) {
                    jdbc.update("update notifica set stato = 'INVIATA', inviata_il = ?, destinatario = ?, tentativi = tentativi + 1, "
                            + "ultimo_errore = null where id = ?", inviataIl, d.email(), d.id());
                    partite++;
                } else {
                    Duration attesa = attesa(d.tentativi() + 1);
                    String errore = String.valueOf(e.getMessage());
                    jdbc.update("update notifica set tentativi = tentativi + 1, prossimo_tentativo_il = ?, ultimo_errore = ? where id = ?",
                            Timestamp.from(adesso.plus(attesa)), errore.length() > 500 ? errore.substring(0, 500) : errore, d.id());
                    LOG.warn("Notifica {} non inviata (tentativo {}), nuovo tentativo tra {}: {}", d.id(), d.tentativi() + 1,
                            attesa, errore);
                }
            }
            return partite;
        });
        return inviate == null ? 0 : inviate;
    }

    /** 1, 2, 4, 8 … minutes after the n-th failure, at most {@link #ATTESA_MASSIMA}. */
    static Duration attesa(int fallimenti) {
        long minuti = 1L << Math.min(Math.max(fallimenti - 1, 0), 20);
        Duration d = Duration.ofMinutes(minuti);
        return d.compareTo(ATTESA_MASSIMA) > 0 ? ATTESA_MASSIMA : d;
    }
}
