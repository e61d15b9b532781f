package it.piattaformacasa.assegnazione.process;

import it.piattaformacasa.common.process.CompletamentoDaApi;
import static it.piattaformacasa.assegnazione.process.ContrattoBpmn.*;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import it.piattaformacasa.assegnazione.ContrattoProcesso;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.sicurezza.Gruppi;

@Component
class ContrattoProcessAdapter implements ContrattoProcesso {

    private final RuntimeService runtimeService;
    private final TaskService taskService;

    ContrattoProcessAdapter(RuntimeService runtimeService, TaskService taskService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    @Override
    public void avvia(long assegnazioneId, String codiceFiscaleEnte, Instant scadenza) {
        runtimeService.createProcessInstanceByKey(PROCESS_ID)
                .businessKey(Long.toString(assegnazioneId))
                .setVariables(Variables.createVariables()
                        .putValue(VAR_ASSEGNAZIONE_ID, assegnazioneId)
                        .putValue(VAR_GRUPPO_CANDIDATO, Gruppi.ente(CodiceFiscale.of(codiceFiscaleEnte)))
                        .putValue(VAR_SCADENZA, Date.from(scadenza)))
                .execute();
    }

    @Override
    public void completa(long assegnazioneId, String operatore, Map<String, Object> campi) {
        Task task = taskService.createTaskQuery().processDefinitionKey(PROCESS_ID).taskDefinitionKey(TASK_CONFERMA)
                .processInstanceBusinessKey(Long.toString(assegnazioneId)).singleResult();
        CompletamentoDaApi.completa(taskService, task, "La registrazione del contratto dell'assegnazione " + assegnazioneId,
                operatore, campi);
    }
}
