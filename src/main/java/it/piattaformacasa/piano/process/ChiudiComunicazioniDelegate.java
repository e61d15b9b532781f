package it.piattaformacasa.piano.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.process.Pratica;
import it.piattaformacasa.piano.ProgrammazioneService;

/** The window's end: the plan is CHIUSO, the enti that sent nothing are late, the capofila decides. */
@Component("chiudiComunicazioniDelegate")
class ChiudiComunicazioniDelegate implements JavaDelegate {

    private final ProgrammazioneService piani;

    ChiudiComunicazioniDelegate(ProgrammazioneService piani) {
        this.piani = piani;
    }

    @Override
    public void execute(DelegateExecution execution) {
        piani.registraChiusura(Pratica.id(execution));
    }
}
