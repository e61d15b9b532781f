package it.piattaformacasa.graduatoria.process;

import java.util.Map;
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

    /** A graduatoria's tasks show how many domande it ranks and link its download (xlsx, csv). */
    @Override
    public Map<String, Object> datiDelModulo(String processo, DelegateTask task) {
        if (!GraduatoriaBpmn.PROCESS_ID.equals(processo)) {
            return Map.of();
        }
        long id = Pratica.id(task.getExecution());
        return Map.of(GraduatoriaBpmn.MODULO_DOMANDE, Long.toString(graduatorie.numeroDomande(id)),
                GraduatoriaBpmn.MODULO_SCARICA_XLSX, GraduatoriaService.esportazione(id, "xlsx"),
                GraduatoriaBpmn.MODULO_SCARICA_CSV, GraduatoriaService.esportazione(id, "csv"));
    }
}
