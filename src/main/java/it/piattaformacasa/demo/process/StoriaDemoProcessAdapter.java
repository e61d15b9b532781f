package it.piattaformacasa.demo.process;

import static it.piattaformacasa.piano.process.ProgrammazioneAnnualeBpmn.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import it.piattaformacasa.anagrafe.CertificazioneAnagrafe;
import it.piattaformacasa.anagrafe.process.CertificazioneAnagrafeBpmn;
import it.piattaformacasa.common.process.CompletamentoDaApi;
import it.piattaformacasa.demo.StoriaDemoProcesso;

/**
 * Fires the named timers of the demo's annual plans with {@link ManagementService#executeJob}, as the job executor
 * would at their due date (the demo data calls it with the platform's time at that date), and completes the demo
 * enti's certification as Tasklist would: claim, then complete with the form's fields.
 */
@Component
class StoriaDemoProcessAdapter implements StoriaDemoProcesso {

    private final ProcessEngine processEngine;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;

    StoriaDemoProcessAdapter(ProcessEngine processEngine, RuntimeService runtimeService, TaskService taskService,
                             ManagementService managementService) {
        this.processEngine = processEngine;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
    }

    @Override
    public boolean lavoriInEsecuzione() {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor();
        return executor != null && executor.isActive();
    }

    @Override
    public void apriComunicazioni(long pianoId) {
        esegui(pianoId, List.of(TIMER_INIZIO_COMUNICAZIONI));
    }

    @Override
    public void chiudiComunicazioni(long pianoId) {
        esegui(pianoId, List.of(TIMER_FINE_COMUNICAZIONI, TIMER_ATTESA_FINE_COMUNICAZIONI));
    }

    @Override
    public void concludiAnno(long pianoId) {
        esegui(pianoId, List.of(TIMER_FINE_ANNO));
    }

    @Override
    public void certificaAnagrafe(String codiceFiscaleEnte, int anno, String operatore, String note) {
        Task task = taskService.createTaskQuery().processDefinitionKey(CertificazioneAnagrafeBpmn.PROCESS_ID)
                .processInstanceBusinessKey(CertificazioneAnagrafeBpmn.businessKey(codiceFiscaleEnte, anno))
                .taskDefinitionKey(CertificazioneAnagrafeBpmn.TASK_CERTIFICA).singleResult();
        CompletamentoDaApi.completa(taskService, task, "La certificazione " + anno + " di " + codiceFiscaleEnte, operatore,
                Map.of(CertificazioneAnagrafeBpmn.VAR_ESITO, CertificazioneAnagrafe.Esito.DATI_AGGIORNATI.name(),
                        CertificazioneAnagrafeBpmn.VAR_NOTE, note));
    }

    /** The one timer of the plan's process waiting at one of {@code timer} (only one of them can be waiting). */
    private void esegui(long pianoId, List<String> timer) {
        ProcessInstance istanza = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(pianoId)).singleResult();
        if (istanza == null) {
            throw new IllegalStateException("Il piano annuale " + pianoId + " non ha un processo in corso");
        }
        List<Job> lavori = timer.stream().flatMap(t -> managementService.createJobQuery().processInstanceId(istanza.getId())
                .activityId(t).list().stream()).toList();
        if (lavori.size() != 1) {
            throw new IllegalStateException("Il piano annuale " + pianoId + " non attende uno di " + timer + ": " + lavori.size());
        }
        managementService.executeJob(lavori.get(0).getId());
    }
}
