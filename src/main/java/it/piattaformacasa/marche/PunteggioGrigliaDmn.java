package it.piattaformacasa.marche;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.marche.GrigliaCondizioni.Condizione;
import it.piattaformacasa.marche.GrigliaCondizioni.Fascia;
import it.piattaformacasa.regole.RegolaApplicata;
import it.piattaformacasa.regole.RegoleDerivate;
import it.piattaformacasa.regole.RegoleNonValideException;

/**
 * {@link PunteggioGriglia} through the platform's rule machinery (ADR 16): the grid version becomes a DMN model
 * ({@link DmnCondizioni}), compiled once per content by {@code regole.RegoleDerivate} and evaluated by KIE; the score's
 * lines come from the decisions and their explanation from the rules that fired.
 *
 * <p>What the desk sends is checked first (400 naming the field): values not negative and with the parameter's
 * decimals, at most one ticked band per condition and only bands that exist on a condition without parameter,
 * ripetizioni not negative and only for a condition with a «per ogni» band. A parameter absent scores nothing. The
 * count of a «per ogni» band is {@code ripetizioni}; on a condition with a parameter and only «per ogni» bands (years
 * of participation) it is the parameter's value when no ripetizioni are given; on a condition without parameter, 1.
 */
@Service
public class PunteggioGrigliaDmn implements PunteggioGriglia {

    private static final int MODELLI_IN_MEMORIA = 200;

