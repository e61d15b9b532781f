package it.piattaformacasa.graduatoria.process;

import static it.piattaformacasa.graduatoria.process.GraduatoriaBpmn.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/** Records where and when the definitive graduatoria was published. */
@Component("registraPubblicazioneDefinitivaDelegate")
class RegistraPubblicazioneDefinitivaDelegate implements JavaDelegate {

    private final GraduatoriaService graduatorie;

    RegistraPubblicazioneDefinitivaDelegate(GraduatoriaService graduatorie) {
        this.graduatorie = graduatorie;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String dove = (String) execution.getVariable(VAR_PUBBLICAZIONE_DEFINITIVA);
        graduatorie.registraPubblicazioneDefinitiva(GraduatoriaEspressioni.id(execution),
                dove == null ? null : Graduatoria.Pubblicazione.valueOf(dove),
                RegistraApprovazioneDelegate.data(execution, VAR_DATA_PUBBLICAZIONE_DEFINITIVA));
    }
}
