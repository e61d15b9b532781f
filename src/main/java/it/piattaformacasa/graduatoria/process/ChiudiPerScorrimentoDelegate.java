package it.piattaformacasa.graduatoria.process;

import static it.piattaformacasa.graduatoria.process.GraduatoriaDefinitivaBpmn.VAR_CHIUSA_DA_GRADUATORIA;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.process.Pratica;
import it.piattaformacasa.graduatoria.GraduatoriaDefinitivaService;

/** DEFINITIVA or RIPESCAGGIO → CHIUSA when the next avviso's graduatoria becomes definitive (art. 15 co. 4 bis). */
@Component("chiudiPerScorrimentoDelegate")
class ChiudiPerScorrimentoDelegate implements JavaDelegate {

    private final GraduatoriaDefinitivaService graduatorie;

    ChiudiPerScorrimentoDelegate(GraduatoriaDefinitivaService graduatorie) {
        this.graduatorie = graduatorie;
    }

    @Override
    public void execute(DelegateExecution execution) {
        graduatorie.chiudiPerScorrimento(Pratica.id(execution),
                ((Number) execution.getVariable(VAR_CHIUSA_DA_GRADUATORIA)).longValue());
    }
}
