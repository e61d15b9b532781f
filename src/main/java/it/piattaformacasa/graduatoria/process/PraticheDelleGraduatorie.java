package it.piattaformacasa.graduatoria.process;

import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.common.process.DescrizionePratica;
import it.piattaformacasa.common.process.Pratica;
import it.piattaformacasa.graduatoria.GraduatoriaService;
import it.piattaformacasa.graduatoria.RettificaService;

/** The tasks of a graduatoria name it; a rettifica's task names its domanda in that graduatoria. */
@Component
class PraticheDelleGraduatorie implements DescrizionePratica {

    private final GraduatoriaService graduatorie;
    private final RettificaService rettifiche;

    PraticheDelleGraduatorie(GraduatoriaService graduatorie, RettificaService rettifiche) {
        this.graduatorie = graduatorie;
        this.rettifiche = rettifiche;
    }

    @Override
    public Set<String> processi() {
        return Set.of(GraduatoriaBpmn.PROCESS_ID, RettificaBpmn.PROCESS_ID);
    }

    @Override
    public Optional<PraticaInBreve> descrivi(String processo, DelegateTask task) {
        long id = Pratica.id(task.getExecution());
        return GraduatoriaBpmn.PROCESS_ID.equals(processo) ? graduatorie.inBreve(id) : rettifiche.inBreve(id);
    }
}
