package it.piattaformacasa.piano.process;

import static it.piattaformacasa.piano.CampiComunicazione.*;
import static it.piattaformacasa.piano.process.ProgrammazioneAnnualeBpmn.VAR_COMPLETATA_DA;
import static it.piattaformacasa.piano.process.ProgrammazioneAnnualeBpmn.VAR_COMUNICAZIONE_ID;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.piano.ComunicazioneAnnuale.Dati;
import it.piattaformacasa.piano.ProgrammazioneService;

/**
 * Completing «Comunica offerta abitativa» records the ente's scheda through the plan's service, in the completion's
 * transaction: a refusal (a threshold above the law's, categories for an ALER) rolls the completion back and the
 * operator reads the reason beside the field, with the task still open. The values are the form's, which the engine
 * guard recorded on the task; the communication is the task's multi-instance element, written by the platform. Runs on
 * {@code complete}, since the step after the multi-instance task runs only at the end of the window.
 */
@Component("comunicazioneInviataListener")
class ComunicazioneInviataListener implements TaskListener {

    private final ProgrammazioneService piani;

    ComunicazioneInviataListener(ProgrammazioneService piani) {
        this.piani = piani;
    }

    @Override
    public void notify(DelegateTask task) {
        List<Errore> errori = new ArrayList<>();
        Dati dati = new Dati(intero(task, ALLOGGI_DISPONIBILI, errori), intero(task, ALLOGGI_TURN_OVER, errori),
                intero(task, ALLOGGI_CARENZA_MANUTENTIVA, errori), intero(task, ALLOGGI_NUOVA_EDIFICAZIONE, errori),
                intero(task, ALLOGGI_TRANSITORI, errori), intero(task, ALLOGGI_ASSEGNATI_ANNO_PRECEDENTE, errori),
                intero(task, ALLOGGI_CONFERITI_PRIVATI, errori), testo(task, ALTRA_CATEGORIA),
                percentuale(task, SOGLIA_ANZIANI, errori), percentuale(task, SOGLIA_MONOPARENTALI, errori),
                percentuale(task, SOGLIA_DISABILI, errori), percentuale(task, SOGLIA_NUOVA_FORMAZIONE, errori),
                percentuale(task, SOGLIA_ALTRA_CATEGORIA, errori), percentuale(task, SOGLIA_FORZE_POLIZIA, errori),
                percentuale(task, SOGLIA_POLIZIA_LOCALE, errori), percentuale(task, SOGLIA_INDIGENTI, errori));
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        long comunicazione = ((Number) task.getExecution().getVariable(VAR_COMUNICAZIONE_ID)).longValue();
        Object chi = task.getVariableLocal(VAR_COMPLETATA_DA);
        piani.registraComunicazione(comunicazione, dati, chi == null ? "sistema" : chi.toString());
    }

    private static Integer intero(DelegateTask task, String campo, List<Errore> errori) {
        Object valore = task.getVariableLocal(campo);
        if (valore == null || valore instanceof String s && s.isBlank()) {
            return null;
        }
        try {
            BigDecimal numero = new BigDecimal(valore.toString().strip());
            if (numero.stripTrailingZeros().scale() > 0) {
                errori.add(new Errore(campo, "scrivere un numero intero di unità"));
                return null;
            }
            if (numero.abs().compareTo(BigDecimal.valueOf(1_000_000_000)) > 0) {
                errori.add(new Errore(campo, "al massimo 100.000 unità"));
                return null;
            }
            return numero.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errori.add(new Errore(campo, "scrivere un numero intero di unità"));
            return null;
        }
    }

    private static BigDecimal percentuale(DelegateTask task, String campo, List<Errore> errori) {
        Object valore = task.getVariableLocal(campo);
        if (valore == null || valore instanceof String s && s.isBlank()) {
            return null;
        }
        try {
            BigDecimal numero = new BigDecimal(valore.toString().strip().replace("%", "").replace(',', '.'));
            if (numero.abs().compareTo(BigDecimal.valueOf(1_000)) > 0) {
                errori.add(new Errore(campo, "deve essere una percentuale"));
                return null;
            }
            return numero.stripTrailingZeros().scale() < 0 ? numero.setScale(0) : numero.stripTrailingZeros();
        } catch (NumberFormatException e) {
            errori.add(new Errore(campo, "percentuale non valida: scrivere ad esempio 12,5"));
            return null;
        }
    }

    private static String testo(DelegateTask task, String campo) {
        Object valore = task.getVariableLocal(campo);
        return valore == null ? null : valore.toString();
    }
}
