package it.piattaformacasa.operatori.process;

import static it.piattaformacasa.operatori.process.AbilitazioniBpmn.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.process.Pratica;
import it.piattaformacasa.operatori.AbilitazioniService;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.operatori.RichiestaAbilitazione;

@Component("applicaEsitoAbilitazioneDelegate")
class ApplicaEsitoAbilitazioneDelegate implements JavaDelegate {

    private final AbilitazioniService abilitazioni;

    ApplicaEsitoAbilitazioneDelegate(AbilitazioniService abilitazioni) {
        this.abilitazioni = abilitazioni;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object esito = execution.getVariable(VAR_ESITO);
        RichiestaAbilitazione.Esito valore;
        try {
            valore = RichiestaAbilitazione.Esito.valueOf(String.valueOf(esito));
        } catch (IllegalArgumentException e) {
            throw DatiNonValidiException.campo(VAR_ESITO, "indicare APPROVATA o RESPINTA");
        }
        Object motivo = execution.getVariable(VAR_MOTIVO);
        String validatore = (String) execution.getVariable(VAR_COMPLETATA_DA);
        // the service checks who decides (a validator, not the sender); users, groups and tasks are the approval's work
        SenzaAutorizzazioni.esegui(() -> {
            abilitazioni.decidi(Pratica.id(execution), valore, motivo == null ? null : motivo.toString(), validatore);
            return null;
        });
    }
}
