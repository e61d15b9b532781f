package it.piattaformacasa.assegnazione;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.CambioDiStato;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.common.TestoSicuro;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.domanda.DomandaService;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Istruttoria of a domanda by an ente (seed 000 «ISTRUTTORIE», art. 15): an operator with Istruttoria domande of the
 * ente starts it on a domanda of its DEFINITIVA graduatoria («prendi in carico» → «avvia istruttoria»); «Verifica
 * istruttoria» ends it as admissible with the alloggio assigned, with corrected data and a recomputed score that can
 * only go down (the domanda can be taken again), or not admissible with reasons (excluded at this ente). Several enti may
 * instruct the same domanda at once; the first assignment wins and closes the others.
 */
@Service
public class IstruttoriaService {

    public enum Stato { IN_CORSO, ASSEGNATA, NON_AMMISSIBILE, RICALCOLATA, CHIUSA_ASSEGNATA_ALTROVE }

    /** The three outcomes of «Verifica istruttoria» (seed 000). */
    public enum Esito { AMMISSIBILE, RICALCOLO, NON_AMMISSIBILE }

    public record Istruttoria(long id, long graduatoriaId, long enteId, String ente, long domandaId, Stato stato,
                              Instant avviataIl, String avviataDa, Instant chiusaIl, String chiusaDa, String note,
                              Long alloggioId, BigDecimal isbarPrima, BigDecimal isbarDopo) {
    }

    private final JdbcTemplate jdbc;
    private final GraduatoriaService graduatorie;
    private final DomandaService domande;
    private final IstruttoriaProcesso processo;
    private final ContrattoService contratti;
    private final OrdineAssegnazioneService ordini;
    private final UtenteCorrente utente;
    private final Clock clock;

    /** Issue 16: the richiedente is told when an ente starts and ends an istruttoria (see {@link CambioDiStato}). */
    private final ApplicationEventPublisher eventi;

    IstruttoriaService(JdbcTemplate jdbc, GraduatoriaService graduatorie, DomandaService domande, IstruttoriaProcesso processo,
                       ContrattoService contratti, OrdineAssegnazioneService ordini, UtenteCorrente utente, Clock clock,
                       ApplicationEventPublisher eventi) {
        this.eventi = eventi;
        this.jdbc = jdbc;
        this.ordini = ordini;
        this.contratti = contratti;
        this.graduatorie = graduatorie;
        this.domande = domande;
        this.processo = processo;
        this.utente = utente;
        this.clock = clock;
    }

    /** «Avvia istruttoria»: the task «Verifica istruttoria» is created already in charge of the caller. */
    @Transactional
    public Istruttoria avvia(long graduatoriaId, long domandaId) {
        Graduatoria graduatoria = graduatorie.graduatoria(graduatoriaId);
        long enteId = graduatoria.getEnte().getId();
        if (!utente.entiIstruttoria().contains(enteId)) {
            throw new AccessoNegatoException("L'istruttoria la avviano gli operatori di " + graduatoria.getEnte().getRagioneSociale()
                    + " abilitati all'istruttoria delle domande");
        }
        if (!graduatoria.assegnabile()) {
            throw new ConflittoException("L'istruttoria si avvia sulla graduatoria definitiva: la graduatoria " + graduatoriaId
                    + " è " + graduatoria.getStato());
        }
        Integer inGraduatoria = jdbc.queryForObject("select count(*) from graduatoria_riga where graduatoria_id = ? and domanda_id = ?",
                Integer.class, graduatoriaId, domandaId);
        if (inGraduatoria == null || inGraduatoria == 0) {
            throw DatiNonValidiException.campo("domandaId", "la domanda " + domandaId + " non è in questa graduatoria");
        }
        assegnazioneDi(domandaId).ifPresent(ente -> {
            throw new ConflittoException("Il nucleo della domanda " + domandaId + " ha già un alloggio assegnato da " + ente
                    + ": l'istruttoria non è più possibile");
        });
        Integer esclusa = jdbc.queryForObject("select count(*) from istruttoria where domanda_id = ? and ente_id = ? "
                + "and stato = 'NON_AMMISSIBILE'", Integer.class, domandaId, enteId);
        if (esclusa != null && esclusa > 0) {
            throw new ConflittoException("La domanda " + domandaId + " è stata dichiarata non ammissibile da "
                    + graduatoria.getEnte().getRagioneSociale() + ": l'alloggio non le è assegnabile presso questo ente");
        }
        Instant adesso = Instant.now(clock);
        long id;
        try {
            id = jdbc.queryForObject("""
                    insert into istruttoria (graduatoria_id, ente_id, domanda_id, stato, avviata_il, avviata_da)
                    values (?, ?, ?, 'IN_CORSO', ?, ?) returning id""", Long.class,
                    graduatoriaId, enteId, domandaId, Timestamp.from(adesso), utente.username());
        } catch (DataIntegrityViolationException e) {
            throw new ConflittoException("La domanda " + domandaId + " è già in istruttoria presso "
                    + graduatoria.getEnte().getRagioneSociale());
        }
        processo.avvia(id, graduatoria.getEnte().getCodiceFiscale().valore(), utente.username());
        eventi.publishEvent(new CambioDiStato(CambioDiStato.Evento.ISTRUTTORIA_AVVIATA, id));
        return istruttoria(id);
    }

