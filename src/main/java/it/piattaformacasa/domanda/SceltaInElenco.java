package it.piattaformacasa.domanda;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.regole.RegoleAlloggi.TitoloDiScelta;

/**
 * A chosen alloggio as the lists and exports show it, so that the ente can check art. 9 in istruttoria: the
 * preference (1 = first), the unit, its comune, and why the domanda could choose it there (residence, work, another
 * comune of the ambito); {@code titolo} null and «non verificato» for domande submitted before the check existed.
 */
public record SceltaInElenco(int preferenza, long alloggioId, String codiceUi, String comune, String codiceIstatComune,
                             TitoloDiScelta titolo, String titoloTesto) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<SceltaInElenco>> LISTA = new TypeReference<>() {
    };

    public SceltaInElenco {
        titoloTesto = testo(titolo);
    }

    /**
     * A correlated subquery for a list's SELECT: the chosen alloggi of the domanda whose id is {@code domanda} (a column
     * of the outer query) as one JSON array in order of preference, read back by {@link #da(String)}. One statement
     * for the whole list, never one query per domanda.
     *
     * @param filtro an extra condition on the choices ({@code sda} is domanda_alloggio), or empty
     */
    public static String sottoquery(String domanda, String filtro) {
        return """
                (select json_agg(json_build_object('preferenza', sda.preferenza + 1, 'alloggioId', sda.alloggio_id,
                                 'codiceUi', sal.codice_ui, 'comune', sco.nome, 'codiceIstatComune', sco.codice_istat,
                                 'titolo', sda.titolo) order by sda.preferenza)
                   from domanda_alloggio sda join alloggio sal on sal.id = sda.alloggio_id join comune sco on sco.id = sal.comune_id
                  where sda.domanda_id = %s %s)""".formatted(domanda, filtro);
    }

    /** The JSON array of {@link #sottoquery}; no choices (null) is an empty list. */
    public static List<SceltaInElenco> da(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, LISTA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Alloggi scelti illeggibili: " + e.getOriginalMessage(), e);
        }
    }

    /** «1. AL-VA-101-04 (Varese, residenza); 2. MA-GU-01-37 (Malnate, lavoro)»: the single text cell of an export. */
    public static String inUnaRiga(List<SceltaInElenco> scelte) {
        return scelte.isEmpty() ? null : scelte.stream().map(SceltaInElenco::breve).collect(Collectors.joining("; "));
    }

    private String breve() {
        return preferenza + ". " + codiceUi + " (" + comune + ", " + (titolo == null ? "non verificato" : switch (titolo) {
            case RESIDENZA -> "residenza";
            case LAVORO -> "lavoro";
            case AMBITO -> "altro comune dell'ambito";
            case NON_AMMESSO -> "non ammesso";
        }) + ")";
    }

    /** Why the domanda could choose an alloggio there (art. 9), as the operator reads it. */
    public static String testo(TitoloDiScelta titolo) {
        return titolo == null ? "non verificato" : switch (titolo) {
            case RESIDENZA -> "comune di residenza";
            case LAVORO -> "comune di lavoro";
            case AMBITO -> "altro comune dell'ambito";
            // never stored: a domanda choosing where it may not is refused (422)
            case NON_AMMESSO -> "non ammesso";
        };
    }
}
