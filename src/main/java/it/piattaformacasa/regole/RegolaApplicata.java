package it.piattaformacasa.regole;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of an explanation: which rule of which decision table fired, the article it encodes (the rule's
 * description in the DMN file) and the input values the table looked at.
 *
 * @param decisione   name of the DMN decision («Indigenza»)
 * @param numero      rule number, 1-based, as shown in Camunda Modeler
 * @param descrizione rule description, citing the article («… (art. 13 co. 1 r.r. 4/2017)»)
 * @param input       input expression → value used by the table, in column order
 */
public record RegolaApplicata(String decisione, int numero, String descrizione, Map<String, Object> input) {

    public RegolaApplicata {
        Objects.requireNonNull(decisione, "decisione");
        descrizione = descrizione == null ? "" : descrizione;
        // LinkedHashMap keeps column order; Map.copyOf would lose it and rejects null values
        input = Collections.unmodifiableMap(new LinkedHashMap<>(input == null ? Map.of() : input));
    }
}
