package it.piattaformacasa.anagrafe;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.GiaEsistenteException;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.TestoSicuro;
import it.piattaformacasa.common.VincoliDatabase;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import jakarta.persistence.EntityManager;

/**
 * The Anagrafe an ente keeps (issue 13): its operators with «Gestione Avviso» — the abilitazione that already puts the
 * ente's alloggi into avvisi and sets its reserves (seed 002 has no third one) — create, change and retire its
 * fabbricati and alloggi. Another ente's stock does not exist for them (404, as {@link AnagrafeService}); the ente's
 * other operators, supervisors, analysts and administrators read but do not write (403). Every change is recorded in
 * {@link RegistroAnagrafe} in the same transaction; a change of state that an avviso or an assignment depends on is
 * refused with the reason ({@link VincoliSullAlloggio}, 409); the version the caller read must be the current one (409).
 */
@Service
@Transactional
public class GestioneAnagrafeService {

    private static final Set<String> CHIAVE_ALLOGGIO = Set.of("alloggio_ente_id_codice_ui_key");
    private static final Set<String> CHIAVE_FABBRICATO = Set.of("fabbricato_ente_id_codice_key");
    /** Alloggi asked about in one query of a {@link VincoliSullAlloggio}: an {@code in (…)} list the driver can bind. */
    private static final int VINCOLI_PER_QUERY = 5_000;

    private final AnagrafeService anagrafe;
    private final AlloggioRepository alloggi;
    private final FabbricatoRepository fabbricati;
    private final ComuneRepository comuni;
    private final RegistroAnagrafe registro;
    private final List<VincoliSullAlloggio> vincoli;
    private final UtenteCorrente utente;
    private final EntityManager em;
    private final Clock clock;

    GestioneAnagrafeService(AnagrafeService anagrafe, AlloggioRepository alloggi, FabbricatoRepository fabbricati,
                            ComuneRepository comuni, RegistroAnagrafe registro, List<VincoliSullAlloggio> vincoli,
                            UtenteCorrente utente, EntityManager em, Clock clock) {
        this.anagrafe = anagrafe;
        this.alloggi = alloggi;
        this.fabbricati = fabbricati;
        this.comuni = comuni;
        this.registro = registro;
        this.vincoli = vincoli;
        this.utente = utente;
        this.em = em;
        this.clock = clock;
    }

    /** Whether the caller keeps this ente's Anagrafe (to show the forms only to who may send them). */
    @Transactional(readOnly = true)
    public boolean puoGestire(long enteId) {
        return utente.entiGestioneAvviso().contains(enteId);
    }

    /** The enti whose Anagrafe the caller keeps. */
    @Transactional(readOnly = true)
    public List<EnteProprietario> entiGestiti() {
        return anagrafe.entiVisibili().stream().filter(e -> puoGestire(e.getId())).toList();
    }

    /** 404 for an ente the caller does not see, 403 for one it sees without keeping it. */
    public EnteProprietario enteGestito(long enteId) {
        EnteProprietario ente = anagrafe.enteVisibile(enteId);
        if (!puoGestire(enteId)) {
            throw new AccessoNegatoException("Solo gli operatori di " + ente.getRagioneSociale()
                    + " abilitati alla Gestione Avviso possono modificare il suo patrimonio in Anagrafe");
        }
        return ente;
    }

    // ------------------------------------------------------------------------------------------------ alloggi

