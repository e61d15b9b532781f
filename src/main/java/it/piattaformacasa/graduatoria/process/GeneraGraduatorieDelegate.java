package it.piattaformacasa.graduatoria.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.graduatoria.GraduatoriaService;
import it.piattaformacasa.common.process.Pratica;

/** Generates the graduatorie provvisorie when the avviso closes. */
@Component("generaGraduatorieDelegate")
class GeneraGraduatorieDelegate implements JavaDelegate {

    private final GraduatoriaService graduatorie;

    GeneraGraduatorieDelegate(GraduatoriaService graduatorie) {
        this.graduatorie = graduatorie;
    }

    @Override
    public void execute(DelegateExecution execution) {
        graduatorie.generaProvvisorie(Pratica.id(execution));
    }
}
