package it.piattaformacasa.graduatoria.process;

import static it.piattaformacasa.graduatoria.process.GraduatoriaDefinitivaBpmn.VAR_RICHIESTO_DA;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.process.Pratica;
import it.piattaformacasa.graduatoria.GraduatoriaDefinitivaService;

/** DEFINITIVA → RIPESCAGGIO (seed 000), in the transaction of the ente's request. */
@Component("avviaRipescaggioDelegate")
class AvviaRipescaggioDelegate implements JavaDelegate {

    private final GraduatoriaDefinitivaService graduatorie;

    AvviaRipescaggioDelegate(GraduatoriaDefinitivaService graduatorie) {
        this.graduatorie = graduatorie;
    }

    @Override
    public void execute(DelegateExecution execution) {
        graduatorie.avviaRipescaggio(Pratica.id(execution), (String) execution.getVariable(VAR_RICHIESTO_DA));
    }
}
