package it.piattaformacasa.avviso.process;


import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.common.process.Pratica;

/**
 * What processes/avviso.bpmn reads from the avviso: timer dates, the enti that select alloggi and their groups.
 * Read from the database when needed, so a process variable never duplicates (and never contradicts) the avviso.
 */
@Component("avvisoEspressioni")
public class AvvisoEspressioni {

    private final AvvisoService avvisi;

    AvvisoEspressioni(AvvisoService avvisi) {
        this.avvisi = avvisi;
    }

    public Date fineSelezione(DelegateExecution execution) {
        return Date.from(avvisi.avviso(avvisoId(execution)).fineSelezioneAlloggi());
    }

    public Date apertura(DelegateExecution execution) {
        return Date.from(avvisi.avviso(avvisoId(execution)).getApertura());
    }

    public Date chiusura(DelegateExecution execution) {
        return Date.from(avvisi.avviso(avvisoId(execution)).getChiusura());
    }

    /** One selection task per ente operating in the ambito (codice fiscale, the multi-instance element). */
    public List<String> entiDellAmbito(DelegateExecution execution) {
        return avvisi.entiDellAmbito(avvisoId(execution)).stream().map(e -> e.getCodiceFiscale().valore()).toList();
    }

    public String gruppoGestioneAvviso(String enteCf) {
        return Gruppi.gestioneAvviso(CodiceFiscale.of(enteCf));
    }

    private static long avvisoId(DelegateExecution execution) {
        return Pratica.id(execution);
    }
}
