package it.piattaformacasa.config.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Records who completed a user task: the authenticated user (Tasklist, REST) or, when the engine completes it
 * without one, the assignee. Referenced from the models as {@code ${completataDaTaskListener}}.
 */
@Component("completataDaTaskListener")
class CompletataDaTaskListener implements TaskListener {

    static final String VAR_COMPLETATA_DA = "completataDa";

    private final IdentityService identityService;

    CompletataDaTaskListener(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication authentication = identityService.getCurrentAuthentication();
        String utente = authentication != null ? authentication.getUserId() : task.getAssignee();
        String chi = utente != null ? utente : "sistema";
        // recorded with the task, handed to the next step for this transaction only: a parallel task of another ente
        // never sees who completed this one (GuardiaAttivita)
        task.setVariableLocal(VAR_COMPLETATA_DA, chi);
        if (task instanceof TaskEntity entita) {
            task.getExecution().setVariable(VAR_COMPLETATA_DA, GuardiaAttivita.transitoria(entita, VAR_COMPLETATA_DA, chi));
        } else {
            task.getExecution().setVariable(VAR_COMPLETATA_DA, chi);
        }
    }
}
