package it.piattaformacasa.marche;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.ItalianFormats;

/**
 * A Marche bando's scoring grid («Condizioni», seed 004 Fig. 8–11): for each container of {@link ContenitoreCondizione}
 * its text, the parameter its bands are measured on, the group of conditions it does not add up with, and up to six
 * bands with their points. A container without bands is not used by the bando. The same shape is the model resource
 * ({@code marche/modello-condizioni.json}), a saved version (JSON in {@code marche_condizioni}) and the API's body.
 */
public record GrigliaCondizioni(List<Condizione> condizioni) {

    /** Points and bounds: at most this many digits before the comma, two after. */
    static final BigDecimal PUNTI_MASSIMI = new BigDecimal("100");
    static final BigDecimal LIMITE_MASSIMO = new BigDecimal("9999999.99");
    private static final String GRUPPO = "[A-Z0-9_-]{1,30}";

    /**
     * One container. {@code gruppoNonCumulabile}: conditions with the same group do not add up — only the one with the
     * most points counts (seed 004, Fig. 18a: «Le condizioni 1,2,3 e 4 non sono cumulabili»). {@code provvisoria}
     * and {@code nota}: the model's values the manual does not give.
     */
    public record Condizione(String codice, String testo, String parametro, String gruppoNonCumulabile, boolean provvisoria,
                             String nota, List<Fascia> fasce) {

        public Condizione {
            fasce = fasce == null ? List.of() : List.copyOf(fasce);
        }

        public ContenitoreCondizione contenitore() {
            return ContenitoreCondizione.valueOf(codice);
        }

        public ParametroCondizione parametroCondizione() {
            return parametro == null || parametro.isBlank() ? null : ParametroCondizione.valueOf(parametro);
        }

        public Condizione conFasce(List<Fascia> nuove) {
            return new Condizione(codice, testo, parametro, gruppoNonCumulabile, provvisoria, nota, nuove);
        }
    }

    /**
     * A band («a.» … «f.»): it applies when the parameter is above {@code oltre} (if set) and up to {@code finoA} (if
     * set); {@code perOgni}: its points are given for each unit («aumento di punti 1 per ogni ulteriore componente»).
     */
    public record Fascia(String testo, BigDecimal punti, BigDecimal oltre, BigDecimal finoA, boolean perOgni,
                         boolean provvisoria, String nota) {

        boolean conLimiti() {
            return oltre != null || finoA != null;
        }

        /** «oltre 5.142,58 fino a 7.713,87». */
        public String intervallo() {
            String testo = (oltre == null ? "" : "oltre " + ItalianFormats.decimale(oltre, oltre.stripTrailingZeros().scale() > 0 ? 2 : 0))
                    + (oltre != null && finoA != null ? " " : "")
                    + (finoA == null ? "" : "fino a " + ItalianFormats.decimale(finoA, finoA.stripTrailingZeros().scale() > 0 ? 2 : 0));
            return testo;
        }

        /** The same band as the Comune changed it: no longer the model's provisional value. */
        Fascia definita() {
            return new Fascia(testo, punti, oltre, finoA, perOgni, false, null);
        }

        boolean stessiValori(Fascia altra) {
            return altra != null && Objects.equals(testo, altra.testo) && uguali(punti, altra.punti) && uguali(oltre, altra.oltre)
                    && uguali(finoA, altra.finoA) && perOgni == altra.perOgni;
        }

        private static boolean uguali(BigDecimal a, BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }
    }

    public GrigliaCondizioni {
        condizioni = condizioni == null ? List.of() : List.copyOf(condizioni);
    }

    /** The conditions in the seed's order (SOGGETTIVA 1 … 10, OGGETTIVA 1 … 5). Call only on a valid grid. */
    public GrigliaCondizioni ordinata() {
        return new GrigliaCondizioni(condizioni.stream().sorted(Comparator.comparing(Condizione::contenitore)).toList());
    }

    public Condizione condizione(ContenitoreCondizione contenitore) {
        return condizioni.stream().filter(c -> contenitore.name().equals(c.codice())).findFirst().orElse(null);
    }

