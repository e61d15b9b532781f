package it.piattaformacasa.config.process;

import java.io.InputStream;
import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's task, form and management services with {@link GuardiaAttivita} in front. Every door — Tasklist's
 * API, {@code /engine-rest}, our own API — reaches the engine through these objects, so the rules hold whatever the
 * door. Each guard runs in the same command (and transaction) as the operation it guards.
 */
final class ServiziProtetti {

    private ServiziProtetti() {
    }

    static TaskEntity task(CommandContext contesto, String taskId) {
        return taskId == null ? null : contesto.getTaskManager().findTaskById(taskId);
    }

    static VariableMap completa(CommandContext contesto, GuardiaAttivita guardia, String taskId, Map<String, Object> variabili,
                                boolean restituisci, boolean deserializza) {
        TaskEntity task = task(contesto, taskId);
        if (task != null) {
            // who may work the task first: another ente's operator gets 403 whatever the variables
            contesto.getProcessEngineConfiguration().getCommandCheckers().forEach(c -> c.checkTaskWork(task));
            guardia.verificaCompletamento(contesto, task);
        }
        Map<String, Object> ammesse = task == null ? variabili : guardia.perCompletamento(contesto, task, variabili);
        try {
            if (task != null && DelegationState.PENDING.equals(task.getDelegationState())) {
                new ResolveTaskCmd(taskId, ammesse).execute(contesto);
                return null;
            }
            return new CompleteTaskCmd(taskId, ammesse, restituisci, deserializza).execute(contesto);
        } catch (RuntimeException rifiuto) {
            // the step after the task refused the form's values: the operator reads each field by its label
            throw task == null ? rifiuto : guardia.conEtichette(contesto, task, rifiuto);
        }
    }

    static class Attivita extends TaskServiceImpl {

        private final GuardiaAttivita guardia;

        Attivita(GuardiaAttivita guardia) {
            this.guardia = guardia;
        }

        @Override
        public void complete(String taskId, Map<String, Object> variables) {
            commandExecutor.execute(c -> completa(c, guardia, taskId, variables, false, false));
        }

        @Override
        public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserialize) {
            return commandExecutor.execute(c -> completa(c, guardia, taskId, variables, true, deserialize));
        }

        @Override
        public void resolveTask(String taskId, Map<String, Object> variables) {
            commandExecutor.execute(c -> {
                TaskEntity task = task(c, taskId);
                if (task != null) {
                    c.getProcessEngineConfiguration().getCommandCheckers().forEach(k -> k.checkTaskWork(task));
                    guardia.verificaCompletamento(c, task);
                }
                return new ResolveTaskCmd(taskId, task == null ? variables : guardia.perCompletamento(c, task, variables)).execute(c);
            });
        }

        @Override
        public void claim(String taskId, String userId) {
            commandExecutor.execute(c -> {
                verificaAssegnazione(c, taskId, userId, "prendere in carico un'attività");
                super.claim(taskId, userId);
                return null;
            });
        }

        @Override
        public void setAssignee(String taskId, String userId) {
            commandExecutor.execute(c -> {
                TaskEntity task = task(c, taskId);
                if (task != null && userId == null) {
                    if (guardia.verificaRilascio(c, task)) {
                        // releasing one's own task: candidates hold TASK_WORK, not TASK_ASSIGN, and Tasklist's
                        // «unclaim» would otherwise be refused to the very operator who claimed it
                        c.runWithoutAuthorization(() -> {
                            super.setAssignee(taskId, null);
                            return null;
                        });
                        return null;
                    }
                } else {
                    verificaAssegnazione(c, taskId, userId, "assegnare un'attività");
                }
                super.setAssignee(taskId, userId);
                return null;
            });
        }

        @Override
        public void delegateTask(String taskId, String userId) {
            commandExecutor.execute(c -> {
                verificaAssegnazione(c, taskId, userId, "delegare un'attività");
                super.delegateTask(taskId, userId);
                return null;
            });
        }

        @Override
        public void setOwner(String taskId, String userId) {
            commandExecutor.execute(c -> {
                verificaAssegnazione(c, taskId, userId, "cambiare il titolare di un'attività");
                super.setOwner(taskId, userId);
                return null;
            });
        }

        private void verificaAssegnazione(CommandContext c, String taskId, String userId, String operazione) {
            TaskEntity task = task(c, taskId);
            if (task != null) {
                guardia.verificaAssegnazione(c, task, userId, operazione);
            }
        }

        @Override
        public void saveTask(org.camunda.bpm.engine.task.Task task) {
            soloAmministratori("creare o modificare un'attività (scadenze, assegnatario, nome)", () -> super.saveTask(task));
        }

        @Override
        protected void setVariables(String taskId, Map<String, ?> variables, boolean local) {
            soloAmministratori("modificare le variabili di un'attività", () -> super.setVariables(taskId, variables, local));
        }

        @Override
        protected void updateVariables(String taskId, Map<String, ?> modifications, Collection<String> deletions, boolean local) {
            soloAmministratori("modificare le variabili di un'attività",
                    () -> super.updateVariables(taskId, modifications, deletions, local));
        }

        @Override
        public void removeVariable(String taskId, String variableName) {
            soloAmministratori("modificare le variabili di un'attività", () -> super.removeVariable(taskId, variableName));
        }

        @Override
        public void removeVariableLocal(String taskId, String variableName) {
            soloAmministratori("modificare le variabili di un'attività", () -> super.removeVariableLocal(taskId, variableName));
        }