    /** «Verifica istruttoria» from the API: completes the engine task, whose step records the outcome. */
    @Transactional
    public Istruttoria verifica(long istruttoriaId, Esito esito, Long alloggioId, String note, String motivoFuoriOrdine,
                                DomandaService.Correzione correzione) {
        bloccaNucleo(istruttoriaId);
        Istruttoria istruttoria = istruttoria(istruttoriaId);
        if (!utente.entiIstruttoria().contains(istruttoria.enteId())) {
            throw new AccessoNegatoException("L'istruttoria " + istruttoriaId + " è di " + istruttoria.ente()
                    + ": solo i suoi operatori abilitati all'istruttoria possono verificarla");
        }
        if (istruttoria.stato() != Stato.IN_CORSO) {
            throw conclusa(istruttoria);
        }
        Map<String, Object> campi = new HashMap<>();
        campi.put("esito", esito == null ? null : esito.name());
        campi.put("alloggioId", alloggioId);
        campi.put("note", note);
        campi.put("motivoFuoriOrdine", motivoFuoriOrdine);
        if (correzione != null) {
            campi.put("iseeCorretto", correzione.isee() == null ? null : correzione.isee().valore());
            campi.put("condizioniCorrette", correzione.condizioni() == null ? null : String.join(",",
                    correzione.condizioni().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted().toList()));
            campi.put("residenteLombardiaDalCorretto", correzione.residenteLombardiaDal() == null ? null
                    : correzione.residenteLombardiaDal().toString());
            campi.put("residenteComuneDalCorretto", correzione.residenteComuneDal() == null ? null
                    : correzione.residenteComuneDal().toString());
        }
        processo.completaVerifica(istruttoriaId, utente.username(), campi);
        return istruttoria(istruttoriaId);
    }

