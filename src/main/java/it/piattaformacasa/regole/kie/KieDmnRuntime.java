package it.piattaformacasa.regole.kie;

import it.piattaformacasa.regole.RegoleNonValideException;
import it.piattaformacasa.regole.ValutazioneRegoleException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
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
 * one {@code DMNRuntime} per file, as for every rule-set version; any error stops the application from starting. The
 * {@code rules/} folder is ours only: it is never deployed to Camunda's DMN engine.
 *
 * <p>The active rule sets sit in an {@link AtomicReference} to an immutable {@link Catalogo}: every PUBLISHED
 * version of every model, compiled, and which version is current. Publishing is {@link #prepara} (compile what is
 * new; a version that does not compile throws and nothing changes) then {@link #attiva} (one reference
 * replacement). Each evaluation reads the reference once, so an evaluation in flight finishes on the version it
 * started with and the next one sees the new catalogue; nothing restarts.
 */
@Component
public class KieDmnRuntime {

    public static final String POSIZIONE_PREDEFINITA = "classpath*:rules/**/*.dmn";

    private final AtomicReference<Catalogo> catalogo;
    /**
     * Everything compiled, by checksum of its source: a content compiles once whether it comes from a file, an upload,
     * a catalogue or a version loaded on demand.
     */
    private final Map<String, RegoleAttive> compilate = new ConcurrentHashMap<>();
    /** Versions outside the catalogue (retired but bound to an avviso, drafts), by «set@version»: immutable, so cached. */
    private final Map<String, RegoleAttive> altreVersioni = new ConcurrentHashMap<>();
    private volatile BiFunction<String, Integer, VersioneDaAttivare> caricatore = (nome, versione) -> null;

    /**
     * One version of a rule set to keep compiled.
     *
     * @param corrente whether it is the version evaluations without a binding use (the one in force today)
     */
    public record VersioneDaAttivare(String nome, int versione, String checksum, byte[] dmn, boolean corrente) {
    }

    /**
     * Immutable: model key (namespace#name) → version → compiled set, and the current version of each model.
     */
    public static final class Catalogo {
        private final Map<String, Map<Integer, RegoleAttive>> versioni;
        private final Map<String, Integer> correnti;

        private Catalogo(Map<String, Map<Integer, RegoleAttive>> versioni, Map<String, Integer> correnti) {
            this.versioni = Map.copyOf(versioni);
            this.correnti = Map.copyOf(correnti);
        }

        /** «namespace#name» → version numbers compiled, for diagnostics. */
        public Map<String, List<Integer>> versioni() {
            Map<String, List<Integer>> elenco = new TreeMap<>();
            versioni.forEach((chiave, perVersione) -> elenco.put(chiave, perVersione.keySet().stream().sorted().toList()));
            return elenco;
        }
    }

    /**
     * @param posizione Spring resource pattern of the DMN files, e.g. {@code classpath*:rules/**}{@code /*.dmn}
     *                  or {@code file:/percorso/rules/**}{@code /*.dmn}
     * @throws RegoleNonValideException listing file, decision and reason of every error
     */
    @Autowired
    public KieDmnRuntime(@Value("${piattaforma.regole.posizione:" + POSIZIONE_PREDEFINITA + "}") String posizione) {
        List<SorgenteDmn> file = leggi(posizione);
        if (file.isEmpty()) {
            throw new RegoleNonValideException("Regole DMN non caricate", List.of("nessun file DMN in " + posizione));
        }
        // each file compiled on its own, as the database's versions are: the baseline's versions then reuse these
        // compiled sets by checksum instead of compiling the same files a second time at start-up
        this.catalogo = new AtomicReference<>(costruisci(file.stream().map(f -> new VersioneDaAttivare(
                f.nome().replaceFirst("\\.dmn$", ""), 0, sha256(f.contenuto()), f.contenuto(), true)).toList()));
    }

    /**
     * Validates and compiles an uploaded source as the runtime would, keeping it compiled for when it is stored as a
     * version (its test cases, a simulation, its publication then compile nothing).
     *
     * @return its model «namespace#name»
     * @throws RegoleNonValideException listing every problem, or when the file holds more than one model
     */
    public String compila(String nome, byte[] dmn) {
        RegoleAttive regole = compilata(nome, sha256(dmn), dmn);
        if (regole.modelli().size() != 1) {
            throw new RegoleNonValideException("Regole DMN non valide", List.of(nome + ": " + regole.modelli().size()
                    + " modelli invece di uno"));
        }
        return regole.modelli().keySet().iterator().next();
    }

