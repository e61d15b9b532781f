package it.piattaformacasa.anagrafe.process;

import static it.piattaformacasa.anagrafe.process.CertificazioneAnagrafeBpmn.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import it.piattaformacasa.anagrafe.CertificazioneAnagrafeProcesso;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.common.sicurezza.Gruppi;

@Component
class CertificazioneAnagrafeProcessAdapter implements CertificazioneAnagrafeProcesso {

    private final RuntimeService runtimeService;

    CertificazioneAnagrafeProcessAdapter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public String avvia(EnteProprietario ente, int anno) {
        return runtimeService.createProcessInstanceByKey(PROCESS_ID)
                .businessKey(businessKey(ente.getCodiceFiscale().valore(), anno))
                .setVariables(Variables.createVariables()
                        .putValue(VAR_ENTE_ID, ente.getId())
                        .putValue(VAR_ANNO, anno)
                        .putValue(VAR_GRUPPO_CANDIDATO, Gruppi.gestioneAvviso(ente.getCodiceFiscale())))
                .execute()
                .getId();
    }

    @Override
    public boolean inCorso(EnteProprietario ente, int anno) {
        return runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(businessKey(ente.getCodiceFiscale().valore(), anno))
                .count() > 0;
    }
}
