package it.piattaformacasa.scadenze;

import java.time.Duration;
import java.time.Instant;

/** The semaforo of a legal deadline: past, due within 3 days (72 hours, like Tasklist's filter), or in time. */
public enum StatoScadenza {

    SCADUTA("scadute"),
    IN_SCADENZA("in_scadenza"),
    NEI_TERMINI("nei_termini");

    /** «In scadenza»: due within this, as Tasklist's «In scadenza (3 giorni)». */
    public static final Duration PREAVVISO = Duration.ofDays(3);

    private final String metrica;

    StatoScadenza(String metrica) {
        this.metrica = metrica;
    }

    /** The value of the {@code stato} tag of {@code piattaforma_scadenze}. */
    public String metrica() {
        return metrica;
    }

    public static StatoScadenza di(Instant scadenza, Instant adesso) {
        if (scadenza.isBefore(adesso)) {
            return SCADUTA;
        }
        return scadenza.isBefore(adesso.plus(PREAVVISO)) ? IN_SCADENZA : NEI_TERMINI;
    }
}
