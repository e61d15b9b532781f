package it.piattaformacasa.common.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import it.piattaformacasa.common.ConflittoException;

/**
 * Completing a user task from the API as Tasklist would: the operator takes it if nobody holds it («prendi in
 * carico»), someone else holding it is a conflict, and the form's fields go in. The process
 * step after the task records the outcome in the same transaction.
 */
public final class CompletamentoDaApi {

    private CompletamentoDaApi() {
    }

    /**
     * @param task     the open task, or null when there is none
     * @param cosa     how the caller names the work in messages («L'istruttoria 12», «La registrazione del contratto»)
     */
    public static void completa(TaskService taskService, Task task, String cosa, String operatore, Map<String, Object> campi) {
        if (task == null) {
            throw new ConflittoException(cosa + " non ha un'attività aperta");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(operatore)) {
            throw new ConflittoException(cosa + " è in carico a " + task.getAssignee());
        }
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), operatore);
        }
        try {
            // the operator holds the task now: the complete listener records them as who completed it
            taskService.complete(task.getId(), new HashMap<>(campi));
        } catch (OptimisticLockingException e) {
            throw new ConflittoException(cosa + " è stata chiusa o modificata nello stesso momento");
        }
    }
}
