package it.piattaformacasa.graduatoria.process;

import static it.piattaformacasa.graduatoria.process.RettificaBpmn.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.graduatoria.RettificaInvalidita;
import it.piattaformacasa.graduatoria.RettificaProcesso;

@Component
class RettificaProcessAdapter implements RettificaProcesso {

    private final RuntimeService runtimeService;

    RettificaProcessAdapter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** For the operators of the ente where the citizen registered the request (any abilitazione). */
    @Override
    public void avvia(RettificaInvalidita rettifica, String codiceFiscaleEnte) {
        runtimeService.createProcessInstanceByKey(PROCESS_ID)
                .businessKey(rettifica.getId().toString())
                .setVariables(Variables.createVariables()
                        .putValue(VAR_RETTIFICA_ID, rettifica.getId())
                        .putValue(VAR_GRUPPO_CANDIDATO, Gruppi.ente(CodiceFiscale.of(codiceFiscaleEnte))))
                .execute();
    }
}
