package it.piattaformacasa.graduatoria.process;

import static it.piattaformacasa.graduatoria.process.GraduatoriaBpmn.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import it.piattaformacasa.graduatoria.GraduatoriaProcesso;

@Component
class GraduatoriaProcessAdapter implements GraduatoriaProcesso {

    private final RuntimeService runtimeService;

    GraduatoriaProcessAdapter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void avvia(long graduatoriaId) {
        runtimeService.createProcessInstanceByKey(PROCESS_ID)
                .businessKey(Long.toString(graduatoriaId))
                .setVariables(Variables.createVariables().putValue(VAR_GRADUATORIA_ID, graduatoriaId))
                .execute();
    }
}
