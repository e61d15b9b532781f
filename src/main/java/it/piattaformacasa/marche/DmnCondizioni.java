package it.piattaformacasa.marche;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.marche.GrigliaCondizioni.Condizione;
import it.piattaformacasa.marche.GrigliaCondizioni.Fascia;

/**
 * One version of a bando's grid as a DMN 1.3 model (ADR 16): derived, never edited, evaluated by the platform's rule
 * machinery ({@code regole.RegoleDerivate}) and downloadable to be read in Camunda Modeler or bpmn.io.
 *
 * <p>The model, for each condition the bando uses (one with bands):
 * <ul>
 * <li>a decision named as the condition's code ({@code SOGGETTIVA_1}), a decision table with hit policy UNIQUE and two
 * outputs, {@code fascia} (the band's letter) and {@code punti}. With a parameter its input is the parameter's value
 * ({@code isee}) and each band with bounds is a rule on the interval (oltre, fino a]; without one its input is the
 * letter of the band ticked ({@code fasciaOggettiva5}) and each band is a rule on its letter. A «per ogni» band of a
 * condition without parameter gives its points × {@code ripetizioni…}. {@link GrigliaCondizioni#errori()} guarantees
 * the intervals do not overlap, so UNIQUE holds and the decision-table analysis accepts the table;</li>
 * <li>for a condition with a parameter and a «per ogni» band, a second decision {@code SOGGETTIVA_4_PER_OGNI}: one
 * rule, «ripetizioni > 0», giving the band's points × ripetizioni (further members with an invalidity, years of
 * participation), added to the band of the value;</li>
 * </ul>
 * then one decision {@code NON_CUMULABILI_n} per non-cumulative group, a FEEL context that keeps the member with the
 * most points ({@code conta}: its code; on a tie the first in the grid's order) and its {@code punti}; and
 * {@code TOTALE}, the sum of the other conditions and of each group's maximum, rounded half up to two decimals. A table
 * is complete: a last rule, «nessuna fascia», gives {@code fascia} "" and 0 points where no band applies (a parameter
 * absent, a value beyond or between the bands, nothing ticked).
 *
 * <p>Each rule's description says in Italian what it encodes («SOGGETTIVA 1 fascia a: Valore ISEE (€) fino a
 * 5.142,58 → 5 punti»), and it is what the explanation of a score shows.
 */
public final class DmnCondizioni {

    public static final String TOTALE = "TOTALE";
    public static final String PREFISSO_GRUPPO = "NON_CUMULABILI_";
    public static final String SUFFISSO_PER_OGNI = "_PER_OGNI";
    /** The output columns of every condition's table. */
    public static final String FASCIA = "fascia";
    public static final String PUNTI = "punti";
    /** The entries of a group's decision: the code of the condition that counts, and its points. */
    public static final String CONTA = "conta";

    private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";

    private DmnCondizioni() {
    }

    /** A generated model: its DMN text and, for the explanation, the label of each input. */
    public record Modello(String nome, String namespace, String xml, Map<String, String> etichetteInput) {
    }

    // ------------------------------------------------------------------------------------------------ names

    /** The model's name: «bando-12-condizioni-v3». */
    public static String nome(long bandoId, int versione) {
        return "bando-" + bandoId + "-condizioni-v" + versione;
    }

    public static String namespace(long bandoId, int versione) {
        return "https://piattaformacasa.it/dmn/marche/bando-" + bandoId + "/condizioni-v" + versione;
    }

    /** The decision of a condition's bands: its code, a valid FEEL name. */
    public static String decisione(ContenitoreCondizione c) {
        return c.name();
    }

    public static String decisionePerOgni(ContenitoreCondizione c) {
        return c.name() + SUFFISSO_PER_OGNI;
    }

    /** {@code ISEE} → {@code isee}, {@code MINORI_A_CARICO} → {@code minoriACarico}. */
    public static String variabile(ParametroCondizione p) {
        return camel(p.name(), false);
    }

    /** The letter ticked for a condition without parameter: {@code fasciaOggettiva3Bis}. */
    public static String variabileFascia(ContenitoreCondizione c) {
        return "fascia" + camel(c.name(), true);
    }

