package it.piattaformacasa.regole.kie;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.chrono.ChronoPeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javax.xml.namespace.QName;

import org.kie.dmn.api.feel.runtime.events.FEELEvent;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.feel.FEEL;
import org.kie.dmn.model.api.DMNModelInstrumentedBase;
import org.kie.dmn.model.api.Decision;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.ItemDefinition;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;

/**
 * KIE's validator does not compare a decision table's output entries with the type of their column: a rule giving
 * {@code "sei e mezzo"} where ISBAR points ({@code number}) are due compiles, is stored as VALIDATED and fails only
 * when a domanda hits that rule. Here each output entry that is a literal (a number, a string, a boolean, a
 * {@code date(...)}…) is evaluated by FEEL and its value checked against the declared type of its column: the
 * output's {@code typeRef}, or for a one-column table the decision's variable, through item definitions down to a
 * FEEL type. Entries that are expressions over the inputs cannot be checked without data and are left to the
 * test cases; {@code null} is always allowed.
 */
final class TipiDelleUscite {

    private record Tipo(String descrizione, Predicate<Object> ammette) {
    }

    private static final Map<String, Tipo> TIPI_FEEL = Map.ofEntries(
            Map.entry("number", new Tipo("un numero", v -> v instanceof Number)),
            Map.entry("string", new Tipo("un testo", v -> v instanceof String)),
            Map.entry("boolean", new Tipo("un valore vero/falso", v -> v instanceof Boolean)),
            Map.entry("date", new Tipo("una data", v -> v instanceof LocalDate)),
            Map.entry("time", new Tipo("un'ora", v -> v instanceof LocalTime || v instanceof OffsetTime)),
            Map.entry("date and time", new Tipo("una data e ora", TipiDelleUscite::dataOra)),
            Map.entry("dateTime", new Tipo("una data e ora", TipiDelleUscite::dataOra)),
            Map.entry("days and time duration", new Tipo("una durata in giorni e ore", v -> v instanceof Duration)),
            Map.entry("dayTimeDuration", new Tipo("una durata in giorni e ore", v -> v instanceof Duration)),
            Map.entry("years and months duration", new Tipo("una durata in anni e mesi", v -> v instanceof ChronoPeriod)),
            Map.entry("yearMonthDuration", new Tipo("una durata in anni e mesi", v -> v instanceof ChronoPeriod)));

    private static final Set<String> QUALSIASI = Set.of("Any", "any");

    private TipiDelleUscite() {
    }

    private static boolean dataOra(Object v) {
        return v instanceof LocalDateTime || v instanceof ZonedDateTime || v instanceof OffsetDateTime;
    }

    /** Every output entry of every decision table of the model whose literal value is not of its column's type. */
    static List<String> problemi(String file, DMNModel model) {
        List<String> problemi = new ArrayList<>();
        FEEL feel = FEEL.newInstance(TipiDelleUscite.class.getClassLoader(), List.of());
        List<FEELEvent> errori = new ArrayList<>();
        feel.addListener(evento -> {
            if (evento.getSeverity() == FEELEvent.Severity.ERROR) {
                errori.add(evento);
            }
        });
        visita(model.getDefinitions(), model, file, feel, errori, problemi);
        return problemi;
    }

    private static void visita(DMNModelInstrumentedBase elemento, DMNModel model, String file, FEEL feel, List<FEELEvent> errori,
                               List<String> problemi) {
        if (elemento instanceof DecisionTable tabella) {
            verifica(tabella, model, file, feel, errori, problemi);
        }
        for (DMNModelInstrumentedBase figlio : elemento.getChildren()) {
            visita(figlio, model, file, feel, errori, problemi);
        }
    }

    private static void verifica(DecisionTable tabella, DMNModel model, String file, FEEL feel, List<FEELEvent> errori,
                                 List<String> problemi) {
        List<OutputClause> uscite = tabella.getOutput();
        for (int colonna = 0; colonna < uscite.size(); colonna++) {
            QName riferimento = uscite.get(colonna).getTypeRef();
            if (riferimento == null && uscite.size() == 1 && tabella.getParent() instanceof Decision decisione
                    && decisione.getVariable() != null) {
                riferimento = decisione.getVariable().getTypeRef();
            }
            String nomeTipo = tipoFeel(riferimento, model, 0);
            Tipo tipo = nomeTipo == null ? null : TIPI_FEEL.get(nomeTipo);
            if (tipo == null) {
                continue; // no type, Any, a structure or a type FEEL literals cannot express: nothing to compare
            }
            List<DecisionRule> regole = tabella.getRule();
            for (int r = 0; r < regole.size(); r++) {
                List<LiteralExpression> celle = regole.get(r).getOutputEntry();
                if (colonna >= celle.size() || celle.get(colonna).getText() == null) {
                    continue;
                }
                LiteralExpression cella = celle.get(colonna);
                String testo = cella.getText().strip();
                errori.clear();
                Object valore = testo.isEmpty() ? null : feel.evaluate(testo);
                if (!errori.isEmpty() || valore == null || tipo.ammette().test(valore)) {
                    continue; // an expression over the inputs (or one the validator reports): not a literal to check
                }
                String colonnaNome = uscite.get(colonna).getName() != null ? uscite.get(colonna).getName()
                        : uscite.get(colonna).getLabel() != null ? uscite.get(colonna).getLabel() : "output " + (colonna + 1);
                problemi.add(posizione(file, cella, tabella) + ": [TIPO_USCITA_ERRATO] regola " + (r + 1) + ": l'uscita «"
                        + testo + "» è " + descrizione(valore) + ", ma la colonna «" + colonnaNome + "» è di tipo " + nomeTipo
                        + " (" + tipo.descrizione() + ")");
            }
        }
    }

    /** The FEEL type a typeRef stands for, through the model's item definitions; null when it is not a simple type. */
    private static String tipoFeel(QName riferimento, DMNModel model, int profondita) {
        if (riferimento == null || profondita > 10) {
            return null;
        }
        String nome = riferimento.getLocalPart();
        if (nome.startsWith("feel:")) {
            nome = nome.substring(5);
        }
        if (TIPI_FEEL.containsKey(nome) || QUALSIASI.contains(nome)) {
            return nome;
        }
        for (ItemDefinition definizione : model.getDefinitions().getItemDefinition()) {
            if (nome.equals(definizione.getName())) {
                return definizione.isIsCollection() || !definizione.getItemComponent().isEmpty() ? null
                        : tipoFeel(definizione.getTypeRef(), model, profondita + 1);
            }
        }
        return null;
    }

    private static String descrizione(Object valore) {
        return TIPI_FEEL.values().stream().filter(t -> t.ammette().test(valore)).map(Tipo::descrizione).findFirst()
                .orElse("un valore di altro tipo");
    }

    private static String posizione(String file, LiteralExpression cella, DecisionTable tabella) {
        StringBuilder testo = new StringBuilder(file);
        if (cella.getLocation() != null && cella.getLocation().getLineNumber() > 0) {
            testo.append(" riga ").append(cella.getLocation().getLineNumber());
        }
        for (DMNModelInstrumentedBase e = tabella; e != null; e = e.getParent()) {
            if (e instanceof org.kie.dmn.model.api.DRGElement drg) {
                testo.append(", decisione «").append(drg.getName()).append('»');
                break;
            }
        }
        return testo.toString();
    }
}
