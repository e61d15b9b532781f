package it.piattaformacasa.regole;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import it.piattaformacasa.regole.kie.EsitoDmn;
import it.piattaformacasa.regole.kie.KieDmnRuntime;

/**
 * Port for the parameters of an avviso fixed by the day it was predisposto (seed 003 FAQ 21), backed by
 * {@code rules/parametri-avviso.dmn}: the regulatory step, the maximum number of alloggi per domanda (5 before r.r.
 * 6/2021, 2 after) and whether art. 14 category reserves apply (second step of r.r. 2/2025), with the step's Italian
 * label and its article references for the people who read it.
 */
@Service
public class ParametriAvviso {

    public static final String NAMESPACE = "https://piattaformacasa.it/dmn/parametri-avviso";
    public static final String MODELLO = "parametri-avviso";
    public static final String DECISIONE = "Parametri avviso";

    /**
     * @param passoNormativo           e.g. LOMBARDIA_2025_SECONDO_STEP
     * @param massimoAlloggiPerDomanda art. 9 co. 3
     * @param riserveCategorie         art. 14 category reserves and the «Riserva» column
     * @param etichettaPasso           «Secondo step del r.r. 2/2025»; null from a version written before the label existed
     * @param riferimentiNormativi     the articles the step rests on; null as the label
     */
    public record Parametri(String passoNormativo, int massimoAlloggiPerDomanda, boolean riserveCategorie,
                            String etichettaPasso, String riferimentiNormativi, List<RegolaApplicata> spiegazione) {
    }

    private final KieDmnRuntime runtime;

    public ParametriAvviso(KieDmnRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * @param vincolo the rule-set versions to use (those in force on that day, for a new avviso)
     * @throws ValutazioneRegoleException when no rule covers the day or an output is missing
     */
    public Parametri valuta(LocalDate predisposizione, RegoleVincolate vincolo) {
        EsitoDmn esito = runtime.valuta(NAMESPACE, MODELLO, vincolo.versione(MODELLO),
                Map.of("dataPredisposizione", predisposizione.toString()));
        Object valore = esito.decisioni().get(DECISIONE);
        if (!(valore instanceof Map<?, ?> uscite) || !(uscite.get("passoNormativo") instanceof String passo)
                || !(uscite.get("massimoAlloggiPerDomanda") instanceof BigDecimal massimo)
                || !(uscite.get("riserveCategorie") instanceof Boolean riserve)) {
            throw new ValutazioneRegoleException(DECISIONE, "uscite passoNormativo, massimoAlloggiPerDomanda, "
                    + "riserveCategorie attese, ottenuto: " + valore);
        }
        // the label and the references are optional outputs: versions published before them still evaluate
        return new Parametri(passo, massimo.intValueExact(), riserve, testo(uscite.get("etichettaPasso")),
                testo(uscite.get("riferimentiNormativi")), esito.spiegazione());
    }

    private static String testo(Object valore) {
        return valore instanceof String s && !s.isBlank() ? s.strip() : null;
    }
}
