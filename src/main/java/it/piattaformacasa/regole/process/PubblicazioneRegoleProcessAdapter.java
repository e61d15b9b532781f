package it.piattaformacasa.regole.process;

import static it.piattaformacasa.regole.process.PubblicazioneRegoleBpmn.*;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.process.CompletamentoDaApi;
import it.piattaformacasa.regole.PubblicazioneRegoleProcesso;

@Component
class PubblicazioneRegoleProcessAdapter implements PubblicazioneRegoleProcesso {

    private final RuntimeService runtimeService;
    private final TaskService taskService;

    PubblicazioneRegoleProcessAdapter(RuntimeService runtimeService, TaskService taskService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    @Override
    public void avvia(String nome, int versione, String richiedente, String autore, LocalDate validoDal) {
        runtimeService.createProcessInstanceByKey(PROCESS_ID)
                .businessKey(nome)
                .setVariables(Variables.createVariables()
                        .putValue(VAR_NOME, nome)
                        .putValue(VAR_VERSIONE, versione)
                        .putValue(VAR_RICHIEDENTE, richiedente)
                        .putValue(VAR_AUTORE, autore)
                        .putValue(VAR_VALIDO_DAL, validoDal.toString())
                        // what the approval form shows: gg/mm/aaaa
                        .putValue(VAR_VALIDO_DAL_TESTO, it.piattaformacasa.common.ItalianFormats.data(validoDal)))
                .execute();
    }

    @Override
    public boolean inCorso(String nome) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(nome).active().count() > 0;
    }

    @Override
    public void completa(String nome, String operatore, Map<String, Object> campi) {
        Task task = taskService.createTaskQuery().processDefinitionKey(PROCESS_ID).taskDefinitionKey(TASK_APPROVA)
                .processInstanceBusinessKey(nome).singleResult();
        CompletamentoDaApi.completa(taskService, task, "La pubblicazione di «" + nome + "»", operatore, campi);
    }
}
