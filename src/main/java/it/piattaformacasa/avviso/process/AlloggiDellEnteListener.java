package it.piattaformacasa.avviso.process;

import static it.piattaformacasa.avviso.process.AvvisoBpmn.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.avviso.AlloggioInAvviso;
import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.avviso.AvvisoService.AlloggioSelezionabile;
import it.piattaformacasa.avviso.TipologiaAlloggioInAvviso;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.process.DatiDelModulo;
import it.piattaformacasa.common.process.Pratica;

/**
 * What «Seleziona alloggi per l'avviso» shows and offers (forms/seleziona-alloggi.form), written on the task itself:
 * the alloggi the ente may still add (a table to read, and the options of the row's «Alloggio»: the engine guard
 * admits only those) and the ones it has already added. The avviso comes from the business key, the ente from the
 * multi-instance element the engine set from the enti of the ambito — never from a variable an operator can write.
 * Written on {@code create} and again on {@code assignment}, so whoever takes the task in charge sees the alloggi as
 * they are then (an ente may also add alloggi through the API while the task is open).
 */
@Component("alloggiDellEnteListener")
class AlloggiDellEnteListener implements TaskListener {

    private final AvvisoService avvisi;

    AlloggiDellEnteListener(AvvisoService avvisi) {
        this.avvisi = avvisi;
    }

    @Override
    public void notify(DelegateTask task) {
        Object ente = task.getExecution().getVariable(VAR_ENTE_CF);
        if (!(ente instanceof String cf) || !CodiceFiscale.isValid(cf)) {
            throw new IllegalStateException("Attività " + task.getId() + " senza l'ente dell'istanza multipla");
        }
        long avvisoId = Pratica.id(task.getExecution());
        List<AlloggioSelezionabile> selezionabili = avvisi.alloggiSelezionabili(avvisoId, CodiceFiscale.of(cf));
        task.setVariableLocal(VAR_ALLOGGI_SELEZIONABILI, DatiDelModulo.json(selezionabili.stream()
                .map(a -> new DatiDelModulo.Opzione(a.codiceUi() + " – " + a.comune() + ", " + a.indirizzo() + " ("
                        + stato(a.stato()) + ")", a.id()))
                .toList()));
        task.setVariableLocal(VAR_ALLOGGI_DELL_ENTE, DatiDelModulo.json(selezionabili.stream()
                .map(a -> Map.of("codiceUi", a.codiceUi(), "comune", a.comune(), "indirizzo", a.indirizzo(),
                        "superficieUtile", ItalianFormats.decimale(a.superficieUtile(), 2) + " m²",
                        "vani", a.vani(), "statoInAnagrafe", stato(a.stato())))
                .toList()));
        task.setVariableLocal(VAR_ALLOGGI_INSERITI, DatiDelModulo.json(avvisi.alloggiDellEnte(avvisoId, CodiceFiscale.of(cf))
                .stream().map(AlloggiDellEnteListener::inserito).toList()));
    }

    private static Map<String, Object> inserito(AlloggioInAvviso a) {
        return Map.of("codiceUi", a.getAlloggio().getCodiceUi(), "comune", a.getAlloggio().getComune().getNome(),
                "tipologia", tipologia(a.getTipologia()), "tipologiaRiscaldamento", a.getTipologiaRiscaldamento(),
                "speseAnnueUtenze", ItalianFormats.euro(a.getSpeseAnnueUtenze()),
                "interventi", a.getInterventi() == null ? "–" : a.getInterventi(),
                "costoInterventi", a.getCostoInterventi() == null ? "–" : ItalianFormats.euro(a.getCostoInterventi()));
    }

    /** The Anagrafe states as the seeds write them (seed 000, seed 001). */
    static String stato(StatoAlloggio stato) {
        return switch (stato) {
            case LIBERO -> "libero";
            case SFITTO_CARENZE_MANUTENTIVE -> "sfitto per carenze manutentive";
            case SFITTO_RISTRUTTURAZIONE -> "sfitto per ristrutturazione";
            case OCCUPATO -> "occupato";
            case OCCUPATO_SENZA_TITOLO -> "occupato senza titolo";
        };
    }

    /** The tipologie as seed 000 names them, also the labels of the form's choice. */
    static String tipologia(TipologiaAlloggioInAvviso tipologia) {
        return switch (tipologia) {
            case IMMEDIATAMENTE_ASSEGNABILE -> "Immediatamente assegnabile";
            case ASSEGNABILE_ENTRO_CHIUSURA -> "Assegnabile entro la chiusura dell'avviso";
            case STATO_DI_FATTO_INTERVENTI_ENTE -> "Assegnabile allo stato di fatto, interventi a carico dell'ente";
            case STATO_DI_FATTO_INTERVENTI_CITTADINO -> "Assegnabile allo stato di fatto, interventi a carico del cittadino";
        };
    }
}
