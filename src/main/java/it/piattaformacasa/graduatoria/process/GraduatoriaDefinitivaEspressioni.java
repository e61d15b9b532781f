package it.piattaformacasa.graduatoria.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.process.Pratica;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaDefinitivaService;

/** What processes/graduatoria-definitiva.bpmn reads from the graduatoria: its state, from the database. */
@Component("graduatoriaDefinitivaEspressioni")
public class GraduatoriaDefinitivaEspressioni {

    private final GraduatoriaDefinitivaService graduatorie;

    GraduatoriaDefinitivaEspressioni(GraduatoriaDefinitivaService graduatorie) {
        this.graduatorie = graduatorie;
    }

    /** A graduatoria already in RIPESCAGGIO when its process starts (start-up alignment) begins there. */
    public boolean inRipescaggio(DelegateExecution execution) {
        return graduatorie.stato(Pratica.id(execution)) == Graduatoria.Stato.RIPESCAGGIO;
    }
}
