package it.piattaformacasa.assegnazione.process;

import static it.piattaformacasa.assegnazione.process.ContrattoBpmn.*;

import java.math.BigDecimal;
import java.time.format.DateTimeParseException;

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
        ContrattoService.DatiContratto dati;
        try {
            Object canone = execution.getVariable(VAR_CANONE);
            dati = new ContrattoService.DatiContratto((String) execution.getVariable(VAR_NUMERO),
                    CampiDelForm.data(execution.getVariable(VAR_DATA_FIRMA)), CampiDelForm.data(execution.getVariable(VAR_DECORRENZA)),
                    canone == null ? null : new BigDecimal(canone.toString()), (String) execution.getVariable(VAR_REGISTRAZIONE));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw DatiNonValidiException.campo("contratto", "dati del contratto non validi: " + e.getMessage());
        }
        contratti.registra(Pratica.id(execution),
                (String) execution.getVariable(VAR_ESITO), dati, (String) execution.getVariable(VAR_MOTIVO_RINUNCIA),
                (String) execution.getVariable(VAR_COMPLETATA_DA));
    }
}
