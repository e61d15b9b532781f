package it.piattaformacasa.piano.process;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.process.Pratica;
import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.piano.ProgrammazioneService;

/**
 * What processes/programmazione-annuale.bpmn reads from the plan: the window's dates, the enti's communications and
 * the groups that work them. Read from the database when needed, so a process variable never contradicts the plan.
 */
@Component("programmazioneEspressioni")
public class ProgrammazioneEspressioni {

    private final ProgrammazioneService piani;

    ProgrammazioneEspressioni(ProgrammazioneService piani) {
        this.piani = piani;
    }

    public Date inizioComunicazioni(DelegateExecution execution) {
        return Date.from(piani.piano(Pratica.id(execution)).aperturaComunicazioni());
    }

    public Date fineComunicazioni(DelegateExecution execution) {
        return Date.from(piani.piano(Pratica.id(execution)).chiusuraComunicazioni());
    }

    public Date fineAnno(DelegateExecution execution) {
        return Date.from(piani.piano(Pratica.id(execution)).fineAnno());
    }

    /** One task per communication (ente and comune) of the plan, each time the window (re)opens. */
    public List<Long> comunicazioni(DelegateExecution execution) {
        return piani.idComunicazioni(Pratica.id(execution));
    }

    /** The ente's operators with «Gestione Avviso», as for the certification of its Anagrafe. */
    public String gruppoDellEnte(Object comunicazioneId) {
        long id = ((Number) comunicazioneId).longValue();
        return Gruppi.gestioneAvviso(CodiceFiscale.of(piani.comunicazioneDiSistema(id).codiceFiscaleEnte()));
    }

    /** The Comune capofila's operators who manage the ambito's avvisi and plans. */
    public String gruppoCapofila(DelegateExecution execution) {
        return Gruppi.capofila(piani.piano(Pratica.id(execution)).codiceAmbito());
    }
}
