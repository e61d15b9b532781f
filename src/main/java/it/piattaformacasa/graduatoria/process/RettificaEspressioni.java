package it.piattaformacasa.graduatoria.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.Termini;
import it.piattaformacasa.graduatoria.RettificaService;
import it.piattaformacasa.common.process.Pratica;

/** The decision deadline of a rettifica: the end of the 15th day after the request (Italian time). */
@Component("rettificaEspressioni")
public class RettificaEspressioni {

    private final RettificaService rettifiche;

    RettificaEspressioni(RettificaService rettifiche) {
        this.rettifiche = rettifiche;
    }

    /** Midnight (Rome) at the end of the 15th day after the request: the same whole-day rule as the rettifica window. */
    public Date scadenzaDecisione(DelegateExecution execution) {
        return Date.from(Termini.fineDel(Termini.ultimoGiorno(rettifiche.rettifica(id(execution)).getRichiestaIl(),
                RettificaService.GIORNI_PER_DECIDERE)));
    }

    static long id(DelegateExecution execution) {
        return Pratica.id(execution);
    }
}
