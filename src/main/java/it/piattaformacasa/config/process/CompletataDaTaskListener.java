package it.piattaformacasa.config.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Records on the process who completed a user task: the authenticated user (Tasklist, REST) or, when the engine
 * completes it without one, the assignee. Referenced from the models as {@code ${completataDaTaskListener}}.
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
        task.getExecution().setVariable(VAR_COMPLETATA_DA, utente != null ? utente : "sistema");
    }
}
