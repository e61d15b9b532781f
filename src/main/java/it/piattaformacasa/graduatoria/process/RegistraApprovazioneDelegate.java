package it.piattaformacasa.graduatoria.process;

import static it.piattaformacasa.graduatoria.process.GraduatoriaBpmn.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/** Stores the provvedimento and the publication the operator entered in «Approva graduatoria provvisoria». */
@Component("registraApprovazioneDelegate")
class RegistraApprovazioneDelegate implements JavaDelegate {

    private final GraduatoriaService graduatorie;

    RegistraApprovazioneDelegate(GraduatoriaService graduatorie) {
        this.graduatorie = graduatorie;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String pubblicazione = (String) execution.getVariable(VAR_PUBBLICAZIONE);
        // a refusal (DatiNonValidiException) rolls the completion back and the task stays open; every door answers it
        // as a 400 naming the field: our API's handler, and the engine's for /engine-rest and Tasklist (ADR 8)
        graduatorie.approva(GraduatoriaEspressioni.id(execution), (String) execution.getVariable(VAR_NUMERO_PROVVEDIMENTO),
                data(execution, VAR_DATA_PROVVEDIMENTO),
                pubblicazione == null ? null : Graduatoria.Pubblicazione.valueOf(pubblicazione),
                data(execution, VAR_DATA_PUBBLICAZIONE), (String) execution.getVariable(VAR_COMPLETATA_DA));
    }

    /** Camunda Forms send dates as ISO strings ("2026-12-01"). */
    static LocalDate data(DelegateExecution execution, String variabile) {
        Object valore = execution.getVariable(variabile);
        if (valore == null || valore.toString().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(valore.toString().substring(0, Math.min(10, valore.toString().length())));
        } catch (DateTimeParseException e) {
            throw DatiNonValidiException.campo(variabile, "data non valida «" + valore + "» (aaaa-mm-gg)");
        }
    }
}