    /** How many times a «per ogni» band counts: {@code ripetizioniSoggettiva4}. */
    public static String variabileRipetizioni(ContenitoreCondizione c) {
        return "ripetizioni" + camel(c.name(), true);
    }

    private static String camel(String costante, boolean iniziale) {
        StringBuilder nome = new StringBuilder();
        for (String parte : costante.toLowerCase(Locale.ROOT).split("_")) {
            if (parte.isEmpty()) {
                continue;
            }
            nome.append(nome.isEmpty() && !iniziale ? parte : Character.toUpperCase(parte.charAt(0)) + parte.substring(1));
        }
        return nome.toString();
    }

    // ------------------------------------------------------------------------------------------------ shape

    /** Whether the bando uses the condition (it has bands). */
    static boolean usata(Condizione c) {
        return c != null && !c.fasce().isEmpty();
    }

    /** The bands chosen by the parameter's value: those with bounds. */
    static boolean conLimiti(Fascia f) {
        return f.oltre() != null || f.finoA() != null;
    }

    /**
     * What the model cannot express although {@link GrigliaCondizioni#errori()} lets it through, with the fields as the
     * API names them: on a condition with a parameter, a band is chosen by the value, so every band needs bounds except
     * one «per ogni» band, which adds its points × ripetizioni.
     */
    public static List<Errore> errori(GrigliaCondizioni griglia) {
        List<Errore> errori = new ArrayList<>();
        for (int i = 0; i < griglia.condizioni().size(); i++) {
            Condizione c = griglia.condizioni().get(i);
            if (!usata(c) || c.parametroCondizione() == null) {
                continue;
            }
            String etichetta = c.contenitore().etichetta();
            int perOgni = 0;
            for (int j = 0; j < c.fasce().size(); j++) {
                Fascia f = c.fasce().get(j);
                if (f == null) {
                    continue;
                }
                String quale = etichetta + ", fascia " + ContenitoreCondizione.lettera(j);
                if (f.perOgni() && ++perOgni > 1) {
                    errori.add(new Errore("condizioni[" + i + "].fasce[" + j + "]", "una condizione con il parametro «"
                            + c.parametroCondizione().etichetta() + "» ha al più una fascia «per ogni» (" + quale + ")"));
                } else if (!f.perOgni() && !conLimiti(f)) {
                    errori.add(new Errore("condizioni[" + i + "].fasce[" + j + "]", "con il parametro «"
                            + c.parametroCondizione().etichetta() + "» una fascia si sceglie dal valore: indicare «oltre» "
                            + "e/o «fino a», oppure renderla «per ogni» (" + quale + ")"));
                }
            }
        }
        return errori;
    }

    // --------------------------------------------------------------------------------------------- generator

