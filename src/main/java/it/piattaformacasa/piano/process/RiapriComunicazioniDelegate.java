package it.piattaformacasa.piano.process;

import static it.piattaformacasa.piano.process.ProgrammazioneAnnualeBpmn.VAR_COMPLETATA_DA;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.process.Pratica;
import it.piattaformacasa.piano.CampiDecisione;
import it.piattaformacasa.piano.ProgrammazioneService;

/**
 * «Riapri»: the window opens again until the date the capofila chose, from the decision after the window (its form)
 * or from an approved plan (the reopening's message); the enti get their tasks again.
 */
@Component("riapriComunicazioniDelegate")
class RiapriComunicazioniDelegate implements JavaDelegate {

    private final ProgrammazioneService piani;

    RiapriComunicazioniDelegate(ProgrammazioneService piani) {
        this.piani = piani;
    }

    @Override
    public void execute(DelegateExecution execution) {
        piani.registraRiapertura(Pratica.id(execution), DateDelModulo.data(execution.getVariable(CampiDecisione.NUOVA_FINE),
                CampiDecisione.NUOVA_FINE), (String) execution.getVariable(VAR_COMPLETATA_DA));
    }
}
