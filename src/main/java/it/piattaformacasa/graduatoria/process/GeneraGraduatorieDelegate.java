package it.piattaformacasa.graduatoria.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.graduatoria.GraduatoriaService;

/** Generates the graduatorie provvisorie when the avviso closes. */
@Component("generaGraduatorieDelegate")
class GeneraGraduatorieDelegate implements JavaDelegate {

    /** The avviso process's variable; read by name to keep graduatoria independent of the avviso's process package. */
    private static final String VAR_AVVISO_ID = "avvisoId";

    private final GraduatoriaService graduatorie;

    GeneraGraduatorieDelegate(GraduatoriaService graduatorie) {
        this.graduatorie = graduatorie;
    }

    @Override
    public void execute(DelegateExecution execution) {
        graduatorie.generaProvvisorie(((Number) execution.getVariable(VAR_AVVISO_ID)).longValue());
    }
}