    /**
     * The DMN model of a valid grid version.
     *
     * @throws DatiNonValidiException when the grid is not valid or has bands the model cannot express
     */
    public static Modello genera(long bandoId, int versione, GrigliaCondizioni griglia) {
        List<Errore> errori = new ArrayList<>(griglia.errori());
        if (errori.isEmpty()) {
            errori.addAll(errori(griglia));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        return new Generatore(bandoId, versione, griglia).genera();
    }

    private static final class Generatore {

        private final long bandoId;
        private final int versione;
        private final GrigliaCondizioni griglia;
        private final StringBuilder xml = new StringBuilder();
        /** Input data: variable → label, in order of first use. */
        private final Map<String, String> input = new LinkedHashMap<>();
        private final Map<String, String> tipiInput = new LinkedHashMap<>();
        /** Decisions (name → the decisions and inputs it requires), for the diagram. */
        private final Map<String, List<String>> requisiti = new LinkedHashMap<>();
        private final List<String> tabelle = new ArrayList<>();
        private final List<String> gruppi = new ArrayList<>();

        Generatore(long bandoId, int versione, GrigliaCondizioni griglia) {
            this.bandoId = bandoId;
            this.versione = versione;
            this.griglia = griglia;
        }

        Modello genera() {
            String nome = nome(bandoId, versione);
            String namespace = namespace(bandoId, versione);
            xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                    .append("<definitions xmlns=\"").append(DMN).append("\"\n")
                    .append("             xmlns:dmndi=\"https://www.omg.org/spec/DMN/20191111/DMNDI/\"\n")
                    .append("             xmlns:dc=\"http://www.omg.org/spec/DMN/20180521/DC/\"\n")
                    .append("             xmlns:di=\"http://www.omg.org/spec/DMN/20180521/DI/\"\n")
                    .append("             id=\"Definitions_").append(nome.replace('-', '_')).append("\"\n")
                    .append("             name=\"").append(nome).append("\"\n")
                    .append("             namespace=\"").append(namespace).append("\">\n");
            elemento(2, "description", "Griglia di punteggio (condizioni) del bando " + bandoId + ", versione " + versione
                    + " (D.G.R. 492/2008, L.R. 36/2005; Regione Marche). Modello derivato dalla versione salvata della griglia, "
                    + "che resta la fonte: non modificare qui. Una decisione per condizione usata (hit policy UNIQUE sulle fasce), "
                    + "una per ogni gruppo di condizioni non cumulabili (conta solo quella con più punti) e TOTALE, la somma "
                    + "con due decimali (arrotondamento half up).");
            xml.append("  <itemDefinition id=\"ItemDefinition_tFascia\" name=\"tFascia\">\n")
                    .append("    <itemComponent id=\"ItemComponent_tFascia_fascia\" name=\"fascia\"><typeRef>string</typeRef></itemComponent>\n")
                    .append("    <itemComponent id=\"ItemComponent_tFascia_punti\" name=\"punti\"><typeRef>number</typeRef></itemComponent>\n")
                    .append("  </itemDefinition>\n")
                    .append("  <itemDefinition id=\"ItemDefinition_tCandidato\" name=\"tCandidato\">\n")
                    .append("    <itemComponent id=\"ItemComponent_tCandidato_codice\" name=\"codice\"><typeRef>string</typeRef></itemComponent>\n")
                    .append("    <itemComponent id=\"ItemComponent_tCandidato_punti\" name=\"punti\"><typeRef>number</typeRef></itemComponent>\n")
                    .append("  </itemDefinition>\n")
                    .append("  <itemDefinition id=\"ItemDefinition_tCandidati\" name=\"tCandidati\" isCollection=\"true\">\n")
                    .append("    <typeRef>tCandidato</typeRef>\n  </itemDefinition>\n")
                    .append("  <itemDefinition id=\"ItemDefinition_tNonCumulabili\" name=\"tNonCumulabili\">\n")
                    .append("    <itemComponent id=\"ItemComponent_tNonCumulabili_candidati\" name=\"candidati\"><typeRef>tCandidati</typeRef></itemComponent>\n")
                    .append("    <itemComponent id=\"ItemComponent_tNonCumulabili_massimo\" name=\"massimo\"><typeRef>number</typeRef></itemComponent>\n")
                    .append("    <itemComponent id=\"ItemComponent_tNonCumulabili_conta\" name=\"conta\"><typeRef>string</typeRef></itemComponent>\n")
                    .append("    <itemComponent id=\"ItemComponent_tNonCumulabili_punti\" name=\"punti\"><typeRef>number</typeRef></itemComponent>\n")
                    .append("  </itemDefinition>\n");

            List<String> addendi = new ArrayList<>();
            Map<String, List<Condizione>> perGruppo = new LinkedHashMap<>();
            for (Condizione c : griglia.condizioni()) {
                if (!usata(c)) {
                    continue;
                }
                List<String> decisioni = condizione(c);
                String punti = String.join(" + ", decisioni.stream().map(Generatore::puntiDi).toList());
                if (c.gruppoNonCumulabile() != null && !c.gruppoNonCumulabile().isBlank()) {
                    perGruppo.computeIfAbsent(c.gruppoNonCumulabile(), g -> new ArrayList<>()).add(c);
                } else {
                    addendi.add(punti);
                }
            }
            int numero = 0;
            for (Map.Entry<String, List<Condizione>> gruppo : perGruppo.entrySet()) {
                String decisione = PREFISSO_GRUPPO + (++numero);
                gruppo(decisione, gruppo.getKey(), gruppo.getValue());
                addendi.add(decisione + "." + PUNTI);
            }
            totale(addendi);
            input.forEach((variabile, etichetta) -> {
                xml.append("  <inputData id=\"InputData_").append(variabile).append("\" name=\"").append(variabile).append("\">\n");
                elemento(4, "description", etichetta);
                xml.append("    <variable id=\"Variable_").append(variabile).append("\" name=\"").append(variabile)
                        .append("\" typeRef=\"").append(tipiInput.get(variabile)).append("\" />\n")
                        .append("  </inputData>\n");
            });
            diagramma();
            xml.append("</definitions>\n");
            return new Modello(nome, namespace, xml.toString(), Map.copyOf(input));
        }

        /** The decisions of one condition; returns their names. */
        private List<String> condizione(Condizione c) {
            ContenitoreCondizione contenitore = c.contenitore();
            ParametroCondizione parametro = c.parametroCondizione();
            List<String> decisioni = new ArrayList<>();
            if (parametro == null) {
                String variabile = variabileFascia(contenitore);
                String ripetizioni = variabileRipetizioni(contenitore);
                boolean perOgni = c.fasce().stream().anyMatch(Fascia::perOgni);
                input(variabile, "Lettera della fascia spuntata per " + contenitore.etichetta() + " (una sola)", "string");
                if (perOgni) {
                    input(ripetizioni, "Quante volte conta la fascia «per ogni» di " + contenitore.etichetta()
                            + " (1 se non indicato)", "number");
                }
                List<String[]> regole = new ArrayList<>();
                for (int j = 0; j < c.fasce().size(); j++) {
                    Fascia f = c.fasce().get(j);
                    String lettera = ContenitoreCondizione.lettera(j);
                    String descrizione = contenitore.etichetta() + " fascia " + lettera + " spuntata: "
                            + (f.perOgni() ? punti(f.punti()) + " per ogni unità × ripetizioni" : punti(f.punti()))
                            + testoFascia(f);
                    regole.add(new String[] {lettera, "\"" + lettera + "\"", f.perOgni()
                            ? numero(f.punti()) + " * " + ripetizioni : numero(f.punti()), descrizione});
                }
                regole.add(nessuna(contenitore.etichetta() + ": nessuna fascia spuntata → 0 punti", "-", "false"));
                tabella(decisione(contenitore), c, variabile, "Fascia spuntata", "string",
                        perOgni ? List.of(variabile, ripetizioni) : List.of(variabile), regole);
                decisioni.add(decisione(contenitore));
                return decisioni;
            }
            String variabile = variabile(parametro);
            input(variabile, parametro.etichetta(), "number");
            List<String[]> regole = new ArrayList<>();
            int perOgni = -1;
            for (int j = 0; j < c.fasce().size(); j++) {
                Fascia f = c.fasce().get(j);
                String lettera = ContenitoreCondizione.lettera(j);
                if (f.perOgni()) {
                    perOgni = j;
                    continue;
                }
                regole.add(new String[] {lettera, intervallo(f), numero(f.punti()), contenitore.etichetta() + " fascia " + lettera
                        + ": " + parametro.etichetta() + " " + f.intervallo() + " → " + punti(f.punti()) + testoFascia(f)});
            }
            if (!regole.isEmpty()) {
                List<String[]> fuori = complemento(c.fasce().stream().filter(f -> !f.perOgni()).toList());
                regole.add(nessuna(contenitore.etichetta() + ": nessuna fascia (" + parametro.etichetta() + " non indicato) → 0 punti",
                        "-", "false"));
                if (!fuori.isEmpty()) {
                    regole.add(nessuna(contenitore.etichetta() + ": nessuna fascia (" + parametro.etichetta() + " "
                            + String.join(" oppure ", fuori.stream().map(g -> g[1]).toList()) + ") → 0 punti",
                            String.join(", ", fuori.stream().map(g -> g[0]).toList()), "true"));
                }
                tabella(decisione(contenitore), c, variabile, parametro.etichetta(), "number", List.of(variabile), regole);
                decisioni.add(decisione(contenitore));
            }
            if (perOgni >= 0) {
                Fascia f = c.fasce().get(perOgni);
                String lettera = ContenitoreCondizione.lettera(perOgni);
                String ripetizioni = variabileRipetizioni(contenitore);
                input(ripetizioni, "Quante volte conta la fascia «per ogni» di " + contenitore.etichetta()
                        + (regole.isEmpty() ? " (se non indicato: " + parametro.etichetta() + ")" : ""), "number");
                String descrizione = contenitore.etichetta() + " fascia " + lettera + ": " + punti(f.punti())
                        + " per ogni unità × ripetizioni" + testoFascia(f);
                tabella(decisionePerOgni(contenitore), c, ripetizioni, "Ripetizioni", "number", List.of(ripetizioni),
                        List.of(new String[] {lettera, "&gt; 0", numero(f.punti()) + " * " + ripetizioni, descrizione},
                                nessuna(contenitore.etichetta() + " fascia " + lettera + ": ripetizioni non indicate → 0 punti",
                                        "-", "false"),
                                nessuna(contenitore.etichetta() + " fascia " + lettera + ": nessuna ripetizione → 0 punti",
                                        "&lt;= 0", "true")));
                decisioni.add(decisionePerOgni(contenitore));
            }
            return decisioni;
        }

        private void input(String variabile, String etichetta, String tipo) {
            input.putIfAbsent(variabile, etichetta);
            tipiInput.putIfAbsent(variabile, tipo);
        }

        /** rule = {letter, input entry (escaped), output points expression, description}. */
        private void tabella(String decisione, Condizione c, String variabile, String etichettaInput, String tipo,
                             List<String> richiesti, List<String[]> regole) {
            tabelle.add(decisione);
            requisiti.put(decisione, richiesti.stream().map(r -> "#InputData_" + r).toList());
            xml.append("  <decision id=\"Decision_").append(decisione).append("\" name=\"").append(decisione).append("\">\n");
            elemento(4, "description", c.contenitore().etichetta() + (decisione.endsWith(SUFFISSO_PER_OGNI) ? " (fascia «per ogni»)" : "")
                    + ": " + c.testo() + (c.provvisoria() ? " — PROVVISORIA nel modello della Regione" + (c.nota() == null ? "" : ": " + c.nota()) : ""));
            xml.append("    <variable id=\"Variable_").append(decisione).append("\" name=\"").append(decisione)
                    .append("\" typeRef=\"tFascia\" />\n");
            for (String r : richiesti) {
                xml.append("    <informationRequirement id=\"InformationRequirement_").append(decisione).append('_').append(r)
                        .append("\">\n      <requiredInput href=\"#InputData_").append(r).append("\" />\n")
                        .append("    </informationRequirement>\n");
            }
            xml.append("    <decisionTable id=\"DecisionTable_").append(decisione).append("\" hitPolicy=\"UNIQUE\">\n")
                    .append("      <input id=\"Input_").append(decisione).append("\" label=\"").append(attributo(etichettaInput)).append("\">\n")
                    .append("        <inputExpression id=\"InputExpression_").append(decisione).append("\" typeRef=\"").append(tipo)
                    .append("\">\n          <text>").append(variabile).append("</text>\n        </inputExpression>\n      </input>\n")
                    // whether the value was given: a column of its own, because the decision-table analysis (overlaps,
                    // gaps) cannot read a «null» unary test and would skip the table
                    .append("      <input id=\"Input_").append(decisione).append("_indicato\" label=\"")
                    .append(tipo.equals("string") ? "Spuntata" : "Indicato").append("\">\n")
                    .append("        <inputExpression id=\"InputExpression_").append(decisione).append("_indicato\" typeRef=\"boolean\">\n")
                    .append("          <text>").append(variabile).append(" != null</text>\n        </inputExpression>\n      </input>\n")
                    .append("      <output id=\"Output_").append(decisione).append("_fascia\" label=\"Fascia\" name=\"").append(FASCIA)
                    .append("\" typeRef=\"string\" />\n")
                    .append("      <output id=\"Output_").append(decisione).append("_punti\" label=\"Punti\" name=\"").append(PUNTI)
                    .append("\" typeRef=\"number\" />\n");
            int nessuna = 0;
            for (String[] regola : regole) {
                String id = decisione + "_" + (regola[0].isEmpty() ? "nessuna" + (++nessuna) : regola[0]);
                xml.append("      <rule id=\"Rule_").append(id).append("\">\n");
                elemento(8, "description", regola[3]);
                xml.append("        <inputEntry id=\"UnaryTests_").append(id).append("\">\n          <text>").append(regola[1])
                        .append("</text>\n        </inputEntry>\n")
                        .append("        <inputEntry id=\"UnaryTests_").append(id).append("_indicato\">\n          <text>")
                        .append(regola.length > 4 ? regola[4] : "true").append("</text>\n        </inputEntry>\n")
                        .append("        <outputEntry id=\"LiteralExpression_").append(id).append("_fascia\">\n          <text>\"")
                        .append(regola[0]).append("\"</text>\n        </outputEntry>\n")
                        .append("        <outputEntry id=\"LiteralExpression_").append(id).append("_punti\">\n          <text>")
                        .append(regola[2]).append("</text>\n        </outputEntry>\n")
                        .append("      </rule>\n");
            }
            xml.append("    </decisionTable>\n  </decision>\n");
        }

        private void gruppo(String decisione, String gruppo, List<Condizione> membri) {
            gruppi.add(decisione);
            List<String> richieste = new ArrayList<>();
            List<String> candidati = new ArrayList<>();
            for (Condizione c : membri) {
                List<String> sue = new ArrayList<>();
                sue.add(decisione(c.contenitore()));
                if (c.parametroCondizione() != null && c.fasce().stream().anyMatch(Fascia::perOgni)) {
                    if (c.fasce().stream().noneMatch(f -> !f.perOgni())) {
                        sue.clear();
                    }
                    sue.add(decisionePerOgni(c.contenitore()));
                }
                richieste.addAll(sue);
                candidati.add("{codice: \"" + c.contenitore().name() + "\", punti: "
                        + String.join(" + ", sue.stream().map(Generatore::puntiDi).toList()) + "}");
            }
            requisiti.put(decisione, richieste.stream().map(r -> "#Decision_" + r).toList());
            xml.append("  <decision id=\"Decision_").append(decisione).append("\" name=\"").append(decisione).append("\">\n");
            elemento(4, "description", "Condizioni non cumulabili (gruppo " + gruppo + "): "
                    + String.join(", ", membri.stream().map(c -> c.contenitore().etichetta()).toList())
                    + ". Conta solo quella con più punti («conta»: il suo codice; a parità la prima nell'ordine della griglia); "
                    + "le altre non si sommano.");
            xml.append("    <variable id=\"Variable_").append(decisione).append("\" name=\"").append(decisione).append("\" typeRef=\"tNonCumulabili\" />\n");
            for (String r : richieste) {
                xml.append("    <informationRequirement id=\"InformationRequirement_").append(decisione).append('_').append(r)
                        .append("\">\n      <requiredDecision href=\"#Decision_").append(r).append("\" />\n")
                        .append("    </informationRequirement>\n");
            }
            String feel = "{\n  candidati: [" + String.join(", ", candidati) + "],\n"
                    + "  massimo: max(candidati.punti),\n"
                    + "  " + CONTA + ": if massimo > 0 then (candidati[item.punti = massimo])[1].codice else null,\n"
                    + "  " + PUNTI + ": massimo\n}";
            xml.append("    <literalExpression id=\"LiteralExpression_").append(decisione).append("\">\n      <text>")
                    .append(testo(feel)).append("</text>\n    </literalExpression>\n  </decision>\n");
        }

        private void totale(List<String> addendi) {
            List<String> richieste = new ArrayList<>(tabelle.stream()
                    .filter(t -> !membroDiGruppo(t)).toList());
            richieste.addAll(gruppi);
            requisiti.put(TOTALE, richieste.stream().map(r -> "#Decision_" + r).toList());
            xml.append("  <decision id=\"Decision_").append(TOTALE).append("\" name=\"").append(TOTALE).append("\">\n");
            elemento(4, "description", "Punteggio della domanda: somma dei punti delle condizioni e, per ogni gruppo non "
                    + "cumulabile, della sola condizione che conta; due decimali, arrotondamento half up.");
            xml.append("    <variable id=\"Variable_").append(TOTALE).append("\" name=\"").append(TOTALE).append("\" typeRef=\"number\" />\n");
            for (String r : richieste) {
                xml.append("    <informationRequirement id=\"InformationRequirement_").append(TOTALE).append('_').append(r)
                        .append("\">\n      <requiredDecision href=\"#Decision_").append(r).append("\" />\n")
                        .append("    </informationRequirement>\n");
            }
            List<String> termini = new ArrayList<>(List.of("0"));
            termini.addAll(addendi);
            xml.append("    <literalExpression id=\"LiteralExpression_").append(TOTALE).append("\" typeRef=\"number\">\n      <text>")
                    .append(testo("round half up(sum([" + String.join(", ", termini) + "]), 2)"))
                    .append("</text>\n    </literalExpression>\n  </decision>\n");
        }

        private boolean membroDiGruppo(String decisione) {
            String codice = decisione.endsWith(SUFFISSO_PER_OGNI)
                    ? decisione.substring(0, decisione.length() - SUFFISSO_PER_OGNI.length()) : decisione;
            Condizione c = griglia.condizione(ContenitoreCondizione.valueOf(codice));
            return c.gruppoNonCumulabile() != null && !c.gruppoNonCumulabile().isBlank();
        }

        /** A diagram (DMNDI) so that Camunda Modeler and bpmn.io draw the requirements graph: inputs, tables, groups, total. */
        private void diagramma() {
            Map<String, int[]> posizioni = new LinkedHashMap<>();
            int x = 20;
            for (String variabile : input.keySet()) {
                posizioni.put("InputData_" + variabile, new int[] {x, 40, 160, 50});
                x += 190;
            }
            x = 20;
            for (String t : tabelle) {
                posizioni.put("Decision_" + t, new int[] {x, 220, 180, 80});
                x += 210;
            }
            x = 20;
            for (String g : gruppi) {
                posizioni.put("Decision_" + g, new int[] {x, 420, 180, 80});
                x += 210;
            }
            posizioni.put("Decision_" + TOTALE, new int[] {20 + 210 * gruppi.size(), 420, 180, 80});
            xml.append("  <dmndi:DMNDI>\n    <dmndi:DMNDiagram id=\"DMNDiagram_1\">\n");
            posizioni.forEach((id, p) -> xml.append("      <dmndi:DMNShape id=\"DMNShape_").append(id).append("\" dmnElementRef=\"")
                    .append(id).append("\">\n        <dc:Bounds height=\"").append(p[3]).append("\" width=\"").append(p[2])
                    .append("\" x=\"").append(p[0]).append("\" y=\"").append(p[1]).append("\" />\n      </dmndi:DMNShape>\n"));
            requisiti.forEach((decisione, fonti) -> {
                int[] a = posizioni.get("Decision_" + decisione);
                for (String fonte : fonti) {
                    String id = fonte.substring(1);
                    int[] da = posizioni.get(id);
                    xml.append("      <dmndi:DMNEdge id=\"DMNEdge_").append(decisione).append('_').append(id)
                            .append("\" dmnElementRef=\"InformationRequirement_").append(decisione).append('_')
                            .append(id.substring(id.indexOf('_') + 1)).append("\">\n")
                            .append("        <di:waypoint x=\"").append(da[0] + da[2] / 2).append("\" y=\"").append(da[1] + da[3]).append("\" />\n")
                            .append("        <di:waypoint x=\"").append(a[0] + a[2] / 2).append("\" y=\"").append(a[1]).append("\" />\n")
                            .append("      </dmndi:DMNEdge>\n");
                }
            });
            xml.append("    </dmndi:DMNDiagram>\n  </dmndi:DMNDI>\n");
        }

        /** The points of a table's decision, 0 when no rule applied. */
        private static String puntiDi(String decisione) {
            return "(if " + decisione + " = null then 0 else " + decisione + "." + PUNTI + ")";
        }

        private void elemento(int rientro, String nome, String contenuto) {
            xml.append(" ".repeat(rientro)).append('<').append(nome).append('>').append(testo(contenuto)).append("</")
                    .append(nome).append(">\n");
        }
    }

    /**
     * A rule of «no band»: with them the table is complete (every input, null included, matches exactly one rule), so
     * no value leaves it without a result and KIE has nothing to warn about. KIE's default output entries would do the
     * same but are parsed again at every evaluation (measured: they made the model about ten times slower).
     */
    private static String[] nessuna(String descrizione, String test, String indicato) {
        return new String[] {"", test, "0", descrizione, indicato};
    }

    /**
     * What the bands with bounds leave uncovered on the number line, as {FEEL unary test (escaped), Italian text}: the
     * gaps below the first band, between two bands and above the last. The bands do not overlap
     * ({@link GrigliaCondizioni#errori()}).
     */
    static List<String[]> complemento(List<Fascia> fasce) {
        List<Fascia> ordinate = fasce.stream().sorted(java.util.Comparator.comparing(Fascia::oltre,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))).toList();
        List<String[]> buchi = new ArrayList<>();
        BigDecimal cursore = null; // null before the first band: minus infinity
        boolean inizio = true;
        for (Fascia f : ordinate) {
            if (f.oltre() != null) {
                if (inizio) {
                    buchi.add(new String[] {"&lt;= " + numero(f.oltre()), "fino a " + italiano(f.oltre())});
                } else if (cursore.compareTo(f.oltre()) < 0) {
                    buchi.add(new String[] {"(" + numero(cursore) + ".." + numero(f.oltre()) + "]",
                            "oltre " + italiano(cursore) + " fino a " + italiano(f.oltre())});
                }
            }
            inizio = false;
            cursore = f.finoA();
            if (cursore == null) {
                return buchi; // the last band is open above
            }
        }
        if (cursore != null) {
            buchi.add(new String[] {"&gt; " + numero(cursore), "oltre " + italiano(cursore)});
        }
        return buchi;
    }

