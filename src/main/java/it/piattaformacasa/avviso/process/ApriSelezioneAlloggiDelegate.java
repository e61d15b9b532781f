package it.piattaformacasa.avviso.process;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.process.Pratica;

/** Opens the window in which each ente adds its alloggi. */
@Component("apriSelezioneAlloggiDelegate")
class ApriSelezioneAlloggiDelegate implements JavaDelegate {

    private final AvvisoService avvisi;

    ApriSelezioneAlloggiDelegate(AvvisoService avvisi) {
        this.avvisi = avvisi;
    }

    @Override
    public void execute(DelegateExecution execution) {
        avvisi.apriSelezioneAlloggi(Pratica.id(execution));
    }
}
