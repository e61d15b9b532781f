package it.piattaformacasa.assegnazione.process;

import static it.piattaformacasa.assegnazione.process.IstruttoriaBpmn.*;

import java.math.BigDecimal;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.assegnazione.IstruttoriaService;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.Importo;
import it.piattaformacasa.domanda.DomandaService;
import it.piattaformacasa.common.process.Pratica;

/** The outcome of «Verifica istruttoria»: admissible with the alloggio assigned, or not admissible with reasons. */
@Component("registraVerificaIstruttoriaDelegate")
class RegistraVerificaIstruttoriaDelegate implements JavaDelegate {

    private final IstruttoriaService istruttorie;

    RegistraVerificaIstruttoriaDelegate(IstruttoriaService istruttorie) {
        this.istruttorie = istruttorie;
    }

    @Override
    public void execute(DelegateExecution execution) {
        istruttorie.registraVerifica(Pratica.id(execution),
                (String) execution.getVariable(VAR_ESITO), alloggio(execution.getVariable(VAR_ALLOGGIO_ID)),
                (String) execution.getVariable(VAR_NOTE), (String) execution.getVariable(VAR_MOTIVO_FUORI_ORDINE),
                correzione(execution), (String) execution.getVariable(VAR_COMPLETATA_DA));
    }

    /** The form's select gives the option's value, a number; a REST client may send it as its text. */
    static Long alloggio(Object valore) {
        if (valore instanceof Number n) {
            return n.longValue();
        }
        if (valore instanceof String testo && testo.strip().matches("\\d{1,18}")) {
            return Long.parseLong(testo.strip());
        }
        if (valore == null || valore.toString().isBlank()) {
            return null;
        }
        throw DatiNonValidiException.campo(VAR_ALLOGGIO_ID, "indicare l'alloggio con il suo identificativo numerico");
    }

    /** The corrected data from the form (or the API): ISEE, the conditions that hold, residence dates. */
    static DomandaService.Correzione correzione(DelegateExecution execution) {
        Object isee = execution.getVariable(VAR_ISEE_CORRETTO);
        Object condizioni = execution.getVariable(VAR_CONDIZIONI_CORRETTE);
        try {
            return new DomandaService.Correzione(
                    isee == null ? null : Importo.of(new BigDecimal(isee.toString())),
                    condizioni == null ? null : condizioni(condizioni),
                    CampiDelForm.data(execution.getVariable(VAR_RESIDENTE_LOMBARDIA_DAL_CORRETTO)),
                    CampiDelForm.data(execution.getVariable(VAR_RESIDENTE_COMUNE_DAL_CORRETTO)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw DatiNonValidiException.campo("correzione", "dati corretti non validi: " + e.getMessage());
        }
    }

    /** A checklist gives a JSON list, the API a comma-separated list: the conditions named hold, the others do not. */
    static Map<String, Boolean> condizioni(Object valore) {
        String testo = valore instanceof Collection<?> lista ? String.join(",", lista.stream().map(String::valueOf).toList())
                : valore.toString().replaceAll("[\\[\\]\"\\s]", "");
        Map<String, Boolean> condizioni = new LinkedHashMap<>();
        for (String nome : testo.split(",")) {
            if (!nome.isBlank()) {
                condizioni.put(nome, true);
            }
        }
        return condizioni;
    }
}
