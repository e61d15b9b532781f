package it.piattaformacasa.config.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashSet;
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
 * our API obey the same one). A task without a form accepts no variables. Deployed forms never change, so the
 * answer is cached per process definition and task.
 */
class CampiDelForm {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Set<String>> perAttivita = new ConcurrentHashMap<>();

    Set<String> modificabili(CommandContext contesto, TaskEntity task) {
        if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
            return Set.of(); // a standalone task has no form of ours
        }
        return perAttivita.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                chiave -> leggi(contesto, task));
    }

    private static Set<String> leggi(CommandContext contesto, TaskEntity task) {
        if (task.getTaskDefinition() == null || task.getTaskDefinition().getCamundaFormDefinitionKey() == null) {
            return Set.of();
        }
        try (InputStream form = contesto.runWithoutAuthorization(new GetDeployedTaskFormCmd(task.getId()))) {
            Set<String> campi = new HashSet<>();
            raccogli(JSON.readTree(form), campi);
            return Collections.unmodifiableSet(campi);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fields with a key that the operator can change: not read-only, not disabled (form-js does not submit those). */
    static void raccogli(JsonNode nodo, Set<String> campi) {
        for (JsonNode componente : nodo.path("components")) {
            if (componente.hasNonNull("key") && !componente.path("readonly").asBoolean(false)
                    && !componente.path("disabled").asBoolean(false)) {
                campi.add(componente.get("key").asText());
            }
            raccogli(componente, campi);
        }
    }
}
