package it.piattaformacasa.graduatoria;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.CambioDiStato;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.GiaEsistenteException;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.common.Termini;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.domanda.DomandaService;
import it.piattaformacasa.domanda.DomandeDelCittadino;

/**
 * Rettifica del punteggio per invalidità civile (seed 000, art. 12): registered by the ente within 15 days of the
 * provisional graduatoria's publication, decided within 15 days of the request (silence means acceptance).
 */
@Service
public class RettificaService {

    public record Richiesta(long domandaId, String codiceFiscaleComponente, int percentualeInvalidita,
                            boolean indennitaAccompagnamento, boolean handicapGrave) {
    }

    /** The ente decides within 15 whole days of the request (Termini); after that the request is accepted as made. */
    public static final int GIORNI_PER_DECIDERE = 15;

    private final RettificaInvaliditaRepository rettifiche;
    private final GraduatoriaService graduatorie;
    private final DomandaService domande;
    private final RettificaProcesso processo;
    private final UtenteCorrente utente;
    private final Clock clock;
    private final DomandeDelCittadino domandeDelCittadino;

    /** Issue 16: the richiedente is told of the decision, in its transaction (see {@link CambioDiStato}). */
    private final ApplicationEventPublisher eventi;

    RettificaService(RettificaInvaliditaRepository rettifiche, GraduatoriaService graduatorie, DomandaService domande,
                     RettificaProcesso processo, UtenteCorrente utente, Clock clock, DomandeDelCittadino domandeDelCittadino,
                     ApplicationEventPublisher eventi) {
        this.domandeDelCittadino = domandeDelCittadino;
        this.eventi = eventi;
        this.rettifiche = rettifiche;
        this.graduatorie = graduatorie;
        this.domande = domande;
        this.processo = processo;
        this.utente = utente;
        this.clock = clock;
    }

    @Transactional
    public RettificaInvalidita registra(long graduatoriaId, Richiesta richiesta) {
        Graduatoria graduatoria = graduatorie.graduatoria(graduatoriaId);
        // seeing the ente is not enough: a provincial reader sees it and changes nothing (seed 004)
        if (utente.soloLettura() || !utente.entiAbilitati().contains(graduatoria.getEnte().getId())) {
            throw new AccessoNegatoException("Le richieste di rettifica si registrano presso l'ente: solo gli operatori di "
                    + graduatoria.getEnte().getRagioneSociale() + " possono registrarle");
        }
        return registra(graduatoria, richiesta, false);
    }

    /**
     * Issue 16: the citizen asks the rettifica online, on their own domanda (the richiedente's codice fiscale, from the
     * identity), at the ente of one of the graduatorie that rank it. The same checks (window, provisional list, member
     * of the nucleo, one request per ente) and the same process for the ente as a request registered at its desk.
     */
    @Transactional
    public RettificaInvalidita richiediDalCittadino(long graduatoriaId, Richiesta richiesta, CodiceFiscale cittadino) {
        domandeDelCittadino.verifica(richiesta.domandaId(), cittadino);
        Graduatoria graduatoria = graduatorie.perIlCittadino(graduatoriaId, richiesta.domandaId())
                .orElseThrow(() -> DatiNonValidiException.campo("graduatoriaId",
                        "la domanda non è in questa graduatoria"));
        return registra(graduatoria, richiesta, true);
    }

    /** The rettifiche asked for the citizen's own domanda (404 for anybody else's). */
    @Transactional(readOnly = true)
    public List<RettificaInvalidita> delCittadino(long domandaId, CodiceFiscale cittadino) {
        domandeDelCittadino.verifica(domandaId, cittadino);
        return rettifiche.findByDomandaIdOrderById(domandaId);
    }

    private RettificaInvalidita registra(Graduatoria graduatoria, Richiesta richiesta, boolean dalCittadino) {
        long graduatoriaId = graduatoria.getId();
        if (graduatoria.getPubblicataIl() == null) {
            throw new ConflittoException("La graduatoria provvisoria " + graduatoriaId + " non è ancora pubblicata");
        }
        // the whole 15th day counts (Termini); the list cannot be DEFINITIVA before it ends, checked anyway
        LocalDate oggi = Termini.oggi(clock);
        LocalDate ultimoGiorno = graduatoria.ultimoGiornoRettifiche();
        if (oggi.isAfter(ultimoGiorno)) {
            throw new ConflittoException("Richiesta fuori termine: la rettifica per invalidità civile si chiede entro "
                    + Graduatoria.GIORNI_RETTIFICHE + " giorni dalla pubblicazione della graduatoria provvisoria del "
                    + ItalianFormats.data(graduatoria.getPubblicataIl()) + " (ultimo giorno " + ItalianFormats.data(ultimoGiorno) + ")");
        }
        if (graduatoria.getStato() != Graduatoria.Stato.PROVVISORIA) {
            throw new ConflittoException("La graduatoria " + graduatoriaId + " è già " + graduatoria.getStato()
                    + ": le rettifiche per invalidità civile si chiedono sulla graduatoria provvisoria");
        }
        GraduatoriaService.Riga riga = graduatorie.rigaSenzaVerifica(graduatoriaId, richiesta.domandaId())
                .orElseThrow(() -> DatiNonValidiException.campo("domandaId",
                        "la domanda " + richiesta.domandaId() + " non è in questa graduatoria"));
        String componente = richiesta.codiceFiscaleComponente().strip().toUpperCase(Locale.ROOT);
        if (!domande.haComponente(richiesta.domandaId(), componente)) {
            throw DatiNonValidiException.campo("codiceFiscaleComponente",
                    "non è un componente del nucleo della domanda " + richiesta.domandaId());
        }
        if (rettifiche.existsByEnteIdAndDomandaId(graduatoria.getEnte().getId(), richiesta.domandaId())) {
            throw new GiaEsistenteException("Per la domanda " + richiesta.domandaId() + " c'è già una richiesta di rettifica presso "
                    + graduatoria.getEnte().getRagioneSociale(), richiesta.domandaId());
        }
        RettificaInvalidita nuova = new RettificaInvalidita(graduatoriaId, graduatoria.getEnte().getId(),
                richiesta.domandaId(), componente,
                richiesta.percentualeInvalidita(), richiesta.indennitaAccompagnamento(), richiesta.handicapGrave(), oggi,
                utente.username(), riga.isbar());
        if (dalCittadino) {
            nuova.richiestaDalCittadino();
        }
        RettificaInvalidita rettifica = rettifiche.save(nuova);
        processo.avvia(rettifica, graduatoria.getEnte().getCodiceFiscale().valore());
        return rettifica;
    }

