package it.piattaformacasa.piano.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.process.Pratica;
import it.piattaformacasa.piano.ProgrammazioneService;

/** The window's start: the plan opens to the enti, each asked to certify its Anagrafe and to send its scheda. */
@Component("apriComunicazioniDelegate")
class ApriComunicazioniDelegate implements JavaDelegate {

    private final ProgrammazioneService piani;

    ApriComunicazioniDelegate(ProgrammazioneService piani) {
        this.piani = piani;
    }

    @Override
    public void execute(DelegateExecution execution) {
        piani.registraApertura(Pratica.id(execution));
    }
}