    /** The model «namespace#name» of a stored version of a set, if the version exists. */
    public java.util.Optional<String> modello(String nomeSet, int versione) {
        return java.util.Optional.ofNullable(altraVersione(nomeSet, versione)).map(r -> r.modelli().keySet().iterator().next());
    }

    /**
     * Evaluates a stored version of a set by its name, whatever its state (a draft's test cases): never the current
     * version in its place.
     *
     * @throws ValutazioneRegoleException when the version does not exist, or as {@link #valuta(String, String, Map)}
     */
    public EsitoDmn valuta(String nomeSet, int versione, Map<String, ?> input) {
        RegoleAttive regole = altraVersione(nomeSet, versione);
        if (regole == null) {
            throw new ValutazioneRegoleException(nomeSet, "versione " + versione + " non trovata");
        }
        ModelloCaricato modello = regole.modelli().values().iterator().next();
        return valuta(regole, modello, modello.model().getName(), input);
    }

    /**
     * Evaluates every decision of a model.
     *
     * @param input input data name → value (numbers as BigDecimal, booleans as Boolean)
     * @throws ValutazioneRegoleException naming the decision when the model is unknown, a decision does not reach
     *                                    SUCCEEDED or KIE reports an ERROR message
     */
    public EsitoDmn valuta(String namespace, String nomeModello, Map<String, ?> input) {
        return valuta(namespace, nomeModello, null, input);
    }

    /**
     * Evaluates every decision of one version of a model.
     *
     * @param versione the version bound to the case (an avviso's); null for the current one
     * @throws ValutazioneRegoleException when that version is not active, or as {@link #valuta(String, String, Map)}
     */
    public EsitoDmn valuta(String namespace, String nomeModello, Integer versione, Map<String, ?> input) {
        return valuta(namespace, nomeModello, versione, input, new String[0]);
    }

    /**
     * Evaluates only the named decisions of one version of a model (and the decisions they require): for a model whose
     * decisions each take their own inputs, evaluated once per item (a dwelling, a comune).
     *
     * @param decisioni the decisions to evaluate; none means every decision
     */
    public EsitoDmn valuta(String namespace, String nomeModello, Integer versione, Map<String, ?> input, String... decisioni) {
        Catalogo attivo = catalogo.get(); // one snapshot for the whole evaluation, even across a swap
        String chiave = ModelloCaricato.chiave(namespace, nomeModello);
        Integer numero = versione != null ? versione : attivo.correnti.get(chiave);
        RegoleAttive regole = numero == null ? null : attivo.versioni.getOrDefault(chiave, Map.of()).get(numero);
        if (regole == null && numero != null) {
            regole = altraVersione(nomeModello, numero);
            regole = regole != null && regole.modelli().containsKey(chiave) ? regole : null;
        }
        if (regole == null) {
            throw new ValutazioneRegoleException(nomeModello, "modello DMN " + namespace
                    + (versione == null ? "" : " versione " + versione) + " non attivo (attivi: " + attivo.versioni() + ")");
        }
        return valuta(regole, regole.modelli().get(chiave), nomeModello, input, decisioni);
    }

