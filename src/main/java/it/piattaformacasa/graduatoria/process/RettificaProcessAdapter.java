package it.piattaformacasa.graduatoria.process;

import static it.piattaformacasa.graduatoria.process.RettificaBpmn.*;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.graduatoria.RettificaInvalidita;
import it.piattaformacasa.graduatoria.RettificaProcesso;

@Component
class RettificaProcessAdapter implements RettificaProcesso {

    private final RuntimeService runtimeService;
    private final TaskService taskService;

    RettificaProcessAdapter(RuntimeService runtimeService, TaskService taskService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    /** For the operators of the ente where the citizen registered the request (any abilitazione). */
    @Override
    public void avvia(RettificaInvalidita rettifica, String codiceFiscaleEnte) {
        runtimeService.createProcessInstanceByKey(PROCESS_ID)
                .businessKey(rettifica.getId().toString())
                .setVariables(Variables.createVariables()
                        .putValue(VAR_RETTIFICA_ID, rettifica.getId())
                        .putValue(VAR_GRUPPO_CANDIDATO, Gruppi.ente(CodiceFiscale.of(codiceFiscaleEnte))))
                .execute();
    }

    @Override
    public Map<Long, String> inCaricoA(Collection<Long> rettifiche) {
        if (rettifiche.isEmpty()) {
            return Map.of();
        }
        List<Task> assegnati = taskService.createTaskQuery().processDefinitionKey(PROCESS_ID).taskDefinitionKey(TASK_RETTIFICA)
                .taskAssigned().processInstanceBusinessKeyIn(rettifiche.stream().map(String::valueOf).toArray(String[]::new))
                .list();
        if (assegnati.isEmpty()) {
            return Map.of();
        }
        Map<String, String> chiavi = new HashMap<>();
        runtimeService.createProcessInstanceQuery()
                .processInstanceIds(assegnati.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                .list().forEach(i -> chiavi.put(i.getId(), i.getBusinessKey()));
        Map<Long, String> assegnatari = new HashMap<>();
        assegnati.forEach(t -> assegnatari.put(Long.valueOf(chiavi.get(t.getProcessInstanceId())), t.getAssignee()));
        return assegnatari;
    }
}
