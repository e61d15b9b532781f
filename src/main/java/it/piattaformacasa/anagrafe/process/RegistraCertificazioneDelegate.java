package it.piattaformacasa.anagrafe.process;

import static it.piattaformacasa.anagrafe.process.CertificazioneAnagrafeBpmn.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.anagrafe.CertificazioneAnagrafe;
import it.piattaformacasa.anagrafe.CertificazioneAnagrafeService;

@Component("registraCertificazioneDelegate")
class RegistraCertificazioneDelegate implements JavaDelegate {

    private final CertificazioneAnagrafeService certificazioni;

    RegistraCertificazioneDelegate(CertificazioneAnagrafeService certificazioni) {
        this.certificazioni = certificazioni;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long enteId = ((Number) execution.getVariable(VAR_ENTE_ID)).longValue();
        int anno = ((Number) execution.getVariable(VAR_ANNO)).intValue();
        CertificazioneAnagrafe.Esito esito = CertificazioneAnagrafe.Esito.valueOf((String) execution.getVariable(VAR_ESITO));
        certificazioni.registra(enteId, anno, esito, (String) execution.getVariable(VAR_NOTE),
                (String) execution.getVariable(VAR_COMPLETATA_DA));
    }
}
