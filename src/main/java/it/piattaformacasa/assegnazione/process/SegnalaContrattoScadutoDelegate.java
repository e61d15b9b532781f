package it.piattaformacasa.assegnazione.process;

import static it.piattaformacasa.assegnazione.process.ContrattoBpmn.*;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.sicurezza.Gruppi;

/** 30 days passed without a signed lease (art. 25): the supervisors see the task too; the ente keeps it. */
@Component("segnalaContrattoScadutoDelegate")
class SegnalaContrattoScadutoDelegate implements JavaDelegate {

    private final TaskService taskService;

    SegnalaContrattoScadutoDelegate(TaskService taskService) {
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(TASK_CONFERMA).list()) {
            taskService.addCandidateGroup(task.getId(), Gruppi.SUPERVISORI);
        }
    }
}
