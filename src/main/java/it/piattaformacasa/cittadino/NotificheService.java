package it.piattaformacasa.cittadino;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.CambioDiStato;
import it.piattaformacasa.assegnazione.ContrattoService;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.Termini;
import it.piattaformacasa.graduatoria.Graduatoria;

import jakarta.persistence.EntityManager;

/**
 * The outbox of the e-mails to citizens (issue 16, «be told»). A {@link CambioDiStato} published by a module is turned
 * here, synchronously and inside the publisher's transaction, into rows of {@code notifica}: the notice commits with
 * the change or not at all, and {@link InvioNotifiche} sends it afterwards. Rows are written only for domande that
 * exist and only for richiedenti with a confirmed address; the unique {@code chiave} (event + what it concerns +
 * domanda) makes every notice exist once, whatever repeats the event.
 */
@Service
public class NotificheService {

    /** One notice about to be written. */
    record Nuova(String codiceFiscale, long domandaId, String evento, String chiave, String oggetto, String testo) {
    }

    private static final String SALUTO = "Gentile cittadina, gentile cittadino,\n\n";
    private static final String FIRMA = "\n\nQuesto messaggio è inviato automaticamente dalla Piattaforma Casa all'indirizzo "
            + "che hai confermato: non rispondere a questo indirizzo.\nPer non ricevere più messaggi, togli l'indirizzo "
            + "nella pagina «I miei dati».";

    /** Who has a confirmed address: only they are written to. */
    private static final String CONFERMATO = " join cittadino c on c.codice_fiscale = d.richiedente_cf and c.email is not null ";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final EntityManager entityManager;
    private final String indirizzoBase;

