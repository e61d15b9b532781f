package it.piattaformacasa.assegnazione.process;

import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import it.piattaformacasa.assegnazione.ContrattoService;
import it.piattaformacasa.assegnazione.IstruttoriaService;
import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.common.process.DescrizionePratica;
import it.piattaformacasa.common.process.Pratica;

/** «Verifica istruttoria» and «Conferma registrazione contratto» name the domanda they are about. */
@Component
class PraticheDellAssegnazione implements DescrizionePratica {

    private final IstruttoriaService istruttorie;
    private final ContrattoService contratti;

    PraticheDellAssegnazione(IstruttoriaService istruttorie, ContrattoService contratti) {
        this.istruttorie = istruttorie;
        this.contratti = contratti;
    }

    @Override
    public Set<String> processi() {
        return Set.of(IstruttoriaBpmn.PROCESS_ID, ContrattoBpmn.PROCESS_ID);
    }

    @Override
    public Optional<PraticaInBreve> descrivi(String processo, DelegateTask task) {
        long id = Pratica.id(task.getExecution());
        return IstruttoriaBpmn.PROCESS_ID.equals(processo) ? istruttorie.inBreve(id) : contratti.inBreve(id);
    }
}