    /** The ente's decision; an accepted request may correct the percentage the citizen asked for. */
    @Transactional
    public RettificaInvalidita decidi(long rettificaId, boolean accolta, Integer percentualeAccolta, String note, String operatore) {
        RettificaInvalidita rettifica = rettifica(rettificaId);
        if (!accolta) {
            if (note == null || note.isBlank()) {
                throw DatiNonValidiException.campo("note", "una richiesta respinta richiede la motivazione");
            }
            rettifica.decidi(RettificaInvalidita.Stato.RESPINTA, operatore, note, null, Instant.now(clock));
            eventi.publishEvent(new CambioDiStato(CambioDiStato.Evento.RETTIFICA_DECISA, rettificaId));
            return rettifica;
        }
        int percentuale = percentualeAccolta != null ? percentualeAccolta : rettifica.getPercentualeRichiesta();
        return accogli(rettifica, percentuale, RettificaInvalidita.Stato.ACCOLTA, operatore, note);
    }

    /** Nobody decided within 15 days: the request is accepted as it was made. */
    @Transactional
    public RettificaInvalidita accogliPerSilenzio(long rettificaId) {
        RettificaInvalidita rettifica = rettifica(rettificaId);
        return accogli(rettifica, rettifica.getPercentualeRichiesta(), RettificaInvalidita.Stato.ACCOLTA_SILENZIO_ASSENSO,
                "sistema", "Accolta per silenzio-assenso: nessuna decisione entro " + GIORNI_PER_DECIDERE + " giorni");
    }

    private RettificaInvalidita accogli(RettificaInvalidita rettifica, int percentuale, RettificaInvalidita.Stato esito,
                                        String operatore, String note) {
        BigDecimal isbarDopo = domande.rettificaInvalidita(rettifica.getDomandaId(), rettifica.getComponenteCf(), percentuale,
                rettifica.isAccompagnamentoRichiesto(), rettifica.isHandicapGraveRichiesto()).valore();
        rettifica.decidi(esito, operatore, note, isbarDopo, Instant.now(clock));
        eventi.publishEvent(new CambioDiStato(CambioDiStato.Evento.RETTIFICA_DECISA, rettifica.getId()));
        return rettifica;
    }

    /** The request as «Rettifica punteggio per invalidità civile» names it in Tasklist; empty if it is not there. */
    @Transactional(readOnly = true)
    public Optional<PraticaInBreve> inBreve(long rettificaId) {
        return rettifiche.findById(rettificaId).flatMap(r -> graduatorie.inBreve(r.getGraduatoriaId()).map(g ->
                new PraticaInBreve(g.ente(), g.comune(), g.avviso(), "Domanda n. " + r.getDomandaId()
                        + ", invalidità " + r.getPercentualeRichiesta() + " %", "domanda n. " + r.getDomandaId(),
                "/graduatorie/" + r.getGraduatoriaId())));
    }

    @Transactional(readOnly = true)
    public RettificaInvalidita rettifica(long id) {
        return rettifiche.findById(id).orElseThrow(() -> new NonTrovatoException("Rettifica " + id + " non trovata"));
    }

    /** The rettifiche a domanda asked at every ente, for whoever may see the domanda (404 otherwise). */
    @Transactional(readOnly = true)
    public List<RettificaInvalidita> diDomanda(long domandaId) {
        domande.domanda(domandaId);
        return rettifiche.findByDomandaIdOrderById(domandaId);
    }

    @Transactional(readOnly = true)
    public List<RettificaInvalidita> diGraduatoria(long graduatoriaId) {
        graduatorie.graduatoria(graduatoriaId);
        return rettifiche.findByGraduatoriaIdOrderById(graduatoriaId);
    }
}
