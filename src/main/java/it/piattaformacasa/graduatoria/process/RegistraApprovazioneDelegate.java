package it.piattaformacasa.graduatoria.process;

import static it.piattaformacasa.graduatoria.process.GraduatoriaBpmn.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
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
        try {
            graduatorie.approva(GraduatoriaEspressioni.id(execution), (String) execution.getVariable(VAR_NUMERO_PROVVEDIMENTO),
                    data(execution, VAR_DATA_PROVVEDIMENTO),
                    pubblicazione == null ? null : Graduatoria.Pubblicazione.valueOf(pubblicazione),
                    data(execution, VAR_DATA_PUBBLICAZIONE), (String) execution.getVariable(VAR_COMPLETATA_DA));
        } catch (DatiNonValidiException e) {
            // a form validation error for the engine: the completion rolls back, the task stays open, Tasklist shows
            // the message and the engine REST answers 400 (any other exception would be a 500)
            throw new FormFieldValidationException(e.errori(), "Approvazione non registrata: " + e.getMessage());
        }
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
            throw new FormFieldValidationException(variabile, variabile + ": data non valida «" + valore + "» (aaaa-mm-gg)");
        }
    }
}