    public Alloggio creaAlloggio(long enteId, DatiAlloggio richiesta) {
        EnteProprietario ente = enteGestito(enteId);
        DatiAlloggio dati = richiesta.normalizzati();
        List<Errore> errori = new ArrayList<>(dati.verifica());
        Comune comune = comune(dati.codiceIstatComune(), errori);
        Fabbricato fabbricato = fabbricatoDellAlloggio(enteId, dati.fabbricatoId(), comune, errori);
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        alloggi.findByEnteIdAndCodiceUi(enteId, dati.codiceUi()).ifPresent(esistente -> {
            throw new GiaEsistenteException("L'ente ha già un alloggio con il codice " + dati.codiceUi()
                    + (esistente.isRitirato() ? " (ritirato)" : ""), esistente.getId());
        });
        Alloggio alloggio = new Alloggio(ente, dati, fabbricato, comune);
        try {
            alloggi.saveAndFlush(alloggio);
        } catch (DataIntegrityViolationException e) {
            if (VincoliDatabase.duplicatoSu(e, CHIAVE_ALLOGGIO)) {
                throw new ConflittoException("L'ente ha già un alloggio con il codice " + dati.codiceUi());
            }
            throw e;
        }
        registro.registra(new RegistroAnagrafe.Riga(enteId, alloggio.getId(), null, RegistroAnagrafe.Azione.CREAZIONE, null, null,
                RegistroAnagrafe.fotografia(alloggio)), utente.username(), Instant.now(clock));
        return alloggio;
    }

    /**
     * @param versione the version the caller read: another operator's change in between is a 409, never overwritten
     */
    public Alloggio modificaAlloggio(long id, long versione, DatiAlloggio richiesta) {
        Alloggio alloggio = alloggioGestito(id);
        if (alloggio.isRitirato()) {
            throw new ConflittoException("L'alloggio " + alloggio.getCodiceUi() + " è stato ritirato dall'Anagrafe e non si modifica");
        }
        verificaVersione(alloggio.getVersion(), versione, "L'alloggio " + alloggio.getCodiceUi());
        DatiAlloggio dati = richiesta.normalizzati();
        if (dati.codiceUi() == null) {
            dati = new DatiAlloggio(alloggio.getCodiceUi(), dati.fabbricatoId(), dati.codiceIstatComune(), dati.zonaLocalita(),
                    dati.indirizzo(), dati.scala(), dati.interno(), dati.piano(), dati.superficieUtile(), dati.vani(), dati.ascensore(),
                    dati.barriereArchitettoniche(), dati.destinazioneUso(), dati.stato());
        }
        List<Errore> errori = new ArrayList<>(dati.verifica());
        if (dati.codiceUi() != null && !dati.codiceUi().equals(alloggio.getCodiceUi())) {
            errori.add(new Errore("codiceUi", "il codice identificativo non si cambia: ritirare l'alloggio e registrarne uno nuovo"));
        }
        Comune comune = comune(dati.codiceIstatComune(), errori);
        Fabbricato fabbricato = fabbricatoDellAlloggio(alloggio.getEnte().getId(), dati.fabbricatoId(), comune, errori);
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        if (dati.stato() != alloggio.getStato()) {
            verificaVincoli(alloggio, "lo stato non può passare da " + alloggio.getStato() + " a " + dati.stato());
        }
        Map<String, String> prima = RegistroAnagrafe.fotografia(alloggio);
        alloggio.modifica(dati, fabbricato, comune);
        Map<String, String>[] diff = RegistroAnagrafe.differenze(prima, RegistroAnagrafe.fotografia(alloggio));
        if (diff[1].isEmpty()) {
            // nothing changed: no new version, nothing recorded
            em.detach(alloggio);
            return alloggioGestito(id);
        }
        scrivi(alloggio, "L'alloggio " + alloggio.getCodiceUi());
        registro.registra(new RegistroAnagrafe.Riga(alloggio.getEnte().getId(), id, null, RegistroAnagrafe.Azione.MODIFICA, null,
                diff[0], diff[1]), utente.username(), Instant.now(clock));
        return alloggio;
    }

