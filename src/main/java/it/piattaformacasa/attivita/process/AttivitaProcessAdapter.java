package it.piattaformacasa.attivita.process;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import it.piattaformacasa.attivita.AttivitaProcesso;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.process.PraticaNellElenco;

@Component
class AttivitaProcessAdapter implements AttivitaProcesso {

    private final TaskService taskService;

    AttivitaProcessAdapter(TaskService taskService) {
        this.taskService = taskService;
    }

    @Override
    public void prendiInCarico(String taskId, String operatore) {
        Task task = visibile(taskId, operatore);
        if (operatore.equals(task.getAssignee())) {
            return; // already the operator's: taking it again changes nothing
        }
        if (task.getAssignee() != null) {
            throw giaInCarico(task, task.getAssignee());
        }
        try {
            taskService.claim(taskId, operatore);
        } catch (TaskAlreadyClaimedException e) {
            throw giaInCarico(task, e.getTaskAssignee());
        } catch (OptimisticLockingException e) {
            // another operator's claim committed between our read and our write
            throw new ConflittoException("L'attività «" + task.getName() + "» è stata appena presa in carico da un altro operatore");
        }
    }

    @Override
    public void rilascia(String taskId, String operatore) {
        Task task = visibile(taskId, operatore);
        if (!operatore.equals(task.getAssignee())) {
            throw new ConflittoException("L'attività «" + task.getName() + "» non è in carico a " + operatore);
        }
        taskService.setAssignee(taskId, null);
    }

    @Override
    public List<AttivitaAperta> aperteDellaPagina(String pagina, String operatore, boolean tutte) {
        Set<String> candidato = taskService.createTaskQuery().taskVariableValueEquals(PraticaNellElenco.VAR_PAGINA, pagina)
                .taskCandidateUser(operatore).includeAssignedTasks().list().stream().map(Task::getId).collect(Collectors.toSet());
        TaskQuery query = taskService.createTaskQuery().taskVariableValueEquals(PraticaNellElenco.VAR_PAGINA, pagina);
        List<Task> aperte = tutte ? query.list() : query.list().stream()
                .filter(t -> candidato.contains(t.getId()) || operatore.equals(t.getAssignee())).toList();
        return aperte.stream()
                .sorted(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Task::getName))
                .map(t -> new AttivitaAperta(t.getId(), t.getName(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                        t.getAssignee(), candidato.contains(t.getId())))
                .toList();
    }

    /** Only tasks the operator is a candidate for (through its groups) or holds; others do not exist for it. */
    private Task visibile(String taskId, String operatore) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        boolean candidato = task != null && (operatore.equals(task.getAssignee())
                || taskService.createTaskQuery().taskId(taskId).taskCandidateUser(operatore).includeAssignedTasks().count() > 0);
        if (!candidato) {
            throw new NonTrovatoException("Attività " + taskId + " non trovata");
        }
        return task;
    }

    private static ConflittoException giaInCarico(Task task, String chi) {
        return new ConflittoException("L'attività «" + task.getName() + "» è già in carico a " + chi);
    }
}