    /**
     * This grid as saved over {@code precedente}: a band the Comune changed, or added, loses the model's «provisional»
     * mark; one it left as it was keeps it.
     */
    public GrigliaCondizioni rispetto(GrigliaCondizioni precedente) {
        List<Condizione> risultato = new ArrayList<>();
        for (Condizione c : condizioni) {
            Condizione prima = precedente == null ? null : precedente.condizioni.stream()
                    .filter(p -> Objects.equals(p.codice(), c.codice())).findFirst().orElse(null);
            List<Fascia> fasce = new ArrayList<>();
            for (int i = 0; i < c.fasce().size(); i++) {
                Fascia f = c.fasce().get(i);
                Fascia stessa = prima != null && i < prima.fasce().size() ? prima.fasce().get(i) : null;
                fasce.add(f.stessiValori(stessa) ? stessa : f.definita());
            }
            risultato.add(c.conFasce(fasce));
        }
        return new GrigliaCondizioni(risultato);
    }

    /**
     * What makes the grid unusable, each with the field as the API names it ({@code condizioni[3].fasce[1].punti}) and
     * the reason in Italian; empty when valid. Every container once; texts given and bounded; points from 0 to 100
     * with two decimals; at most six bands; bounds only on a condition with a parameter, «oltre» below «fino a», and
     * bands whose intervals do not overlap; a non-cumulative group of at least two conditions of the same kind.
     */
    public List<Errore> errori() {
        List<Errore> errori = new ArrayList<>();
        Set<ContenitoreCondizione> visti = EnumSet.noneOf(ContenitoreCondizione.class);
        Map<String, List<ContenitoreCondizione>> gruppi = new LinkedHashMap<>();
        for (int i = 0; i < condizioni.size(); i++) {
            Condizione c = condizioni.get(i);
            String campo = "condizioni[" + i + "]";
            if (c == null) {
                errori.add(new Errore(campo, "condizione mancante"));
                continue;
            }
            ContenitoreCondizione contenitore = ContenitoreCondizione.di(c.codice()).orElse(null);
            if (contenitore == null) {
                errori.add(new Errore(campo + ".codice", "condizione sconosciuta: " + c.codice()
                        + " (ammesse SOGGETTIVA_1 … SOGGETTIVA_10, OGGETTIVA_1 … OGGETTIVA_5 e OGGETTIVA_3_BIS)"));
                continue;
            }
            if (!visti.add(contenitore)) {
                errori.add(new Errore(campo + ".codice", "la condizione " + contenitore.etichetta() + " compare due volte"));
                continue;
            }
            if (c.testo() == null || c.testo().isBlank()) {
                errori.add(new Errore(campo + ".testo", "obbligatorio: il testo della condizione " + contenitore.etichetta()));
            } else if (c.testo().length() > 1000) {
                errori.add(new Errore(campo + ".testo", "al più 1000 caratteri"));
            }
            ParametroCondizione parametro = null;
            if (c.parametro() != null && !c.parametro().isBlank()) {
                try {
                    parametro = ParametroCondizione.valueOf(c.parametro());
                } catch (IllegalArgumentException e) {
                    errori.add(new Errore(campo + ".parametro", "parametro sconosciuto: " + c.parametro()));
                }
            }
            if (c.gruppoNonCumulabile() != null && !c.gruppoNonCumulabile().isBlank()) {
                if (!c.gruppoNonCumulabile().matches(GRUPPO)) {
                    errori.add(new Errore(campo + ".gruppoNonCumulabile",
                            "al più 30 lettere maiuscole, cifre, «-» o «_», ad esempio ALLOGGIO"));
                } else {
                    gruppi.computeIfAbsent(c.gruppoNonCumulabile(), g -> new ArrayList<>()).add(contenitore);
                }
            }
            errori.addAll(erroriFasce(campo, contenitore, parametro, c));
        }
        for (ContenitoreCondizione contenitore : ContenitoreCondizione.values()) {
            if (!visti.contains(contenitore)) {
                errori.add(new Errore("condizioni", "manca la condizione " + contenitore.etichetta()
                        + " (senza fasce se il bando non la usa)"));
            }
        }
        gruppi.forEach((gruppo, membri) -> {
            if (membri.size() < 2) {
                errori.add(new Errore("condizioni", "il gruppo non cumulabile " + gruppo + " ha la sola condizione "
                        + membri.get(0).etichetta() + ": un gruppo riunisce almeno due condizioni"));
            } else if (membri.stream().map(ContenitoreCondizione::soggettiva).distinct().count() > 1) {
                errori.add(new Errore("condizioni", "il gruppo non cumulabile " + gruppo
                        + " mescola condizioni soggettive e oggettive"));
            }
        });
        return errori;
    }