    /** Out of the stock, with the reason; refused while an avviso or an assignment depends on the alloggio. */
    public Alloggio ritiraAlloggio(long id, long versione, String motivo) {
        Alloggio alloggio = alloggioGestito(id);
        if (alloggio.isRitirato()) {
            throw new ConflittoException("L'alloggio " + alloggio.getCodiceUi() + " è già stato ritirato");
        }
        String perche = motivo(motivo);
        verificaVersione(alloggio.getVersion(), versione, "L'alloggio " + alloggio.getCodiceUi());
        verificaVincoli(alloggio, "non può essere ritirato");
        Instant adesso = Instant.now(clock);
        alloggio.ritira(utente.username(), perche, adesso);
        scrivi(alloggio, "L'alloggio " + alloggio.getCodiceUi());
        Map<String, String> prima = new LinkedHashMap<>();
        prima.put("ritirato", "false");
        Map<String, String> dopo = new LinkedHashMap<>();
        dopo.put("ritirato", "true");
        dopo.put("motivoRitiro", perche);
        registro.registra(new RegistroAnagrafe.Riga(alloggio.getEnte().getId(), id, null, RegistroAnagrafe.Azione.RITIRO, null,
                prima, dopo), utente.username(), adesso);
        return alloggio;
    }

    /** The «Storico delle modifiche» of an alloggio, for whoever sees it (the latest change first). */
    @Transactional(readOnly = true)
    public List<RegistroAnagrafe.Voce> registroAlloggio(long id) {
        anagrafe.alloggio(id);
        return registro.dellAlloggio(id);
    }

    // ---------------------------------------------------------------------------------------------- fabbricati

    @Transactional(readOnly = true)
    public Fabbricato fabbricato(long id) {
        return fabbricati.findConDettagliById(id).filter(f -> utente.puoVedereAnagrafeEnte(f.getEnte().getId()))
                .orElseThrow(() -> new NonTrovatoException("Fabbricato " + id + " non trovato"));
    }

    /** The «Storico delle modifiche» of a fabbricato, for whoever sees it (the latest change first). */
    @Transactional(readOnly = true)
    public List<RegistroAnagrafe.Voce> registroFabbricato(long id) {
        fabbricato(id);
        return registro.delFabbricato(id);
    }

    /** The ente's fabbricati still in the stock, by code: the choices of the alloggio's form. */
    @Transactional(readOnly = true)
    public List<Fabbricato> fabbricatiDellEnte(long enteId) {
        anagrafe.enteVisibile(enteId);
        return fabbricati.findByEnteIdAndRitiratoIlIsNull(enteId).stream().sorted(Comparator.comparing(Fabbricato::getCodice)).toList();
    }

    public Fabbricato creaFabbricato(long enteId, DatiFabbricato richiesta) {
        EnteProprietario ente = enteGestito(enteId);
        DatiFabbricato dati = richiesta.normalizzati();
        List<Errore> errori = new ArrayList<>(dati.verifica());
        Comune comune = comune(dati.codiceIstatComune(), errori);
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        fabbricati.findByEnteIdAndCodice(enteId, dati.codice()).ifPresent(esistente -> {
            throw new GiaEsistenteException("L'ente ha già un fabbricato con il codice " + dati.codice(), esistente.getId());
        });
        Fabbricato fabbricato = new Fabbricato(dati.codice(), ente, comune, dati.indirizzo(), dati.zonaLocalita(),
                dati.annoCostruzione(), dati.numeroPiani(), dati.ascensore());
        try {
            fabbricati.saveAndFlush(fabbricato);
        } catch (DataIntegrityViolationException e) {
            if (VincoliDatabase.duplicatoSu(e, CHIAVE_FABBRICATO)) {
                throw new ConflittoException("L'ente ha già un fabbricato con il codice " + dati.codice());
            }
            throw e;
        }
        registro.registra(new RegistroAnagrafe.Riga(enteId, null, fabbricato.getId(), RegistroAnagrafe.Azione.CREAZIONE, null, null,
                RegistroAnagrafe.fotografia(fabbricato)), utente.username(), Instant.now(clock));
        return fabbricato;
    }

