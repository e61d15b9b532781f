package it.piattaformacasa.scadenze.process;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.scadenze.Scadenza;
import it.piattaformacasa.scadenze.ScadenzeProcesso;

@Component
class ScadenzeProcessAdapter implements ScadenzeProcesso {

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;

    ScadenzeProcessAdapter(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
    }

    @Override
    public List<Scadenza> aperteEntro(Instant limite, Instant adesso) {
        Map<String, Task> tasks = new LinkedHashMap<>();
        taskService.createTaskQuery().dueBefore(Date.from(limite)).list().forEach(t -> tasks.put(t.getId(), t));
        taskService.createTaskQuery().taskCandidateGroup(Gruppi.SUPERVISORI).includeAssignedTasks().list()
                .forEach(t -> tasks.put(t.getId(), t));
        return tasks.values().stream().map(t -> scadenza(t, adesso))
                .sorted(Comparator.comparing(Scadenza::scadenza, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private Scadenza scadenza(Task task, Instant adesso) {
        List<String> gruppi = taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
        String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
        String processo = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getName();
        Instant scadenza = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        return new Scadenza(task.getId(), task.getName(), processo, businessKey, gruppi, task.getAssignee(), scadenza,
                scadenza != null && scadenza.isBefore(adesso), gruppi.contains(Gruppi.SUPERVISORI));
    }
}