        @Override
        public void removeVariables(String taskId, Collection<String> variableNames) {
            soloAmministratori("modificare le variabili di un'attività", () -> super.removeVariables(taskId, variableNames));
        }

        @Override
        public void removeVariablesLocal(String taskId, Collection<String> variableNames) {
            soloAmministratori("modificare le variabili di un'attività", () -> super.removeVariablesLocal(taskId, variableNames));
        }

        @Override
        public void addUserIdentityLink(String taskId, String userId, String identityLinkType) {
            soloAmministratori("cambiare i candidati di un'attività", () -> super.addUserIdentityLink(taskId, userId, identityLinkType));
        }

        @Override
        public void addGroupIdentityLink(String taskId, String groupId, String identityLinkType) {
            soloAmministratori("cambiare i candidati di un'attività", () -> super.addGroupIdentityLink(taskId, groupId, identityLinkType));
        }

        @Override
        public void addCandidateUser(String taskId, String userId) {
            soloAmministratori("cambiare i candidati di un'attività", () -> super.addCandidateUser(taskId, userId));
        }

        @Override
        public void addCandidateGroup(String taskId, String groupId) {
            soloAmministratori("cambiare i candidati di un'attività", () -> super.addCandidateGroup(taskId, groupId));
        }

        @Override
        public void deleteUserIdentityLink(String taskId, String userId, String identityLinkType) {
            soloAmministratori("cambiare i candidati di un'attività",
                    () -> super.deleteUserIdentityLink(taskId, userId, identityLinkType));
        }

        @Override
        public void deleteGroupIdentityLink(String taskId, String groupId, String identityLinkType) {
            soloAmministratori("cambiare i candidati di un'attività",
                    () -> super.deleteGroupIdentityLink(taskId, groupId, identityLinkType));
        }

        @Override
        public void deleteCandidateUser(String taskId, String userId) {
            soloAmministratori("cambiare i candidati di un'attività", () -> super.deleteCandidateUser(taskId, userId));
        }

        @Override
        public void deleteCandidateGroup(String taskId, String groupId) {
            soloAmministratori("cambiare i candidati di un'attività", () -> super.deleteCandidateGroup(taskId, groupId));
        }

        @Override
        public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
            soloAmministratori("chiudere un'attività con un errore BPMN",
                    () -> super.handleBpmnError(taskId, errorCode, errorMessage, variables));
        }

        @Override
        public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
            soloAmministratori("chiudere un'attività con un errore BPMN", () -> super.handleBpmnError(taskId, errorCode, errorMessage));
        }

        @Override
        public void handleBpmnError(String taskId, String errorCode) {
            soloAmministratori("chiudere un'attività con un errore BPMN", () -> super.handleBpmnError(taskId, errorCode));
        }

        @Override
        public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
            soloAmministratori("segnalare un'escalation da un'attività", () -> super.handleEscalation(taskId, escalationCode, variables));
        }

        @Override
        public void handleEscalation(String taskId, String escalationCode) {
            soloAmministratori("segnalare un'escalation da un'attività", () -> super.handleEscalation(taskId, escalationCode));
        }

        private void soloAmministratori(String operazione, Runnable azione) {
            commandExecutor.execute(c -> {
                guardia.soloAmministratori(c, operazione);
                azione.run();
                return null;
            });
        }
    }

    static class Moduli extends FormServiceImpl {

        private final GuardiaAttivita guardia;

        Moduli(GuardiaAttivita guardia) {
            this.guardia = guardia;
        }

        /** A Camunda Form submitted from Tasklist: the same rules as a completion (our forms have no engine-side fields). */
        @Override
        public void submitTaskForm(String taskId, Map<String, Object> properties) {
            commandExecutor.execute(c -> completa(c, guardia, taskId, properties, false, false));
        }

        @Override
        public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties, boolean deserializeValues) {
            return commandExecutor.execute(c -> completa(c, guardia, taskId, properties, true, deserializeValues));
        }

        /** The form of a task that does not exist is a 404, not the engine's NullPointerException. */
        @Override
        public InputStream getDeployedTaskForm(String taskId) {
            return commandExecutor.execute(c -> {
                if (task(c, taskId) == null) {
                    throw new NullValueException("Cannot find task with id " + taskId);
                }
                return super.getDeployedTaskForm(taskId);
            });
        }

        /** Processes start from the platform's own services; by hand only an administrator may start one. */
        @Override
        public ProcessInstance submitStartForm(String processDefinitionId, String businessKey, Map<String, Object> properties) {
            return commandExecutor.execute(c -> {
                guardia.soloAmministratori(c, "avviare un processo a mano");
                return super.submitStartForm(processDefinitionId, businessKey, properties);
            });
        }

        @Override
        public ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> properties) {
            return submitStartForm(processDefinitionId, null, properties);
        }
    }

    /**
     * A job run by hand by someone who may not: refused before the engine looks at the job. The engine's own command
     * would record the refusal as a failure of the job and burn one of its retries (an avviso's apertura or chiusura
     * would end as an incident and never fire).
     */
    static class Gestione extends ManagementServiceImpl {

        private final GuardiaAttivita guardia;

        Gestione(ProcessEngineConfiguration configuration, GuardiaAttivita guardia) {
            super(configuration);
            this.guardia = guardia;
        }

        @Override
        public void executeJob(String jobId) {
            commandExecutor.execute(c -> {
                guardia.soloAmministratori(c, "eseguire un job a mano");
                return null;
            });
            super.executeJob(jobId);
        }
    }
}
