package it.piattaformacasa.graduatoria.process;


import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaService;
import it.piattaformacasa.common.process.Pratica;

/** What processes/graduatoria.bpmn reads from the graduatoria: its deadline and the ente's group. */
@Component("graduatoriaEspressioni")
public class GraduatoriaEspressioni {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    private final GraduatoriaService graduatorie;

    GraduatoriaEspressioni(GraduatoriaService graduatorie) {
        this.graduatorie = graduatorie;
    }

    public Date scadenzaApprovazione(DelegateExecution execution) {
        return Date.from(graduatorie.perProcesso(id(execution)).getScadenzaApprovazione());
    }

    /** Start of the day after the 15-day rettifica window that follows publication (Italian time). */
    public Date fineFinestraRettifiche(DelegateExecution execution) {
        Graduatoria graduatoria = graduatorie.perProcesso(id(execution));
        return Date.from(graduatoria.getPubblicataIl().plus(Graduatoria.FINESTRA_RETTIFICHE).atStartOfDay(ROMA).toInstant());
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
