package it.piattaformacasa.avviso.process;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.process.Pratica;

/** Opens the avviso to citizens' domande. */
@Component("apriAvvisoDelegate")
class ApriAvvisoDelegate implements JavaDelegate {

    private final AvvisoService avvisi;

    ApriAvvisoDelegate(AvvisoService avvisi) {
        this.avvisi = avvisi;
    }

    @Override
    public void execute(DelegateExecution execution) {
        avvisi.apri(Pratica.id(execution));
    }
}
