package it.piattaformacasa.domanda;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.regole.DatiIsbar;
import it.piattaformacasa.regole.DatiRequisiti;

/**
 * What the rules saw when a domanda was scored (column {@code domanda.input_regole}): simulations and re-scorings
 * evaluate other rule versions on exactly these inputs, not on a reconstruction from today's data.
 */
public record InputRegole(@JsonProperty("isbar") DatiIsbar isbar,
                          @JsonProperty("requisiti-economici") DatiRequisiti requisiti) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static String json(DatiIsbar isbar, DatiRequisiti requisiti) {
        try {
            return JSON.writeValueAsString(new InputRegole(isbar, requisiti));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static InputRegole da(String json) {
        try {
            return JSON.readValue(json, InputRegole.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("input_regole illeggibile: " + e.getOriginalMessage(), e);
        }
    }
}
