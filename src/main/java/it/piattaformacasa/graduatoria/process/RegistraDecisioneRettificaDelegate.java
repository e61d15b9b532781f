package it.piattaformacasa.graduatoria.process;

import static it.piattaformacasa.graduatoria.process.RettificaBpmn.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.graduatoria.RettificaService;

/** The ente's decision from «Rettifica punteggio per invalidità civile»: accepted (ISBAR recomputed) or refused. */
@Component("registraDecisioneRettificaDelegate")
class RegistraDecisioneRettificaDelegate implements JavaDelegate {

    private final RettificaService rettifiche;

    RegistraDecisioneRettificaDelegate(RettificaService rettifiche) {
        this.rettifiche = rettifiche;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object percentuale = execution.getVariable(VAR_PERCENTUALE_ACCOLTA);
        rettifiche.decidi(RettificaEspressioni.id(execution), "ACCOLTA".equals(execution.getVariable(VAR_ESITO)),
                percentuale instanceof Number n ? n.intValue() : null, (String) execution.getVariable(VAR_NOTE),
                (String) execution.getVariable(VAR_COMPLETATA_DA));
    }
}
