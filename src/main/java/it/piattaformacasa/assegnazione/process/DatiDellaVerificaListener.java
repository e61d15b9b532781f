package it.piattaformacasa.assegnazione.process;

import static it.piattaformacasa.assegnazione.process.IstruttoriaBpmn.*;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import it.piattaformacasa.assegnazione.SchedaIstruttoria;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.process.DatiDelModulo;
import it.piattaformacasa.common.process.Pratica;
import it.piattaformacasa.domanda.LettureDomanda;

/**
 * Puts on «Verifica istruttoria» what its form shows and offers (issue 11): the domanda, the nucleo, ISBAR with its
 * explanation, the alloggi chosen at this ente, the art. 15 order, the alloggi to choose from and whether a reason for
 * going out of order is needed. Task-local, read from the case the process business key names, never from a variable
 * an operator could write; the engine guard bounds the choice of alloggio by the options written here.
 *
 * <p>On {@code create}, and again on {@code assignment}: the order and the free alloggi change while a task waits, and
 * whoever takes it in charge («Prendi in carico», also after «Rilascia») sees them as they are then.
 */
@Component("datiDellaVerificaListener")
class DatiDellaVerificaListener implements TaskListener {

    private static final Logger LOG = LoggerFactory.getLogger(DatiDellaVerificaListener.class);

    private final SchedaIstruttoria schede;
    private final Clock clock;
    private final LettureDomanda letture;

    DatiDellaVerificaListener(SchedaIstruttoria schede, Clock clock, LettureDomanda letture) {
        this.schede = schede;
        this.clock = clock;
        this.letture = letture;
    }

    @Override
    public void notify(DelegateTask task) {
        long istruttoriaId = Pratica.id(task.getExecution());
        Optional<SchedaIstruttoria.Scheda> trovata = schede.scheda(istruttoriaId);
        if (trovata.isEmpty()) {
            // the task is still worth creating: the API and the outcome step read the case from the database anyway
            LOG.warn("Verifica istruttoria: istruttoria {} non trovata, il modulo non ne mostra i dati", istruttoriaId);
            // no options: the engine guard then admits no alloggio from Tasklist
            task.setVariableLocal(VAR_SCHEDA_DOMANDA, "I dati dell'istruttoria n. " + istruttoriaId + " non sono disponibili.");
            task.setVariableLocal(VAR_FUORI_ORDINE, true);
            return;
        }
        SchedaIstruttoria.Scheda scheda = trovata.get();
        if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null) {
            // issue 16, privacy: whoever takes the verifica in charge reads the domanda's personal data in its form
            letture.registra(scheda.domandaId(), LettureDomanda.Dove.TASKLIST_VERIFICA, task.getAssignee());
        }
        task.setVariableLocal(VAR_SCHEDA_DOMANDA, ModuloVerificaIstruttoria.domanda(scheda));
        task.setVariableLocal(VAR_SCHEDA_PUNTEGGIO, ModuloVerificaIstruttoria.punteggio(scheda));
        task.setVariableLocal(VAR_SCHEDA_ALLOGGI, ModuloVerificaIstruttoria.alloggi(scheda));
        task.setVariableLocal(VAR_SCHEDA_ORDINE, ModuloVerificaIstruttoria.ordine(scheda)
                + "\n\n*Situazione al " + ItalianFormats.dataOra(clock.instant()) + ".*");
        task.setVariableLocal(VAR_ALLOGGI_ASSEGNABILI, DatiDelModulo.json(ModuloVerificaIstruttoria.opzioni(scheda)));
        task.setVariableLocal(VAR_FUORI_ORDINE, scheda.ordine().fuoriOrdine());
        // a ricalcolo replaces the declared conditions with the ticked ones: they start ticked as declared, so correcting
        // only the ISEE does not drop them
        task.setVariableLocal(VAR_CONDIZIONI_CORRETTE, DatiDelModulo.json(List.copyOf(scheda.condizioni())));
    }
}
