package it.piattaformacasa.regole;

/**
 * A decision could not be evaluated (missing or invalid input, FEEL error, no rule matched, unexpected type).
 * A technical failure: callers let it propagate (in a process: retries, then an incident).
 */
public class ValutazioneRegoleException extends RuntimeException {

    private final String decisione;

    public ValutazioneRegoleException(String decisione, String motivo) {
        super("Decisione «" + decisione + "» non valutata: " + motivo);
        this.decisione = decisione;
    }

    /** Name of the decision that failed, or of the model when no single decision is to blame. */
    public String decisione() {
        return decisione;
    }
}
