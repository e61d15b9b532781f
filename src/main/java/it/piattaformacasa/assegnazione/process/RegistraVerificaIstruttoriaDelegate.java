package it.piattaformacasa.assegnazione.process;

import static it.piattaformacasa.assegnazione.process.IstruttoriaBpmn.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.assegnazione.IstruttoriaService;

/** The outcome of «Verifica istruttoria»: admissible with the alloggio assigned, or not admissible with reasons. */
@Component("registraVerificaIstruttoriaDelegate")
class RegistraVerificaIstruttoriaDelegate implements JavaDelegate {

    private final IstruttoriaService istruttorie;

    RegistraVerificaIstruttoriaDelegate(IstruttoriaService istruttorie) {
        this.istruttorie = istruttorie;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object alloggio = execution.getVariable(VAR_ALLOGGIO_ID);
        istruttorie.registraVerifica(((Number) execution.getVariable(VAR_ISTRUTTORIA_ID)).longValue(),
                (String) execution.getVariable(VAR_ESITO), alloggio instanceof Number n ? n.longValue() : null,
                (String) execution.getVariable(VAR_NOTE), (String) execution.getVariable(VAR_COMPLETATA_DA));
    }
}