    /**
     * The outcome, from the process step after «Verifica istruttoria» (same transaction as the task's completion, so
     * a refusal rolls the completion back). Admissible: the alloggio must be one the nucleo chose among this ente's
     * units in the graduatoria's comune; the unique keys of {@code assegnazione} let only one ente assign a nucleo.
     */
    @Transactional
    public void registraVerifica(long istruttoriaId, String esito, Long alloggioId, String note, String motivoFuoriOrdine,
                                 DomandaService.Correzione correzione, String operatore) {
        bloccaNucleo(istruttoriaId);
        Istruttoria istruttoria = caricata(istruttoriaId);
        if (istruttoria.stato() != Stato.IN_CORSO) {
            throw conclusa(istruttoria);
        }
        testoLibero("note", note);
        testoLibero("motivoFuoriOrdine", motivoFuoriOrdine);
        Instant adesso = Instant.now(clock);
        if (Esito.NON_AMMISSIBILE.name().equals(esito)) {
            if (note == null || note.isBlank()) {
                throw DatiNonValidiException.campo("note", "indicare perché la domanda non è ammissibile");
            }
            chiudi(istruttoriaId, Stato.NON_AMMISSIBILE, adesso, operatore, note, null);
            return;
        }
        if (Esito.RICALCOLO.name().equals(esito)) {
            if (correzione == null || correzione.isee() == null && correzione.condizioni() == null
                    && correzione.residenteLombardiaDal() == null && correzione.residenteComuneDal() == null) {
                throw DatiNonValidiException.campo("correzione", "indicare i dati corretti (ISEE, condizioni, residenza)");
            }
            DomandaService.Ricalcolo ricalcolo = domande.ricalcolaPerIstruttoria(istruttoria.domandaId(), correzione);
            chiudi(istruttoriaId, Stato.RICALCOLATA, adesso, operatore, note, null);
            jdbc.update("update istruttoria set isbar_prima = ?, isbar_dopo = ? where id = ?", ricalcolo.prima().valore(),
                    ricalcolo.dopo().valore(), istruttoriaId);
            return;
        }
        if (!Esito.AMMISSIBILE.name().equals(esito)) {
            throw DatiNonValidiException.campo("esito", "AMMISSIBILE, RICALCOLO o NON_AMMISSIBILE");
        }
        if (alloggioId == null) {
            throw DatiNonValidiException.campo("alloggioId", "indicare l'alloggio da assegnare");
        }
        // first round: one of the alloggi the nucleo asked of this ente in this comune; ripescaggio: any alloggio of
        // this ente in the comune that is in the avviso (published or freed after a sgombero)
        boolean ripescaggio = graduatorie.perProcesso(istruttoria.graduatoriaId()).getStato() == Graduatoria.Stato.RIPESCAGGIO;
        Integer ammesso = jdbc.queryForObject(ripescaggio ? """
                select count(*) from alloggio_in_avviso aa
                  join alloggio a on a.id = aa.alloggio_id
                  join graduatoria g on g.id = ? and g.avviso_id = aa.avviso_id
                  join domanda d on d.id = ?
                 where aa.alloggio_id = ? and a.ente_id = g.ente_id and a.comune_id = g.comune_id""" : """
                select count(*) from domanda_alloggio da
                  join alloggio a on a.id = da.alloggio_id
                  join graduatoria g on g.id = ?
                 where da.domanda_id = ? and da.alloggio_id = ? and a.ente_id = g.ente_id and a.comune_id = g.comune_id""",
                Integer.class, istruttoria.graduatoriaId(), istruttoria.domandaId(), alloggioId);
        if (ammesso == null || ammesso == 0) {
            throw DatiNonValidiException.campo("alloggioId", ripescaggio
                    ? "l'alloggio " + alloggioId + " non è un alloggio di " + istruttoria.ente() + " in questo avviso e comune"
                    : "l'alloggio " + alloggioId + " non è tra quelli che il nucleo ha chiesto a " + istruttoria.ente()
                            + " in questo comune");
        }
        // the reserves are counted and used up under the lock of the ente's year in that comune (always after the
        // nucleo's lock): two assignments of different nuclei cannot both take the last unit of a quota
        jdbc.queryForList("""
                select p.id from piano_riserve p join graduatoria g on g.ente_id = p.ente_id and g.comune_id = p.comune_id
                 where g.id = ? and p.anno = extract(year from now() at time zone 'Europe/Rome') for update of p""",
                Long.class, istruttoria.graduatoriaId());
        // art. 15: the proposed order decides; out of order only with a recorded reason
        OrdineAssegnazioneService.OrdineAssegnazione ordine = ordini.perAssegnazione(istruttoria.graduatoriaId());
        OrdineAssegnazioneService.Proposta proposta = ordine.ordine().stream()
                .filter(p -> p.domandaId() == istruttoria.domandaId()).findFirst()
                .orElseThrow(() -> new ConflittoException("La domanda " + istruttoria.domandaId() + " non è più in attesa di un "
                        + "alloggio in questa graduatoria"));
        OrdineAssegnazioneService.Proposta prossima = ordine.ordine().get(0);
        boolean inOrdine = prossima.domandaId() == istruttoria.domandaId();
        if (!inOrdine && (motivoFuoriOrdine == null || motivoFuoriOrdine.isBlank())) {
            throw DatiNonValidiException.campo("motivoFuoriOrdine", "la domanda non è la prossima nell'ordine dell'art. 15 "
                    + "(prossima: domanda " + prossima.domandaId() + ", gruppo " + prossima.gruppo() + "): indicare il motivo");
        }
        String riserva = proposta.gruppo() <= 2 ? "INDIGENTI" : proposta.gruppo() == 3 ? "CATEGORIE" : null;
        Map<String, Object> forze = jdbc.queryForMap("select a.tipo, d.corpo_appartenenza from domanda d "
                + "join avviso a on a.id = d.avviso_id where d.id = ?", istruttoria.domandaId());
        if ("FORZE_POLIZIA".equals(forze.get("tipo"))) {
            // art. 7 bis / 7 ter: the dedicated avviso's units count against the police quotas, up to the quota
            boolean locale = "POLIZIA_LOCALE".equals(forze.get("corpo_appartenenza"));
            riserva = locale ? "POLIZIA_LOCALE" : "FORZE_POLIZIA";
            int quota = locale ? ordine.riserve().poliziaLocale() : ordine.riserve().forzePolizia();
            int usate = locale ? ordine.assegnatiPoliziaLocale() : ordine.assegnatiForzePolizia();
            if (usate >= quota) {
                throw new ConflittoException("La quota dell'anno per " + (locale ? "la Polizia Locale (art. 7 ter)"
                        : "le Forze di Polizia, VVF e Forze Armate (art. 7 bis)") + " è esaurita: " + usate + " su " + quota);
            }
        }
        try {
            jdbc.update("""
                    insert into assegnazione (avviso_id, domanda_id, alloggio_id, ente_id, istruttoria_id, assegnata_il, assegnata_da,
                                              gruppo, riserva, fuori_ordine_motivo)
                    select d.avviso_id, d.id, ?, ?, ?, ?, ?, ?, ?, ? from domanda d where d.id = ?""",
                    alloggioId, istruttoria.enteId(), istruttoriaId, Timestamp.from(adesso), operatore, proposta.gruppo(), riserva,
                    inOrdine ? null : motivoFuoriOrdine, istruttoria.domandaId());
        } catch (DataIntegrityViolationException e) {
            // the transaction is aborted: the message comes from the violated key, not from another query
            throw new ConflittoException(String.valueOf(e.getMessage()).contains("assegnazione_domanda_id_key")
                    ? "Il nucleo della domanda " + istruttoria.domandaId() + " ha già ricevuto un alloggio da un altro ente"
                    : "L'alloggio " + alloggioId + " è già assegnato a un altro nucleo in questo avviso");
        }
        chiudi(istruttoriaId, Stato.ASSEGNATA, adesso, operatore, note, alloggioId);
        Long assegnazione = jdbc.queryForObject("select id from assegnazione where istruttoria_id = ?", Long.class, istruttoriaId);
        contratti.avvia(assegnazione, istruttoria.enteId());
        // the other enti's istruttorie of this nucleo end by themselves
        for (Long altra : jdbc.queryForList("select id from istruttoria where domanda_id = ? and stato = 'IN_CORSO' and id <> ?",
                Long.class, istruttoria.domandaId(), istruttoriaId)) {
            chiudi(altra, Stato.CHIUSA_ASSEGNATA_ALTROVE, adesso, "sistema",
                    "Nucleo assegnatario di un alloggio di " + istruttoria.ente(), null);
            processo.chiudiPerAssegnazioneAltrove(altra);
        }
    }

