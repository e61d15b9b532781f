package it.piattaformacasa.regole.kie;

import it.piattaformacasa.regole.RegolaApplicata;
import it.piattaformacasa.regole.ValutazioneRegoleException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outcome of one successful model evaluation: decision name → raw FEEL value, plus the explanation.
 * The typed accessors convert KIE values (FEEL numbers are always {@link BigDecimal}) and fail naming the decision,
 * so a port never has to cast.
 */
public record EsitoDmn(String modello, Map<String, Object> decisioni, List<RegolaApplicata> spiegazione) {

    public EsitoDmn {
        // unmodifiable view of a copy: FEEL results may legitimately be null, which Map.copyOf rejects
        decisioni = Collections.unmodifiableMap(new LinkedHashMap<>(decisioni));
        spiegazione = List.copyOf(spiegazione);
    }

    public boolean booleano(String decisione) {
        return valore(decisione, Boolean.class);
    }

    public String testo(String decisione) {
        return valore(decisione, String.class);
    }

    public BigDecimal numero(String decisione) {
        return valore(decisione, BigDecimal.class);
    }

    private <T> T valore(String decisione, Class<T> tipo) {
        if (!decisioni.containsKey(decisione)) {
            throw new ValutazioneRegoleException(decisione, "decisione assente nel modello «" + modello + "»");
        }
        Object valore = decisioni.get(decisione);
        if (valore == null) {
            throw new ValutazioneRegoleException(decisione, "nessun risultato (nessuna regola applicabile?)");
        }
        if (!tipo.isInstance(valore)) {
            throw new ValutazioneRegoleException(decisione, "risultato di tipo " + valore.getClass().getSimpleName()
                    + " invece di " + tipo.getSimpleName() + ": " + valore);
        }
        return tipo.cast(valore);
    }
}
