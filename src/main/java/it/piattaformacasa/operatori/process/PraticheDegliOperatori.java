package it.piattaformacasa.operatori.process;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.common.process.DescrizionePratica;
import it.piattaformacasa.operatori.AbilitazioniService;

/** «Valida richiesta di abilitazione» names the ente of the request its business key holds, and shows its rows. */
@Component
class PraticheDegliOperatori implements DescrizionePratica {

    private final AbilitazioniService abilitazioni;

    PraticheDegliOperatori(AbilitazioniService abilitazioni) {
        this.abilitazioni = abilitazioni;
    }

    @Override
    public Set<String> processi() {
        return Set.of(AbilitazioniBpmn.PROCESS_ID);
    }

    @Override
    public Optional<PraticaInBreve> descrivi(String processo, DelegateTask task) {
        return richiesta(task).flatMap(abilitazioni::inBreve);
    }

    @Override
    public Map<String, Object> datiDelModulo(String processo, DelegateTask task) {
        return richiesta(task).map(id -> Map.<String, Object>of(AbilitazioniBpmn.VAR_RIGHE, abilitazioni.righeNelModulo(id)))
                .orElse(Map.of());
    }

    private static Optional<Long> richiesta(DelegateTask task) {
        String chiave = task.getExecution().getProcessBusinessKey();
        return chiave != null && chiave.matches("\\d{1,18}") ? Optional.of(Long.parseLong(chiave)) : Optional.empty();
    }
}
