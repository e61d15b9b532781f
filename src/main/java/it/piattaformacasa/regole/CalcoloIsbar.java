package it.piattaformacasa.regole;

import it.piattaformacasa.common.Punteggio;
import it.piattaformacasa.regole.kie.EsitoDmn;
import it.piattaformacasa.regole.kie.KieDmnRuntime;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Port for the ISBAR of a domanda (Allegato 1 r.r. 4/2017 as amended by r.r. 3/2019; graduatorie ordered by ISBAR,
 * art. 12 co. 3), backed by {@code rules/isbar.dmn} on our KIE runtime. One decision table per component, so each
 * component is explained by the rules that produced it; the model's «ISBAR» decision sums the five.
 *
 * <p>Most point values are PROVISIONAL (the Allegato 1 table is not public): their rules say so in their
 * description, which reaches the caller through {@link PunteggioIsbar#spiegazione()}.
 */
@Service
public class CalcoloIsbar {

    public static final String NAMESPACE = "https://piattaformacasa.it/dmn/isbar";
    public static final String MODELLO = "isbar";

    public static final String DECISIONE_RESIDENZA_REGIONE = "Punti residenza regione";
    public static final String DECISIONE_RESIDENZA_COMUNE = "Punti residenza comune";
    public static final String DECISIONE_FAMILIARE = "Punti condizioni familiari";
    public static final String DECISIONE_ABITATIVO = "Punti condizioni abitative";
    public static final String DECISIONE_ECONOMICO = "Punti condizioni economiche";
    public static final String DECISIONE_ISBAR = "ISBAR";

    private final KieDmnRuntime runtime;

    public CalcoloIsbar(KieDmnRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Evaluates the five components and their sum for one household.
     *
     * @throws ValutazioneRegoleException naming the decision, when any decision fails, yields no value or a value
     *                                    with more than three decimals
     */
    public PunteggioIsbar calcola(DatiIsbar dati) {
        return calcola(dati, RegoleVincolate.CORRENTI);
    }

    /**
     * As {@link #calcola(DatiIsbar)} with the version of {@code rules/isbar.dmn} the case is bound to.
     */
    public PunteggioIsbar calcola(DatiIsbar dati, RegoleVincolate vincolo) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("anniResidenzaLombardia", BigDecimal.valueOf(dati.anniResidenzaLombardia()));
        input.put("anniResidenzaComune", BigDecimal.valueOf(dati.anniResidenzaComune()));
        input.put("condizioneFamiliareOAbitativa", dati.haCondizioneFamiliareOAbitativa());
        input.put("alloggioSceltoNelComuneDiResidenza", dati.alloggioSceltoNelComuneDiResidenza());
        input.put("anziani", dati.anziani());
        input.put("invaliditaMassima", BigDecimal.valueOf(dati.invaliditaMassima()));
        input.put("accompagnamento", dati.accompagnamento());
        input.put("handicapGrave", dati.handicapGrave());
        input.put("famigliaNuovaFormazione", dati.famigliaNuovaFormazione());
        input.put("personaSolaConMinori", dati.personaSolaConMinori());
        input.put("rilascioAlloggio", dati.rilascioAlloggio());
        input.put("alloggioImproprio", dati.alloggioImproprio());
        input.put("coabitazione", dati.coabitazione());
        input.put("sovraffollamento", dati.sovraffollamento());
        input.put("alloggioAntigienico", dati.alloggioAntigienico());
        input.put("barriereArchitettoniche", dati.barriereArchitettoniche());
        input.put("isee", dati.isee());

        EsitoDmn esito = runtime.valuta(NAMESPACE, MODELLO, vincolo.versione(MODELLO), input);

        return new PunteggioIsbar(
                punteggio(esito, DECISIONE_FAMILIARE),
                punteggio(esito, DECISIONE_ABITATIVO),
                punteggio(esito, DECISIONE_ECONOMICO),
                punteggio(esito, DECISIONE_RESIDENZA_REGIONE),
                punteggio(esito, DECISIONE_RESIDENZA_COMUNE),
                punteggio(esito, DECISIONE_ISBAR),
                esito.spiegazione());
    }

    /** Scores are exact thousandths: a table value with a fourth decimal is a rule error, never rounded. */
    private static Punteggio punteggio(EsitoDmn esito, String decisione) {
        BigDecimal valore = esito.numero(decisione);
        try {
            return Punteggio.of(valore);
        } catch (IllegalArgumentException e) {
            throw new ValutazioneRegoleException(decisione, e.getMessage());
        }
    }
}
