package it.piattaformacasa.graduatoria;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import it.piattaformacasa.anagrafe.Comune;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.avviso.Avviso;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.Termini;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Header of a graduatoria; its rows are written and read set-based (see GraduatoriaService). */
@Entity
public class Graduatoria {

    public enum Stato { PROVVISORIA, DEFINITIVA, RIPESCAGGIO, CHIUSA }

    public enum Pubblicazione { ALBO_PRETORIO, SITO_ENTE, ENTRAMBI }

    /** Comuni and ALER approve the provisional graduatoria within five days of chiusura (art. 12, seed 000). */
    public static final Duration TERMINE_APPROVAZIONE = Duration.ofDays(5);
    /** Citizens ask for a rettifica per invalidità civile within 15 days of publication (whole days, Termini). */
    public static final int GIORNI_RETTIFICHE = 15;
    /** The definitive graduatoria is published within the following 5 days. */
    public static final Duration TERMINE_PUBBLICAZIONE_DEFINITIVA = Duration.ofDays(5);
    /** The same 5 days in whole days, counted from the day the list may become definitive (Termini). */
    public static final int GIORNI_PUBBLICAZIONE_DEFINITIVA = 5;

    @Id
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Avviso avviso;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private EnteProprietario ente;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Comune comune;
    @Enumerated(EnumType.STRING)
    private Stato stato;
    private Instant ripescaggioIl;
    private String ripescaggioDa;
    private Instant generataIl;
    private Instant scadenzaApprovazione;
    private String provvedimentoNumero;
    private LocalDate provvedimentoData;
    @Enumerated(EnumType.STRING)
    private Pubblicazione pubblicazione;
    private LocalDate pubblicataIl;
    private String approvataDa;
    private Instant approvataIl;
    private Instant sollecitataIl;
    private Instant definitivaIl;
    private String definitivaDa;
    private Instant scadenzaPubblicazioneDefinitiva;
    private LocalDate definitivaPubblicataIl;
    @Enumerated(EnumType.STRING)
    private Pubblicazione pubblicazioneDefinitiva;
    private Instant chiusaIl;
    private Long chiusaDaGraduatoria;

    protected Graduatoria() {
    }

    void approva(String numero, LocalDate data, Pubblicazione dove, LocalDate quando, String operatore, Instant adesso) {
        if (approvataIl != null) {
            throw new ConflittoException("La graduatoria " + id + " è già approvata (provvedimento " + provvedimentoNumero + ")");
        }
        this.provvedimentoNumero = numero;
        this.provvedimentoData = data;
        this.pubblicazione = dove;
        this.pubblicataIl = quando;
        this.approvataDa = operatore;
        this.approvataIl = adesso;
    }

    void rendiDefinitiva(String operatore, Instant adesso) {
        if (stato != Stato.PROVVISORIA) {
            throw new ConflittoException("La graduatoria " + id + " è già " + stato);
        }
        this.stato = Stato.DEFINITIVA;
        this.definitivaDa = operatore;
        this.definitivaIl = adesso;
        this.scadenzaPubblicazioneDefinitiva = adesso.plus(TERMINE_PUBBLICAZIONE_DEFINITIVA);
    }

    void pubblicaDefinitiva(Pubblicazione dove, LocalDate quando) {
        if (stato != Stato.DEFINITIVA) {
            throw new ConflittoException("La graduatoria " + id + " non è ancora definitiva");
        }
        this.pubblicazioneDefinitiva = dove;
        this.definitivaPubblicataIl = quando;
    }

    /** After the first round of assignments: the leftover and freed alloggi go to the households still waiting. */
    void avviaRipescaggio(String operatore, Instant adesso) {
        verificaRipescaggio();
        this.stato = Stato.RIPESCAGGIO;
        this.ripescaggioDa = operatore;
        this.ripescaggioIl = adesso;
    }

    /** Checked before the request reaches the process, and again in the process step that changes the state. */
    void verificaRipescaggio() {
        if (stato != Stato.DEFINITIVA) {
            throw new ConflittoException("Il ripescaggio parte da una graduatoria definitiva: la graduatoria " + id + " è " + stato);
        }
    }

    /** Art. 15 co. 4 bis: the next avviso's definitive graduatoria of the same ente and comune ends this one's use. */
    void chiudiPerScorrimento(long daGraduatoria, Instant adesso) {
        if (!assegnabile()) {
            throw new ConflittoException("La graduatoria " + id + " è " + stato + ": si chiude per scorrimento solo se definitiva "
                    + "o in ripescaggio");
        }
        this.stato = Stato.CHIUSA;
        this.chiusaIl = adesso;
        this.chiusaDaGraduatoria = daGraduatoria;
    }

    /** The last day on which a rettifica per invalidità civile may be asked: the 15th after the publication recorded. */
    public LocalDate ultimoGiornoRettifiche() {
        if (pubblicataIl == null) {
            throw new ConflittoException("La graduatoria provvisoria " + id + " non è ancora pubblicata");
        }
        return Termini.ultimoGiorno(pubblicataIl, GIORNI_RETTIFICHE);
    }

    /** Midnight (Rome) at the end of that day: from then on, and not before, the graduatoria may become DEFINITIVA. */
    public Instant fineFinestraRettifiche() {
        return Termini.fineDel(ultimoGiornoRettifiche());
    }

    /** DEFINITIVA or RIPESCAGGIO: the graduatoria from which alloggi are assigned. */
    public boolean assegnabile() {
        return stato == Stato.DEFINITIVA || stato == Stato.RIPESCAGGIO;
    }

    void sollecita(Instant adesso) {
        this.sollecitataIl = adesso;
    }

    public Long getId() { return id; }
    public Avviso getAvviso() { return avviso; }
    public EnteProprietario getEnte() { return ente; }
    public Comune getComune() { return comune; }
    public Stato getStato() { return stato; }
    public Instant getRipescaggioIl() { return ripescaggioIl; }
    public String getRipescaggioDa() { return ripescaggioDa; }
    public Instant getGenerataIl() { return generataIl; }
    public Instant getScadenzaApprovazione() { return scadenzaApprovazione; }
    public String getProvvedimentoNumero() { return provvedimentoNumero; }
    public LocalDate getProvvedimentoData() { return provvedimentoData; }
    public Pubblicazione getPubblicazione() { return pubblicazione; }
    public LocalDate getPubblicataIl() { return pubblicataIl; }
    public String getApprovataDa() { return approvataDa; }
    public Instant getApprovataIl() { return approvataIl; }
    public Instant getSollecitataIl() { return sollecitataIl; }
    public Instant getDefinitivaIl() { return definitivaIl; }
    public String getDefinitivaDa() { return definitivaDa; }
    public Instant getScadenzaPubblicazioneDefinitiva() { return scadenzaPubblicazioneDefinitiva; }
    public LocalDate getDefinitivaPubblicataIl() { return definitivaPubblicataIl; }
    public Pubblicazione getPubblicazioneDefinitiva() { return pubblicazioneDefinitiva; }
    public Instant getChiusaIl() { return chiusaIl; }
    public Long getChiusaDaGraduatoria() { return chiusaDaGraduatoria; }
}
