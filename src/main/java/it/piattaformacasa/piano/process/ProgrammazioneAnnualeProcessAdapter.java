package it.piattaformacasa.piano.process;

import static it.piattaformacasa.piano.process.ProgrammazioneAnnualeBpmn.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.process.CompletamentoDaApi;
import it.piattaformacasa.piano.PianoAnnuale;
import it.piattaformacasa.piano.PianoAnnualeProcesso;

@Component
class ProgrammazioneAnnualeProcessAdapter implements PianoAnnualeProcesso {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;

    ProgrammazioneAnnualeProcessAdapter(RuntimeService runtimeService, TaskService taskService,
                                        ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
    }

    @Override
    public void avvia(PianoAnnuale piano) {
        runtimeService.createProcessInstanceByKey(PROCESS_ID)
                .businessKey(Long.toString(piano.id()))
                .setVariables(Variables.createVariables().putValue(VAR_PIANO_ID, piano.id()))
                .execute();
    }

    @Override
    public void ripianifica(PianoAnnuale piano) {
        ProcessInstance istanza = istanza(piano.id());
        if (istanza == null) {
            return;
        }
        // the timer's date was read when it was created: the new start of the window moves its job
        for (Job job : managementService.createJobQuery().processInstanceId(istanza.getId())
                .activityId(TIMER_INIZIO_COMUNICAZIONI).list()) {
            managementService.setJobDuedate(job.getId(), Date.from(piano.aperturaComunicazioni()));
        }
    }

    @Override
    public boolean comunicazioneAperta(long pianoId, long comunicazioneId) {
        return task(pianoId, comunicazioneId) != null;
    }

    @Override
    public void completaComunicazione(long pianoId, long comunicazioneId, String operatore, Map<String, Object> campi) {
        CompletamentoDaApi.completa(taskService, task(pianoId, comunicazioneId), "La comunicazione " + comunicazioneId, operatore,
                campi);
    }

    @Override
    public void completaDecisione(long pianoId, String operatore, Map<String, Object> campi) {
        Task task = taskService.createTaskQuery().processDefinitionKey(PROCESS_ID).processInstanceBusinessKey(Long.toString(pianoId))
                .taskDefinitionKey(TASK_APPROVA).singleResult();
        CompletamentoDaApi.completa(taskService, task, "Il piano annuale " + pianoId, operatore, campi);
    }

    @Override
    public void riapriDopoApprovazione(long pianoId, LocalDate nuovaFine, String operatore) {
        ProcessInstance istanza = istanza(pianoId);
        if (istanza == null || runtimeService.createExecutionQuery().processInstanceId(istanza.getId())
                .messageEventSubscriptionName(MESSAGE_RIAPERTO).count() == 0) {
            throw new ConflittoException("Il piano annuale " + pianoId + " non è in vigore: non si riapre");
        }
        // what the capofila decided, for the reopening step in this transaction only (as a form's values)
        runtimeService.createMessageCorrelation(MESSAGE_RIAPERTO).processInstanceId(istanza.getId())
                .setVariable(it.piattaformacasa.piano.CampiDecisione.NUOVA_FINE,
                        Variables.stringValue(nuovaFine.toString(), true))
                .setVariable(VAR_COMPLETATA_DA, Variables.stringValue(operatore, true))
                .correlateWithResult();
    }

    @Override
    public void annulla(long pianoId) {
        ProcessInstance istanza = istanza(pianoId);
        if (istanza != null) {
            runtimeService.createMessageCorrelation(MESSAGE_ANNULLATO).processInstanceId(istanza.getId()).correlateWithResult();
        }
    }

    private ProcessInstance istanza(long pianoId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(pianoId)).singleResult();
    }

    private Task task(long pianoId, long comunicazioneId) {
        // the element variable is local to each task's execution: a handful of tasks per plan, read one by one
        for (Task task : taskService.createTaskQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(pianoId)).taskDefinitionKey(TASK_COMUNICA).list()) {
            if (runtimeService.getVariable(task.getExecutionId(), VAR_COMUNICAZIONE_ID) instanceof Number id
                    && id.longValue() == comunicazioneId) {
                return task;
            }
        }
        return null;
    }
}
