package it.piattaformacasa.graduatoria.process;

import static it.piattaformacasa.graduatoria.process.GraduatoriaBpmn.VAR_COMPLETATA_DA;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.graduatoria.GraduatoriaService;

/** PROVVISORIA → DEFINITIVA, re-ranked on the working scores. */
@Component("rendiDefinitivaDelegate")
class RendiDefinitivaDelegate implements JavaDelegate {

    private final GraduatoriaService graduatorie;

    RendiDefinitivaDelegate(GraduatoriaService graduatorie) {
        this.graduatorie = graduatorie;
    }

    @Override
    public void execute(DelegateExecution execution) {
        graduatorie.rendiDefinitiva(GraduatoriaEspressioni.id(execution), (String) execution.getVariable(VAR_COMPLETATA_DA));
    }
}
