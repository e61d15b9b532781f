package it.piattaformacasa.avviso.process;

import static it.piattaformacasa.avviso.process.AvvisoBpmn.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.avviso.AvvisoService.NuovoAlloggioInAvviso;
import it.piattaformacasa.avviso.TipologiaAlloggioInAvviso;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.process.Pratica;

/**
 * Completing «Seleziona alloggi per l'avviso» inserts the rows the operator added in the form, through the service the
 * API uses, in the completion's transaction: a refusal (an alloggio not of the ente, a missing cost) rolls the whole
 * completion back and the operator reads the reason in Tasklist, with the task still open. The rows are the form's
 * value the engine guard checked and recorded on the task; the avviso and the ente come from the case, as for
 * {@link AlloggiDellEnteListener}. Runs on {@code complete}, since the step after the multi-instance task runs only
 * when every ente is done.
 */
@Component("alloggiSelezionatiListener")
class AlloggiSelezionatiListener implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final AvvisoService avvisi;
    private final IdentityService identityService;

    AlloggiSelezionatiListener(AvvisoService avvisi, IdentityService identityService) {
        this.avvisi = avvisi;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        TypedValue inviato = task.getVariableLocalTyped(VAR_ALLOGGI_DA_INSERIRE, false);
        List<NuovoAlloggioInAvviso> righe = righe(inviato);
        if (righe.isEmpty()) {
            return; // an ente with nothing (more) to offer only confirms
        }
        String ente = (String) task.getExecution().getVariable(VAR_ENTE_CF);
        Authentication chi = identityService.getCurrentAuthentication();
        String operatore = chi != null && chi.getUserId() != null ? chi.getUserId() : task.getAssignee();
        avvisi.aggiungiAlloggiDellEnte(Pratica.id(task.getExecution()), CodiceFiscale.of(ente), VAR_ALLOGGI_DA_INSERIRE,
                righe, operatore == null ? "sistema" : operatore);
    }

    static List<NuovoAlloggioInAvviso> righe(TypedValue inviato) {
        if (inviato == null || inviato.getValue() == null && !(inviato instanceof SerializableValue)) {
            return List.of();
        }
        JsonNode elenco;
        try {
            String testo = inviato instanceof SerializableValue s && !s.isDeserialized() ? s.getValueSerialized()
                    : String.valueOf(inviato.getValue());
            elenco = JSON.readTree(testo == null ? "[]" : testo);
        } catch (JsonProcessingException e) {
            throw DatiNonValidiException.campo(VAR_ALLOGGI_DA_INSERIRE, "attesa una lista di alloggi (Json)");
        }
        List<DatiNonValidiException.Errore> errori = new ArrayList<>();
        List<NuovoAlloggioInAvviso> righe = new ArrayList<>();
        for (int i = 0; i < elenco.size(); i++) {
            JsonNode riga = elenco.get(i);
            String campo = VAR_ALLOGGI_DA_INSERIRE + "[" + i + "].";
            String dove = "riga " + (i + 1) + ": ";
            Long alloggio = intero(riga.get("alloggioId"));
            if (alloggio == null) {
                errori.add(new DatiNonValidiException.Errore(campo + "alloggioId", dove + "scegliere l'alloggio"));
            }
            TipologiaAlloggioInAvviso tipologia = tipologia(riga.get("tipologia"));
            if (tipologia == null) {
                errori.add(new DatiNonValidiException.Errore(campo + "tipologia", dove + "scegliere la tipologia"));
            }
            BigDecimal spese = importo(riga.get("speseAnnueUtenze"));
            if (spese == null) {
                errori.add(new DatiNonValidiException.Errore(campo + "speseAnnueUtenze",
                        dove + "indicare la stima delle spese annuali per le utenze, in euro"));
            }
            JsonNode costo = riga.get("costoInterventi");
            BigDecimal costoInterventi = importo(costo);
            if (costo != null && !costo.isNull() && !costo.asText().isBlank() && costoInterventi == null) {
                errori.add(new DatiNonValidiException.Errore(campo + "costoInterventi",
                        dove + "il costo degli interventi è un importo in euro"));
            }
            if (alloggio != null && tipologia != null && spese != null) {
                righe.add(new NuovoAlloggioInAvviso(alloggio, tipologia, testo(riga.get("tipologiaRiscaldamento")), spese,
                        testo(riga.get("interventi")), costoInterventi));
            }
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        return righe;
    }

    private static Long intero(JsonNode valore) {
        if (valore == null) {
            return null;
        }
        if (valore.canConvertToLong() && valore.isIntegralNumber()) {
            return valore.asLong();
        }
        return valore.isTextual() && valore.asText().matches("\\d{1,18}") ? Long.valueOf(valore.asText()) : null;
    }

    private static TipologiaAlloggioInAvviso tipologia(JsonNode valore) {
        if (valore == null || !valore.isTextual()) {
            return null;
        }
        for (TipologiaAlloggioInAvviso t : TipologiaAlloggioInAvviso.values()) {
            if (t.name().equals(valore.asText())) {
                return t;
            }
        }
        return null;
    }

    /** An amount as form-js sends it: a number, or its text (with a decimal comma too). */
    private static BigDecimal importo(JsonNode valore) {
        if (valore == null || valore.isNull()) {
            return null;
        }
        if (valore.isNumber()) {
            return valore.decimalValue();
        }
        String testo = valore.asText().strip().replace(',', '.');
        return valore.isTextual() && testo.matches("-?\\d{1,15}(\\.\\d{1,15})?") ? new BigDecimal(testo) : null;
    }

    private static String testo(JsonNode valore) {
        return valore == null || valore.isNull() ? null : valore.asText();
    }
}
