package it.piattaformacasa.regole.process;

import static it.piattaformacasa.regole.process.PubblicazioneRegoleBpmn.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import it.piattaformacasa.regole.PubblicazioneRegoleService;
import it.piattaformacasa.regole.RepositoryRegole;

/**
 * «Approva pubblicazione regole» can be neither taken nor completed by the version's author or by whoever asked for
 * the publication, whatever the path (Tasklist, Camunda REST, our API): the listener throws and the claim or the
 * completion is rolled back.
 */
@Component("quattroOcchiTaskListener")
class QuattroOcchiTaskListener implements TaskListener {

    private final IdentityService identityService;
    private final PubblicazioneRegoleService pubblicazione;
    private final RepositoryRegole repository;

    QuattroOcchiTaskListener(IdentityService identityService, PubblicazioneRegoleService pubblicazione,
                             RepositoryRegole repository) {
        this.identityService = identityService;
        this.pubblicazione = pubblicazione;
        this.repository = repository;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication autenticazione = identityService.getCurrentAuthentication();
        String utente = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) || autenticazione == null
                ? task.getAssignee() : autenticazione.getUserId();
        if (utente == null) {
            return; // an unassignment
        }
        RepositoryRegole.Versione versione = repository.versione(task.getExecution().getProcessBusinessKey(),
                ((Number) task.getVariable(VAR_VERSIONE)).intValue());
        pubblicazione.verificaQuattroOcchi(versione, (String) task.getVariable(VAR_RICHIEDENTE), utente);
    }
}
