package it.piattaformacasa.operatori.process;

import static it.piattaformacasa.operatori.process.AbilitazioniBpmn.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.process.CompletamentoDaApi;
import it.piattaformacasa.operatori.AbilitazioniProcesso;
import it.piattaformacasa.operatori.RichiestaAbilitazione;

@Component
class AbilitazioniProcessAdapter implements AbilitazioniProcesso {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final RepositoryService repositoryService;

    AbilitazioniProcessAdapter(RuntimeService runtimeService, TaskService taskService, RepositoryService repositoryService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
    }

    @Override
    public String avvia(long richiestaId) {
        return runtimeService.startProcessInstanceByKey(PROCESS_ID, Long.toString(richiestaId),
                Map.of(VAR_RICHIESTA_ID, richiestaId)).getId();
    }

    @Override
    public void valida(long richiestaId, String validatore, RichiestaAbilitazione.Esito esito, String motivo) {
        Task task = taskService.createTaskQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(richiestaId)).taskDefinitionKey(TASK_VALIDA).singleResult();
        CompletamentoDaApi.completa(taskService, task, "La richiesta di abilitazione " + richiestaId, validatore,
                Map.of(VAR_ESITO, esito.name(), VAR_MOTIVO, motivo == null ? "" : motivo));
    }

    /** Runs in the validator's completion: the tasks are an ente's, which the validator may neither see nor assign. */
    @Override
    public List<AttivitaRilasciata> rilascia(String username, Set<String> persi, Set<String> rimasti) {
        return SenzaAutorizzazioni.esegui(() -> {
            List<AttivitaRilasciata> rilasciate = new ArrayList<>();
            for (Task task : taskService.createTaskQuery().taskAssignee(username).list()) {
                boolean persa = false;
                boolean rimasta = false;
                for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                        persa |= persi.contains(link.getGroupId());
                        rimasta |= rimasti.contains(link.getGroupId());
                    }
                }
                if (persa && !rimasta) {
                    taskService.setAssignee(task.getId(), null);
                    String processo = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
                    String chiave = task.getProcessInstanceId() == null ? null : runtimeService.createProcessInstanceQuery()
                            .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
                    rilasciate.add(new AttivitaRilasciata(task.getId(), task.getName(), processo, chiave));
                }
            }
            return rilasciate;
        });
    }
}
