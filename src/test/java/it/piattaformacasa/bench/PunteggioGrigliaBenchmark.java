package it.piattaformacasa.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import it.piattaformacasa.marche.ContenitoreCondizione;
import it.piattaformacasa.marche.GrigliaCondizioni;
import it.piattaformacasa.marche.ModelloCondizioni;
import it.piattaformacasa.marche.ParametroCondizione;
import it.piattaformacasa.marche.PunteggioGriglia.DatiPunteggio;
import it.piattaformacasa.marche.PunteggioGrigliaDmn;
import it.piattaformacasa.regole.RegoleDerivate;
import it.piattaformacasa.regole.kie.ModelliDerivati;

/**
 * A Marche grid (the Region's model, 16 conditions) through its derived DMN model: the first compilation of a version
 * (generation, validation, decision-table analysis, KIE build), a cached one, and the evaluation of N domande with random
 * data on one thread (median and 95th percentile over N, default 1000, after a warm-up). Run with
 * {@code ./mvnw -Pbench verify -Dtest=PunteggioGrigliaBenchmark}. It measures; it asserts nothing about time.
 */
class PunteggioGrigliaBenchmark {

    @Test
    void compilazioneEValutazioneDellaGrigliaDelModello() throws Exception {
        int n = Integer.getInteger("bench.domande", 1000);
        GrigliaCondizioni griglia = new ModelloCondizioni().griglia();
        ModelliDerivati modelli = new ModelliDerivati(50);
        PunteggioGrigliaDmn punteggio = new PunteggioGrigliaDmn(new RegoleDerivate(modelli));

        long inizio = System.nanoTime();
        punteggio.dmn(1, 1, griglia); // the very first: KIE's own start-up cost too
        double primaAssoluta = (System.nanoTime() - inizio) / 1e6;
        double[] compilazioni = new double[5];
        for (int v = 0; v < compilazioni.length; v++) { // further versions: what a «Salva» costs once KIE is warm
            inizio = System.nanoTime();
            punteggio.dmn(1, 2 + v, griglia);
            compilazioni[v] = (System.nanoTime() - inizio) / 1e6;
        }

        SplittableRandom caso = new SplittableRandom(2026);
        DatiPunteggio[] domande = new DatiPunteggio[n];
        for (int i = 0; i < n; i++) {
            domande[i] = dati(caso);
        }
        for (int giro = 0; giro < 3; giro++) { // warm-up
            for (DatiPunteggio d : domande) {
                punteggio.calcola(1, 2, griglia, d);
            }
        }
        inizio = System.nanoTime();
        punteggio.dmn(1, 2, griglia); // after the warm-up: what a save of an unchanged grid, or a download, costs
        double inCache = (System.nanoTime() - inizio) / 1e6;
        double[] tempi = new double[n];
        BigDecimal somma = BigDecimal.ZERO;
        long tutte = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            somma = somma.add(punteggio.calcola(1, 2, griglia, domande[i]).totale());
            tempi[i] = (System.nanoTime() - t) / 1e6;
        }
        double secondi = (System.nanoTime() - tutte) / 1e9;
        Arrays.sort(tempi);
        Arrays.sort(compilazioni);
        String risultato = String.format(Locale.ROOT, "Griglia Marche (modello della Regione, 16 condizioni) come DMN derivato%n"
                        + "  prima compilazione nella JVM: %.0f ms; compilazione di un'altra versione (mediana di %d): %.0f ms; "
                        + "versione già compilata: %.2f ms%n"
                        + "  valutazione di %d domande, un thread: mediana %.3f ms, 95° percentile %.3f ms, %.0f domande/s "
                        + "(somma dei punteggi %s); compilazioni: %d%n",
                primaAssoluta, compilazioni.length, compilazioni[compilazioni.length / 2], inCache, n, tempi[n / 2],
                tempi[(int) (n * 0.95)], n / secondi, somma, modelli.compilazioni());
        System.out.println(risultato);
        Path file = Path.of("target", "bench", "punteggio-griglia.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, risultato);
    }

    private static DatiPunteggio dati(SplittableRandom caso) {
        Map<ParametroCondizione, BigDecimal> valori = new EnumMap<>(ParametroCondizione.class);
        valori.put(ParametroCondizione.ISEE, BigDecimal.valueOf(caso.nextInt(0, 1_500_000), 2));
        valori.put(ParametroCondizione.COMPONENTI, BigDecimal.valueOf(caso.nextInt(1, 8)));
        if (caso.nextInt(4) == 0) {
            valori.put(ParametroCondizione.INVALIDITA, BigDecimal.valueOf(caso.nextInt(6000, 10001), 2));
        }
        valori.put(ParametroCondizione.MINORI, BigDecimal.valueOf(caso.nextInt(0, 5)));
        valori.put(ParametroCondizione.ANNI_PARTECIPAZIONE, BigDecimal.valueOf(caso.nextInt(0, 10)));
        Map<ContenitoreCondizione, Set<String>> spuntate = new EnumMap<>(ContenitoreCondizione.class);
        if (caso.nextBoolean()) {
            spuntate.put(ContenitoreCondizione.OGGETTIVA_1, Set.of("a"));
        }
        if (caso.nextBoolean()) {
            spuntate.put(ContenitoreCondizione.OGGETTIVA_2, Set.of("a"));
        }
        if (caso.nextInt(3) == 0) {
            spuntate.put(ContenitoreCondizione.OGGETTIVA_5, Set.of(String.valueOf((char) ('a' + caso.nextInt(6)))));
        }
        Map<ContenitoreCondizione, Integer> ripetizioni = caso.nextInt(5) == 0
                ? Map.of(ContenitoreCondizione.SOGGETTIVA_4, caso.nextInt(1, 3)) : Map.of();
        return new DatiPunteggio(valori, spuntate, ripetizioni);
    }
}