    private static String italiano(BigDecimal valore) {
        return ItalianFormats.decimale(valore, valore.stripTrailingZeros().scale() > 0 ? 2 : 0);
    }

    /** The FEEL unary test of a band: {@code (5142.58..7713.87]}, {@code <= 5142.58}, {@code > 4}. */
    static String intervallo(Fascia f) {
        if (f.oltre() != null && f.finoA() != null) {
            return "(" + numero(f.oltre()) + ".." + numero(f.finoA()) + "]";
        }
        return f.oltre() != null ? "&gt; " + numero(f.oltre()) : "&lt;= " + numero(f.finoA());
    }

    private static String numero(BigDecimal valore) {
        return valore.stripTrailingZeros().toPlainString();
    }

    /** «5 punti», «1 punto», «3,50 punti». */
    static String punti(BigDecimal punti) {
        int decimali = punti.stripTrailingZeros().scale() > 0 ? 2 : 0;
        return ItalianFormats.decimale(punti, decimali) + (punti.compareTo(BigDecimal.ONE) == 0 ? " punto" : " punti");
    }

    private static String testoFascia(Fascia f) {
        return " («" + f.testo() + "»)" + (f.provvisoria() ? " — PROVVISORIO nel modello della Regione"
                + (f.nota() == null ? "" : ": " + f.nota()) : "");
    }

    /** XML text escaping. */
    static String testo(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** XML attribute escaping. */
    static String attributo(String s) {
        return testo(s).replace("\"", "&quot;");
    }
}
