package it.piattaformacasa.avviso.process;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.process.Pratica;

/** Closes the avviso: no more domande. */
@Component("chiudiAvvisoDelegate")
class ChiudiAvvisoDelegate implements JavaDelegate {

    private final AvvisoService avvisi;

    ChiudiAvvisoDelegate(AvvisoService avvisi) {
        this.avvisi = avvisi;
    }

    @Override
    public void execute(DelegateExecution execution) {
        avvisi.chiudi(Pratica.id(execution));
    }
}