    /**
     * Verifications of the same nucleo run one at a time, whichever ente and path (API or Tasklist): the domanda's row
     * is locked until commit, so the second one reads the first one's outcome (its istruttoria closed) instead of
     * racing it. One lock, always taken first: no deadlock.
     */
    private void bloccaNucleo(long istruttoriaId) {
        List<Long> domanda = jdbc.queryForList("select d.id from domanda d join istruttoria i on i.domanda_id = d.id "
                + "where i.id = ? for update of d", Long.class, istruttoriaId);
        if (domanda.isEmpty()) {
            throw new NonTrovatoException("Istruttoria " + istruttoriaId + " non trovata");
        }
    }

    /** Notes and reasons fit their column whatever path they came by (the API, Tasklist's form). */
    private static void testoLibero(String campo, String testo) {
        if (testo == null) {
            return;
        }
        if (testo.length() > 2000) {
            throw DatiNonValidiException.campo(campo, "al più 2000 caratteri");
        }
        TestoSicuro.problema(testo, true).ifPresent(p -> {
            throw DatiNonValidiException.campo(campo, "il testo " + p);
        });
    }

    private ConflittoException conclusa(Istruttoria istruttoria) {
        if (istruttoria.stato() == Stato.CHIUSA_ASSEGNATA_ALTROVE) {
            return new ConflittoException("Il nucleo della domanda " + istruttoria.domandaId() + " ha già ricevuto un alloggio da "
                    + assegnazioneDi(istruttoria.domandaId()).orElse("un altro ente") + ": l'istruttoria " + istruttoria.id()
                    + " si è chiusa");
        }
        return new ConflittoException("L'istruttoria " + istruttoria.id() + " è conclusa (" + istruttoria.stato() + ")");
    }

