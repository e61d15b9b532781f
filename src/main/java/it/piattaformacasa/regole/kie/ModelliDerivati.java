package it.piattaformacasa.regole.kie;

import it.piattaformacasa.regole.RegoleNonValideException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * DMN models derived from data another module owns (a Marche bando's grid version, ADR 16): compiled by the same
 * {@link CompilatoreRegole} as the catalogue (schema, model, FEEL, types, decision-table analysis) and evaluated by
 * {@link KieDmnRuntime#valuta} with the same explanation, but kept apart from it. They never enter the catalogue nor
 * {@link KieDmnRuntime}'s unbounded cache by checksum: a Comune saves a grid version as often as it likes, so what is
 * kept is bounded (least recently used first out), and a model evicted is compiled again from its source on its next
 * use.
 *
 * <p>A source compiles once per checksum: a lookup takes no lock; compilations are serialised (one at a time, the
 * second caller of the same checksum finds the first one's result), which also keeps a burst of saves from taking
 * every core.
 */
@Component
public class ModelliDerivati {

    public static final int CAPIENZA_PREDEFINITA = 200;

    private final int capienza;
    private final Map<String, RegoleAttive> compilati;
    private final Object compilazione = new Object();
    private final AtomicLong compilazioni = new AtomicLong();

    public ModelliDerivati(@Value("${piattaforma.regole.derivate.capienza:" + CAPIENZA_PREDEFINITA + "}") int capienza) {
        if (capienza < 1) {
            throw new IllegalArgumentException("piattaforma.regole.derivate.capienza: almeno 1, non " + capienza);
        }
        this.capienza = capienza;
        // access order: get() makes an entry the most recent, so the eldest is the least recently used
        this.compilati = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RegoleAttive> eldest) {
                return size() > ModelliDerivati.this.capienza;
            }
        });
    }

    /** The SHA-256 of a source, hexadecimal: the key it is compiled under. */
    public static String checksum(byte[] dmn) {
        return KieDmnRuntime.sha256(dmn);
    }

    /**
     * Validates and compiles a source holding exactly one model, unless a source with the same checksum is compiled.
     *
     * @return its model «namespace#name»
     * @throws RegoleNonValideException listing every problem (nothing is kept)
     */
    public String compila(String nome, String checksum, byte[] dmn) {
        return compilato(nome, checksum, dmn).modelli().keySet().iterator().next();
    }

    /**
     * Evaluates every decision of a source's model, compiling it first if it is not (or no longer) kept.
     *
     * @throws RegoleNonValideException when the source does not compile
     * @throws it.piattaformacasa.regole.ValutazioneRegoleException naming the decision that fails
     */
    public EsitoDmn valuta(String nome, String checksum, byte[] dmn, Map<String, ?> input) {
        RegoleAttive regole = compilato(nome, checksum, dmn);
        ModelloCaricato modello = regole.modelli().values().iterator().next();
        return KieDmnRuntime.valuta(regole, modello, modello.model().getName(), input);
    }

    /** How many compilations ran since start-up (a cache hit compiles nothing): for tests and diagnostics. */
    public long compilazioni() {
        return compilazioni.get();
    }

    /** How many compiled models are kept (at most the capacity). */
    public int compilatiInMemoria() {
        return compilati.size();
    }

    private RegoleAttive compilato(String nome, String checksum, byte[] dmn) {
        RegoleAttive gia = compilati.get(checksum);
        if (gia != null) {
            return gia;
        }
        synchronized (compilazione) {
            gia = compilati.get(checksum);
            if (gia != null) {
                return gia;
            }
            compilazioni.incrementAndGet();
            RegoleAttive regole = CompilatoreRegole.compila(nome, List.of(new SorgenteDmn(nome, dmn)));
            if (regole.modelli().size() != 1) {
                throw new RegoleNonValideException("Regole DMN non valide", List.of(nome + ": "
                        + regole.modelli().size() + " modelli invece di uno"));
            }
            compilati.put(checksum, regole);
            return regole;
        }
    }
}
