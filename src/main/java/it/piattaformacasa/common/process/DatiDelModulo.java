package it.piattaformacasa.common.process;

import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * What a task's Camunda Form shows and offers, written by the platform on the task: a list of options (a select's or
 * a checklist's {@code valuesKey}) or the rows of a table, as a Json variable, which Tasklist reads as a list. The
 * engine guard takes a choice's admitted values from the same variable, so an operator can only send one of them.
 */
public final class DatiDelModulo {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private DatiDelModulo() {
    }

    /** A record, a list or a map as a Json variable. */
    public static TypedValue json(Object valore) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(valore)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Dati del modulo non serializzabili", e);
        }
    }

    /** One option of a choice: what the operator reads and what the form submits. */
    public record Opzione(String label, Object value) {
    }
}
