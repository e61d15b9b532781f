package it.piattaformacasa.domanda;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The dwellings a domanda declared (column {@code domanda.alloggi_posseduti}), each with the rule that decided it does
 * not exclude the nucleo: what the istruttoria verifies and the explanation tells the citizen.
 */
final class AlloggiPosseduti {

    /** @param regola the description of the rule of rules/alloggi.dmn that decided, citing the article */
    record Valutato(DatiDomanda.AlloggioPosseduto alloggio, String regola) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private AlloggiPosseduti() {
    }

    /** «nuda proprietà», «usufrutto»: the right in words. */
    static String diritto(it.piattaformacasa.regole.RegoleAlloggi.Diritto diritto) {
        return switch (diritto) {
            case PROPRIETA -> "proprietà";
            case NUDA_PROPRIETA -> "nuda proprietà";
            case USUFRUTTO -> "usufrutto";
            case USO -> "diritto d'uso";
            case ABITAZIONE -> "diritto di abitazione";
        };
    }

    static String json(List<Valutato> alloggi) {
        try {
            return JSON.writeValueAsString(alloggi);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Valutato> da(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Valutato>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alloggi_posseduti illeggibile: " + e.getOriginalMessage(), e);
        }
    }
}
