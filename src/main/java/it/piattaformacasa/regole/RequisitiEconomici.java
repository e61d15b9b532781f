package it.piattaformacasa.regole;

import it.piattaformacasa.regole.kie.EsitoDmn;
import it.piattaformacasa.regole.kie.KieDmnRuntime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Port for the economic access requirements and indigence (r.r. 4/2017 artt. 7 and 13), backed by
 * {@code rules/requisiti-economici.dmn} on our KIE runtime. Callers see only Java types: KIE's BigDecimal and
 * Boolean results are converted here, so nothing KIE-specific reaches the process engine or the web layer.
 */
@Service
public class RequisitiEconomici {

    public static final String NAMESPACE = "https://piattaformacasa.it/dmn/requisiti-economici";
    public static final String MODELLO = "requisiti-economici";

    public static final String DECISIONE_REQUISITO_ISEE = "Requisito ISEE";
    public static final String DECISIONE_INDIGENZA = "Indigenza";
    public static final String DECISIONE_SOGLIA_PATRIMONIALE = "Soglia patrimoniale";

    private final KieDmnRuntime runtime;

    public RequisitiEconomici(KieDmnRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Evaluates every decision of the model for one household.
     *
     * @throws ValutazioneRegoleException naming the decision, when any decision fails or yields no value
     */
    public EsitoRequisiti valuta(DatiRequisiti dati) {
        return valuta(dati, RegoleVincolate.CORRENTI);
    }

    /** As {@link #valuta(DatiRequisiti)} with the version of {@code rules/requisiti-economici.dmn} the case is bound to. */
    public EsitoRequisiti valuta(DatiRequisiti dati, RegoleVincolate vincolo) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("isee", dati.isee());
        input.put("attestazioneServiziSociali", dati.attestazioneServiziSociali());
        input.put("attestazioneRichiesta", dati.attestazioneRichiesta());
        input.put("componentiMaggiorenni", BigDecimal.valueOf(dati.componentiMaggiorenni()));
        // inputs of the «Alloggio adeguato» table of versions before it moved to rules/alloggi.dmn: still given, so that
        // a case bound to such a version evaluates as it did; later versions ignore them
        input.put("superficieUtile", dati.superficieUtile());
        input.put("componentiNucleo", BigDecimal.valueOf(dati.componentiNucleo()));

        EsitoDmn esito = runtime.valuta(NAMESPACE, MODELLO, vincolo.versione(MODELLO), input);

        return new EsitoRequisiti(
                esito.booleano(DECISIONE_REQUISITO_ISEE),
                esito.booleano(DECISIONE_INDIGENZA),
                // euro amounts: two decimals; HALF_UP only matters if a future table holds cents beyond that
                esito.numero(DECISIONE_SOGLIA_PATRIMONIALE).setScale(2, RoundingMode.HALF_UP),
                esito.spiegazione());
    }
}
