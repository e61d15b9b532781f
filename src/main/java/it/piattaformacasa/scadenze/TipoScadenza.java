package it.piattaformacasa.scadenze;

import java.util.Arrays;
import java.util.Optional;

/**
 * The legal deadlines of the procedure (seed 000, art. 12 and 25 r.r. 4/2017) as the supervisors' page lists them:
 * each is a user task with a due date in {@code processes/}, except the rettifica window, which is a timer nobody works
 * on (silence is fine there: the list just becomes definitive).
 *
 * @param attivita the user task's (or the timer's) id in its model
 * @param termine  for the timer, the basis of the deadline (the tasks carry their own, «praticaTermine»)
 */
public enum TipoScadenza {

    SELEZIONE_ALLOGGI("UserTask_SelezionaAlloggi", "Selezione degli alloggi per l'avviso", null, true),
    APPROVAZIONE_PROVVISORIA("UserTask_ApprovaGraduatoriaProvvisoria", "Approvazione della graduatoria provvisoria", null, true),
    FINESTRA_RETTIFICHE("Timer_FineFinestraRettifiche", "Finestra per le rettifiche per invalidità civile",
            "15 giorni dalla pubblicazione, poi la graduatoria può diventare definitiva", false),
    DECISIONE_RETTIFICA("UserTask_RettificaPunteggio", "Decisione sulla rettifica per invalidità civile", null, false),
    RENDI_DEFINITIVA("UserTask_RendiDefinitiva", "Graduatoria definitiva", null, true),
    PUBBLICAZIONE_DEFINITIVA("UserTask_PubblicaGraduatoriaDefinitiva", "Pubblicazione della graduatoria definitiva", null, true),
    CONTRATTO("UserTask_ConfermaContratto", "Registrazione del contratto", null, true);

    private final String attivita;
    private final String etichetta;
    private final String termine;
    /**
     * Completing it after its due date makes it late. The rettifica's decision is not: when nobody decides, the
     * request is accepted (silence-assent) and the task ends without being completed; the window is no one's work.
     */
    private final boolean puoEssereInRitardo;

    TipoScadenza(String attivita, String etichetta, String termine, boolean puoEssereInRitardo) {
        this.attivita = attivita;
        this.etichetta = etichetta;
        this.termine = termine;
        this.puoEssereInRitardo = puoEssereInRitardo;
    }

    public String attivita() {
        return attivita;
    }

    public String etichetta() {
        return etichetta;
    }

    public String termine() {
        return termine;
    }

    /** A timer: no task, nobody holds it, the link goes to its case. */
    public boolean soloTimer() {
        return termine != null;
    }

    public boolean puoEssereInRitardo() {
        return puoEssereInRitardo;
    }

    public static Optional<TipoScadenza> diAttivita(String attivita) {
        return Arrays.stream(values()).filter(t -> t.attivita.equals(attivita)).findFirst();
    }
}
