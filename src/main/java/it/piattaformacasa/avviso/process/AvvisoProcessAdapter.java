package it.piattaformacasa.avviso.process;

import static it.piattaformacasa.avviso.process.AvvisoBpmn.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import it.piattaformacasa.avviso.Avviso;
import it.piattaformacasa.avviso.AvvisoProcesso;

@Component
class AvvisoProcessAdapter implements AvvisoProcesso {

    private final RuntimeService runtimeService;

    AvvisoProcessAdapter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void avvia(Avviso avviso) {
        runtimeService.createProcessInstanceByKey(PROCESS_ID)
                .businessKey(avviso.getId().toString())
                .setVariables(Variables.createVariables().putValue(VAR_AVVISO_ID, avviso.getId()))
                .execute();
    }
}
