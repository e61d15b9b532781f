package it.piattaformacasa.regole;

import it.piattaformacasa.regole.kie.EsitoDmn;
import it.piattaformacasa.regole.kie.KieDmnRuntime;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Port for the annual reserves of an ente (art. 13 co. 3, art. 15 co. 1 ter, artt. 7 bis and 7 ter r.r. 4/2017),
 * backed by {@code rules/riserve.dmn} on our KIE runtime: how many of the year's units go first to indigent
 * households, how many are reserved to the chosen art. 14 categories and to the police forces. Each quota has its
 * own rounding rule, in the DMN where an analyst can read it.
 */
@Service
public class RiserveAssegnazione {

    public static final String NAMESPACE = "https://piattaformacasa.it/dmn/riserve";
    public static final String MODELLO = "riserve";

    public static final String DECISIONE_PERCENTUALE_INDIGENTI = "Percentuale riserva indigenti";
    public static final String DECISIONE_INDIGENTI = "Riserva indigenti";
    public static final String DECISIONE_CATEGORIE = "Riserva categorie";
    public static final String DECISIONE_FORZE_POLIZIA = "Riserva forze di polizia";
    public static final String DECISIONE_POLIZIA_LOCALE = "Riserva polizia locale";

    /** Units per quota, with the indigent percentage that applied and the rule that chose it. */
    public record Riserve(BigDecimal percentualeIndigenti, int indigenti, int categorie, int forzePolizia,
                          int poliziaLocale, List<RegolaApplicata> spiegazione) {
    }

    private final KieDmnRuntime runtime;

    public RiserveAssegnazione(KieDmnRuntime runtime) {
        this.runtime = runtime;
    }

    public Riserve calcola(DatiRiserve dati) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("alloggiDisponibili", BigDecimal.valueOf(dati.alloggiDisponibili()));
        input.put("alloggiDelComune", dati.alloggiDelComune());
        input.put("percentualeIndigentiComune", dati.percentualeIndigentiComune());
        input.put("avvisoDisabilitaGrave", dati.avvisoDisabilitaGrave());
        input.put("percentualeCategorie", dati.percentualeCategorie());
        input.put("percentualeForzePolizia", dati.percentualeForzePolizia());
        input.put("percentualePoliziaLocale", dati.percentualePoliziaLocale());

        EsitoDmn esito = runtime.valuta(NAMESPACE, MODELLO, input);

        return new Riserve(esito.numero(DECISIONE_PERCENTUALE_INDIGENTI), alloggi(esito, DECISIONE_INDIGENTI),
                alloggi(esito, DECISIONE_CATEGORIE), alloggi(esito, DECISIONE_FORZE_POLIZIA),
                alloggi(esito, DECISIONE_POLIZIA_LOCALE), esito.spiegazione());
    }

    /** A number of units: a whole number, or the rule is wrong. */
    private static int alloggi(EsitoDmn esito, String decisione) {
        BigDecimal valore = esito.numero(decisione);
        try {
            return valore.intValueExact();
        } catch (ArithmeticException e) {
            throw new ValutazioneRegoleException(decisione, "non è un numero intero di alloggi: " + valore.toPlainString());
        }
    }
}
