package it.piattaformacasa.anagrafe.process;

import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import it.piattaformacasa.anagrafe.CertificazioneAnagrafeService;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.common.process.DescrizionePratica;
import it.piattaformacasa.common.process.Pratica;

/** «Certifica dati anagrafe» names the ente and the year of its business key (certificazione-anagrafe:CF:anno). */
@Component
class PraticheDellAnagrafe implements DescrizionePratica {

    private final CertificazioneAnagrafeService certificazioni;

    PraticheDellAnagrafe(CertificazioneAnagrafeService certificazioni) {
        this.certificazioni = certificazioni;
    }

    @Override
    public Set<String> processi() {
        return Set.of(CertificazioneAnagrafeBpmn.PROCESS_ID);
    }

    @Override
    public Optional<PraticaInBreve> descrivi(String processo, DelegateTask task) {
        return CertificazioneAnagrafeBpmn.chiave(Pratica.chiave(task.getExecution()))
                .filter(c -> CodiceFiscale.isValid(c.codiceFiscaleEnte()))
                .flatMap(c -> certificazioni.inBreve(CodiceFiscale.of(c.codiceFiscaleEnte()), c.anno()));
    }
}