    /** Which enti have instructed or are instructing the domanda: every ente sees who holds it. */
    @Transactional(readOnly = true)
    public List<Istruttoria> diDomanda(long domandaId) {
        domande.domanda(domandaId); // 404 for an operator of an ente the domanda did not choose
        return jdbc.query(SELEZIONE + " where i.domanda_id = ? order by i.id", (rs, n) -> riga(rs), domandaId);
    }

    /** 404 for an operator of another ente. */
    @Transactional(readOnly = true)
    public Istruttoria istruttoria(long id) {
        Istruttoria istruttoria = caricata(id);
        if (!utente.puoVedereEnte(istruttoria.enteId())) {
            throw new NonTrovatoException("Istruttoria " + id + " non trovata");
        }
        return istruttoria;
    }

    /** The istruttoria as «Verifica istruttoria» names it in Tasklist; empty if it is not there. */
    @Transactional(readOnly = true)
    public Optional<PraticaInBreve> inBreve(long istruttoriaId) {
        return jdbc.query("""
                select e.ragione_sociale, c.nome, a.titolo, i.domanda_id, i.graduatoria_id
                  from istruttoria i join ente_proprietario e on e.id = i.ente_id
                  join graduatoria g on g.id = i.graduatoria_id join comune c on c.id = g.comune_id
                  join avviso a on a.id = g.avviso_id
                 where i.id = ?""", (rs, n) -> new PraticaInBreve(rs.getString("ragione_sociale"), rs.getString("nome"),
                rs.getString("titolo"), "Domanda n. " + rs.getLong("domanda_id") + ", graduatoria n. "
                        + rs.getLong("graduatoria_id"),
                "domanda n. " + rs.getLong("domanda_id")).conPagina("/domande/" + rs.getLong("domanda_id")), istruttoriaId)
                .stream().findFirst();
    }

    /** Without the caller's visibility: the process step may run for a Tasklist user outside the API's security. */
    private Istruttoria caricata(long id) {
        try {
            return jdbc.queryForObject(SELEZIONE + " where i.id = ?", (rs, n) -> riga(rs), id);
        } catch (EmptyResultDataAccessException e) {
            throw new NonTrovatoException("Istruttoria " + id + " non trovata");
        }
    }

    private static final String SELEZIONE = """
            select i.id, i.graduatoria_id, i.ente_id, e.ragione_sociale, i.domanda_id, i.stato, i.avviata_il, i.avviata_da,
                   i.chiusa_il, i.chiusa_da, i.note, i.alloggio_id, i.isbar_prima, i.isbar_dopo
              from istruttoria i join ente_proprietario e on e.id = i.ente_id""";

    private static Istruttoria riga(ResultSet rs) throws SQLException {
        Timestamp chiusa = rs.getTimestamp("chiusa_il");
        return new Istruttoria(rs.getLong("id"), rs.getLong("graduatoria_id"), rs.getLong("ente_id"),
                rs.getString("ragione_sociale"), rs.getLong("domanda_id"), Stato.valueOf(rs.getString("stato")),
                rs.getTimestamp("avviata_il").toInstant(), rs.getString("avviata_da"), chiusa == null ? null : chiusa.toInstant(),
                rs.getString("chiusa_da"), rs.getString("note"), (Long) rs.getObject("alloggio_id"),
                rs.getBigDecimal("isbar_prima"), rs.getBigDecimal("isbar_dopo"));
    }

    private void chiudi(long id, Stato stato, Instant quando, String chi, String note, Long alloggioId) {
        jdbc.update("update istruttoria set stato = ?, chiusa_il = ?, chiusa_da = ?, note = ?, alloggio_id = ? where id = ?",
                stato.name(), Timestamp.from(quando), chi, note, alloggioId, id);
        eventi.publishEvent(new CambioDiStato(CambioDiStato.Evento.ISTRUTTORIA_CONCLUSA, id));
    }

    private Optional<String> assegnazioneDi(long domandaId) {
        return jdbc.query("select e.ragione_sociale from assegnazione a join ente_proprietario e on e.id = a.ente_id "
                + "where a.domanda_id = ? and a.stato <> 'RINUNCIATA'", (rs, n) -> rs.getString(1), domandaId).stream().findFirst();
    }
}