    private final RegoleDerivate regole;
    /** The generated source of each grid version, so that an evaluation neither regenerates nor rehashes it. */
    private final Map<Chiave, Generato> generati = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Chiave, Generato> eldest) {
            return size() > MODELLI_IN_MEMORIA;
        }
    });

    private record Chiave(long bandoId, int versione, GrigliaCondizioni griglia) {
    }

    private record Generato(DmnCondizioni.Modello modello, RegoleDerivate.Sorgente sorgente) {
    }

    public PunteggioGrigliaDmn(RegoleDerivate regole) {
        this.regole = regole;
    }

    /**
     * The DMN text of a grid version, compiled and validated as the catalogue's rules are.
     *
     * @throws DatiNonValidiException naming the field, when the grid is not valid or its model does not compile
     */
    public String dmn(long bandoId, int versione, GrigliaCondizioni griglia) {
        return generato(bandoId, versione, griglia).sorgente().testo();
    }

    @Override
    public Punteggio calcola(long bandoId, int versione, GrigliaCondizioni griglia, DatiPunteggio dati) {
        Generato generato = generato(bandoId, versione, griglia);
        Map<String, Object> input = input(griglia, dati);
        RegoleDerivate.Esito esito = regole.valuta(generato.sorgente(), input);

        Map<String, List<RegolaApplicata>> perDecisione = esito.spiegazione().stream()
                .collect(Collectors.groupingBy(RegolaApplicata::decisione, LinkedHashMap::new, Collectors.toList()));
        Set<String> escluse = escluse(griglia, esito);
        List<Voce> voci = new ArrayList<>();
        for (Condizione c : griglia.condizioni()) {
            if (!DmnCondizioni.usata(c)) {
                continue;
            }
            for (String decisione : List.of(DmnCondizioni.decisione(c.contenitore()), DmnCondizioni.decisionePerOgni(c.contenitore()))) {
                if (!(esito.decisioni().get(decisione) instanceof Map<?, ?> risultato) 
                        || !(risultato.get(DmnCondizioni.FASCIA) instanceof String lettera) || lettera.isEmpty()) {
                    continue; // no such decision, or no rule applied (the table's defaults)
                }
                BigDecimal punti = ((BigDecimal) risultato.get(DmnCondizioni.PUNTI)).setScale(2, RoundingMode.HALF_UP);
                Fascia fascia = c.fasce().get(lettera.charAt(0) - 'a');
                String spiegazione = perDecisione.getOrDefault(decisione, List.of()).stream()
                        .map(r -> spiegazione(r, generato.modello().etichetteInput()))
                        .collect(Collectors.joining("; "));
                voci.add(new Voce(c.contenitore(), lettera, fascia.testo(), punti, spiegazione,
                        !escluse.contains(c.contenitore().name())));
            }
        }
        BigDecimal totale = ((BigDecimal) esito.decisioni().get(DmnCondizioni.TOTALE)).setScale(2, RoundingMode.HALF_UP);
        return new Punteggio(totale, voci);
    }

    /** The members of each non-cumulative group that do not count: every one but the group's «conta». */
    private static Set<String> escluse(GrigliaCondizioni griglia, RegoleDerivate.Esito esito) {
        Set<String> escluse = new java.util.HashSet<>();
        Map<String, String> conta = new HashMap<>();
        esito.decisioni().forEach((nome, valore) -> {
            if (nome.startsWith(DmnCondizioni.PREFISSO_GRUPPO) && valore instanceof Map<?, ?> gruppo) {
                Object codice = gruppo.get(DmnCondizioni.CONTA);
                if (gruppo.get("candidati") instanceof List<?> candidati) {
                    for (Object candidato : candidati) {
                        if (candidato instanceof Map<?, ?> m) {
                            conta.put(String.valueOf(m.get("codice")), codice == null ? "" : codice.toString());
                        }
                    }
                }
            }
        });
        conta.forEach((membro, vincitore) -> {
            if (!membro.equals(vincitore)) {
                escluse.add(membro);
            }
        });
        return escluse;
    }

    /**
     * What the operator reads beside a band: the rule that fired, without the band's text the line already shows,
     * and the values it measured — «SOGGETTIVA 1 fascia a: Valore ISEE (€) fino a 5.142,58 → 5 punti; Valore ISEE (€):
     * 4.800,00». A value the model does not source is said to be provisional; the DMN file keeps the whole note.
     */
    private static String spiegazione(RegolaApplicata regola, Map<String, String> etichette) {
        String descrizione = regola.descrizione();
        int testoFascia = descrizione.indexOf(" («");
        boolean provvisoria = descrizione.contains("PROVVISORIO");
        String regolaBreve = (testoFascia < 0 ? descrizione : descrizione.substring(0, testoFascia))
                + (provvisoria ? " (valore provvisorio del modello della Regione)" : "");
        // the values measured (a parameter, a count); a ticked letter is already in the rule's text
        String valori = regola.input().entrySet().stream().filter(e -> e.getValue() instanceof BigDecimal)
                .map(e -> (e.getKey().startsWith("ripetizioni") ? "volte" : etichette.getOrDefault(e.getKey(), e.getKey())) + ": "
                        + valore(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        return regolaBreve + (valori.isEmpty() ? "" : "; " + valori);
    }

    /** A measured value as its parameter is written: euro with two decimals, counts and years as whole numbers. */
    private static String valore(String variabile, Object valore) {
        if (valore instanceof BigDecimal numero) {
            int decimali = java.util.Arrays.stream(ParametroCondizione.values())
                    .filter(p -> p.name().replace("_", "").equalsIgnoreCase(variabile)).findFirst()
                    .map(ParametroCondizione::decimali).orElse(numero.stripTrailingZeros().scale() > 0 ? 2 : 0);
            return ItalianFormats.decimale(numero, decimali);
        }
        return valore(valore);
    }

    private static String valore(Object valore) {
        if (valore instanceof BigDecimal numero) {
            return ItalianFormats.decimale(numero, numero.stripTrailingZeros().scale() > 0 ? 2 : 0);
        }
        return valore == null ? "non indicato" : "«" + valore + "»";
    }

    private Generato generato(long bandoId, int versione, GrigliaCondizioni griglia) {
        Chiave chiave = new Chiave(bandoId, versione, griglia);
        Generato gia = generati.get(chiave);
        if (gia != null) {
            return gia;
        }
        DmnCondizioni.Modello modello = DmnCondizioni.genera(bandoId, versione, griglia);
        RegoleDerivate.Sorgente sorgente = RegoleDerivate.Sorgente.di(modello.nome() + ".dmn", modello.xml());
        try {
            regole.compila(sorgente);
        } catch (RegoleNonValideException e) {
            throw new DatiNonValidiException("Le condizioni del bando non si traducono in regole DMN valide",
                    e.problemi().stream().map(p -> new Errore("condizioni", p)).toList());
        }
        Generato nuovo = new Generato(modello, sorgente);
        generati.put(chiave, nuovo);
        return nuovo;
    }

    /** The model's inputs from what the desk sends, checked; every input present (null when absent), as KIE requires. */
    static Map<String, Object> input(GrigliaCondizioni griglia, DatiPunteggio dati) {
        List<Errore> errori = new ArrayList<>();
        Map<String, Object> input = new HashMap<>();
        dati.valori().forEach((parametro, valore) -> {
            if (parametro == null || valore == null) {
                return;
            }
            String campo = "valori." + parametro.name();
            if (valore.signum() < 0) {
                errori.add(new Errore(campo, "non può essere negativo (" + parametro.etichetta() + ")"));
            } else if (valore.stripTrailingZeros().scale() > parametro.decimali()) {
                errori.add(new Errore(campo, (parametro.decimali() == 0 ? "un numero intero"
                        : "al più " + parametro.decimali() + " decimali") + " (" + parametro.etichetta() + ")"));
            }
        });
        dati.ripetizioni().forEach((contenitore, volte) -> {
            if (contenitore == null || volte == null) {
                return;
            }
            Condizione c = griglia.condizione(contenitore);
            String campo = "ripetizioni." + contenitore.name();
            if (volte < 0) {
                errori.add(new Errore(campo, "non può essere negativo (" + contenitore.etichetta() + ")"));
            } else if (volte > 0 && (c == null || c.fasce().stream().noneMatch(Fascia::perOgni))) {
                errori.add(new Errore(campo, "la condizione " + contenitore.etichetta() + " non ha fasce «per ogni»"));
            }
        });
        dati.spuntate().forEach((contenitore, lettere) -> {
            if (contenitore == null || lettere == null || lettere.isEmpty()) {
                return;
            }
            Condizione c = griglia.condizione(contenitore);
            String campo = "spuntate." + contenitore.name();
            if (lettere.size() > 1) {
                errori.add(new Errore(campo, "una sola fascia per la condizione " + contenitore.etichetta() + " (spuntate: "
                        + String.join(", ", lettere.stream().sorted().toList()) + ")"));
            } else if (!DmnCondizioni.usata(c)) {
                errori.add(new Errore(campo, "la condizione " + contenitore.etichetta() + " non è usata dal bando"));
            } else if (c.parametroCondizione() != null) {
                errori.add(new Errore(campo, "la condizione " + contenitore.etichetta() + " si calcola dal valore di «"
                        + c.parametroCondizione().etichetta() + "»: non si spuntano fasce"));
            } else {
                String lettera = lettere.iterator().next();
                int posizione = lettera == null || lettera.length() != 1 ? -1 : lettera.charAt(0) - 'a';
                if (posizione < 0 || posizione >= c.fasce().size()) {
                    errori.add(new Errore(campo, "la fascia «" + lettera + "» non esiste in " + contenitore.etichetta()
                            + " (fasce da a a " + ContenitoreCondizione.lettera(c.fasce().size() - 1) + ")"));
                }
            }
        });
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        for (Condizione c : griglia.condizioni()) {
            if (!DmnCondizioni.usata(c)) {
                continue;
            }
            ContenitoreCondizione contenitore = c.contenitore();
            ParametroCondizione parametro = c.parametroCondizione();
            boolean perOgni = c.fasce().stream().anyMatch(Fascia::perOgni);
            Integer volte = dati.ripetizioni().get(contenitore);
            if (parametro == null) {
                Set<String> lettere = dati.spuntate().getOrDefault(contenitore, Set.of());
                input.put(DmnCondizioni.variabileFascia(contenitore), lettere.isEmpty() ? null : lettere.iterator().next());
                if (perOgni) {
                    input.put(DmnCondizioni.variabileRipetizioni(contenitore), BigDecimal.valueOf(volte == null ? 1 : volte));
                }
                continue;
            }
            BigDecimal valore = dati.valori().get(parametro);
            input.put(DmnCondizioni.variabile(parametro), valore);
            if (perOgni) {
                boolean soloPerOgni = c.fasce().stream().allMatch(Fascia::perOgni);
                input.put(DmnCondizioni.variabileRipetizioni(contenitore), volte != null ? BigDecimal.valueOf(volte)
                        : soloPerOgni ? valore : null);
            }
        }
        return input;
    }
}
