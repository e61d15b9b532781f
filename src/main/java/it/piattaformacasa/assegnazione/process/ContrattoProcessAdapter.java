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

    @Override
    public void rinunciaDelNucleo(long assegnazioneId, String cittadino, String motivo) {
        Task task = aperta(assegnazioneId);
        if (task == null) {
            throw new it.piattaformacasa.common.ConflittoException("La proposta di alloggio " + assegnazioneId
                    + " non è più in attesa di risposta");
        }
        taskService.setVariableLocal(task.getId(), MODULO_RISPOSTA, "Rinuncia del nucleo online: " + motivo);
        // the nucleo's own act: whoever of the ente held the task, it is completed as the citizen's (completataDa)
        taskService.setAssignee(task.getId(), cittadino);
        taskService.complete(task.getId(), Map.of(VAR_ESITO, "RINUNCIA", VAR_MOTIVO_RINUNCIA, motivo));
    }

    @Override
    public void annotaRisposta(long assegnazioneId, String testo) {
        Task task = aperta(assegnazioneId);
        if (task != null) {
            taskService.setVariableLocal(task.getId(), MODULO_RISPOSTA, testo);
        }
    }

    private Task aperta(long assegnazioneId) {
        return taskService.createTaskQuery().processDefinitionKey(PROCESS_ID).taskDefinitionKey(TASK_CONFERMA)
                .processInstanceBusinessKey(Long.toString(assegnazioneId)).singleResult();
    }
}
