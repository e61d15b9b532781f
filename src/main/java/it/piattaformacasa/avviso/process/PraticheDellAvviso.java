package it.piattaformacasa.avviso.process;

import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.common.process.DescrizionePratica;
import it.piattaformacasa.common.process.Pratica;

/**
 * «Seleziona alloggi per l'avviso» names the avviso of its business key and the ente of its multi-instance element
 * (the codice fiscale the engine took from the enti of the ambito, as for its candidate group).
 */
@Component
class PraticheDellAvviso implements DescrizionePratica {

    private final AvvisoService avvisi;

    PraticheDellAvviso(AvvisoService avvisi) {
        this.avvisi = avvisi;
    }

    @Override
    public Set<String> processi() {
        return Set.of(AvvisoBpmn.PROCESS_ID);
    }

    @Override
    public Optional<PraticaInBreve> descrivi(String processo, DelegateTask task) {
        Object ente = task.getExecution().getVariable(AvvisoBpmn.VAR_ENTE_CF);
        if (!(ente instanceof String cf) || !CodiceFiscale.isValid(cf)) {
            return Optional.empty();
        }
        return avvisi.inBreve(Pratica.id(task.getExecution()), CodiceFiscale.of(cf));
    }
}
