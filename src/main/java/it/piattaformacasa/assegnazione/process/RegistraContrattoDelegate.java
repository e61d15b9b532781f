package it.piattaformacasa.assegnazione.process;

import static it.piattaformacasa.assegnazione.process.ContrattoBpmn.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.assegnazione.ContrattoService;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.process.Pratica;

/** «Conferma registrazione contratto»: the lease data, or the nucleo's refusal with its reason. */
@Component("registraContrattoDelegate")
class RegistraContrattoDelegate implements JavaDelegate {

    private final ContrattoService contratti;

    RegistraContrattoDelegate(ContrattoService contratti) {
        this.contratti = contratti;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // a value that does not read as a date or an amount is refused by its own field, as the form names it
        List<DatiNonValidiException.Errore> errori = new ArrayList<>();
        LocalDate firma = data(execution, VAR_DATA_FIRMA, errori);
        LocalDate decorrenza = data(execution, VAR_DECORRENZA, errori);
        BigDecimal canone = null;
        Object importo = execution.getVariable(VAR_CANONE);
        if (importo != null && !importo.toString().isBlank()) {
            try {
                canone = new BigDecimal(importo.toString());
            } catch (NumberFormatException e) {
                errori.add(new DatiNonValidiException.Errore(VAR_CANONE, "importo non valido"));
            }
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        ContrattoService.DatiContratto dati = new ContrattoService.DatiContratto((String) execution.getVariable(VAR_NUMERO),
                firma, decorrenza, canone, (String) execution.getVariable(VAR_REGISTRAZIONE));
        contratti.registra(Pratica.id(execution),
                (String) execution.getVariable(VAR_ESITO), dati, (String) execution.getVariable(VAR_MOTIVO_RINUNCIA),
                (String) execution.getVariable(VAR_COMPLETATA_DA));
    }

    private static LocalDate data(DelegateExecution execution, String variabile, List<DatiNonValidiException.Errore> errori) {
        try {
            return CampiDelForm.data(execution.getVariable(variabile));
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            errori.add(new DatiNonValidiException.Errore(variabile, "data non valida (gg/mm/aaaa)"));
            return null;
        }
    }
}