    private static List<Errore> erroriFasce(String campo, ContenitoreCondizione contenitore, ParametroCondizione parametro,
                                            Condizione c) {
        List<Errore> errori = new ArrayList<>();
        if (c.fasce().size() > ContenitoreCondizione.FASCE_MASSIME) {
            errori.add(new Errore(campo + ".fasce", "al più " + ContenitoreCondizione.FASCE_MASSIME
                    + " fasce per condizione, dalla a alla f"));
            return errori;
        }
        List<Integer> conLimiti = new ArrayList<>();
        for (int j = 0; j < c.fasce().size(); j++) {
            Fascia f = c.fasce().get(j);
            String nome = campo + ".fasce[" + j + "]";
            String quale = contenitore.etichetta() + ", fascia " + ContenitoreCondizione.lettera(j);
            if (f == null) {
                errori.add(new Errore(nome, "fascia mancante"));
                continue;
            }
            if (f.testo() == null || f.testo().isBlank()) {
                errori.add(new Errore(nome + ".testo", "obbligatorio: il testo della fascia (" + quale + ")"));
            } else if (f.testo().length() > 500) {
                errori.add(new Errore(nome + ".testo", "al più 500 caratteri"));
            }
            if (f.punti() == null) {
                errori.add(new Errore(nome + ".punti", "obbligatori: i punti della fascia (" + quale + ")"));
            } else if (f.punti().signum() < 0) {
                errori.add(new Errore(nome + ".punti", "i punti non possono essere negativi (" + quale + ")"));
            } else if (f.punti().compareTo(PUNTI_MASSIMI) > 0 || f.punti().stripTrailingZeros().scale() > 2) {
                errori.add(new Errore(nome + ".punti", "da 0 a 100 punti, con al più due decimali (" + quale + ")"));
            }
            if (!f.conLimiti()) {
                continue;
            }
            if (f.perOgni()) {
                errori.add(new Errore(nome, "una fascia «per ogni» unità non ha limiti «oltre» e «fino a» (" + quale + ")"));
                continue;
            }
            if (parametro == null) {
                errori.add(new Errore(nome, "i limiti «oltre» e «fino a» richiedono il parametro della condizione (" + quale + ")"));
                continue;
            }
            boolean limitiValidi = true;
            for (Map.Entry<String, BigDecimal> limite : limiti(f).entrySet()) {
                BigDecimal v = limite.getValue();
                if (v.signum() < 0 || v.compareTo(LIMITE_MASSIMO) > 0 || v.stripTrailingZeros().scale() > parametro.decimali()) {
                    errori.add(new Errore(nome + "." + limite.getKey(), (parametro.decimali() == 0
                            ? "un numero intero non negativo" : "un valore non negativo con al più due decimali")
                            + " (" + quale + ": " + parametro.etichetta() + ")"));
                    limitiValidi = false;
                }
            }
            if (limitiValidi && f.oltre() != null && f.finoA() != null && f.oltre().compareTo(f.finoA()) >= 0) {
                errori.add(new Errore(nome + ".finoA", "«fino a» deve essere maggiore di «oltre» (" + quale + ")"));
                limitiValidi = false;
            }
            if (limitiValidi) {
                conLimiti.add(j);
            }
        }
        // bands (oltre, finoA] with open ends: sorted by their lower end, each must end where or before the next begins
        List<Integer> ordinate = conLimiti.stream().sorted(Comparator.comparing((Integer j) -> c.fasce().get(j).oltre(),
                Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        for (int k = 1; k < ordinate.size(); k++) {
            Fascia prima = c.fasce().get(ordinate.get(k - 1));
            Fascia dopo = c.fasce().get(ordinate.get(k));
            if (prima.finoA() == null || dopo.oltre() == null || prima.finoA().compareTo(dopo.oltre()) > 0) {
                errori.add(new Errore(campo + ".fasce[" + ordinate.get(k) + "]", "la fascia "
                        + ContenitoreCondizione.lettera(ordinate.get(k)) + " (" + dopo.intervallo() + ") si sovrappone alla fascia "
                        + ContenitoreCondizione.lettera(ordinate.get(k - 1)) + " (" + prima.intervallo() + ") di "
                        + contenitore.etichetta()));
            }
        }
        return errori;
    }

    private static Map<String, BigDecimal> limiti(Fascia f) {
        Map<String, BigDecimal> limiti = new LinkedHashMap<>();
        if (f.oltre() != null) {
            limiti.put("oltre", f.oltre());
        }
        if (f.finoA() != null) {
            limiti.put("finoA", f.finoA());
        }
        return limiti;
    }
}
