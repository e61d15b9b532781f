package it.piattaformacasa.graduatoria.process;

import static it.piattaformacasa.graduatoria.process.GraduatoriaBpmn.TASK_APPROVA;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * The 5-day deadline passed: the still-open approval task is also given to the supervisors (it stays with the ente:
 * the timer does not interrupt it), and the graduatoria records when it was escalated.
 */
@Component("sollecitaApprovazioneDelegate")
class SollecitaApprovazioneDelegate implements JavaDelegate {

    private final GraduatoriaService graduatorie;
    private final TaskService taskService;

    SollecitaApprovazioneDelegate(GraduatoriaService graduatorie, TaskService taskService) {
        this.graduatorie = graduatorie;
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(TASK_APPROVA).list()) {
            taskService.addCandidateGroup(task.getId(), Gruppi.SUPERVISORI);
        }
        graduatorie.sollecita(GraduatoriaEspressioni.id(execution));
    }
}
