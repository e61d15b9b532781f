package it.piattaformacasa.graduatoria.process;


import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.graduatoria.GraduatoriaService;
import it.piattaformacasa.common.process.Pratica;

/** What processes/graduatoria.bpmn reads from the graduatoria: its deadlines and the ente's group. */
@Component("graduatoriaEspressioni")
public class GraduatoriaEspressioni {

    private final GraduatoriaService graduatorie;

    GraduatoriaEspressioni(GraduatoriaService graduatorie) {
        this.graduatorie = graduatorie;
    }

    public Date scadenzaApprovazione(DelegateExecution execution) {
        return Date.from(graduatorie.perProcesso(id(execution)).getScadenzaApprovazione());
    }

    /** The end of the 15th day after publication (midnight, Rome): the rettifica window includes that whole day. */
    public Date fineFinestraRettifiche(DelegateExecution execution) {
        return Date.from(graduatorie.perProcesso(id(execution)).fineFinestraRettifiche());
    }

    /** See {@link GraduatoriaService#scadenzaRendiDefinitiva}: the regulation's term for the publication that follows. */
    public Date scadenzaRendiDefinitiva(DelegateExecution execution) {
        return Date.from(graduatorie.scadenzaRendiDefinitiva(id(execution)));
    }

    public Date scadenzaPubblicazioneDefinitiva(DelegateExecution execution) {
        return Date.from(graduatorie.perProcesso(id(execution)).getScadenzaPubblicazioneDefinitiva());
    }

    public String gruppoGestioneAvviso(DelegateExecution execution) {
        return Gruppi.gestioneAvviso(graduatorie.perProcesso(id(execution)).getEnte().getCodiceFiscale());
    }

    static long id(DelegateExecution execution) {
        return Pratica.id(execution);
    }
}
