package it.piattaformacasa.avviso.process;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.process.Pratica;

/** Closes the selection window 24 hours before apertura. */
@Component("chiudiSelezioneAlloggiDelegate")
class ChiudiSelezioneAlloggiDelegate implements JavaDelegate {

    private final AvvisoService avvisi;

    ChiudiSelezioneAlloggiDelegate(AvvisoService avvisi) {
        this.avvisi = avvisi;
    }

    @Override
    public void execute(DelegateExecution execution) {
        avvisi.chiudiSelezioneAlloggi(Pratica.id(execution));
    }
}