    public Fabbricato modificaFabbricato(long id, long versione, DatiFabbricato richiesta) {
        Fabbricato fabbricato = fabbricatoGestito(id);
        if (fabbricato.isRitirato()) {
            throw new ConflittoException("Il fabbricato " + fabbricato.getCodice() + " è stato ritirato e non si modifica");
        }
        verificaVersione(fabbricato.getVersion(), versione, "Il fabbricato " + fabbricato.getCodice());
        DatiFabbricato dati = richiesta.normalizzati();
        if (dati.codice() == null) {
            dati = new DatiFabbricato(fabbricato.getCodice(), dati.codiceIstatComune(), dati.indirizzo(), dati.zonaLocalita(),
                    dati.annoCostruzione(), dati.numeroPiani(), dati.ascensore());
        }
        List<Errore> errori = new ArrayList<>(dati.verifica());
        if (!fabbricato.getCodice().equals(dati.codice())) {
            errori.add(new Errore("codice", "il codice del fabbricato non si cambia"));
        }
        Comune comune = comune(dati.codiceIstatComune(), errori);
        if (comune != null && !comune.getId().equals(fabbricato.getComune().getId())) {
            // its alloggi are in the fabbricato's comune (their reserves and avvisi count by comune): they would stay behind
            long attivi = alloggi.countByFabbricatoIdAndRitiratoIlIsNull(id);
            if (attivi > 0) {
                errori.add(new Errore("codiceIstatComune", "il fabbricato ha " + attivi + (attivi == 1 ? " alloggio" : " alloggi")
                        + " in Anagrafe nel comune di " + fabbricato.getComune().getNome()
                        + ": il comune cambia solo per un fabbricato senza alloggi"));
            }
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        Map<String, String> prima = RegistroAnagrafe.fotografia(fabbricato);
        fabbricato.modifica(comune, dati.indirizzo(), dati.zonaLocalita(), dati.annoCostruzione(), dati.numeroPiani(), dati.ascensore());
        Map<String, String>[] diff = RegistroAnagrafe.differenze(prima, RegistroAnagrafe.fotografia(fabbricato));
        if (diff[1].isEmpty()) {
            return fabbricato;
        }
        scrivi(fabbricato, "Il fabbricato " + fabbricato.getCodice());
        registro.registra(new RegistroAnagrafe.Riga(fabbricato.getEnte().getId(), null, id, RegistroAnagrafe.Azione.MODIFICA, null,
                diff[0], diff[1]), utente.username(), Instant.now(clock));
        return fabbricato;
    }

    /** Only an empty building leaves the stock: its alloggi are retired (or moved) first. */
    public Fabbricato ritiraFabbricato(long id, long versione) {
        Fabbricato fabbricato = fabbricatoGestito(id);
        if (fabbricato.isRitirato()) {
            throw new ConflittoException("Il fabbricato " + fabbricato.getCodice() + " è già stato ritirato");
        }
        verificaVersione(fabbricato.getVersion(), versione, "Il fabbricato " + fabbricato.getCodice());
        long attivi = alloggi.countByFabbricatoIdAndRitiratoIlIsNull(id);
        if (attivi > 0) {
            throw new ConflittoException("Il fabbricato " + fabbricato.getCodice() + " ha ancora " + attivi
                    + " alloggi in Anagrafe: ritirarli prima di ritirare il fabbricato");
        }
        Instant adesso = Instant.now(clock);
        fabbricato.ritira(utente.username(), adesso);
        scrivi(fabbricato, "Il fabbricato " + fabbricato.getCodice());
        registro.registra(new RegistroAnagrafe.Riga(fabbricato.getEnte().getId(), null, id, RegistroAnagrafe.Azione.RITIRO, null,
                Map.of("ritirato", "false"), Map.of("ritirato", "true")), utente.username(), adesso);
        return fabbricato;
    }

    // ------------------------------------------------------------------------------------------------- common

    /** Why the state of each of these alloggi may not change now (an open avviso, an assignment): empty if free. */
    Map<Long, String> vincoli(java.util.Collection<Long> alloggioIds) {
        Map<Long, String> motivi = new LinkedHashMap<>();
        if (alloggioIds.isEmpty()) {
            return motivi;
        }
        // an import may change the state of tens of thousands: one query per slice, within the driver's bind limit
        List<Long> ids = List.copyOf(alloggioIds);
        for (int da = 0; da < ids.size(); da += VINCOLI_PER_QUERY) {
            List<Long> fetta = ids.subList(da, Math.min(ids.size(), da + VINCOLI_PER_QUERY));
            for (VincoliSullAlloggio v : vincoli) {
                v.motivi(fetta).forEach(motivi::putIfAbsent);
            }
        }
        return motivi;
    }

    void verificaVincoli(Alloggio alloggio, String conseguenza) {
        String motivo = vincoli(List.of(alloggio.getId())).get(alloggio.getId());
        if (motivo != null) {
            throw new ConflittoException("L'alloggio " + alloggio.getCodiceUi() + " " + conseguenza + ": " + motivo);
        }
    }

    Alloggio alloggioGestito(long id) {
        Alloggio alloggio = anagrafe.alloggio(id);
        enteGestito(alloggio.getEnte().getId());
        return alloggio;
    }

    private Fabbricato fabbricatoGestito(long id) {
        Fabbricato fabbricato = fabbricato(id);
        enteGestito(fabbricato.getEnte().getId());
        return fabbricato;
    }

    private Comune comune(String codiceIstat, List<Errore> errori) {
        if (codiceIstat == null || !codiceIstat.matches("[0-9]{6}")) {
            return null;
        }
        Comune comune = comuni.findByCodiceIstat(codiceIstat).orElse(null);
        if (comune == null) {
            errori.add(new Errore("codiceIstatComune", "comune " + codiceIstat + " sconosciuto: non è un comune degli ambiti della piattaforma"));
        }
        return comune;
    }

    private Fabbricato fabbricatoDellAlloggio(long enteId, Long fabbricatoId, Comune comune, List<Errore> errori) {
        if (fabbricatoId == null) {
            return null;
        }
        Fabbricato fabbricato = fabbricati.findConDettagliById(fabbricatoId)
                .filter(f -> f.getEnte().getId() == enteId && !f.isRitirato()).orElse(null);
        if (fabbricato == null) {
            errori.add(new Errore("fabbricatoId", "fabbricato " + fabbricatoId + " non trovato tra quelli dell'ente"));
        } else if (comune != null && !fabbricato.getComune().getId().equals(comune.getId())) {
            errori.add(new Errore("codiceIstatComune", "il fabbricato " + fabbricato.getCodice() + " è nel comune di "
                    + fabbricato.getComune().getNome()));
        }
        return fabbricato;
    }

    static void verificaVersione(long attuale, long letta, String cosa) {
        if (attuale != letta) {
            throw new ConflittoException(cosa + " è stato modificato da un altro operatore dopo che lo hai aperto (versione "
                    + letta + ", ora " + attuale + "): ricaricare i dati e ripetere la modifica");
        }
    }

    void scrivi(Object entita, String cosa) {
        try {
            em.flush();
        } catch (OptimisticLockingFailureException | jakarta.persistence.OptimisticLockException e) {
            throw new ConflittoException(cosa + " è stato modificato da un altro operatore nello stesso momento:"
                    + " ricaricare i dati e ripetere la modifica");
        }
    }

    private static String motivo(String motivo) {
        if (motivo == null || motivo.isBlank()) {
            throw DatiNonValidiException.campo("motivo", "il motivo del ritiro è obbligatorio");
        }
        if (motivo.strip().length() > 500) {
            throw DatiNonValidiException.campo("motivo", "al massimo 500 caratteri");
        }
        TestoSicuro.problema(motivo.strip(), true).ifPresent(p -> {
            throw DatiNonValidiException.campo("motivo", p);
        });
        return motivo.strip();
    }
}
