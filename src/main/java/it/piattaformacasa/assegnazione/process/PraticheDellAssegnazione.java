package it.piattaformacasa.assegnazione.process;

import java.util.Map;
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

    /** «Conferma registrazione contratto» shows the nucleo (by its domanda) and the alloggio it was assigned. */
    @Override
    public Map<String, Object> datiDelModulo(String processo, DelegateTask task) {
        if (!ContrattoBpmn.PROCESS_ID.equals(processo)) {
            return Map.of();
        }
        return contratti.perIlModulo(Pratica.id(task.getExecution()))
                .<Map<String, Object>>map(m -> Map.of(ContrattoBpmn.MODULO_NUCLEO, m.nucleo(), ContrattoBpmn.MODULO_ALLOGGIO, m.alloggio(),
                        ContrattoBpmn.MODULO_RISPOSTA, m.risposta()))
                .orElse(Map.of());
    }
}
