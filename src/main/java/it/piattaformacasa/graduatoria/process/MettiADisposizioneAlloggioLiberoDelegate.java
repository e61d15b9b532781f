package it.piattaformacasa.graduatoria.process;

import static it.piattaformacasa.graduatoria.process.GraduatoriaDefinitivaBpmn.*;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.process.Pratica;
import it.piattaformacasa.graduatoria.GraduatoriaDefinitivaService;

/** An alloggio freed after a sgombero enters the avviso, not published (seed 000, «ALLOGGI LIBERI»). */
@Component("mettiADisposizioneAlloggioLiberoDelegate")
class MettiADisposizioneAlloggioLiberoDelegate implements JavaDelegate {

    private final GraduatoriaDefinitivaService graduatorie;

    MettiADisposizioneAlloggioLiberoDelegate(GraduatoriaDefinitivaService graduatorie) {
        this.graduatorie = graduatorie;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long alloggio = ((Number) execution.getVariable(VAR_ALLOGGIO_ID)).longValue();
        String spese = (String) execution.getVariable(VAR_SPESE_ANNUE_UTENZE);
        graduatorie.mettiADisposizioneAlloggioLibero(Pratica.id(execution), alloggio,
                (String) execution.getVariable(VAR_TIPOLOGIA_RISCALDAMENTO), spese == null ? null : new BigDecimal(spese));
        // the message's copy is transient: this one, local to the event's path, stays in the history of this event
        execution.setVariableLocal(VAR_ALLOGGIO_ID, alloggio);
    }
}
