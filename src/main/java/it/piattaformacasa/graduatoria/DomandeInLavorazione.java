package it.piattaformacasa.graduatoria;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.common.Termini;

/**
 * The operators' «in lavorazione» list (seed 000: «ricerca la domanda accedendo alle aree IN LAVORAZIONE o TUTTE LE
 * DOMANDE»): the domande of an avviso with an open piece of work at one of the operator's enti, who has taken it in
 * charge and by when it must be decided. Today the open work is a rettifica per invalidità civile; the istruttoria
 * joins the same list.
 */
@Component
public class DomandeInLavorazione {

    public enum Lavorazione { RETTIFICA_INVALIDITA, ISTRUTTORIA }

    /** VERDE more than 3 days left (or no legal deadline), GIALLO 0–3 days, ROSSO past the deadline. */
    public enum Semaforo { VERDE, GIALLO, ROSSO }

    public record DomandaInLavorazione(long domandaId, String richiedente, BigDecimal isbar, BigDecimal isbarDiLavoro,
                                       Lavorazione lavorazione, long lavorazioneId, long graduatoriaId, long enteId,
                                       String ente, LocalDate apertaIl, LocalDate scadenza, Long giorniRimasti,
                                       Semaforo semaforo, String inCaricoA) {

        /** Work without a legal deadline (the istruttoria): always VERDE. */
        public static DomandaInLavorazione senzaScadenza(long domandaId, String richiedente, BigDecimal isbar,
                                                         BigDecimal isbarDiLavoro, Lavorazione lavorazione, long lavorazioneId,
                                                         long graduatoriaId, long enteId, String ente, LocalDate apertaIl,
                                                         String inCaricoA) {
            return new DomandaInLavorazione(domandaId, richiedente, isbar, isbarDiLavoro, lavorazione, lavorazioneId,
                    graduatoriaId, enteId, ente, apertaIl, null, null, Semaforo.VERDE, inCaricoA);
        }
    }

    private static final int GIORNI_PREAVVISO = 3;

    private final JdbcTemplate jdbc;
    private final RettificaProcesso processo;
    private final UtenteCorrente utente;
    private final Clock clock;
    private final List<LavorazioniAperte> altre;

    DomandeInLavorazione(JdbcTemplate jdbc, RettificaProcesso processo, UtenteCorrente utente, Clock clock,
                         List<LavorazioniAperte> altre) {
        this.jdbc = jdbc;
        this.processo = processo;
        this.utente = utente;
        this.clock = clock;
        this.altre = altre;
    }

    /** Oldest first; an operator sees only the work of its own enti, supervisors see all; optionally one domanda. */
    @Transactional(readOnly = true)
    public List<DomandaInLavorazione> elenco(long avvisoId, Long domandaId) {
        boolean tutti = utente.vedeTuttiGliEnti();
        if (!tutti && utente.entiAbilitati().isEmpty()) {
            return List.of();
        }
        Set<Long> enti = tutti ? null : utente.entiAbilitati();
        List<DomandaInLavorazione> elenco = new ArrayList<>(rettifiche(avvisoId, enti, domandaId));
        altre.forEach(fonte -> elenco.addAll(fonte.aperte(avvisoId, enti, domandaId)));
        elenco.sort(Comparator.comparing(DomandaInLavorazione::apertaIl).thenComparing(DomandaInLavorazione::lavorazioneId));
        return elenco;
    }

    private List<DomandaInLavorazione> rettifiche(long avvisoId, Set<Long> enti, Long domandaId) {
        boolean tutti = enti == null;
        StringBuilder sql = new StringBuilder("""
                select r.id, r.domanda_id, d.richiedente_cf, d.isbar, coalesce(d.isbar_lavoro, d.isbar) as isbar_lavoro,
                       r.graduatoria_id, r.ente_id, e.ragione_sociale, r.richiesta_il
                  from rettifica_invalidita r
                  join graduatoria g on g.id = r.graduatoria_id
                  join domanda d on d.id = r.domanda_id
                  join ente_proprietario e on e.id = r.ente_id
                 where g.avviso_id = ? and r.stato = 'RICHIESTA'""");
        List<Object> parametri = new ArrayList<>(List.of(avvisoId));
        if (!tutti) {
            sql.append(" and r.ente_id = any (?)");
            parametri.add(enti.toArray(new Long[0]));
        }
        if (domandaId != null) {
            sql.append(" and r.domanda_id = ?");
            parametri.add(domandaId);
        }
        sql.append(" order by r.richiesta_il, r.id");
        record Riga(long id, long domanda, String richiedente, BigDecimal isbar, BigDecimal isbarLavoro, long graduatoria,
                    long ente, String nomeEnte, LocalDate richiestaIl) {
        }
        List<Riga> righe = jdbc.query(sql.toString(), (rs, n) -> new Riga(rs.getLong("id"), rs.getLong("domanda_id"),
                rs.getString("richiedente_cf"), rs.getBigDecimal("isbar"), rs.getBigDecimal("isbar_lavoro"),
                rs.getLong("graduatoria_id"), rs.getLong("ente_id"), rs.getString("ragione_sociale"),
                rs.getObject("richiesta_il", LocalDate.class)), parametri.toArray());
        Map<Long, String> inCarico = processo.inCaricoA(righe.stream().map(Riga::id).toList());
        LocalDate oggi = Termini.oggi(clock);
        return righe.stream().map(r -> {
            LocalDate scadenza = Termini.ultimoGiorno(r.richiestaIl(), RettificaService.GIORNI_PER_DECIDERE);
            long rimasti = ChronoUnit.DAYS.between(oggi, scadenza);
            return new DomandaInLavorazione(r.domanda(), r.richiedente(), r.isbar(), r.isbarLavoro(),
                    Lavorazione.RETTIFICA_INVALIDITA, r.id(), r.graduatoria(), r.ente(), r.nomeEnte(), r.richiestaIl(),
                    scadenza, rimasti, semaforo(rimasti), inCarico.get(r.id()));
        }).toList();
    }

    static Semaforo semaforo(long giorniRimasti) {
        return giorniRimasti < 0 ? Semaforo.ROSSO : giorniRimasti <= GIORNI_PREAVVISO ? Semaforo.GIALLO : Semaforo.VERDE;
    }
}
