package it.piattaformacasa.regole;

import it.piattaformacasa.regole.kie.EsitoDmn;
import it.piattaformacasa.regole.kie.KieDmnRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Port for the art. 15 precedence group of a household (r.r. 4/2017 art. 15 co. 1 and co. 1 ter), backed by
 * {@code rules/precedenza-assegnazione.dmn}: 1 indigent residents of the comune, 2 other indigents (both within
 * the indigent reserve), 3 non-indigent members of a reserved art. 14 category (within that reserve), 4 the
 * general graduatoria.
 */
@Service
public class PrecedenzaAssegnazione {

    public static final String NAMESPACE = "https://piattaformacasa.it/dmn/precedenza-assegnazione";
    public static final String MODELLO = "precedenza-assegnazione";
    public static final String DECISIONE_GRUPPO = "Gruppo di precedenza";

    public record DatiPrecedenza(boolean indigente, boolean residenteNelComune, boolean riservaIndigentiDisponibile,
                                 boolean membroCategoriaRiservata, boolean riservaCategorieDisponibile) {
    }

    /** The group and the rule that chose it (its description cites the article). */
    public record Precedenza(int gruppo, List<RegolaApplicata> spiegazione) {
    }

    private final KieDmnRuntime runtime;

    public PrecedenzaAssegnazione(KieDmnRuntime runtime) {
        this.runtime = runtime;
    }

    public Precedenza gruppo(DatiPrecedenza dati) {
        return gruppo(dati, RegoleVincolate.CORRENTI);
    }

    /** With the version of {@code rules/precedenza-assegnazione.dmn} the graduatoria's avviso is bound to. */
    public Precedenza gruppo(DatiPrecedenza dati, RegoleVincolate vincolo) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("indigente", dati.indigente());
        input.put("residenteNelComune", dati.residenteNelComune());
        input.put("riservaIndigentiDisponibile", dati.riservaIndigentiDisponibile());
        input.put("membroCategoriaRiservata", dati.membroCategoriaRiservata());
        input.put("riservaCategorieDisponibile", dati.riservaCategorieDisponibile());
        EsitoDmn esito = runtime.valuta(NAMESPACE, MODELLO, vincolo.versione(MODELLO), input);
        int gruppo = esito.numero(DECISIONE_GRUPPO).intValueExact();
        if (gruppo < 1 || gruppo > 4) {
            throw new ValutazioneRegoleException(DECISIONE_GRUPPO, "gruppo " + gruppo + " fuori da 1–4");
        }
        return new Precedenza(gruppo, esito.spiegazione());
    }
}
