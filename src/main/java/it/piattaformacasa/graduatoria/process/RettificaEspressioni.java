package it.piattaformacasa.graduatoria.process;

import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import it.piattaformacasa.graduatoria.RettificaService;
import it.piattaformacasa.common.process.Pratica;

/** The decision deadline of a rettifica: the end of the 15th day after the request (Italian time). */
@Component("rettificaEspressioni")
public class RettificaEspressioni {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    private final RettificaService rettifiche;

    RettificaEspressioni(RettificaService rettifiche) {
        this.rettifiche = rettifiche;
    }

    public Date scadenzaDecisione(DelegateExecution execution) {
        return Date.from(rettifiche.rettifica(id(execution)).getRichiestaIl()
                .plusDays(RettificaService.GIORNI_PER_DECIDERE + 1L).atStartOfDay(ROMA).toInstant());
    }

    static long id(DelegateExecution execution) {
        return Pratica.id(execution);
    }
}
