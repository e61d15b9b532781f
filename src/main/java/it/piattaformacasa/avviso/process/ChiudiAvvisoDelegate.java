package it.piattaformacasa.avviso.process;

import static it.piattaformacasa.avviso.process.AvvisoBpmn.VAR_AVVISO_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.avviso.AvvisoService;

/** Closes the avviso: no more domande. */
@Component("chiudiAvvisoDelegate")
class ChiudiAvvisoDelegate implements JavaDelegate {

    private final AvvisoService avvisi;

    ChiudiAvvisoDelegate(AvvisoService avvisi) {
        this.avvisi = avvisi;
    }

    @Override
    public void execute(DelegateExecution execution) {
        avvisi.chiudi(((Number) execution.getVariable(VAR_AVVISO_ID)).longValue());
    }
}
