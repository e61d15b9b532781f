package it.piattaformacasa.regole.kie;

import it.piattaformacasa.regole.RegoleNonValideException;
import it.piattaformacasa.regole.ValutazioneRegoleException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Our KIE DMN runtime: at construction loads every DMN file matching the location (by default
 * {@value #POSIZIONE_PREDEFINITA}), validates it (schema, model, compilation, decision-table analysis) and builds
 * one {@code DMNRuntime}; any error stops the application from starting. The {@code rules/} folder is ours
 * only: it is never deployed to Camunda's DMN engine.
 *
 * <p>The active rule set sits in an {@link AtomicReference} to an immutable snapshot, so a later hot swap of
 * rule-set versions is a single reference replacement; each evaluation reads the reference once.
 */
@Component
public class KieDmnRuntime {

    public static final String POSIZIONE_PREDEFINITA = "classpath*:rules/**/*.dmn";

    private final AtomicReference<RegoleAttive> attive;

    /**
     * @param posizione Spring resource pattern of the DMN files, e.g. {@code classpath*:rules/**}{@code /*.dmn}
     *                  or {@code file:/percorso/rules/**}{@code /*.dmn}
     * @throws RegoleNonValideException listing file, decision and reason of every error
     */
    @Autowired
    public KieDmnRuntime(@Value("${piattaforma.regole.posizione:" + POSIZIONE_PREDEFINITA + "}") String posizione) {
        this.attive = new AtomicReference<>(CompilatoreRegole.compila(posizione, leggi(posizione)));
    }

    private KieDmnRuntime(RegoleAttive regole) {
        this.attive = new AtomicReference<>(regole);
    }

    /**
     * A runtime of its own for one DMN source (a rule-set version under test), validated and compiled as the main one.
     *
     * @throws RegoleNonValideException listing every problem
     */
    public static KieDmnRuntime di(String nome, byte[] dmn) {
        return new KieDmnRuntime(CompilatoreRegole.compila(nome, List.of(new SorgenteDmn(nome, dmn))));
    }

    /**
     * Evaluates every decision of a model.
     *
     * @param input input data name → value (numbers as BigDecimal, booleans as Boolean)
     * @throws ValutazioneRegoleException naming the decision when the model is unknown, a decision does not reach
     *                                    SUCCEEDED or KIE reports an ERROR message
     */
    public EsitoDmn valuta(String namespace, String nomeModello, Map<String, ?> input) {
        RegoleAttive regole = attive.get(); // one snapshot for the whole evaluation, even across a swap
        ModelloCaricato modello = regole.modelli().get(ModelloCaricato.chiave(namespace, nomeModello));
        if (modello == null) {
            throw new ValutazioneRegoleException(nomeModello, "modello DMN " + namespace + " non caricato (file: "
                    + regole.sorgenti() + ")");
        }
        DMNContext contesto = regole.runtime().newContext();
        input.forEach(contesto::set);
        // per-evaluation collector carried in the context metadata; see AscoltatoreSpiegazioni for why
        RaccoltaSpiegazioni raccolta = new RaccoltaSpiegazioni(modello.tabelle());
        contesto.getMetadata().set(RaccoltaSpiegazioni.CHIAVE, raccolta);

        DMNResult risultato = regole.runtime().evaluateAll(modello.model(), contesto);

        Map<String, Object> decisioni = new LinkedHashMap<>();
        for (DMNDecisionResult decisione : risultato.getDecisionResults()) {
            verifica(decisione, risultato);
            decisioni.put(decisione.getDecisionName(), decisione.getResult());
        }
        if (risultato.hasErrors()) {
            throw new ValutazioneRegoleException(nomeModello, testi(risultato.getMessages(DMNMessage.Severity.ERROR)));
        }
        return new EsitoDmn(nomeModello, decisioni, raccolta.regoleApplicate());
    }

    /**
     * Validates and compiles one DMN source as the runtime would (schema, model, FEEL, types, decision-table analysis),
     * without touching the active rule set.
     *
     * @return every problem as «file riga N, decisione «nome»: [TIPO] motivo»; empty when the source is usable
     */
    public static List<String> problemi(String nome, byte[] dmn) {
        try {
            CompilatoreRegole.compila(nome, List.of(new SorgenteDmn(nome, dmn)));
            return List.of();
        } catch (RegoleNonValideException e) {
            return e.problemi();
        }
    }

    /** Loaded models as «namespace#name», sorted. */
    public List<String> modelli() {
        return attive.get().modelli().keySet().stream().sorted().toList();
    }

    /** Files the active rule set was built from. */
    public List<String> sorgenti() {
        return attive.get().sorgenti();
    }

    private static void verifica(DMNDecisionResult decisione, DMNResult risultato) {
        List<DMNMessage> errori = decisione.getMessages().stream()
                .filter(m -> m.getSeverity() == DMNMessage.Severity.ERROR).toList();
        if (decisione.getEvaluationStatus() != DMNDecisionResult.DecisionEvaluationStatus.SUCCEEDED
                || !errori.isEmpty()) {
            // a skipped decision carries no message of its own: the cause is among the result's messages
            List<DMNMessage> motivi = errori.isEmpty() ? risultato.getMessages(DMNMessage.Severity.ERROR) : errori;
            throw new ValutazioneRegoleException(decisione.getDecisionName(),
                    decisione.getEvaluationStatus() + (motivi.isEmpty() ? "" : ": " + testi(motivi)));
        }
    }

    private static String testi(List<DMNMessage> messaggi) {
        return messaggi.stream().map(DMNMessage::getMessage).distinct().collect(Collectors.joining("; "));
    }

    static List<SorgenteDmn> leggi(String posizione) {
        try {
            Resource[] trovate = new PathMatchingResourcePatternResolver().getResources(posizione);
            List<SorgenteDmn> sorgenti = new ArrayList<>();
            for (Resource risorsa : trovate) {
                try (InputStream in = risorsa.getInputStream()) {
                    sorgenti.add(new SorgenteDmn(nome(risorsa), in.readAllBytes()));
                }
            }
            sorgenti.sort(Comparator.comparing(SorgenteDmn::nome)); // stable order, stable messages
            return sorgenti;
        } catch (IOException e) {
            throw new RegoleNonValideException("Regole DMN non leggibili", List.of(posizione + ": " + e.getMessage()));
        }
    }

    /** «rules/requisiti-economici.dmn» whether the file is on disk, in target/classes or inside a jar. */
    private static String nome(Resource risorsa) throws IOException {
        String url = risorsa.getURL().toString();
        int rules = url.lastIndexOf("/rules/");
        return rules >= 0 ? url.substring(rules + 1) : risorsa.getFilename();
    }
}
