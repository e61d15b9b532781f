package it.piattaformacasa.config.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields an operator may write when completing a task: the editable fields of the Camunda Form the task shows,
 * read from the form deployed with its process (so the form is the contract, and Tasklist, the engine REST API and
 * our API obey the same one), with what the form says of each: its kind, whether it is required, the values a choice
 * admits, the longest text. A task without a form accepts no variables. Deployed forms never change, so the answer is
 * cached per process definition and task.
 */
class CampiDelForm {

    /**
     * One editable field of a form; {@code etichetta} is what the operator reads beside it (its label, else its key).
     * A dynamic list ({@code dynamiclist}) is one field under its {@code path}, whose value is a list of rows;
     * {@code elementi} are the fields of a row, by their key within the row.
     */
    record Campo(String chiave, String tipo, boolean obbligatorio, Set<String> valoriAmmessi, Integer lunghezzaMassima,
                 String chiaveValori, String etichetta, Map<String, Campo> elementi) {

        Campo(String chiave, String tipo, boolean obbligatorio, Set<String> valoriAmmessi, Integer lunghezzaMassima,
              String chiaveValori, String etichetta) {
            this(chiave, tipo, obbligatorio, valoriAmmessi, lunghezzaMassima, chiaveValori, etichetta, Map.of());
        }

        boolean elenco() {
            return "dynamiclist".equals(tipo);
        }

        boolean testoLibero() {
            return "textarea".equals(tipo);
        }

        /** A checklist or a tag list: several of the form's values at once. */
        boolean lista() {
            return "checklist".equals(tipo) || "taglist".equals(tipo);
        }

        boolean scelta() {
            return "radio".equals(tipo) || "select".equals(tipo);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, Campo>> perAttivita = new ConcurrentHashMap<>();

    Map<String, Campo> modificabili(CommandContext contesto, TaskEntity task) {
        if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
            return Map.of(); // a standalone task has no form of ours
        }
        return perAttivita.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                chiave -> leggi(contesto, task));
    }

    private static Map<String, Campo> leggi(CommandContext contesto, TaskEntity task) {
        if (task.getTaskDefinition() == null || task.getTaskDefinition().getCamundaFormDefinitionKey() == null) {
            return Map.of();
        }
        try (InputStream form = contesto.runWithoutAuthorization(new GetDeployedTaskFormCmd(task.getId()))) {
            Map<String, Campo> campi = new LinkedHashMap<>();
            raccogli(JSON.readTree(form), campi);
            return Collections.unmodifiableMap(campi);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A date field's label is its dateLabel; a field without one is named by its key. */
    private static String etichetta(JsonNode componente, String chiave) {
        for (String nome : new String[] {"label", "dateLabel", "timeLabel"}) {
            String testo = componente.path(nome).asText("").strip();
            if (!testo.isEmpty()) {
                return testo;
            }
        }
        return chiave;
    }

    /** Fields with a key that the operator can change: not read-only, not disabled (form-js does not submit those). */
    static void raccogli(JsonNode nodo, Map<String, Campo> campi) {
        for (JsonNode componente : nodo.path("components")) {
            if ("dynamiclist".equals(componente.path("type").asText()) && componente.hasNonNull("path")) {
                // its fields belong to its rows, not to the form's top level
                Map<String, Campo> elementi = new LinkedHashMap<>();
                raccogli(componente, elementi);
                String chiave = componente.get("path").asText();
                campi.put(chiave, new Campo(chiave, "dynamiclist", false, Set.of(), null, null,
                        etichetta(componente, chiave), Collections.unmodifiableMap(elementi)));
                continue;
            }
            if (componente.hasNonNull("key") && !componente.path("readonly").asBoolean(false)
                    && !componente.path("disabled").asBoolean(false)) {
                String chiave = componente.get("key").asText();
                Set<String> valori = new LinkedHashSet<>();
                componente.path("values").forEach(v -> valori.add(v.path("value").asText()));
                JsonNode regole = componente.path("validate");
                // a field the form hides on a condition (the contract's data when the nucleo refuses, the alloggio unless
                // the istruttoria is AMMISSIBILE) is required only where it shows: form-js checks it then, the engine
                // cannot evaluate the FEEL condition, and the step after the task checks the case's own rules
                boolean obbligatorio = regole.path("required").asBoolean(false) && !componente.path("conditional").hasNonNull("hide");
                campi.put(chiave, new Campo(chiave, componente.path("type").asText(), obbligatorio,
                        Collections.unmodifiableSet(valori), regole.has("maxLength") ? regole.get("maxLength").asInt() : null,
                        // options the platform wrote on the task (a variable named by valuesKey) instead of the form's own
                        componente.hasNonNull("valuesKey") ? componente.get("valuesKey").asText() : null,
                        etichetta(componente, chiave)));
            }
            raccogli(componente, campi);
        }
    }
}
