package it.piattaformacasa.anagrafe;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/**
 * Annual certification of an ente's Anagrafe data (seed 001, phase 3 of the annual plan): the request becomes a
 * task for the ente's operators; their answer is stored with a snapshot of the figures.
 */
@Service
public class CertificazioneAnagrafeService {

    private final AnagrafeService anagrafe;
    private final CertificazioneAnagrafeRepository certificazioni;
    private final CertificazioneAnagrafeProcesso processo;
    private final UtenteCorrente utente;
    private final Clock clock;

    CertificazioneAnagrafeService(AnagrafeService anagrafe, CertificazioneAnagrafeRepository certificazioni,
                                  CertificazioneAnagrafeProcesso processo, UtenteCorrente utente, Clock clock) {
        this.anagrafe = anagrafe;
        this.certificazioni = certificazioni;
        this.processo = processo;
        this.utente = utente;
        this.clock = clock;
    }

    /** Asks the ente to certify its data for the year. */
    @Transactional
    public String richiedi(long enteId, int anno) {
        EnteProprietario ente = anagrafe.enteVisibile(enteId);
        // seeing the ente is not enough: regional and provincial readers see it and change nothing (seed 004)
        if (utente.soloLettura() || !utente.vedeTuttiGliEnti() && !utente.entiAbilitati().contains(enteId)) {
            throw new AccessoNegatoException("Solo gli operatori dell'ente possono richiedere la certificazione");
        }
        return avvia(ente, anno);
    }

    /** Same as {@link #richiedi} without the caller checks: for the system itself (demo data, schedulers). */
    @Transactional
    public String richiediComeSistema(long enteId, int anno) {
        return avvia(anagrafe.ente(enteId), anno);
    }

    private String avvia(EnteProprietario ente, int anno) {
        if (certificazioni.findByEnteIdAndAnno(ente.getId(), anno).isPresent()) {
            throw new ConflittoException("L'ente " + ente.getRagioneSociale() + " ha già certificato i dati per il " + anno);
        }
        if (processo.inCorso(ente, anno)) {
            throw new ConflittoException("La certificazione " + anno + " dell'ente " + ente.getRagioneSociale() + " è già richiesta");
        }
        return processo.avvia(ente, anno);
    }

    public boolean richiestaOCertificata(long enteId, int anno) {
        EnteProprietario ente = anagrafe.ente(enteId);
        return certificazioni.findByEnteIdAndAnno(enteId, anno).isPresent() || processo.inCorso(ente, anno);
    }

    /** Called by the process when an operator completes «Certifica dati anagrafe». */
    @Transactional
    public CertificazioneAnagrafe registra(long enteId, int anno, CertificazioneAnagrafe.Esito esito, String note,
                                           String operatore) {
        AnagrafeService.Riepilogo riepilogo = anagrafe.calcolaRiepilogo(anagrafe.ente(enteId));
        if (esito == CertificazioneAnagrafe.Esito.NESSUN_ALLOGGIO && riepilogo.numeroAlloggi() > 0) {
            throw DatiNonValidiException.campo("esito", "l'ente ha " + riepilogo.numeroAlloggi()
                    + " alloggi in Anagrafe: non può dichiarare di non possederne");
        }
        if (note != null && note.length() > 2000) {
            throw DatiNonValidiException.campo("note", "al più 2000 caratteri");
        }
        CertificazioneAnagrafe certificazione = new CertificazioneAnagrafe(riepilogo.ente(), anno, esito, note, operatore,
                Instant.now(clock), (int) riepilogo.numeroFabbricati(), (int) riepilogo.numeroAlloggi(),
                riepilogo.alloggiPerStato());
        return certificazioni.save(certificazione);
    }

    /** The request as «Certifica dati anagrafe» names it in Tasklist; empty if the ente is not in the Anagrafe. */
    public Optional<PraticaInBreve> inBreve(CodiceFiscale ente, int anno) {
        return anagrafe.enteConCodiceFiscale(ente).map(e -> new PraticaInBreve(e.getRagioneSociale(), e.getComune().getNome(),
                null, "Anagrafe " + anno, "anno " + anno));
    }

    public List<CertificazioneAnagrafe> certificazioni(long enteId) {
        anagrafe.enteVisibile(enteId);
        return certificazioni.findByEnteIdOrderByAnnoDesc(enteId);
    }
}
