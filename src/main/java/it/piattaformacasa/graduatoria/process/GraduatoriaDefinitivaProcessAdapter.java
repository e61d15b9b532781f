package it.piattaformacasa.graduatoria.process;

import static it.piattaformacasa.graduatoria.process.GraduatoriaDefinitivaBpmn.*;

import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.graduatoria.GraduatoriaDefinitivaProcesso;

@Component
class GraduatoriaDefinitivaProcessAdapter implements GraduatoriaDefinitivaProcesso {

    private final RuntimeService runtimeService;

    GraduatoriaDefinitivaProcessAdapter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void avvia(long graduatoriaId) {
        runtimeService.createProcessInstanceByKey(PROCESS_ID)
                .businessKey(Long.toString(graduatoriaId))
                .setVariables(Variables.createVariables().putValue(VAR_GRADUATORIA_ID, graduatoriaId))
                .execute();
    }

    @Override
    public boolean inCorso(long graduatoriaId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(graduatoriaId)).count() > 0;
    }

    @Override
    public Set<Long> inCorso() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).list().stream()
                .map(ProcessInstance::getBusinessKey).map(Long::valueOf).collect(Collectors.toSet());
    }

    @Override
    public void richiediRipescaggio(long graduatoriaId, String operatore) {
        correla(MESSAGE_RIPESCAGGIO, graduatoriaId, Variables.createVariables()
                .putValueTyped(VAR_RICHIESTO_DA, Variables.stringValue(operatore, true)), "il ripescaggio");
    }

    @Override
    public void alloggioLiberato(long graduatoriaId, long alloggioId, String tipologiaRiscaldamento, BigDecimal speseAnnueUtenze) {
        correla(MESSAGE_ALLOGGIO_LIBERATO, graduatoriaId, Variables.createVariables()
                .putValueTyped(VAR_ALLOGGIO_ID, Variables.longValue(alloggioId, true))
                .putValueTyped(VAR_TIPOLOGIA_RISCALDAMENTO, Variables.stringValue(tipologiaRiscaldamento, true))
                .putValueTyped(VAR_SPESE_ANNUE_UTENZE, Variables.stringValue(
                        speseAnnueUtenze == null ? null : speseAnnueUtenze.toPlainString(), true)), "un alloggio liberato");
    }

    @Override
    public void successivaDefinitiva(long graduatoriaId, long successiva) {
        correla(MESSAGE_SUCCESSIVA_DEFINITIVA, graduatoriaId, Variables.createVariables()
                .putValue(VAR_CHIUSA_DA_GRADUATORIA, successiva), "la chiusura per scorrimento");
    }

    /**
     * The caller has checked the graduatoria's state under its row lock, so its process waits for this message;
     * if it does not, the two disagree and the request is refused without touching either.
     */
    private void correla(String messaggio, long graduatoriaId, VariableMap variabili, String cosa) {
        String chiave = Long.toString(graduatoriaId);
        boolean attende = runtimeService.createExecutionQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(chiave).messageEventSubscriptionName(messaggio).count() > 0;
        if (!attende) {
            throw new ConflittoException("Il processo della graduatoria " + graduatoriaId + " non attende " + cosa
                    + ": stato della graduatoria e processo non coincidono, segnalarlo all'amministratore");
        }
        try {
            runtimeService.createMessageCorrelation(messaggio).processInstanceBusinessKey(chiave).setVariables(variabili)
                    .correlateWithResult();
        } catch (OptimisticLockingException e) {
            throw new ConflittoException("La graduatoria " + graduatoriaId + " è stata modificata nello stesso momento: riprovare");
        }
    }
}
