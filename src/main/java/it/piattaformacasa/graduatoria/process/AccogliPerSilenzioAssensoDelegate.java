package it.piattaformacasa.graduatoria.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.graduatoria.RettificaService;

/** 15 days without a decision: the request is accepted as made (silenzio-assenso). */
@Component("accogliPerSilenzioAssensoDelegate")
class AccogliPerSilenzioAssensoDelegate implements JavaDelegate {

    private final RettificaService rettifiche;

    AccogliPerSilenzioAssensoDelegate(RettificaService rettifiche) {
        this.rettifiche = rettifiche;
    }

    @Override
    public void execute(DelegateExecution execution) {
        rettifiche.accogliPerSilenzio(RettificaEspressioni.id(execution));
    }
}
