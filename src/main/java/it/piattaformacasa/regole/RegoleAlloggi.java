package it.piattaformacasa.regole;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;

import it.piattaformacasa.regole.kie.EsitoDmn;
import it.piattaformacasa.regole.kie.KieDmnRuntime;

/**
 * Port for the rules on dwellings and the household, backed by {@code rules/alloggi.dmn} on our KIE runtime: the
 * minimum useful surface of an adequate dwelling (art. 7 co. 1 lett. d, art. 9), whether a dwelling a member holds
 * rights on excludes the household (with the r.r. 2/2025 exceptions), and in which comuni of the ambito a domanda may
 * choose its alloggi (art. 9). Each decision takes its own inputs and is evaluated on its own.
 */
@Service
public class RegoleAlloggi {

    public static final String NAMESPACE = "https://piattaformacasa.it/dmn/alloggi";
    public static final String MODELLO = "alloggi";

    public static final String DECISIONE_SUPERFICIE_MINIMA = "Superficie minima";
    public static final String DECISIONE_ALLOGGIO_POSSEDUTO = "Alloggio posseduto escludente";
    public static final String DECISIONE_TITOLO_DI_SCELTA = "Titolo di scelta";

    /** The right a member holds on a dwelling (art. 7 co. 1 lett. d). */
    public enum Diritto { PROPRIETA, USUFRUTTO, USO, ABITAZIONE, NUDA_PROPRIETA }

    /** Why a domanda may choose alloggi in a comune of the avviso, or that it may not (art. 9). */
    public enum TitoloDiScelta { RESIDENZA, LAVORO, AMBITO, NON_AMMESSO }

    /** @param regola the rule that fixed the minimum, for the explanation */
    public record SuperficieMinima(BigDecimal metriQuadri, RegolaApplicata regola) {
    }

    /**
     * @param ordinanzaDiVendita the dwelling is under pignoramento and the judge ordered its sale (art. 569 c.p.c.) by the
     *                           day of the domanda
     */
    public record DatiAlloggioPosseduto(int componentiNucleo, Diritto diritto, BigDecimal superficieUtile, boolean inagibile,
                                        boolean ordinanzaDiVendita) {
        public DatiAlloggioPosseduto {
            Objects.requireNonNull(diritto, "diritto");
            Objects.requireNonNull(superficieUtile, "superficieUtile");
        }
    }

    /** @param regole the rules applied (the minimum surface and the exclusion), for the explanation */
    public record EsitoAlloggioPosseduto(boolean escludente, List<RegolaApplicata> regole) {
    }

    /**
     * One comune of the avviso as seen from one household.
     *
     * @param adeguatiInResidenza the avviso has at least one alloggio adequate to the household in its comune of residence
     * @param adeguatiInLavoro    the same in the comune where the richiedente works
     */
    public record DatiComuneDiScelta(boolean indigente, boolean comuneDiResidenza, boolean comuneDiLavoro,
                                     boolean adeguatiInResidenza, boolean adeguatiInLavoro, int abitantiComune) {
    }

    /** @param regola the rule that decided, whose description says why in plain Italian */
    public record EsitoTitolo(TitoloDiScelta titolo, RegolaApplicata regola) {
    }

    private final KieDmnRuntime runtime;

    public RegoleAlloggi(KieDmnRuntime runtime) {
        this.runtime = runtime;
    }

    public SuperficieMinima superficieMinima(int componentiNucleo, RegoleVincolate vincolo) {
        EsitoDmn esito = runtime.valuta(NAMESPACE, MODELLO, vincolo.versione(MODELLO),
                Map.of("componentiNucleo", BigDecimal.valueOf(componentiNucleo)), DECISIONE_SUPERFICIE_MINIMA);
        return new SuperficieMinima(esito.numero(DECISIONE_SUPERFICIE_MINIMA), unica(esito, DECISIONE_SUPERFICIE_MINIMA));
    }

    public EsitoAlloggioPosseduto alloggioPosseduto(DatiAlloggioPosseduto dati, RegoleVincolate vincolo) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("componentiNucleo", BigDecimal.valueOf(dati.componentiNucleo()));
        input.put("diritto", dati.diritto().name());
        input.put("superficieUtile", dati.superficieUtile());
        input.put("inagibile", dati.inagibile());
        input.put("ordinanzaDiVendita", dati.ordinanzaDiVendita());
        EsitoDmn esito = runtime.valuta(NAMESPACE, MODELLO, vincolo.versione(MODELLO), input, DECISIONE_ALLOGGIO_POSSEDUTO);
        return new EsitoAlloggioPosseduto(esito.booleano(DECISIONE_ALLOGGIO_POSSEDUTO), esito.spiegazione());
    }

    public EsitoTitolo titoloDiScelta(DatiComuneDiScelta dati, RegoleVincolate vincolo) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("indigente", dati.indigente());
        input.put("comuneDiResidenza", dati.comuneDiResidenza());
        input.put("comuneDiLavoro", dati.comuneDiLavoro());
        input.put("adeguatiInResidenza", dati.adeguatiInResidenza());
        input.put("adeguatiInLavoro", dati.adeguatiInLavoro());
        input.put("abitantiComune", BigDecimal.valueOf(dati.abitantiComune()));
        EsitoDmn esito = runtime.valuta(NAMESPACE, MODELLO, vincolo.versione(MODELLO), input, DECISIONE_TITOLO_DI_SCELTA);
        String titolo = esito.testo(DECISIONE_TITOLO_DI_SCELTA);
        try {
            return new EsitoTitolo(TitoloDiScelta.valueOf(titolo), unica(esito, DECISIONE_TITOLO_DI_SCELTA));
        } catch (IllegalArgumentException e) {
            throw new ValutazioneRegoleException(DECISIONE_TITOLO_DI_SCELTA, "titolo sconosciuto «" + titolo
                    + "» (ammessi: RESIDENZA, LAVORO, AMBITO, NON_AMMESSO)");
        }
    }

    private static RegolaApplicata unica(EsitoDmn esito, String decisione) {
        return esito.spiegazione().stream().filter(r -> r.decisione().equals(decisione)).findFirst()
                .orElseThrow(() -> new ValutazioneRegoleException(decisione, "nessuna regola applicata"));
    }
}
