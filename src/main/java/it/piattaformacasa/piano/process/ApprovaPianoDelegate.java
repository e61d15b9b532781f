package it.piattaformacasa.piano.process;

import static it.piattaformacasa.piano.process.ProgrammazioneAnnualeBpmn.VAR_COMPLETATA_DA;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.process.Pratica;
import it.piattaformacasa.piano.CampiDecisione;
import it.piattaformacasa.piano.ProgrammazioneService;

/** «Approva»: the deliberation recorded and the year's reserves written, in the completion's transaction. */
@Component("approvaPianoDelegate")
class ApprovaPianoDelegate implements JavaDelegate {

    private final ProgrammazioneService piani;

    ApprovaPianoDelegate(ProgrammazioneService piani) {
        this.piani = piani;
    }

    @Override
    public void execute(DelegateExecution execution) {
        piani.registraApprovazione(Pratica.id(execution), (String) execution.getVariable(CampiDecisione.NUMERO_DELIBERA),
                DateDelModulo.data(execution.getVariable(CampiDecisione.DATA_DELIBERA), CampiDecisione.DATA_DELIBERA),
                (String) execution.getVariable(VAR_COMPLETATA_DA));
    }
}
