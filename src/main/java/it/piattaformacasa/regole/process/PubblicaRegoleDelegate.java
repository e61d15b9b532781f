package it.piattaformacasa.regole.process;

import static it.piattaformacasa.regole.process.PubblicazioneRegoleBpmn.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.regole.PubblicazioneRegoleService;
import it.piattaformacasa.common.process.Pratica;

/** «Pubblica regole»: the version becomes PUBLISHED; a failing test case ends the process as blocked (BPMN error). */
@Component("pubblicaRegoleDelegate")
class PubblicaRegoleDelegate implements JavaDelegate {

    private final PubblicazioneRegoleService pubblicazione;

    PubblicaRegoleDelegate(PubblicazioneRegoleService pubblicazione) {
        this.pubblicazione = pubblicazione;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String nome = Pratica.chiave(execution);
        int versione = ((Number) execution.getVariable(VAR_VERSIONE)).intValue();
        String approvatore = (String) execution.getVariable(VAR_COMPLETATA_DA);
        java.util.List<String> falliti = pubblicazione.pubblica(nome, versione,
                LocalDate.parse((String) execution.getVariable(VAR_VALIDO_DAL)), approvatore, (String) execution.getVariable(VAR_NOTA));
        if (!falliti.isEmpty()) {
            throw new BpmnError(ERRORE_CASI_FALLITI, String.join("; ", falliti));
        }
    }
}
