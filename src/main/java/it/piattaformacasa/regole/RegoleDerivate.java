package it.piattaformacasa.regole;

import it.piattaformacasa.regole.kie.EsitoDmn;
import it.piattaformacasa.regole.kie.ModelliDerivati;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * The port for DMN models a module derives from its own data rather than takes from the analysts' catalogue (ADR 16:
 * a Marche bando's scoring grid, one Comune's, versioned with the bando and frozen by its first domanda). The same
 * validation, compiler, KIE runtime and explanation ({@link RegolaApplicata}) as the catalogue's rule sets; none of its
 * workflow: no four eyes, no validity date, never in {@link RepositoryRegole}. The module keeps the source of truth
 * (its data) and regenerates the DMN text; this port compiles each text once (by checksum, a bounded number kept in
 * memory) and evaluates it.
 */
@Service
public class RegoleDerivate {

    /**
     * A derived DMN source, ready to be compiled or evaluated.
     *
     * @param nome     the file name it is reported under («bando-12-condizioni-v3.dmn»)
     * @param checksum SHA-256 of {@code dmn}, hexadecimal
     */
    public record Sorgente(String nome, String checksum, byte[] dmn) {

        public Sorgente {
            Objects.requireNonNull(nome, "nome");
            Objects.requireNonNull(dmn, "dmn");
            Objects.requireNonNull(checksum, "checksum");
        }

        /** The source of a DMN text (UTF-8), with its checksum. */
        public static Sorgente di(String nome, String xml) {
            byte[] dmn = xml.getBytes(StandardCharsets.UTF_8);
            return new Sorgente(nome, ModelliDerivati.checksum(dmn), dmn);
        }

        public String testo() {
            return new String(dmn, StandardCharsets.UTF_8);
        }
    }

    /**
     * The outcome of one evaluation.
     *
     * @param decisioni   decision name → value: numbers as BigDecimal, strings, booleans, FEEL contexts as
     *                    {@code Map<String, Object>}, lists; null when no rule of a table applies
     * @param spiegazione the rules that fired, in evaluation order, each with its description and the inputs it read
     */
    public record Esito(Map<String, Object> decisioni, List<RegolaApplicata> spiegazione) {

        public Esito {
            decisioni = Collections.unmodifiableMap(new LinkedHashMap<>(decisioni));
            spiegazione = List.copyOf(spiegazione);
        }
    }

    private final ModelliDerivati modelli;

    public RegoleDerivate(ModelliDerivati modelli) {
        this.modelli = modelli;
    }

    /**
     * Validates and compiles a source as the catalogue's are (nothing is compiled twice for one checksum).
     *
     * @return its model «namespace#name»
     * @throws RegoleNonValideException listing every problem as «file riga N, decisione «nome»: [TIPO] motivo»
     */
    public String compila(Sorgente sorgente) {
        return modelli.compila(sorgente.nome(), sorgente.checksum(), sorgente.dmn());
    }

    /**
     * Evaluates every decision of the source's model (compiling it first if needed).
     *
     * @param input input data name → value (numbers as BigDecimal, text as String, absent as null)
     * @throws RegoleNonValideException  when the source does not compile
     * @throws ValutazioneRegoleException naming the decision that cannot be evaluated
     */
    public Esito valuta(Sorgente sorgente, Map<String, ?> input) {
        EsitoDmn esito = modelli.valuta(sorgente.nome(), sorgente.checksum(), sorgente.dmn(), input);
        return new Esito(esito.decisioni(), esito.spiegazione());
    }

    /** Compilations run since start-up: a checksum already compiled (and still kept) adds none. */
    public long compilazioni() {
        return modelli.compilazioni();
    }
}
