package it.piattaformacasa.regole.process;

import static it.piattaformacasa.regole.process.PubblicazioneRegoleBpmn.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.regole.PubblicazioneRegoleService;
import it.piattaformacasa.common.process.Pratica;

/** «Registra rifiuto»: the version stays as it was; the refusal and its note go to the audit trail. */
@Component("registraRifiutoRegoleDelegate")
class RegistraRifiutoRegoleDelegate implements JavaDelegate {

    private final PubblicazioneRegoleService pubblicazione;

    RegistraRifiutoRegoleDelegate(PubblicazioneRegoleService pubblicazione) {
        this.pubblicazione = pubblicazione;
    }

    @Override
    public void execute(DelegateExecution execution) {
        pubblicazione.respingi(Pratica.chiave(execution), ((Number) execution.getVariable(VAR_VERSIONE)).intValue(),
                (String) execution.getVariable(VAR_COMPLETATA_DA), (String) execution.getVariable(VAR_NOTA));
    }
}