    static EsitoDmn valuta(RegoleAttive regole, ModelloCaricato modello, String nomeModello, Map<String, ?> input,
                                   String... richieste) {
        DMNContext contesto = regole.runtime().newContext();
        input.forEach(contesto::set);
        // per-evaluation collector carried in the context metadata; see AscoltatoreSpiegazioni for why
        RaccoltaSpiegazioni raccolta = new RaccoltaSpiegazioni(modello.tabelle());
        contesto.getMetadata().set(RaccoltaSpiegazioni.CHIAVE, raccolta);

        DMNResult risultato = richieste.length == 0 ? regole.runtime().evaluateAll(modello.model(), contesto)
                : regole.runtime().evaluateByName(modello.model(), contesto, richieste);

        Map<String, Object> decisioni = new LinkedHashMap<>();
        for (DMNDecisionResult decisione : risultato.getDecisionResults()) {
            if (richieste.length > 0
                    && decisione.getEvaluationStatus() == DMNDecisionResult.DecisionEvaluationStatus.NOT_EVALUATED) {
                continue; // not asked for, nor required by what was asked
            }
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

    /**
     * Compiles a new catalogue without activating it: versions already compiled (same checksum) are reused, the others
     * validated and compiled as at start-up. Each version must hold exactly one model.
     *
     * @throws RegoleNonValideException listing every problem; the active catalogue is untouched
     */
    public Catalogo prepara(List<VersioneDaAttivare> versioni) {
        return costruisci(versioni);
    }

    private Catalogo costruisci(List<VersioneDaAttivare> versioni) {
        Map<String, Map<Integer, RegoleAttive>> perModello = new HashMap<>();
        Map<String, Integer> correnti = new HashMap<>();
        List<String> problemi = new ArrayList<>();
        for (VersioneDaAttivare v : versioni) {
            RegoleAttive regole;
            try {
                regole = compilata(v.nome(), v.checksum(), v.dmn());
            } catch (RegoleNonValideException e) {
                e.problemi().forEach(p -> problemi.add(v.nome() + " versione " + v.versione() + ": " + p));
                continue;
            }
            if (regole.modelli().size() != 1) {
                problemi.add(v.nome() + " versione " + v.versione() + ": " + regole.modelli().size() + " modelli invece di uno");
                continue;
            }
            String chiave = regole.modelli().keySet().iterator().next();
            RegoleAttive doppione = perModello.computeIfAbsent(chiave, k -> new HashMap<>()).put(v.versione(), regole);
            if (doppione != null) {
                problemi.add(v.nome() + ": modello " + chiave + " già definito in " + doppione.sorgenti());
                continue;
            }
            if (v.corrente() && correnti.put(chiave, v.versione()) != null) {
                problemi.add(v.nome() + ": più di una versione corrente");
            }
        }
        if (!problemi.isEmpty()) {
            throw new RegoleNonValideException("Regole DMN non attivabili", problemi);
        }
        return new Catalogo(perModello, correnti);
    }

    /**
     * Where versions outside the catalogue come from: (set name = model name, version) → source, or null if unknown.
     */
    public void caricaAltreVersioniCon(BiFunction<String, Integer, VersioneDaAttivare> caricatore) {
        this.caricatore = caricatore;
    }

    /** A stored version by set name (= model name), loaded on first use; null if there is no such version. */
    private RegoleAttive altraVersione(String nomeSet, int versione) {
        return altreVersioni.computeIfAbsent(nomeSet + "@" + versione, k -> {
            VersioneDaAttivare sorgente = caricatore.apply(nomeSet, versione);
            return sorgente == null ? null : compilata(sorgente.nome(), sorgente.checksum(), sorgente.dmn());
        });
    }

    /** The compiled set of a source, compiled (validated first) only the first time its checksum is seen. */
    private RegoleAttive compilata(String nome, String checksum, byte[] dmn) {
        RegoleAttive gia = compilate.get(checksum);
        if (gia != null) {
            return gia;
        }
        RegoleAttive regole = CompilatoreRegole.compila(nome, List.of(new SorgenteDmn(nome + ".dmn", dmn)));
        RegoleAttive altra = compilate.putIfAbsent(checksum, regole);
        return altra != null ? altra : regole;
    }

    /** Makes a prepared catalogue the active one: a single reference replacement. */
    public void attiva(Catalogo nuovo) {
        catalogo.set(nuovo);
    }

    /** Loaded models as «namespace#name», sorted. */
    public List<String> modelli() {
        return catalogo.get().versioni().keySet().stream().toList();
    }

    /** Files (or rule-set names) the active catalogue was built from. */
    public List<String> sorgenti() {
        return catalogo.get().versioni.values().stream().flatMap(v -> v.values().stream())
                .flatMap(r -> r.sorgenti().stream()).distinct().sorted().toList();
    }

    /** Active models with their compiled versions. */
    public Map<String, List<Integer>> versioniAttive() {
        return catalogo.get().versioni();
    }

    /** The version evaluations without a binding use, by model «namespace#name». */
    public Map<String, Integer> versioniCorrenti() {
        return new TreeMap<>(catalogo.get().correnti);
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

    /** The checksum the rule repository stores: SHA-256 of the source, hexadecimal. */
    static String sha256(byte[] contenuto) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(contenuto));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