    NotificheService(JdbcTemplate jdbc, Clock clock, EntityManager entityManager,
                     @Value("${piattaforma.cittadini.indirizzo-base:http://localhost:${server.port:8080}}") String indirizzoBase) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.entityManager = entityManager;
        this.indirizzoBase = indirizzoBase.endsWith("/") ? indirizzoBase.substring(0, indirizzoBase.length() - 1) : indirizzoBase;
    }

    /**
     * In the publisher's transaction (MANDATORY: a change of state outside a transaction is a defect, never a notice
     * without its change). The modules change some rows through JPA: flushed first, so the queries below see them.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void cambioDiStato(CambioDiStato cambio) {
        entityManager.flush();
        long id = cambio.id();
        List<Nuova> nuove = switch (cambio.evento()) {
            case DOMANDA_PRESENTATA -> jdbc.query("select d.id, d.richiedente_cf, d.presentata_il, a.titolo from domanda d"
                    + " join avviso a on a.id = d.avviso_id" + CONFERMATO + "where d.id = ?", (rs, n) -> new Nuova(rs.getString(2),
                    rs.getLong(1), "DOMANDA_PRESENTATA", "DOMANDA_PRESENTATA:d" + rs.getLong(1),
                    "Domanda n. " + rs.getLong(1) + " presentata",
                    "la tua domanda n. " + rs.getLong(1) + " per l'avviso «" + rs.getString(4) + "» è stata presentata il "
                            + ItalianFormats.dataOra(rs.getTimestamp(3).toInstant()) + ".\n\nPuoi seguirla qui: "
                            + link(rs.getLong(1))), id);
            case GRADUATORIA_PROVVISORIA -> jdbc.query("""
                    select d.id, d.richiedente_cf, r.posizione, g.pubblicata_il, co.nome, e.ragione_sociale, r.isbar
                      from graduatoria_riga r join graduatoria g on g.id = r.graduatoria_id
                      join comune co on co.id = g.comune_id join ente_proprietario e on e.id = g.ente_id
                      join domanda d on d.id = r.domanda_id""" + CONFERMATO + "where r.graduatoria_id = ?",
                    (rs, n) -> {
                        LocalDate ultimo = Termini.ultimoGiorno(rs.getDate(4).toLocalDate(), Graduatoria.GIORNI_RETTIFICHE);
                        return new Nuova(rs.getString(2), rs.getLong(1), "GRADUATORIA_PROVVISORIA",
                                "GRADUATORIA_PROVVISORIA:g" + id + ":d" + rs.getLong(1),
                                "Domanda n. " + rs.getLong(1) + ": pubblicata la graduatoria provvisoria",
                                "è stata pubblicata la graduatoria provvisoria di " + rs.getString(6) + " per il comune di "
                                        + rs.getString(5) + ". La tua domanda n. " + rs.getLong(1) + " è in posizione "
                                        + rs.getInt(3) + " con ISBAR " + ItalianFormats.decimale(rs.getBigDecimal(7), 3)
                                        + ".\n\nSe un componente del nucleo ha un'invalidità civile non considerata, puoi "
                                        + "chiedere la rettifica del punteggio fino al " + ItalianFormats.data(ultimo)
                                        + " compreso.\n\nDettagli: " + link(rs.getLong(1)));
                    }, id);
            case GRADUATORIA_DEFINITIVA -> jdbc.query("""
                    select d.id, d.richiedente_cf, r.posizione, co.nome, e.ragione_sociale, r.isbar
                      from graduatoria_riga r join graduatoria g on g.id = r.graduatoria_id
                      join comune co on co.id = g.comune_id join ente_proprietario e on e.id = g.ente_id
                      join domanda d on d.id = r.domanda_id""" + CONFERMATO + "where r.graduatoria_id = ?",
                    (rs, n) -> new Nuova(rs.getString(2), rs.getLong(1), "GRADUATORIA_DEFINITIVA",
                            "GRADUATORIA_DEFINITIVA:g" + id + ":d" + rs.getLong(1),
                            "Domanda n. " + rs.getLong(1) + ": la graduatoria è definitiva",
                            "la graduatoria di " + rs.getString(5) + " per il comune di " + rs.getString(4)
                                    + " è diventata definitiva. La tua domanda n. " + rs.getLong(1) + " è in posizione "
                                    + rs.getInt(3) + " con ISBAR " + ItalianFormats.decimale(rs.getBigDecimal(6), 3)
                                    + ".\n\nDettagli: " + link(rs.getLong(1))), id);
            case RETTIFICA_DECISA -> jdbc.query("select d.id, d.richiedente_cf, r.stato, r.isbar_dopo from rettifica_invalidita r"
                    + " join domanda d on d.id = r.domanda_id" + CONFERMATO + "where r.id = ?",
                    (rs, n) -> new Nuova(rs.getString(2), rs.getLong(1), "RETTIFICA_DECISA", "RETTIFICA_DECISA:r" + id,
                            "Domanda n. " + rs.getLong(1) + ": decisa la richiesta di rettifica",
                            esitoRettifica(rs.getString(3), rs.getBigDecimal(4)) + "\n\nDettagli: " + link(rs.getLong(1))), id);
            case ISTRUTTORIA_AVVIATA -> jdbc.query("select d.id, d.richiedente_cf, e.ragione_sociale from istruttoria i"
                    + " join ente_proprietario e on e.id = i.ente_id join domanda d on d.id = i.domanda_id" + CONFERMATO
                    + "where i.id = ?", (rs, n) -> new Nuova(rs.getString(2), rs.getLong(1), "ISTRUTTORIA_AVVIATA",
                    "ISTRUTTORIA_AVVIATA:i" + id, "Domanda n. " + rs.getLong(1) + ": avviata l'istruttoria",
                    rs.getString(3) + " ha avviato l'istruttoria della tua domanda n. " + rs.getLong(1) + ": verifica i "
                            + "requisiti e i dati dichiarati prima di proporre un alloggio. L'ente potrebbe contattarti "
                            + "per chiedere documenti.\n\nDettagli: " + link(rs.getLong(1))), id);
            case ISTRUTTORIA_CONCLUSA -> jdbc.query("select d.id, d.richiedente_cf, e.ragione_sociale, i.stato from istruttoria i"
                    + " join ente_proprietario e on e.id = i.ente_id join domanda d on d.id = i.domanda_id" + CONFERMATO
                    + "where i.id = ?", (rs, n) -> new Nuova(rs.getString(2), rs.getLong(1), "ISTRUTTORIA_CONCLUSA",
                    "ISTRUTTORIA_CONCLUSA:i" + id, "Domanda n. " + rs.getLong(1) + ": conclusa l'istruttoria",
                    rs.getString(3) + " ha concluso l'istruttoria della tua domanda n. " + rs.getLong(1) + ": "
                            + esitoIstruttoria(rs.getString(4)) + "\n\nDettagli: " + link(rs.getLong(1))), id);
            case ALLOGGIO_ASSEGNATO -> jdbc.query("""
                    select d.id, d.richiedente_cf, e.ragione_sociale, al.indirizzo, co.nome, s.assegnata_il
                      from assegnazione s join ente_proprietario e on e.id = s.ente_id
                      join alloggio al on al.id = s.alloggio_id join comune co on co.id = al.comune_id
                      join domanda d on d.id = s.domanda_id""" + CONFERMATO + "where s.id = ?",
                    (rs, n) -> new Nuova(rs.getString(2), rs.getLong(1), "ALLOGGIO_ASSEGNATO", "ALLOGGIO_ASSEGNATO:a" + id,
                            "Domanda n. " + rs.getLong(1) + ": ti è stato assegnato un alloggio",
                            rs.getString(3) + " ti propone l'alloggio in " + rs.getString(4) + ", " + rs.getString(5)
                                    + ". Il contratto va firmato entro il "
                                    + ItalianFormats.data(ultimoGiornoContratto(rs.getTimestamp(6).toInstant()))
                                    + " (30 giorni dall'assegnazione, art. 25): l'ente ti contatterà per la firma."
                                    + "\n\nDettagli: " + link(rs.getLong(1))), id);
            case CONTRATTO_REGISTRATO -> jdbc.query("""
                    select d.id, d.richiedente_cf, e.ragione_sociale, k.decorrenza
                      from assegnazione s join ente_proprietario e on e.id = s.ente_id
                      join contratto k on k.assegnazione_id = s.id
                      join domanda d on d.id = s.domanda_id""" + CONFERMATO + "where s.id = ?",
                    (rs, n) -> new Nuova(rs.getString(2), rs.getLong(1), "CONTRATTO_REGISTRATO", "CONTRATTO_REGISTRATO:a" + id,
                            "Domanda n. " + rs.getLong(1) + ": contratto registrato",
                            rs.getString(3) + " ha registrato il contratto di locazione dell'alloggio assegnato con la "
                                    + "tua domanda n. " + rs.getLong(1) + ", con decorrenza dal "
                                    + ItalianFormats.data(rs.getDate(4).toLocalDate()) + ".\n\nDettagli: "
                                    + link(rs.getLong(1))), id);
        };
        scrivi(nuove);
    }

    /** Art. 25: 30 days from the assignment, the last one whole (Rome). */
    static LocalDate ultimoGiornoContratto(Instant assegnata) {
        return Termini.ultimoGiorno(Termini.giorno(assegnata), (int) ContrattoService.TERMINE_CONTRATTO.toDays());
    }

    private static String esitoRettifica(String stato, BigDecimal isbarDopo) {
        String isbar = isbarDopo == null ? "" : " Il nuovo ISBAR è " + ItalianFormats.decimale(isbarDopo, 3)
                + ": la posizione aggiornata sarà nella graduatoria definitiva.";
        return switch (stato) {
            case "ACCOLTA" -> "la richiesta di rettifica del punteggio per invalidità civile è stata accolta." + isbar;
            case "ACCOLTA_SILENZIO_ASSENSO" -> "la richiesta di rettifica del punteggio per invalidità civile è accolta per "
                    + "silenzio-assenso: l'ente non ha deciso entro 15 giorni." + isbar;
            default -> "la richiesta di rettifica del punteggio per invalidità civile è stata respinta. La motivazione è "
                    + "nella pagina della domanda.";
        };
    }

    private static String esitoIstruttoria(String stato) {
        return switch (stato) {
            case "ASSEGNATA" -> "esito positivo, ti è stato assegnato un alloggio (riceverai un messaggio con la proposta).";
            case "NON_AMMISSIBILE" -> "la domanda non è risultata ammissibile presso questo ente. La motivazione è nella "
                    + "pagina della domanda.";
            case "CHIUSA_ASSEGNATA_ALTROVE" -> "chiusa perché il nucleo ha ricevuto un alloggio da un altro ente.";
            case "RICALCOLATA" -> "alcuni dati sono stati corretti e il punteggio è stato ricalcolato.";
            default -> "l'esito è nella pagina della domanda.";
        };
    }

    String link(long domandaId) {
        return indirizzoBase + "/cittadino/domande/" + domandaId;
    }

    /** Written once: a notice with the same key already there (a repeated event, a second scan) is left as it is. */
    int scrivi(List<Nuova> nuove) {
        if (nuove.isEmpty()) {
            return 0;
        }
        Timestamp adesso = Timestamp.from(Instant.now(clock));
        List<Object[]> righe = new ArrayList<>();
        for (Nuova n : nuove) {
            righe.add(new Object[] {n.codiceFiscale(), n.domandaId(), n.evento(), n.chiave(), n.oggetto(),
                    SALUTO + n.testo() + FIRMA, adesso, adesso});
        }
        int[] scritte = jdbc.batchUpdate("""
                insert into notifica (codice_fiscale, domanda_id, evento, chiave, oggetto, testo, creata_il, prossimo_tentativo_il)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (chiave) do nothing""", righe);
        int totale = 0;
        for (int s : scritte) {
            totale += Math.max(s, 0);
        }
        return totale;
    }

    /** A notice as the citizen sees it among their data. */
    public record Notifica(long id, long domandaId, String evento, String oggetto, String testo, Instant creataIl,
                           String stato, Instant inviataIl, String destinatario) {
    }

    /** The notices written for a citizen, newest first. */
    @Transactional(readOnly = true)
    public List<Notifica> di(String codiceFiscale) {
        return jdbc.query("""
                select id, domanda_id, evento, oggetto, testo, creata_il, stato, inviata_il, destinatario from notifica
                 where codice_fiscale = ? order by creata_il desc, id desc""", (rs, n) -> new Notifica(rs.getLong(1),
                rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                rs.getString(7), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9)),
                codiceFiscale);
    }
}
