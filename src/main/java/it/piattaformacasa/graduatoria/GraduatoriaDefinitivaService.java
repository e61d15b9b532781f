package it.piattaformacasa.graduatoria;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/**
 * The life of a definitive graduatoria (processes/graduatoria-definitiva.bpmn): ripescaggio, alloggi freed after a
 * sgombero, closure by scorrimento (art. 15 co. 4 bis). The database state stays the source of truth for the API;
 * the requests check it and send the process a message, and the process steps change it, all in one transaction.
 * Each request first locks the graduatoria's row, so a ripescaggio and a closure of the same graduatoria, or two
 * ripescaggi, wait for each other instead of failing on the engine's optimistic locking.
 */
@Service
public class GraduatoriaDefinitivaService {

    private static final Logger LOG = LoggerFactory.getLogger(GraduatoriaDefinitivaService.class);

    private final GraduatoriaRepository graduatorie;
    private final GraduatoriaDefinitivaProcesso processo;
    private final AvvisoService avvisi;
    private final UtenteCorrente utente;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    GraduatoriaDefinitivaService(GraduatoriaRepository graduatorie, GraduatoriaDefinitivaProcesso processo, AvvisoService avvisi,
                                 UtenteCorrente utente, JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.graduatorie = graduatorie;
        this.processo = processo;
        this.avvisi = avvisi;
        this.utente = utente;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    // ---- requests (API): check, then a message to the graduatoria's process

    /** «RIPESCAGGIO» by the ente's Gestione Avviso operators (seed 000): DEFINITIVA → RIPESCAGGIO in the process. */
    @Transactional
    public Graduatoria richiediRipescaggio(long graduatoriaId) {
        Graduatoria graduatoria = bloccata(graduatoriaId);
        if (!puoGestireRipescaggio(graduatoria)) {
            throw new AccessoNegatoException("Il ripescaggio lo avviano gli operatori di " + graduatoria.getEnte().getRagioneSociale()
                    + " con la gestione avviso");
        }
        graduatoria.verificaRipescaggio();
        conProcesso(graduatoriaId);
        processo.richiediRipescaggio(graduatoriaId, utente.username());
        return graduatoria;
    }

    /** An alloggio of the ente freed after a sgombero, made assignable in the ripescaggio (seed 000, «ALLOGGI LIBERI»). */
    @Transactional
    public void segnalaAlloggioLibero(long graduatoriaId, long alloggioId, String tipologiaRiscaldamento, BigDecimal spese) {
        Graduatoria graduatoria = bloccata(graduatoriaId);
        if (!puoGestireRipescaggio(graduatoria)) {
            throw rifiutoAlloggiLiberi(graduatoria);
        }
        if (graduatoria.getStato() != Graduatoria.Stato.RIPESCAGGIO) {
            throw new ConflittoException("Gli alloggi liberati dopo uno sgombero si assegnano nel ripescaggio: la graduatoria "
                    + graduatoriaId + " è " + graduatoria.getStato());
        }
        conProcesso(graduatoriaId);
        processo.alloggioLiberato(graduatoriaId, alloggioId, tipologiaRiscaldamento, spese);
    }

    /**
     * Whether the caller asks for this graduatoria's ripescaggio and adds its alloggi liberi: the ente's Gestione Avviso
     * operators (seed 000). The two requests apply it; the console asks it to show their buttons only to them.
     */
    public boolean puoGestireRipescaggio(Graduatoria graduatoria) {
        return utente.entiGestioneAvviso().contains(graduatoria.getEnte().getId());
    }

    /**
     * The alloggi {@link #segnalaAlloggioLibero} would accept for this graduatoria now (the ente's free units in its
     * comune, not already in the avviso), for whoever may add them; 403 for anyone else, as the request.
     */
    @Transactional(readOnly = true)
    public List<AvvisoService.AlloggioSelezionabile> alloggiLiberiAggiungibili(long graduatoriaId) {
        Graduatoria graduatoria = visibile(perProcesso(graduatoriaId));
        if (!puoGestireRipescaggio(graduatoria)) {
            throw rifiutoAlloggiLiberi(graduatoria);
        }
        return avvisi.alloggiLiberiAggiungibili(graduatoria.getAvviso().getId(), graduatoria.getEnte().getId(),
                graduatoria.getComune().getId());
    }

    private static AccessoNegatoException rifiutoAlloggiLiberi(Graduatoria graduatoria) {
        return new AccessoNegatoException("Gli alloggi liberi li rende disponibili " + graduatoria.getEnte().getRagioneSociale()
                + " (gestione avviso)");
    }

    /**
     * {@code nuova} just became DEFINITIVA (in the caller's transaction): its process starts, and the process of every
     * earlier graduatoria of the same ambito, ente and comune still in use receives the message that closes it (art. 15
     * co. 4 bis, «scorrimento»). Their rows are locked first, in id order.
     */
    @Transactional
    public void diventataDefinitiva(Graduatoria nuova) {
        processo.avvia(nuova.getId());
        List<Long> precedenti = jdbc.queryForList("""
                select g.id from graduatoria g join avviso a on a.id = g.avviso_id, avviso nuovo
                 where nuovo.id = ? and a.ambito_id = nuovo.ambito_id and a.id <> nuovo.id
                   and (a.chiusura, a.id) < (nuovo.chiusura, nuovo.id) and g.ente_id = ? and g.comune_id = ?
                   and g.stato in ('DEFINITIVA', 'RIPESCAGGIO')
                 order by g.id for update of g""", Long.class, nuova.getAvviso().getId(), nuova.getEnte().getId(),
                nuova.getComune().getId());
        for (long precedente : precedenti) {
            conProcesso(precedente);
            processo.successivaDefinitiva(precedente, nuova.getId());
        }
        if (!precedenti.isEmpty()) {
            LOG.info("Graduatoria {} definitiva: graduatorie precedenti dello stesso ente e comune chiuse {} (art. 15 co. 4 bis)",
                    nuova.getId(), precedenti);
        }
    }

    // ---- process steps (graduatoria.process): the state changes

    @Transactional
    public void avviaRipescaggio(long graduatoriaId, String operatore) {
        perProcesso(graduatoriaId).avviaRipescaggio(operatore, Instant.now(clock));
    }

    @Transactional
    public void mettiADisposizioneAlloggioLibero(long graduatoriaId, long alloggioId, String tipologiaRiscaldamento,
                                                 BigDecimal spese) {
        Graduatoria graduatoria = perProcesso(graduatoriaId);
        avvisi.aggiungiAlloggioLibero(graduatoria.getAvviso().getId(), alloggioId, graduatoria.getEnte().getId(),
                graduatoria.getComune().getId(), tipologiaRiscaldamento, spese);
    }

    @Transactional
    public void chiudiPerScorrimento(long graduatoriaId, long successiva) {
        perProcesso(graduatoriaId).chiudiPerScorrimento(successiva, Instant.now(clock));
    }

    /** What the process's gateway reads at start: the graduatoria's state, never a copy of it. */
    @Transactional(readOnly = true)
    public Graduatoria.Stato stato(long graduatoriaId) {
        return perProcesso(graduatoriaId).getStato();
    }

    // ---- start-up

    /**
     * Every graduatoria DEFINITIVA or RIPESCAGGIO gets its process once: those that became definitive before the
     * process existed, or whose start was interrupted. One transaction per graduatoria, under the lock of its row and
     * after checking again, so an interrupted run or two nodes starting together start nothing twice.
     *
     * @return how many processes were started
     */
    public int avviaProcessiMancanti() {
        Set<Long> inCorso = processo.inCorso();
        List<Long> senza = jdbc.queryForList("select id from graduatoria where stato in ('DEFINITIVA', 'RIPESCAGGIO') order by id",
                Long.class).stream().filter(id -> !inCorso.contains(id)).toList();
        int avviati = 0;
        for (long id : senza) {
            if (Boolean.TRUE.equals(tx.execute(stato -> avviaSeManca(id)))) {
                avviati++;
            }
        }
        if (avviati > 0) {
            LOG.info("Avviati {} processi di graduatorie definitive o in ripescaggio che non l'avevano", avviati);
        }
        return avviati;
    }

    private boolean avviaSeManca(long graduatoriaId) {
        String stato = jdbc.query("select stato from graduatoria where id = ? for update", rs -> rs.next() ? rs.getString(1) : null,
                graduatoriaId);
        boolean inUso = Graduatoria.Stato.DEFINITIVA.name().equals(stato) || Graduatoria.Stato.RIPESCAGGIO.name().equals(stato);
        if (!inUso || processo.inCorso(graduatoriaId)) {
            return false;
        }
        processo.avvia(graduatoriaId);
        return true;
    }

    /**
     * A graduatoria in use whose process is missing (the start-up alignment has not reached it yet, e.g. while another
     * node starts) gets it now, beginning where its state says, before the message. The caller holds the row lock.
     */
    private void conProcesso(long graduatoriaId) {
        if (!processo.inCorso(graduatoriaId)) {
            LOG.warn("Graduatoria {} in uso senza il suo processo: avviato ora", graduatoriaId);
            processo.avvia(graduatoriaId);
        }
    }

    /** Locked before it is read, so the state checked is the one the process step will see. */
    private Graduatoria bloccata(long graduatoriaId) {
        jdbc.query("select id from graduatoria where id = ? for update", rs -> null, graduatoriaId);
        return visibile(perProcesso(graduatoriaId));
    }

    private Graduatoria visibile(Graduatoria graduatoria) {
        if (!utente.puoVedereEnte(graduatoria.getEnte().getId())) {
            throw new AccessoNegatoException("La graduatoria " + graduatoria.getId() + " è di " + graduatoria.getEnte().getRagioneSociale()
                    + ": solo i suoi operatori possono consultarla");
        }
        return graduatoria;
    }

    private Graduatoria perProcesso(long graduatoriaId) {
        return graduatorie.findById(graduatoriaId)
                .orElseThrow(() -> new NonTrovatoException("Graduatoria " + graduatoriaId + " non trovata"));
    }
}
