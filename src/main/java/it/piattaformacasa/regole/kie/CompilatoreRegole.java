package it.piattaformacasa.regole.kie;

import it.piattaformacasa.regole.RegoleNonValideException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.dmn.model.api.DMNModelInstrumentedBase;
import org.kie.dmn.model.api.DRGElement;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidatorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a set of DMN files and compiles them into one {@link RegoleAttive} snapshot, or fails listing every
 * problem as «file, decisione «nome»: motivo». Stateless: a future hot swap calls it for the new version and only
 * publishes the result if it succeeds.
 */
final class CompilatoreRegole {

    private static final Logger log = LoggerFactory.getLogger(CompilatoreRegole.class);

    private static final DMNValidator.Validation[] VALIDAZIONI = {
            DMNValidator.Validation.VALIDATE_SCHEMA,
            DMNValidator.Validation.VALIDATE_MODEL,
            DMNValidator.Validation.VALIDATE_COMPILATION,
            DMNValidator.Validation.ANALYZE_DECISION_TABLE
    };

    private CompilatoreRegole() {
    }

    static RegoleAttive compila(String descrizione, List<SorgenteDmn> sorgenti) {
        if (sorgenti.isEmpty()) {
            throw new RegoleNonValideException("Regole DMN non caricate", List.of("nessun file DMN in " + descrizione));
        }
        valida(sorgenti);
        DMNRuntime runtime = costruisci(sorgenti);

        Set<String> problemi = new LinkedHashSet<>();
        Map<String, ModelloCaricato> modelli = new HashMap<>();
        for (DMNModel model : runtime.getModels()) {
            String file = model.getResource() == null ? model.getName() : model.getResource().getSourcePath();
            // the validator already compiled each file; this catches what only shows up across files
            model.getMessages(DMNMessage.Severity.ERROR).forEach(m -> problemi.add(descrivi(file, m)));
            // what the validator does not check: literal outputs of the wrong type for their column
            problemi.addAll(TipiDelleUscite.problemi(file, model));
            ModelloCaricato caricato = new ModelloCaricato(model, file, tabelle(model));
            ModelloCaricato doppione = modelli.put(ModelloCaricato.chiave(model.getNamespace(), model.getName()), caricato);
            if (doppione != null) {
                problemi.add(file + ": modello «" + model.getName() + "» con namespace " + model.getNamespace()
                        + " già definito in " + doppione.sorgente());
            }
        }
        if (modelli.size() != sorgenti.size() && problemi.isEmpty()) {
            problemi.add(sorgenti.size() + " file DMN ma " + runtime.getModels().size() + " modelli compilati");
        }
        if (!problemi.isEmpty()) {
            throw new RegoleNonValideException("Regole DMN non valide", List.copyOf(problemi));
        }
        runtime.addListener(new AscoltatoreSpiegazioni());
        return new RegoleAttive(runtime, modelli, sorgenti.stream().map(SorgenteDmn::nome).toList());
    }

    /**
     * Each file on its own, so every message is attributed to its file. Models importing other models will need
     * {@code validateUsing(...).theseModels(...)} over the whole set instead.
     */
    private static void valida(List<SorgenteDmn> sorgenti) {
        Set<String> problemi = new LinkedHashSet<>();
        DMNValidator validatore = DMNValidatorFactory.newValidator();
        try {
            for (SorgenteDmn sorgente : sorgenti) {
                for (DMNMessage messaggio : validatore.validate(sorgente.risorsa(), VALIDAZIONI)) {
                    switch (messaggio.getSeverity()) {
                        case ERROR -> problemi.add(descrivi(sorgente.nome(), messaggio));
                        case WARN -> log.warn("Regole DMN: {}", descrivi(sorgente.nome(), messaggio));
                        default -> log.debug("Regole DMN: {}", descrivi(sorgente.nome(), messaggio));
                    }
                }
            }
        } finally {
            validatore.dispose();
        }
        if (!problemi.isEmpty()) {
            throw new RegoleNonValideException("Regole DMN non valide", List.copyOf(problemi));
        }
    }

    private static DMNRuntime costruisci(List<SorgenteDmn> sorgenti) {
        List<Resource> risorse = sorgenti.stream().map(SorgenteDmn::risorsa).toList();
        return DMNRuntimeBuilder.fromDefaults()
                // explicit: in a Spring Boot fat jar the KIE default may pick a class loader that can't see BOOT-INF
                .setRootClassLoader(CompilatoreRegole.class.getClassLoader())
                .buildConfiguration()
                .fromResources(risorse)
                .getOrElseThrow(e -> new RegoleNonValideException("Regole DMN non compilate",
                        List.of(sorgenti.stream().map(SorgenteDmn::nome).toList() + ": " + e)));
    }

    /** Decision tables at any depth (decisions, BKMs, boxed contexts), indexed by table id. */
    private static Map<String, TabellaDecisionale> tabelle(DMNModel model) {
        Map<String, TabellaDecisionale> tabelle = new HashMap<>();
        raccogliTabelle(model.getDefinitions(), tabelle);
        return tabelle;
    }

    private static void raccogliTabelle(DMNModelInstrumentedBase elemento, Map<String, TabellaDecisionale> tabelle) {
        if (elemento instanceof DecisionTable tabella && tabella.getId() != null) {
            List<String> descrizioni = tabella.getRule().stream().map(DecisionRule::getDescription).toList();
            List<String> input = new ArrayList<>();
            for (InputClause clausola : tabella.getInput()) {
                input.add(clausola.getInputExpression() == null ? "" : clausola.getInputExpression().getText());
            }
            tabelle.put(tabella.getId(), new TabellaDecisionale(nomeElemento(tabella),
                    descrizioni.stream().map(d -> d == null ? "" : d.strip()).toList(), input));
        }
        for (DMNModelInstrumentedBase figlio : elemento.getChildren()) {
            raccogliTabelle(figlio, tabelle);
        }
    }

    static String descrivi(String file, DMNMessage messaggio) {
        StringBuilder testo = new StringBuilder(file);
        if (messaggio.getSourceReference() instanceof DMNModelInstrumentedBase elemento) {
            if (elemento.getLocation() != null && elemento.getLocation().getLineNumber() > 0) {
                testo.append(" riga ").append(elemento.getLocation().getLineNumber());
            }
            String decisione = nomeElemento(elemento);
            if (decisione != null) {
                testo.append(", decisione «").append(decisione).append('»');
            }
        }
        return testo.append(": [").append(messaggio.getMessageType()).append("] ")
                .append(messaggio.getMessage()).toString();
    }

    /** The name of the decision (or BKM, input data) an element belongs to, or null at definitions level. */
    private static String nomeElemento(DMNModelInstrumentedBase elemento) {
        for (DMNModelInstrumentedBase e = elemento; e != null; e = e.getParent()) {
            if (e instanceof DRGElement drg) {
                return drg.getName();
            }
        }
        return null;
    }
}
