package it.piattaformacasa.cittadino;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.Termini;
import it.piattaformacasa.graduatoria.Graduatoria;

/**
 * «Before each deadline that concerns them» (issue 16): a scan, on the platform's clock (so the demo clock triggers it
 * too), that writes a reminder to the outbox when a deadline of a richiedente with a confirmed address is near:
 * <ul>
 *   <li>the 15-day rettifica window of a provisional graduatoria they are in (art. 12), {@link #GIORNI_RETTIFICA} days
 *       before its last day, unless they already asked for a rettifica;</li>
 *   <li>the 30 days to sign the contratto of the alloggio assigned to them (art. 25), {@link #GIORNI_CONTRATTO} days
 *       before its last day, while it is not signed.</li>
 * </ul>
 * Each reminder has its key: written once, however many scans and nodes see it.
 */
@Component
public class PromemoriaScadenze {

    public static final int GIORNI_RETTIFICA = 3;
    public static final int GIORNI_CONTRATTO = 5;
    private static final Logger LOG = LoggerFactory.getLogger(PromemoriaScadenze.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final NotificheService notifiche;
    private final boolean attivo;

    PromemoriaScadenze(JdbcTemplate jdbc, Clock clock, NotificheService notifiche,
                       @Value("${piattaforma.notifiche.invio-automatico:true}") boolean attivo) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.notifiche = notifiche;
        this.attivo = attivo;
    }

    @Scheduled(fixedDelayString = "${piattaforma.notifiche.promemoria:PT2M}", initialDelayString = "PT1M")
    void programmato() {
        if (attivo) {
            try {
                scrivi();
            } catch (RuntimeException e) {
                LOG.warn("Promemoria ai cittadini non scritti: {}", e.toString());
            }
        }
    }

    /** Writes the reminders due today (Rome, platform clock); returns how many were new. */
    @Transactional
    public int scrivi() {
        LocalDate oggi = Termini.oggi(clock);
        List<NotificheService.Nuova> nuove = new ArrayList<>();
        // the last day of the window is pubblicata_il + 15 (Graduatoria#ultimoGiornoRettifiche); reminded from 3 days before it
        nuove.addAll(jdbc.query("""
                select d.id, d.richiedente_cf, g.id, g.pubblicata_il + ?
                  from graduatoria g join graduatoria_riga r on r.graduatoria_id = g.id
                  join domanda d on d.id = r.domanda_id
                  join cittadino c on c.codice_fiscale = d.richiedente_cf and c.email is not null
                 where g.stato = 'PROVVISORIA' and g.pubblicata_il is not null
                   and ? between g.pubblicata_il + ? - ? and g.pubblicata_il + ?
                   and not exists (select 1 from rettifica_invalidita ri where ri.graduatoria_id = g.id and ri.domanda_id = d.id)""",
                (rs, n) -> new NotificheService.Nuova(rs.getString(2), rs.getLong(1), "PROMEMORIA_RETTIFICA",
                        "PROMEMORIA_RETTIFICA:g" + rs.getLong(3) + ":d" + rs.getLong(1),
                        "Domanda n. " + rs.getLong(1) + ": la rettifica si può chiedere fino al "
                                + ItalianFormats.data(rs.getDate(4).toLocalDate()),
                        "Ti ricordiamo che fino al " + ItalianFormats.data(rs.getDate(4).toLocalDate()) + " compreso puoi "
                                + "chiedere la rettifica del punteggio della tua domanda n. " + rs.getLong(1) + " se un "
                                + "componente del nucleo ha un'invalidità civile non considerata nella graduatoria provvisoria."
                                + "\n\nDettagli: " + notifiche.link(rs.getLong(1))),
                Graduatoria.GIORNI_RETTIFICHE, Date.valueOf(oggi), Graduatoria.GIORNI_RETTIFICHE, GIORNI_RETTIFICA,
                Graduatoria.GIORNI_RETTIFICHE));
        nuove.addAll(jdbc.query("""
                select d.id, d.richiedente_cf, s.id, s.assegnata_il from assegnazione s
                  join domanda d on d.id = s.domanda_id
                  join cittadino c on c.codice_fiscale = d.richiedente_cf and c.email is not null
                 where s.stato = 'ASSEGNATA' and s.assegnata_il > ?::date - 40""",
                (rs, n) -> {
                    LocalDate ultimo = NotificheService.ultimoGiornoContratto(rs.getTimestamp(4).toInstant());
                    if (oggi.isBefore(ultimo.minusDays(GIORNI_CONTRATTO)) || oggi.isAfter(ultimo)) {
                        return null;
                    }
                    return new NotificheService.Nuova(rs.getString(2), rs.getLong(1), "PROMEMORIA_CONTRATTO",
                            "PROMEMORIA_CONTRATTO:a" + rs.getLong(3),
                            "Domanda n. " + rs.getLong(1) + ": il contratto va firmato entro il " + ItalianFormats.data(ultimo),
                            "Ti ricordiamo che il contratto di locazione dell'alloggio assegnato con la tua domanda n. "
                                    + rs.getLong(1) + " va firmato entro il " + ItalianFormats.data(ultimo) + " (30 giorni "
                                    + "dall'assegnazione, art. 25). Se non l'hai ancora fatto, contatta l'ente proprietario."
                                    + "\n\nDettagli: " + notifiche.link(rs.getLong(1)));
                }, Date.valueOf(oggi)).stream().filter(java.util.Objects::nonNull).toList());
        return notifiche.scrivi(nuove);
    }
}
