package it.piattaformacasa.assegnazione.process;

import it.piattaformacasa.common.process.CompletamentoDaApi;
import static it.piattaformacasa.assegnazione.process.IstruttoriaBpmn.*;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import it.piattaformacasa.assegnazione.IstruttoriaProcesso;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.sicurezza.Gruppi;

@Component
class IstruttoriaProcessAdapter implements IstruttoriaProcesso {

    private final RuntimeService runtimeService;
    private final TaskService taskService;

    IstruttoriaProcessAdapter(RuntimeService runtimeService, TaskService taskService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    @Override
    public void avvia(long istruttoriaId, String codiceFiscaleEnte, String operatore) {
        String istanza = runtimeService.createProcessInstanceByKey(PROCESS_ID)
                .businessKey(Long.toString(istruttoriaId))
                .setVariables(Variables.createVariables()
                        .putValue(VAR_ISTRUTTORIA_ID, istruttoriaId)
                        .putValue(VAR_GRUPPO_CANDIDATO, Gruppi.istruttoria(CodiceFiscale.of(codiceFiscaleEnte))))
                .execute().getId();
        // «prendi in carico»: whoever starts the istruttoria holds it (the model assigns groups only)
        Task task = taskService.createTaskQuery().processInstanceId(istanza).taskDefinitionKey(TASK_VERIFICA).singleResult();
        taskService.claim(task.getId(), operatore);
    }

    @Override
    public void completaVerifica(long istruttoriaId, String operatore, Map<String, Object> campi) {
        Task task = taskService.createTaskQuery().processDefinitionKey(PROCESS_ID).taskDefinitionKey(TASK_VERIFICA)
                .processInstanceBusinessKey(Long.toString(istruttoriaId)).singleResult();
        CompletamentoDaApi.completa(taskService, task, "L'istruttoria " + istruttoriaId, operatore, campi);
    }

    @Override
    public void chiudiPerAssegnazioneAltrove(long istruttoriaId) {
        try {
            runtimeService.createMessageCorrelation(MESSAGE_ASSEGNATO_ALTROVE)
                    .processInstanceBusinessKey(Long.toString(istruttoriaId))
                    .correlateAll();
        } catch (OptimisticLockingException e) {
            // the other ente was completing its own verification at the same moment: this transaction yields
            throw new ConflittoException("L'istruttoria " + istruttoriaId + " di un altro ente è stata modificata nello stesso "
                    + "momento: riprovare");
        }
    }
}
